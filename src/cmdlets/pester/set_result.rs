//! Set-ItResult: a test ends itself as skipped (or inconclusive, or pending, which Pester 5
//! also counts as skipped), the report naming why: `[!] name is skipped, because REASON`.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::{Ctx, EvalResult};

use super::info;

/// The FullyQualifiedErrorId of the error Set-ItResult ends a test with.
pub const SKIP_ID: &str = "PesterTestSkipped";

pub fn command() -> CommandInfo {
    info("Set-ItResult", || Box::new(SetItResult))
        .param(ParamSpec::switch("Inconclusive").in_set("Inconclusive").help("The test is inconclusive (counted as skipped)."))
        .param(ParamSpec::switch("Pending").in_set("Pending").help("The test is pending (counted as skipped)."))
        .param(ParamSpec::switch("Skipped").in_set("Skipped").help("The test is skipped."))
        .param(ParamSpec::new("Because", crate::engine::value::TypeKind::String).help("Why; the report says it after the test's name."))
        .synopsis("Ends the running test as skipped, inconclusive or pending.")
        .description(
            "Used inside It: the rest of the test does not run, and the test is counted as skipped; the report shows the state and the reason after its name.",
        )
        .example(
            "Skipping from inside a test",
            "Describe 'lab' { It 'needs a provider' { Set-ItResult -Skipped -Because 'no provider is configured' } } 6> $null",
            "The test is reported as [!] needs a provider is skipped, because no provider is configured.",
        )
}

struct SetItResult;

impl Cmdlet for SetItResult {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let state = if args.switch("Inconclusive") {
            "inconclusive"
        } else if args.switch("Pending") {
            "pending"
        } else {
            "skipped"
        };
        let mut note = format!("is {state}");
        if let Some(b) = args.string("Because").filter(|b| !b.trim().is_empty()) {
            note.push_str(&format!(", because {}", b.trim()));
        }
        let mut rec = ErrorRecord::new(note, "System.Exception", ErrorCategory::NotSpecified, SKIP_ID);
        rec.terminates_script = true;
        Err(ctx.terminate(rec))
    }
}
