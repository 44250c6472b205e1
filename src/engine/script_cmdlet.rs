//! What an advanced function gets besides its parameters: the preference variables its common
//! parameters set in its scope (5.1's `CompiledScriptBlock.SetPreferenceVariables`),
//! `$MyInvocation`, and `$PSCmdlet` with the methods scripts call on it (`ShouldProcess`,
//! `ShouldContinue`, `WriteObject`, `WriteError`, `ThrowTerminatingError`, `Write*`), which act
//! as `MshCommandRuntime` does.

use std::rc::{Rc, Weak};

use rustc_hash::FxHashMap;

use crate::lang::ast::{Source, Span};

use super::command::{Args, CommandInfo};
use super::convert;
use super::ctx::{CommonParams, Ctx};
use super::error::{CommandKind, ErrorCategory, ErrorRecord, EvalResult, Flow, InvocationInfo};
use super::prompts::Choice;
use super::redirect::Stream;
use super::runtime::Interp;
use super::types::{ACTION_PREFERENCE, CONFIRM_IMPACT};
use super::value::{PsObject, Value};

pub const PS_SCRIPT_CMDLET: &str = "System.Management.Automation.PSScriptCmdlet";

/// Defines the function's preference variables, `$MyInvocation` and (advanced functions)
/// `$PSCmdlet` in the current scope, the function's own.
pub(super) fn define(interp: &mut Interp, info: &Rc<CommandInfo>, args: &Args, common: &CommonParams, invocation: &InvocationInfo, bound: &Value) {
    let my_invocation = invocation_object(interp, info, invocation, bound);
    interp.set_local("MyInvocation", my_invocation.clone());
    if !info.common_params {
        return;
    }
    let action = |name: &str| convert::convert_enum(&Value::str(name), &ACTION_PREFERENCE).unwrap_or(Value::Null);
    let on_off = |flag: Option<bool>, on: &str| flag.map(|f| action(if f { on } else { "SilentlyContinue" }));
    let mut prefs: Vec<(&str, Value)> = Vec::new();
    // -Debug asks before each debug message in 5.1 (Inquire); ersim's Write-Debug shows it.
    prefs.extend(on_off(common.debug, "Inquire").map(|v| ("DebugPreference", v)));
    prefs.extend(on_off(common.verbose, "Continue").map(|v| ("VerbosePreference", v)));
    prefs.extend(common.error_action.as_deref().map(|a| ("ErrorActionPreference", action(a))));
    prefs.extend(common.warning_action.as_deref().map(|a| ("WarningPreference", action(a))));
    prefs.extend(common.what_if.map(|w| ("WhatIfPreference", Value::Bool(w))));
    if let Some(c) = common.confirm {
        let impact = if c { "Low" } else { "None" };
        prefs.push(("ConfirmPreference", convert::convert_enum(&Value::str(impact), &CONFIRM_IMPACT).unwrap_or(Value::Null)));
    }
    for (name, value) in prefs {
        interp.set_local(name, value);
    }
    let mut cmdlet = PsObject::typed(PS_SCRIPT_CMDLET);
    cmdlet.add_typed("ParameterSetName", "string", Value::str(args.set.as_deref().unwrap_or("__AllParameterSets")));
    cmdlet.add_typed("MyInvocation", "System.Management.Automation.InvocationInfo", my_invocation);
    interp.set_local("PSCmdlet", Value::object(cmdlet));
}

/// `$MyInvocation` of a function: the command, the name it was called by, its bound
/// parameters, and where the call is.
fn invocation_object(interp: &mut Interp, info: &Rc<CommandInfo>, invocation: &InvocationInfo, bound: &Value) -> Value {
    let command = match (&info.script_file, invocation.command_kind) {
        (None, CommandKind::ExternalScript) => Value::object(script_info(invocation.command.as_deref().unwrap_or_default())),
        _ => interp.function_object(info),
    };
    let mut o = PsObject::typed("System.Management.Automation.InvocationInfo");
    // Made at every call: room for its eight properties at once, not grown three times.
    o.props.reserve_exact(8);
    o.add_typed("MyCommand", "System.Management.Automation.CommandInfo", command);
    o.add_typed("BoundParameters", "System.Collections.Generic.Dictionary[string,System.Object]", bound.clone());
    o.add_typed("InvocationName", "string", Value::str(&invocation.invocation_name));
    let (line, col, text, path) = match &invocation.position {
        Some((src, span)) => interp.call_position(src, span.start),
        None => (0, 0, Value::str(""), Value::str("")),
    };
    o.add_typed("ScriptLineNumber", "int", Value::Int(line));
    o.add_typed("OffsetInLine", "int", Value::Int(col));
    o.add_typed("ScriptName", "string", path.clone());
    o.add_typed("Line", "string", text);
    o.add_typed("PSCommandPath", "string", path);
    Value::object(o)
}

/// What the `$MyInvocation` of every call to the same function from the same place shares.
#[derive(Default)]
pub struct InvocationParts {
    /// The `FunctionInfo` of each function called, by its command's identity.
    functions: FxHashMap<*const CommandInfo, (Weak<CommandInfo>, Value)>,
    /// Each call site's line, column, line text and script path, by its source and offset:
    /// finding the line counts the lines before it, which a call in a loop would do every turn.
    positions: FxHashMap<(*const Source, usize), (Weak<Source>, CallPosition)>,
}

type CallPosition = (i32, i32, Value, Value);

/// The entries of code that is gone (functions defined and dropped over and over, scripts made
/// by `[scriptblock]::Create` in a loop) are forgotten when a table grows this large.
const KEPT_PARTS: usize = 1024;

impl Interp {
    /// `$MyInvocation.MyCommand`: one FunctionInfo per function definition, as 5.1's function
    /// table holds one, so a call neither copies the definition's text nor builds the object.
    fn function_object(&mut self, info: &Rc<CommandInfo>) -> Value {
        let key = Rc::as_ptr(info);
        if let Some((_, value)) = self.invocation_parts.functions.get(&key).filter(|(weak, _)| weak.upgrade().is_some_and(|held| Rc::ptr_eq(&held, info))) {
            return value.clone();
        }
        let value = Value::object(match &info.script_file {
            Some(path) => script_info(path),
            None => {
                let mut command = PsObject::typed("System.Management.Automation.FunctionInfo");
                command.add_typed("Name", "string", Value::str(&info.name));
                command.add_typed("CommandType", "System.Management.Automation.CommandTypes", Value::str("Function"));
                let definition = self.function_body(&info.name.to_ascii_lowercase()).map(|b| b.inner_text().to_string()).unwrap_or_default();
                command.add_typed("Definition", "string", Value::str(definition));
                command
            }
        });
        let functions = &mut self.invocation_parts.functions;
        if functions.len() >= KEPT_PARTS {
            functions.retain(|_, (weak, _)| weak.strong_count() > 0);
        }
        functions.insert(key, (Rc::downgrade(info), value.clone()));
        value
    }

    /// The line, column, line text and script path of a call at `offset` in `src`.
    fn call_position(&mut self, src: &Rc<Source>, offset: usize) -> CallPosition {
        let key = (Rc::as_ptr(src), offset);
        if let Some((_, position)) = self.invocation_parts.positions.get(&key).filter(|(weak, _)| weak.upgrade().is_some_and(|held| Rc::ptr_eq(&held, src))) {
            return position.clone();
        }
        let (line, col) = src.line_col(offset);
        let position = (line as i32, col as i32, Value::str(src.line_text(offset)), Value::str(src.path.as_deref().unwrap_or_default()));
        let positions = &mut self.invocation_parts.positions;
        if positions.len() >= KEPT_PARTS {
            positions.retain(|_, (weak, _)| weak.strong_count() > 0);
        }
        positions.insert(key, (Rc::downgrade(src), position.clone()));
        position
    }
}

/// `$MyInvocation.MyCommand` of a script run by path (`-File`, `& .\deploy.ps1`): 5.1's
/// ExternalScriptInfo, named by its file name, its path (the lab's) as `Path`, `Definition`
/// and `Source`.
fn script_info(path: &str) -> PsObject {
    let mut command = PsObject::typed("System.Management.Automation.ExternalScriptInfo");
    command.type_names.insert(1, "System.Management.Automation.CommandInfo".into());
    command.add_typed("Name", "string", Value::str(path.rsplit(['/', '\\']).next().unwrap_or(path)));
    command.add_typed("CommandType", "System.Management.Automation.CommandTypes", Value::str("ExternalScript"));
    for property in ["Path", "Definition", "Source"] {
        command.add_typed(property, "string", Value::str(path));
    }
    command
}

fn is_script_cmdlet(v: &Value) -> bool {
    matches!(v, Value::Object(o) if o.borrow().type_names.first().is_some_and(|t| t == PS_SCRIPT_CMDLET))
}

/// `Exception calling "M" with "N" argument(s): "…"`: a .NET exception out of a method call.
fn method_exception(method: &str, args: &[Value], inner: &ErrorRecord) -> ErrorRecord {
    let short = inner.exception_type.rsplit('.').next().unwrap_or_default().to_string();
    ErrorRecord::new(
        format!("Exception calling \"{method}\" with \"{}\" argument(s): \"{}\"", args.len(), inner.message),
        "System.Management.Automation.MethodInvocationException",
        ErrorCategory::NotSpecified,
        short,
    )
}

impl Interp {
    /// A method of `$PSCmdlet`; `None` when `target` is not one or has no such method.
    pub(super) fn script_cmdlet_method(&mut self, target: &Value, name: &str, args: &[Value], span: Span) -> EvalResult<Option<Value>> {
        if !is_script_cmdlet(target) {
            return Ok(None);
        }
        let text = |i: usize| args.get(i).map(Value::to_display_string).unwrap_or_default();
        let r = match (name.to_ascii_lowercase().as_str(), args.len()) {
            ("shouldprocess", 1..=3) => {
                let invocation = self.get_member(target, "MyInvocation");
                let my_command = self.get_member(&invocation, "MyCommand");
                let command = self.get_member(&my_command, "Name").to_display_string();
                let (description, warning, caption) = match args.len() {
                    1 => (format!("Performing the operation \"{command}\" on target \"{}\".", text(0)), String::new(), String::new()),
                    2 => (format!("Performing the operation \"{}\" on target \"{}\".", text(1), text(0)), String::new(), String::new()),
                    _ => (text(0), text(1), text(2)),
                };
                match self.should_process(&command, &description, &warning, &caption) {
                    Ok(yes) => Value::Bool(yes),
                    Err(Flow::Error(inner)) => return Err(self.located(method_exception("ShouldProcess", args, &inner), span)),
                    Err(flow) => return Err(flow),
                }
            }
            ("shouldcontinue", 2) => {
                let mut sink = |_: &mut Interp, _: Value| Ok(());
                let info = self.script_invocation();
                let command = CommandInfo::cmdlet("", "", "", || unreachable!("never run"));
                let mut ctx = Ctx { interp: self, out: &mut sink, info: &info, common: &CommonParams::default(), command: &command };
                match ctx.should_continue(&text(0), &text(1)) {
                    Ok(yes) => Value::Bool(yes),
                    Err(Flow::Error(inner)) => return Err(self.located(method_exception("ShouldContinue", args, &inner), span)),
                    // Ctrl-C at the prompt stops the pipeline, as it does at any prompt.
                    Err(flow) => return Err(flow),
                }
            }
            // The method's output is the statement's: WriteObject(x, $true) enumerates, WriteObject(x) does not.
            ("writeobject", 1) => Value::array(vec![args[0].clone()]),
            ("writeobject", 2) if convert::to_bool(&args[1]) => args[0].clone(),
            ("writeobject", 2) => Value::array(vec![args[0].clone()]),
            ("writeerror", 1) | ("throwterminatingerror", 1) => {
                let mut rec = match &args[0] {
                    Value::Error(e) => (**e).clone(),
                    other => ErrorRecord::runtime(other.to_display_string(), "RuntimeException", ErrorCategory::NotSpecified),
                };
                // `SetInvocationInfo(MyInvocation)`: the record names the function and its call.
                if let Some(inv) = self.invocation_stack.last() {
                    rec.invocation = Some(inv.clone());
                    rec.activity = inv.command.clone().unwrap_or_default();
                }
                if name.eq_ignore_ascii_case("throwterminatingerror") {
                    rec.terminates_script = true;
                    rec.ends_command = true;
                    return Err(Flow::error(rec));
                }
                self.report_error(Rc::new(rec));
                Value::Null
            }
            // A merged stream's record is the method's output, as WriteObject's is.
            ("writeverbose", 1) if self.preference("VerbosePreference") != "SilentlyContinue" => {
                self.write_informational(Stream::Verbose, &text(0), true).unwrap_or(Value::Null)
            }
            ("writewarning", 1) if !matches!(self.preference("WarningPreference").as_str(), "SilentlyContinue" | "Ignore") => {
                self.write_informational(Stream::Warning, &text(0), true).unwrap_or(Value::Null)
            }
            ("writedebug", 1) if self.preference("DebugPreference") != "SilentlyContinue" => {
                self.write_informational(Stream::Debug, &text(0), true).unwrap_or(Value::Null)
            }
            ("writeverbose", 1) | ("writewarning", 1) | ("writedebug", 1) => Value::Null,
            _ => return Ok(None),
        };
        Ok(Some(r))
    }

    /// `MshCommandRuntime.DoShouldProcess`: -WhatIf says what would happen and declines; an
    /// impact below `$ConfirmPreference` goes ahead (with the description under -Verbose);
    /// otherwise the user is asked. `Err` is the host's failure to ask (`Flow::Error`), or Ctrl-C
    /// at the prompt (`Flow::Interrupted`), which stops the pipeline as at any prompt.
    fn should_process(&mut self, command: &str, description: &str, warning: &str, caption: &str) -> Result<bool, Flow> {
        if self.get_var("WhatIfPreference", None).is_some_and(|v| convert::to_bool(&v)) {
            self.host.write_host(&format!("What if: {description}"), true);
            return Ok(false);
        }
        let impact = self.resolve_command(command).map_or(2, |i| i.confirm_impact);
        let threshold = self.get_var("ConfirmPreference", None).and_then(|v| CONFIRM_IMPACT.parse(&v.to_display_string())).map_or(3, |(_, v)| v);
        if threshold == 0 || threshold > impact {
            if self.preference("VerbosePreference") != "SilentlyContinue" {
                self.host.write_verbose(description);
            }
            return Ok(true);
        }
        let warning = if warning.is_empty() { format!("Are you sure you want to perform this action?\n{description}") } else { warning.to_string() };
        let caption = if caption.is_empty() { "Confirm" } else { caption };
        self.confirm_choice(&warning, caption)
    }

    /// 5.1's confirmation with Yes to All and No to All (each answered for this call only).
    pub(super) fn confirm_choice(&mut self, query: &str, caption: &str) -> Result<bool, Flow> {
        let choices = [
            Choice::new("&Yes", "Continue with only the next step of the operation."),
            Choice::new("Yes to &All", "Continue with all the steps of the operation."),
            Choice::new("&No", "Skip this operation and proceed with the next operation."),
            Choice::new("No to A&ll", "Skip this operation and all subsequent operations."),
            Choice::new("&Suspend", "Pause the current pipeline and return to the command prompt. Type \"exit\" to resume the pipeline."),
        ];
        // Yes/No to All answer this call only; Suspend is offered but, with no nested prompt
        // here, asks again.
        loop {
            match self.prompt_for_choice(caption, query, &choices, Some(0))? {
                0 | 1 => return Ok(true),
                2 | 3 => return Ok(false),
                _ => {}
            }
        }
    }
}
