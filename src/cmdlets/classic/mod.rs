//! The classic Azure module (`Azure`, Service Management) as far as the documented
//! workflow needs it: accounts and subscriptions (Azure.Profile), classic VNets and
//! their gateways, the gateways' connections to local networks and their keys.

mod accounts;
mod affinity;
mod connections;
mod gateways;
pub mod netconfig;
mod publish_settings;
mod vnet;

use crate::engine::module::Module;

pub fn module() -> Module {
    let mut m = Module::new(accounts::MODULE, "5.3.0");
    m.commands = accounts::commands();
    m.commands.extend(vnet::commands());
    m.commands.extend(connections::commands());
    m.commands.extend(affinity::commands());
    m.commands.extend(gateways::commands());
    m.commands.extend(publish_settings::commands());
    m.views = vec![accounts::account_view()];
    m
}
