//! The simulation controls: cmdlets with the noun prefix `ErSim` that steer the
//! simulated world (state, provider policy, clock, routing registry, faults,
//! seeds). They never pretend to be Azure cmdlets.

mod clock;
mod faults;
mod policy;
mod registry;
mod routes;
mod state;

use crate::cloud::{CloudError, CloudResult, SimError, SubscriptionId, World};
use crate::engine::command::CommandInfo;
use crate::engine::error::ErrorRecord;
use crate::engine::{Ctx, EvalResult};

use super::world::WorldHandle;

/// The module name Get-Command shows for these cmdlets.
pub const MODULE: &str = "ErSim";

pub fn commands() -> Vec<CommandInfo> {
    let mut all = state::commands();
    all.extend(policy::commands());
    all.extend(clock::commands());
    all.extend(registry::commands());
    all.extend(routes::commands());
    all.extend(faults::commands());
    all
}

/// The .NET-style class name these cmdlets report in FullyQualifiedErrorIds.
fn class_name(cmdlet: &str) -> String {
    format!("ErSim.Commands.{}Command", cmdlet.replace('-', ""))
}

fn info(name: &str, factory: crate::engine::command::CmdletFactory) -> CommandInfo {
    CommandInfo::cmdlet(name, MODULE, &class_name(name), factory)
}

/// The session's world.
fn world(ctx: &mut Ctx) -> EvalResult<WorldHandle> {
    match ctx.interp.extension::<WorldHandle>() {
        Some(w) => Ok(w.clone()),
        None => Err(ctx.terminate(ErrorRecord::new(
            "The simulated world is not available in this session.",
            "System.InvalidOperationException",
            "ResourceUnavailable",
            "NoWorld",
        ))),
    }
}

/// A refused control value: a non-terminating error naming the cmdlet.
fn sim_error(ctx: &mut Ctx, e: SimError) -> EvalResult<()> {
    let fqid = format!("ErSim.InvalidSetting,{}", ctx.command.class_name);
    ctx.write_error(ErrorRecord::new(e.to_string(), "System.ArgumentException", "InvalidArgument", fqid))
}

/// A service answer (e.g. an unknown service key): the same CloseError record the Azure cmdlets write.
fn cloud_error(ctx: &mut Ctx, e: CloudError) -> EvalResult<()> {
    let fqid = ctx.command.class_name.clone();
    ctx.write_error(ErrorRecord::new(e.to_string(), "Hyak.Common.CloudException", "CloseError", fqid))
}

/// Runs a service operation as the selected subscription; a refusal becomes [`cloud_error`].
fn as_caller<R>(ctx: &mut Ctx, op: impl FnOnce(&mut World, &SubscriptionId) -> CloudResult<R>) -> EvalResult<()> {
    let result = world(ctx)?
        .write(|world| {
            let caller = world.selected_subscription().map(|s| s.id).unwrap_or_default();
            op(world, &caller)
        })
        .map_err(|e| ctx.terminate(e))?;
    result.map(|_| ()).or_else(|e| cloud_error(ctx, e))
}
