//! Set-StrictMode: the checks of the engine's strict mode, for the calling scope and the
//! scopes it starts.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::error::ErrorCategory;
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, ErrorRecord, EvalResult};

const CORE: &str = "Microsoft.PowerShell.Core";

pub fn commands() -> Vec<CommandInfo> {
    vec![CommandInfo::cmdlet("Set-StrictMode", CORE, "Microsoft.PowerShell.Commands.SetStrictModeCommand", || Box::new(SetStrictMode))
        .param(ParamSpec::new("Version", TypeKind::String).mandatory().alias("v").in_set("Version").help("1.0, 2.0, 3.0 (or a later 5.1 version) or Latest."))
        .param(ParamSpec::switch("Off").mandatory().in_set("Off").help("Turns strict mode off."))
        .synopsis("Establishes and enforces coding rules in scripts and script blocks.")
        .description(
            "Version 1 refuses variables that were never set (except inside strings); version 2 also inside strings, properties an object does not have and functions called like methods; 3.0 and Latest add nothing more in ersim.",
        )
        .example("Catch typing mistakes", "Set-StrictMode -Version Latest\n$circuitName = 'lab'\n\"$circuitName\"", "A misspelt variable would now be an error.")]
}

struct SetStrictMode;

impl Cmdlet for SetStrictMode {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        if args.switch("Off") {
            ctx.interp.set_strict_version(0);
            return Ok(());
        }
        let given = args.get("Version").cloned().unwrap_or(Value::Null);
        let Some(version) = strict_version(&given) else {
            // The transformation made a bare number a version first: `7` is reported as 7.0.
            let text = to_string(&given);
            let text = if text.trim().parse::<i64>().is_ok() { format!("{}.0", text.trim()) } else { text };
            let rec = ErrorRecord::new(
                format!("Cannot validate argument on parameter 'Version'. The \"{text}\" argument does not contain a valid PowerShell version. Supply a valid version number and then try the command again."),
                "System.Management.Automation.ParameterBindingValidationException",
                ErrorCategory::InvalidData,
                "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.SetStrictModeCommand",
            );
            return Err(ctx.terminate(rec));
        };
        // The command runs in its caller's scope: the version holds for the script or function
        // that called it.
        ctx.interp.set_strict_version(version);
        Ok(())
    }
}

/// 5.1's ArgumentToVersionTransformation and ValidateVersion: `Latest`, a major number or a
/// version string naming a PowerShell release (1.0 to 5.1).
fn strict_version(v: &Value) -> Option<u8> {
    let text = to_string(v);
    let text = text.trim();
    if text.eq_ignore_ascii_case("latest") {
        return Some(5);
    }
    let (major, minor) = match text.split_once('.') {
        Some((a, b)) => (a.parse::<u8>().ok()?, b.parse::<u8>().ok()?),
        None => (text.parse::<u8>().ok()?, 0),
    };
    let valid = matches!((major, minor), (1..=5, 0) | (5, 1));
    valid.then_some(major)
}
