//! Get-ErSimClock and Step-ErSimClock: the virtual clock every time in ersim reads.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_num;
use crate::engine::error::ErrorCategory;
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, EvalResult};

use super::{info, world};

pub fn commands() -> Vec<CommandInfo> {
    vec![
        info("Get-ErSimClock", || Box::new(GetClock))
            .synopsis("Gets the simulated world's virtual time.")
            .description("Nothing in ersim reads the wall clock; this is the time Get-Date, verbose time stamps and the provider policies use.")
            .example("What time is it in the lab", "Get-ErSimClock", "The virtual date and time.")
            .outputs("System.DateTime"),
        info("Step-ErSimClock", || Box::new(StepClock))
            .param(ParamSpec::new("Duration", TypeKind::TimeSpan).position(0).in_set("Duration").help("How far to move the clock."))
            .param(ParamSpec::new("Seconds", TypeKind::Double).in_set("Units").help("Seconds to add."))
            .param(ParamSpec::new("Minutes", TypeKind::Double).in_set("Units").help("Minutes to add."))
            .param(ParamSpec::new("Hours", TypeKind::Double).in_set("Units").help("Hours to add."))
            .param(ParamSpec::new("Days", TypeKind::Double).in_set("Units").help("Days to add."))
            .default_set("Duration")
            .synopsis("Moves the virtual clock forward.")
            .description(
                "Completes whatever falls due on the way: provider transitions under the Clock policy, gateways with a creation delay. Writes the new time.",
            )
            .example("Let the provider finish", "Step-ErSimClock -Minutes 10", "Ten minutes later on the virtual clock.")
            .outputs("System.DateTime"),
    ]
}

struct GetClock;

impl Cmdlet for GetClock {
    fn process(&mut self, ctx: &mut Ctx, _args: &Args) -> EvalResult<()> {
        let w = world(ctx)?;
        let now = w.read(|world| world.now()).map_err(|e| ctx.terminate(e))?;
        ctx.emit(Value::DateTime(now))
    }
}

struct StepClock;

impl Cmdlet for StepClock {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let mut ticks: f64 = match args.get("Duration") {
            Some(Value::TimeSpan(t)) => *t as f64,
            _ => 0.0,
        };
        for (name, unit) in [("Seconds", 1e7), ("Minutes", 6e8), ("Hours", 3.6e10), ("Days", 8.64e11)] {
            if let Some(n) = args.get(name).and_then(to_num) {
                ticks += n.as_f64() * unit;
            }
        }
        if ticks < 0.0 {
            let fqid = format!("ErSim.InvalidSetting,{}", ctx.command.class_name);
            return ctx.write_error(crate::engine::ErrorRecord::new(
                "The virtual clock only moves forward.",
                "System.ArgumentException",
                ErrorCategory::InvalidArgument,
                fqid,
            ));
        }
        let w = world(ctx)?;
        let now = w.write(|world| {
            world.advance_clock(chrono::Duration::microseconds((ticks / 10.0) as i64));
            world.now()
        });
        let now = now.map_err(|e| ctx.terminate(e))?;
        ctx.emit(Value::DateTime(now))
    }
}
