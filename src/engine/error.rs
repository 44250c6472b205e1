//! Error records and the non-local control flow of the evaluator.

use std::rc::Rc;

use crate::lang::ast::{Source, Span};
use crate::lang::ParseError;

pub use super::error_category::ErrorCategory;
use super::value::Value;

/// Where a command was invoked: what the NormalView error display quotes.
#[derive(Debug, Clone)]
pub struct InvocationInfo {
    /// The command's name (`MyCommand.Name`), if a command was running.
    pub command: Option<String>,
    pub command_kind: CommandKind,
    /// The name as typed (`InvocationName`).
    pub invocation_name: String,
    pub position: Option<(Rc<Source>, Span)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommandKind {
    Cmdlet,
    Function,
    /// A script file run by path.
    ExternalScript,
    /// A script block with no command (interactive input).
    Script,
    None,
}

impl InvocationInfo {
    pub fn at(source: &Rc<Source>, span: Span) -> InvocationInfo {
        InvocationInfo { command: None, command_kind: CommandKind::None, invocation_name: String::new(), position: Some((source.clone(), span)) }
    }
}

/// A PowerShell ErrorRecord with the fields the error view and `$_` expose.
#[derive(Debug, Clone)]
pub struct ErrorRecord {
    pub message: String,
    /// The exception's full .NET type name; CategoryInfo shows its last segment.
    pub exception_type: String,
    pub category: ErrorCategory,
    /// `CategoryInfo.Activity`: the command name for cmdlet errors, else empty.
    pub activity: String,
    pub target_name: String,
    pub target_type: String,
    pub target_object: Value,
    /// The full FullyQualifiedErrorId.
    pub fqid: String,
    pub invocation: Option<InvocationInfo>,
    /// Set for `throw` so that 5.1's view prints no command prefix.
    pub from_throw: bool,
    /// Parse errors print their own position block.
    pub is_parse_error: bool,
    /// `ErrorDetails.Message`, shown instead of the exception message when set.
    pub error_details: Option<String>,
    /// Raised by `throw` or under `-ErrorAction Stop`: ends the script, not just the statement.
    pub terminates_script: bool,
    /// `$PSCmdlet.ThrowTerminatingError`: ends the running function, then only the statement
    /// that called it.
    pub ends_command: bool,
    /// The .NET exception a RuntimeException wraps (`catch [DivideByZeroException]` sees it).
    pub inner_exception: Option<String>,
    /// Properties the exception's own type declares (name, .NET type, value), which
    /// `$_.Exception` shows before the ones every exception has: a service error's
    /// status and code, so that scripts can branch on them.
    pub exception_properties: Vec<(&'static str, &'static str, Value)>,
    /// The computer an error came from in another runspace (a job's, a remote one): 5.1
    /// shows such a record with no command prefix or position and a `PSComputerName` line.
    pub origin: Option<String>,
    /// The exception object itself when a script made it (`throw $ex`, `Write-Error -Exception`).
    pub exception_object: Option<Value>,
}

impl ErrorRecord {
    pub fn new(message: impl Into<String>, exception_type: &str, category: ErrorCategory, fqid: impl Into<String>) -> ErrorRecord {
        ErrorRecord {
            message: message.into(),
            exception_type: exception_type.to_string(),
            category,
            activity: String::new(),
            target_name: String::new(),
            target_type: String::new(),
            target_object: Value::Null,
            fqid: fqid.into(),
            invocation: None,
            from_throw: false,
            is_parse_error: false,
            error_details: None,
            terminates_script: false,
            ends_command: false,
            inner_exception: None,
            exception_properties: Vec::new(),
            origin: None,
            exception_object: None,
        }
    }

    /// The record as received from `computer`'s runspace (see `origin`).
    pub fn from_computer(mut self, computer: &str) -> ErrorRecord {
        self.origin = Some(computer.to_string());
        self
    }

    /// A record around an exception object a script made: its type and message, and the
    /// object itself as `$_.Exception`.
    pub fn of_exception(exception: &Value, category: ErrorCategory, fqid: Option<&str>) -> ErrorRecord {
        let (ty, message) = match exception {
            Value::Object(o) => {
                let o = o.borrow();
                let ty = o.type_names.first().cloned().unwrap_or_else(|| "System.Exception".into());
                (ty, o.get("Message").map(|m| m.to_display_string()).unwrap_or_default())
            }
            other => ("System.Exception".to_string(), other.to_display_string()),
        };
        let mut rec = ErrorRecord::new(message.clone(), &ty, category, fqid.unwrap_or(&message));
        rec.exception_object = Some(exception.clone());
        rec
    }

    /// A RuntimeException raised by the engine itself (method on null, bad index, ...).
    pub fn runtime(message: impl Into<String>, error_id: &str, category: ErrorCategory) -> ErrorRecord {
        ErrorRecord::new(message, "System.Management.Automation.RuntimeException", category, error_id)
    }

    pub fn with_target(mut self, target: &Value) -> ErrorRecord {
        self.target_object = target.clone();
        if !target.is_null() {
            self.target_name = target.to_display_string();
            self.target_type = short_type_name(&target.type_name());
        }
        self
    }

    pub fn with_invocation(mut self, info: InvocationInfo) -> ErrorRecord {
        self.invocation = Some(info);
        self
    }

    pub fn exception_short_name(&self) -> &str {
        self.exception_type.rsplit('.').next().unwrap_or(&self.exception_type)
    }

    /// `CategoryInfo.GetMessage()`: `Category: (Target:Type) [Activity], Reason`, each
    /// part over 40 characters shortened 5.1's way.
    pub fn category_info(&self) -> String {
        format!(
            "{}: ({}:{}) [{}], {}",
            self.category,
            ellipsize(&self.target_name),
            ellipsize(&self.target_type),
            ellipsize(&self.activity),
            self.exception_short_name()
        )
    }
}

/// 5.1 keeps the first and last 15 characters of a part longer than 40.
fn ellipsize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= 40 {
        return s.to_string();
    }
    let head: String = chars[..15].iter().collect();
    let tail: String = chars[chars.len() - 15..].iter().collect();
    format!("{head}...{tail}")
}

pub fn short_type_name(full: &str) -> String {
    full.rsplit('.').next().unwrap_or(full).to_string()
}

/// Non-local exits: loop control, `return`, `exit`, and terminating errors.
#[derive(Debug, Clone)]
pub enum Flow {
    Break(Option<String>),
    Continue(Option<String>),
    Return,
    Exit(i32),
    Error(Rc<ErrorRecord>),
    /// A downstream `Select-Object -First` has all it needs: stop the stages
    /// before `stage` in pipeline `pipeline`.
    StopUpstream {
        pipeline: u64,
        stage: usize,
    },
    /// Ctrl-C.
    Interrupted,
}

impl Flow {
    pub fn error(e: ErrorRecord) -> Flow {
        Flow::Error(Rc::new(e))
    }
}

impl From<ErrorRecord> for Flow {
    fn from(e: ErrorRecord) -> Flow {
        Flow::Error(Rc::new(e))
    }
}

pub type EvalResult<T> = Result<T, Flow>;

/// 5.1's CommandNotFoundException for a name no command answers to.
pub fn command_not_found(name: &str, invocation: &InvocationInfo) -> ErrorRecord {
    let mut rec = ErrorRecord::new(
        format!("The term '{name}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again."),
        "System.Management.Automation.CommandNotFoundException",
        ErrorCategory::ObjectNotFound,
        "CommandNotFoundException",
    )
    .with_target(&Value::str(name));
    rec.invocation = Some(invocation.clone());
    rec
}

/// The error record of a parse error: 5.1 puts the position in the message and
/// shows no command prefix. `from_command` picks the -Command flavour of CategoryInfo.
pub fn parse_error_record(e: &ParseError, src: &Rc<Source>, from_command: bool) -> ErrorRecord {
    let message = format!("{}\n{}", position_message(src, e.span), e.message);
    let exception =
        if from_command { "System.Management.Automation.ParentContainsErrorRecordException" } else { "System.Management.Automation.ParseException" };
    let mut rec = ErrorRecord::new(message, exception, ErrorCategory::ParserError, e.id);
    rec.is_parse_error = true;
    rec.terminates_script = true;
    rec
}

/// The longest source line a position message shows before cutting it.
const MAX_LINE: usize = 69;

/// `At {file}:{line} char:{col}` with the source line and the `~` marks under the extent.
/// PositionMessage of 5.1 (PositionUtilities.VerboseMessage).
pub fn position_message(src: &Source, span: Span) -> String {
    let file = src.path.clone().unwrap_or_else(|| "line".to_string());
    let (line_no, col) = src.line_col(span.start);
    let (end_line, end_col) = src.line_col(span.end.max(span.start));
    let line: Vec<char> = src.line_text(span.start).trim_end().chars().collect();
    let mut detail = String::new();
    if !line.is_empty() {
        let mut start = col - 1;
        let mut len = if line_no == end_line { end_col.saturating_sub(col) } else { line.len().saturating_sub(col - 1) };
        let mut text: Vec<char> = line.clone();
        if text.contains(&'\t') {
            let expand = |s: &[char]| -> Vec<char> { s.iter().flat_map(|c| if *c == '\t' { vec![' '; 4] } else { vec![*c] }).collect() };
            let s0 = start.min(text.len());
            let s1 = (start + len).min(text.len());
            let before = expand(&text[..s0]);
            let mid = expand(&text[s0..s1]);
            let after = expand(&text[s1..]);
            start = before.len();
            len = mid.len();
            text = [before, mid, after].concat();
        }
        let (mut cut_front, mut cut_back) = (false, false);
        let total = text.len();
        if total > MAX_LINE {
            let before = start;
            let mut shown_before = before.min(12);
            let after = total.saturating_sub(len + start);
            let mut shown_after = after.min(8);
            let mut shown = shown_before + len + shown_after;
            if shown >= MAX_LINE {
                if shown_before + len >= MAX_LINE {
                    len = MAX_LINE - shown_before;
                }
                cut_back = true;
            } else {
                let more_before = before - shown_before;
                if more_before > 0 {
                    shown_before += more_before.min(MAX_LINE - shown);
                    shown = shown_before + len + shown_after;
                }
                if shown < MAX_LINE && after > 0 {
                    shown_after += after.min(MAX_LINE - shown);
                }
                cut_back = shown_after < after;
            }
            cut_front = shown_before < before;
            let from = start.saturating_sub(shown_before);
            text = text[from..(from + MAX_LINE).min(total)].to_vec();
            start = start.min(shown_before);
            len = len.min(MAX_LINE - start);
        }
        if cut_front {
            detail.push_str("... ");
        }
        detail.extend(text.iter());
        if cut_back {
            detail.push_str(" ...");
        }
        detail.push('\n');
        detail.push_str("+ ");
        detail.push_str(&" ".repeat(start + if cut_front { 4 } else { 0 }));
        detail.push_str(&"~".repeat(len.max(1)));
    }
    format!("At {file}:{line_no} char:{col}\n+ {detail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_quoted_whole() {
        let src = Source::new(None, "  nonsenseString\n");
        let msg = position_message(&src, Span::new(2, 16));
        assert_eq!(msg, "At line:1 char:3\n+   nonsenseString\n+   ~~~~~~~~~~~~~~");
    }

    #[test]
    fn long_lines_are_cut_like_the_documented_error() {
        let line = "Set-AzureDedicatedCircuitProperties -ServiceKey ********************* -Bandwidth 10000";
        let src = Source::new(None, line);
        let msg = position_message(&src, Span::new(0, line.len()));
        assert_eq!(
            msg,
            "At line:1 char:1\n+ Set-AzureDedicatedCircuitProperties -ServiceKey ********************* ...\n+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~"
        );
    }

    #[test]
    fn category_info_shortens_long_targets() {
        let e = ErrorRecord::runtime("x", "Id", ErrorCategory::OperationStopped).with_target(&Value::str("This error message is long enough to shorten it"));
        assert_eq!(e.category_info(), "OperationStopped: (This error mess...h to shorten it:String) [], RuntimeException");
    }
}
