//! Write-Progress: 5.1's parameters, validation and defaults (Status `Processing`, Id 0,
//! PercentComplete and SecondsRemaining -1, ParentId -1), and `$ProgressPreference`. The
//! record goes to the host, which draws nothing yet: a script's progress calls run and are
//! silent, as 5.1 is when its output is redirected.

use crate::engine::binder::Validator;
use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, EvalResult};

pub fn commands() -> Vec<CommandInfo> {
    let range = |min: i32, max: i32| vec![Validator::Range(Value::Int(min), Value::Int(max))];
    vec![CommandInfo::cmdlet("Write-Progress", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Commands.WriteProgressCommand", || Box::new(WriteProgress))
        .param(ParamSpec::new("Activity", TypeKind::String).mandatory().position(0).help("The first line of the progress: what is being done."))
        .param(ParamSpec { not_null_or_empty: true, ..ParamSpec::new("Status", TypeKind::String).position(1).default_text("Processing").help("The second line: the current state.") })
        .param(ParamSpec { validators: range(0, i32::MAX), ..ParamSpec::new("Id", TypeKind::Int).position(2).default_text("0").help("Distinguishes progress bars shown together.") })
        .param(ParamSpec { validators: range(-1, 100), ..ParamSpec::new("PercentComplete", TypeKind::Int).default_text("-1").help("How much is done, 0 to 100 (-1: no bar).") })
        .param(ParamSpec::new("SecondsRemaining", TypeKind::Int).default_text("-1").help("The time left, in seconds (-1: not shown)."))
        .param(ParamSpec::new("CurrentOperation", TypeKind::String).help("A line under the bar."))
        .param(ParamSpec { validators: range(-1, i32::MAX), ..ParamSpec::new("ParentId", TypeKind::Int).default_text("-1").help("The progress this one is part of.") })
        .param(ParamSpec::switch("Completed").help("Ends the progress bar."))
        .param(ParamSpec::new("SourceId", TypeKind::Int).help("The source of the record."))
        .synopsis("Reports the progress of a long operation.")
        .description("Binds and checks its arguments as 5.1 does and honours $ProgressPreference. ersim draws no progress pane: the calls are silent, as in 5.1 with output redirected.")
        .example("Report a loop's progress", "foreach ($i in 1..4) { Write-Progress -Activity 'Provisioning' -Status \"Circuit $i\" -PercentComplete ($i * 25) }", "Nothing is printed.")]
}

struct WriteProgress;

impl Cmdlet for WriteProgress {
    fn process(&mut self, _ctx: &mut Ctx, _args: &Args) -> EvalResult<()> {
        Ok(())
    }
}
