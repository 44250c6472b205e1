//! Cmdlets: thin adapters that bind parameters, call a service and shape the
//! objects they write. `core` holds the host's own cmdlets.

pub mod az;
pub mod azure;
pub mod classic;
pub mod core;
pub mod expressroute;
pub mod pester;
pub mod sim;
pub mod world;

use crate::engine::module::Module;

/// Every module ersim offers, in the order a session loads them.
pub fn modules() -> Vec<Module> {
    let mut all = vec![core::module(), classic::module(), expressroute::module(), sim::module(), pester::module()];
    all.extend(az::modules());
    all
}
