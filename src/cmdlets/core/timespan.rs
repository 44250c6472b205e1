//! New-TimeSpan: the time between two dates (by default both the virtual clock's "now"),
//! or one built from days, hours, minutes and seconds; Measure-Command: how much virtual time
//! a script block took.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, EvalResult};

const TICKS_PER_SECOND: i64 = 10_000_000;

pub fn commands() -> Vec<CommandInfo> {
    vec![CommandInfo::cmdlet("New-TimeSpan", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Commands.NewTimeSpanCommand", || Box::new(NewTimeSpan))
        .param(
            ParamSpec::new("Start", TypeKind::DateTime)
                .position(0)
                .by_name()
                .alias("LastWriteTime")
                .in_set("Date")
                .help("The start; the virtual clock's time by default."),
        )
        .param(ParamSpec::new("End", TypeKind::DateTime).position(1).by_name().in_set("Date").help("The end; the virtual clock's time by default."))
        .param(ParamSpec::new("Days", TypeKind::Int).in_set("Time").help("Days in the span."))
        .param(ParamSpec::new("Hours", TypeKind::Int).in_set("Time").help("Hours in the span."))
        .param(ParamSpec::new("Minutes", TypeKind::Int).in_set("Time").help("Minutes in the span."))
        .param(ParamSpec::new("Seconds", TypeKind::Int).in_set("Time").help("Seconds in the span."))
        .default_set("Date")
        .outputs("System.TimeSpan")
        .synopsis("Creates a TimeSpan object.")
        .description("Between two dates (End - Start; either defaults to the virtual clock's time), or from -Days, -Hours, -Minutes and -Seconds.")
        .example("A polling limit", "$limit = New-TimeSpan -Minutes 30; $limit.TotalSeconds", "1800.")
        .example("Time until a date", "New-TimeSpan -End (Get-Date).AddDays(2)", "A span of two days."),
    CommandInfo::cmdlet("Measure-Command", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Commands.MeasureCommandCommand", || Box::new(MeasureCommand::default()))
        .param(ParamSpec::new("Expression", TypeKind::ScriptBlock).mandatory().position(0).help("The script block to time."))
        .param(ParamSpec::new("InputObject", TypeKind::PSObject).pipeline().help("Each object runs the block once, as $_."))
        .outputs("System.TimeSpan")
        .synopsis("Measures the virtual time a script block takes.")
        .description("Runs the block in the caller's scope (its variables stay, as in 5.1) and throws its output away, then writes the time the world's virtual clock moved meanwhile: what Start-Sleep, provider delays and gateway provisioning took, never the wall clock.")
        .example("How long a poll waits", "(Measure-Command { Start-Sleep -Seconds 90 }).TotalSeconds", "90.")]
}

/// Runs the block once per input object (once without input) and sums the virtual time.
#[derive(Default)]
struct MeasureCommand {
    ticks: i64,
    ran: bool,
}

impl MeasureCommand {
    fn run(&mut self, ctx: &mut Ctx, args: &Args, dollar: Option<Value>) -> EvalResult<()> {
        let Some(Value::ScriptBlock(block)) = args.get("Expression").cloned() else { return Ok(()) };
        let start = ctx.interp.clock.now();
        let mut discard = |_: &mut crate::engine::runtime::Interp, _: Value| Ok(());
        let r = ctx.interp.run_block_here(&block, dollar, &mut discard);
        self.ticks += (ctx.interp.clock.now() - start).num_microseconds().map_or(i64::MAX, |us| us * 10);
        self.ran = true;
        r
    }
}

impl Cmdlet for MeasureCommand {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        match args.get("InputObject") {
            Some(v) => self.run(ctx, args, Some(v.clone())),
            None if !self.ran => self.run(ctx, args, None),
            None => Ok(()),
        }
    }

    fn end(&mut self, ctx: &mut Ctx) -> EvalResult<()> {
        ctx.emit(Value::TimeSpan(self.ticks))
    }
}

struct NewTimeSpan;

impl Cmdlet for NewTimeSpan {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let ticks = if args.set.as_deref() == Some("Time") {
            let part = |name: &str| args.opt::<i64>(name).unwrap_or(0);
            (((part("Days") * 24 + part("Hours")) * 60 + part("Minutes")) * 60 + part("Seconds")) * TICKS_PER_SECOND
        } else {
            let now = ctx.interp.clock.now();
            let date = |name: &str| match args.get(name) {
                Some(Value::DateTime(d)) => *d,
                _ => now,
            };
            (date("End") - date("Start")).num_microseconds().map_or(i64::MAX, |us| us * 10)
        };
        ctx.emit(Value::TimeSpan(ticks))
    }
}
