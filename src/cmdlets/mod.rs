//! Cmdlets: thin adapters that bind parameters, call a service and shape the
//! objects they write. `core` holds the host's own cmdlets.

pub mod azure;
pub mod classic;
pub mod core;
pub mod expressroute;
pub mod sim;
pub mod world;

use crate::engine::Interp;

/// Registers every cmdlet and alias ersim offers.
pub fn register_all(interp: &mut Interp) {
    expressroute::register();
    classic::register();
    for info in core::commands().into_iter().chain(classic::commands()).chain(expressroute::commands()).chain(sim::commands()) {
        interp.register(info);
    }
    for (alias, target) in core::ALIASES {
        interp.alias(alias, target);
    }
}
