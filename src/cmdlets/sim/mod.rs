//! The simulation controls: cmdlets with the noun prefix `ErSim` that steer the
//! simulated world (state, provider policy, clock, routing registry, faults,
//! seeds). They never pretend to be Azure cmdlets.

mod clock;
mod faults;
mod policy;
mod registry;
mod routes;
mod state;

use crate::cloud::{CloudResult, SimError, SubscriptionId, World};
use crate::engine::command::CommandInfo;
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::module::Module;
use crate::engine::{Ctx, EvalResult};

use super::azure::{self, Fail};
use super::world::WorldHandle;

/// The module name Get-Command shows for these cmdlets.
pub const MODULE: &str = "ErSim";

/// The simulation controls, versioned with ersim itself.
pub fn module() -> Module {
    let mut m = Module::new(MODULE, env!("CARGO_PKG_VERSION"));
    m.commands = state::commands();
    m.commands.extend(policy::commands());
    m.commands.extend(clock::commands());
    m.commands.extend(registry::commands());
    m.commands.extend(routes::commands());
    m.commands.extend(faults::commands());
    m
}

/// The .NET-style class name these cmdlets report in FullyQualifiedErrorIds.
fn class_name(cmdlet: &str) -> String {
    format!("ErSim.Commands.{}Command", cmdlet.replace('-', ""))
}

fn info(name: &str, factory: crate::engine::command::CmdletFactory) -> CommandInfo {
    CommandInfo::cmdlet(name, MODULE, &class_name(name), factory)
}

/// The session's world; a session without one cannot run the controls at all.
fn world(ctx: &mut Ctx) -> EvalResult<WorldHandle> {
    azure::world(ctx).map_err(|_| {
        ctx.terminate(ErrorRecord::new(
            "The simulated world is not available in this session.",
            "System.InvalidOperationException",
            ErrorCategory::ResourceUnavailable,
            "NoWorld",
        ))
    })
}

/// A refused control value: a non-terminating error naming the cmdlet.
fn sim_error(ctx: &mut Ctx, e: SimError) -> EvalResult<()> {
    let fqid = format!("ErSim.InvalidSetting,{}", ctx.command.class_name);
    ctx.write_error(ErrorRecord::new(e.to_string(), "System.ArgumentException", ErrorCategory::InvalidArgument, fqid))
}

/// Runs a service operation as the selected subscription, in one transaction. With no
/// subscription selected the client's own error answers, as it would for an Azure cmdlet;
/// a refusal of the service is the same CloseError record the Azure cmdlets write.
fn as_caller<R>(ctx: &mut Ctx, op: impl FnOnce(&mut World, &SubscriptionId) -> CloudResult<R>) -> EvalResult<()> {
    let result = world(ctx)?
        .write(|world| -> Result<R, Fail> {
            let caller = azure::selected(world)?;
            Ok(op(world, &caller)?)
        })
        .map_err(|e| ctx.terminate(e))?;
    // The store's own failure ended the control above; the rest is reported as the Azure cmdlets report it.
    result.map(|_| ()).or_else(|fail| azure::report(ctx, fail))
}
