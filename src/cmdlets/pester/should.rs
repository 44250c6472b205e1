//! Should: the assertion. Its input is collected (one item is itself, several an array),
//! the operator chosen by its switch (or, in the legacy form `Should Be 3` that 5.1-era
//! scripts use, by the first words), and a failure throws Pester's assertion error, which
//! ends the test and is reported with its message and the line of the Should.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, EvalResult};

use super::info;
use super::should_ops::{check, Check, OPERATORS};

/// The FullyQualifiedErrorId of a failed assertion, by which the report tells it from other errors.
pub const ASSERTION_ID: &str = "PesterAssertionFailed";

pub fn command() -> CommandInfo {
    let mut c = info("Should", || Box::new(Should::default()))
        .param(ParamSpec::new("ActualValue", TypeKind::Object).pipeline().help("The value tested; usually piped in."))
        .param(
            ParamSpec::new("ExpectedValue", TypeKind::Object)
                .position(0)
                .help("The value the operator compares with (also a regular expression, wildcard, count, or -Throw's message)."),
        )
        .param(ParamSpec::new("LegacyArguments", TypeKind::Object).array().remaining().help("The words of the legacy form: Should Be 3, Should Not Match 'x'."))
        .param(ParamSpec::switch("Not").help("Reverses the assertion."))
        .param(ParamSpec::new("Because", TypeKind::String).help("Why the assertion should hold; the failure message says it."))
        .param(ParamSpec::new("ExpectedType", TypeKind::Object).help("-BeOfType's type ([int] or a type name)."))
        .param(ParamSpec::new("ExpectedMessage", TypeKind::String).help("-Throw: the exception's message, a wildcard pattern."))
        .param(ParamSpec::new("ErrorId", TypeKind::String).help("-Throw: part of the error's FullyQualifiedErrorId."))
        .param(ParamSpec::new("ExceptionType", TypeKind::Object).help("-Throw: the exception's type or one of its bases."))
        .param(ParamSpec::switch("PassThru").help("-Throw: writes the error that was thrown."))
        .param(ParamSpec::new("ParameterName", TypeKind::String).help("-HaveParameter: the parameter's name."))
        .param(ParamSpec::new("Type", TypeKind::Object).help("-HaveParameter: the parameter's type."))
        .param(ParamSpec::switch("Mandatory").help("-HaveParameter: the parameter is mandatory."))
        .param(ParamSpec::new("Alias", TypeKind::String).array().help("-HaveParameter: aliases the parameter has."))
        .param(ParamSpec::new("CommandName", TypeKind::String).help("-Invoke: the mocked command (also the first positional value)."))
        .param(ParamSpec::new("Times", TypeKind::Int).help("-Invoke: how many calls, at least (1 by default) or exactly with -Exactly."))
        .param(ParamSpec::switch("Exactly").help("-Invoke: exactly -Times calls."))
        .param(ParamSpec::new("ParameterFilter", TypeKind::ScriptBlock).help("-Invoke: counts only the calls for which it returns true."))
        .param(ParamSpec::new("Scope", TypeKind::String).help("-Invoke: It, Context or Describe, where the calls were made (the running test by default)."))
        .param(ParamSpec::new("ModuleName", TypeKind::String).help("-Invoke: accepted; a mock's calls are counted wherever they were made."));
    for (name, aliases, help) in OPERATORS {
        let mut p = ParamSpec::switch(name).help(help);
        for a in *aliases {
            p = p.alias(a);
        }
        c = c.param(p);
    }
    c.synopsis("Asserts a value: a failure ends the test with Pester's message.")
        .description("Operators: -Be, -BeExactly, -BeNullOrEmpty, -BeTrue, -BeFalse, -Match, -MatchExactly, -BeLike, -BeLikeExactly, -BeOfType, -HaveCount, -Contain, -BeIn, -BeGreaterThan, -BeLessThan, -BeGreaterOrEqual, -BeLessOrEqual, -Exist, -FileContentMatch, -FileContentMatchExactly, -FileContentMatchMultiline, -Throw, -HaveParameter, -Invoke and -InvokeVerifiable; -Not reverses any of them and -Because adds a reason to the message. The legacy form without dashes (Should Be 3) works as well.")
        .example("A passing assertion", "1 + 1 | Should -Be 2", "Nothing: the assertion holds.")
        .example("An expected exception", "{ throw 'no circuit' } | Should -Throw -ExpectedMessage 'no*'", "Nothing: the script block threw a matching error.")
        .example("The legacy form", "'abc' | Should Match 'b'", "Nothing: the assertion holds.")
}

#[derive(Default)]
struct Should {
    args: Args,
    input: Vec<Value>,
}

impl Cmdlet for Should {
    fn begin(&mut self, _ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        self.args = args.clone();
        Ok(())
    }

    fn process(&mut self, _ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        if let Some(v) = args.get("ActualValue") {
            self.input.push(v.clone());
        }
        Ok(())
    }

    fn end(&mut self, ctx: &mut Ctx) -> EvalResult<()> {
        let actual = match self.input.len() {
            0 => Value::Null,
            1 => self.input.pop().unwrap_or(Value::Null),
            _ => Value::array(std::mem::take(&mut self.input)),
        };
        let args = &self.args;
        let mut not = args.switch("Not");
        let mut expected = args.get("ExpectedValue").cloned().unwrap_or(Value::Null);
        let mut op = OPERATORS.iter().map(|(n, _, _)| *n).find(|n| args.switch(n));
        if op.is_none() {
            // The legacy form: [Not] Operator [value].
            let mut words: Vec<Value> = Vec::new();
            if let Some(v) = args.get("ExpectedValue") {
                words.push(v.clone());
            }
            if let Some(rest) = args.get("LegacyArguments") {
                words.extend(rest.enumerate());
            }
            let mut words = words.into_iter();
            let mut next = words.next();
            if next.as_ref().is_some_and(|w| to_string(w).eq_ignore_ascii_case("Not")) {
                not = true;
                next = words.next();
            }
            op = next.and_then(|w| {
                let w = to_string(&w);
                OPERATORS.iter().find(|(n, aliases, _)| n.eq_ignore_ascii_case(&w) || aliases.iter().any(|a| a.eq_ignore_ascii_case(&w))).map(|(n, _, _)| *n)
            });
            expected = words.next().unwrap_or(Value::Null);
        }
        let Some(op) = op else {
            return Err(ctx.terminate(ErrorRecord::new(
                "Could not find any operator. Use one of the Should operators, such as -Be, -BeExactly or -Throw.",
                "System.ArgumentException",
                ErrorCategory::InvalidArgument,
                "ShouldOperatorMissing",
            )));
        };
        let c = Check { op, actual: actual.clone(), expected, not, because: args.string("Because"), args: args.clone() };
        match check(ctx, &c)? {
            Ok(passthru) => {
                if let Some(v) = passthru {
                    ctx.emit(v)?;
                }
                Ok(())
            }
            Err(message) => {
                let flow = assertion_failed(ctx, message, &actual);
                // Going on after a failure: Should.ErrorAction = 'Continue', or -ErrorAction
                // Continue on this Should, inside a running test.
                let pester = super::state::state(ctx.interp);
                let go_on = match &ctx.common.error_action {
                    Some(a) => a.eq_ignore_ascii_case("Continue"),
                    None => pester.continue_on_failure.get(),
                };
                match flow {
                    crate::engine::Flow::Error(rec) if go_on && pester.test_id.get() != 0 => {
                        pester.collected.borrow_mut().push(rec);
                        Ok(())
                    }
                    flow => Err(flow),
                }
            }
        }
    }
}

/// Pester's assertion error: it ends the test, and the report shows its message as it is.
pub fn assertion_failed(ctx: &mut Ctx, message: String, actual: &Value) -> crate::engine::Flow {
    let mut rec = ErrorRecord::new(message, "System.Exception", ErrorCategory::InvalidResult, ASSERTION_ID).with_target(actual);
    rec.terminates_script = true;
    ctx.terminate(rec)
}
