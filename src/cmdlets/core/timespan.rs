//! New-TimeSpan: the time between two dates (by default both the virtual clock's "now"),
//! or one built from days, hours, minutes and seconds.

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
        .example("Time until a date", "New-TimeSpan -End (Get-Date).AddDays(2)", "A span of two days.")]
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
