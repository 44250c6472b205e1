//! The supporting classic (Service Management) cmdlets the documented workflow needs:
//! accounts and subscriptions, module import, classic VNets and gateways.

pub mod base;

use crate::engine::command::CommandInfo;

pub fn commands() -> Vec<CommandInfo> {
    Vec::new()
}
