//! The supporting classic (Service Management) cmdlets the documented workflow needs:
//! accounts and subscriptions, module import, classic VNets and gateways.

mod accounts;
mod module;
pub mod netconfig;
mod vnet;

use crate::engine::command::CommandInfo;

pub fn commands() -> Vec<CommandInfo> {
    let mut all = accounts::commands();
    all.extend(module::commands());
    all.extend(vnet::commands());
    all
}

/// The Profile module's views.
pub fn register() {
    accounts::register_view();
}
