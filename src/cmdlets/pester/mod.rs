//! A built-in Pester (5.x's model and output): Invoke-Pester, the test language (Describe,
//! Context, It and the setup and teardown blocks), Should with its operators, and
//! New-PesterConfiguration. Written in Rust as cmdlets: discovery runs a test file with
//! these commands collecting its tree (`tree.rs`, `blocks.rs`), the run phase walks the
//! tree (`run.rs`) and the report (`report.rs`) prints as it goes.

mod blocks;
mod config;
mod containers;
mod have_parameter;
mod invoke;
mod junit;
mod mock;
mod module_scope;
mod nicely;
mod nunit;
mod report;
mod result;
mod run;
mod set_result;
mod should;
mod should_ops;
mod state;
mod testdrive;
mod tree;

use std::rc::Rc;

use crate::engine::command::{CmdletFactory, CommandInfo};
use crate::engine::module::Module;
use crate::engine::{Ctx, Flow};
use crate::labfs::LabFs;

pub use invoke::standalone;

/// The Pester version whose behaviour this module follows.
pub const PESTER_VERSION: &str = "5.3.3";

const MODULE: &str = "Pester";

pub fn module() -> Module {
    let mut m = Module::new(MODULE, PESTER_VERSION);
    m.commands = vec![invoke::command(), should::command(), config::command(), containers::command()];
    m.commands.extend(blocks::commands());
    m.commands.extend(mock::commands());
    m.commands.push(module_scope::command());
    m.commands.push(set_result::command());
    m
}

fn info(name: &str, factory: CmdletFactory) -> CommandInfo {
    // Pester's commands are script functions of its module; their errors carry no class name.
    CommandInfo::cmdlet(name, MODULE, name, factory)
}

fn lab(ctx: &mut Ctx) -> Result<Rc<LabFs>, Flow> {
    super::core::files::lab(ctx)
}
