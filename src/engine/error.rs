//! Error records and the non-local control flow of the evaluator.

use std::rc::Rc;

use crate::lang::ast::{Source, Span};

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
        InvocationInfo {
            command: None,
            command_kind: CommandKind::None,
            invocation_name: String::new(),
            position: Some((source.clone(), span)),
        }
    }
}

/// A PowerShell ErrorRecord with the fields the error view and `$_` expose.
#[derive(Debug, Clone)]
pub struct ErrorRecord {
    pub message: String,
    /// The exception's full .NET type name; CategoryInfo shows its last segment.
    pub exception_type: String,
    pub category: &'static str,
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
}

impl ErrorRecord {
    pub fn new(
        message: impl Into<String>,
        exception_type: &str,
        category: &'static str,
        fqid: impl Into<String>,
    ) -> ErrorRecord {
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
        }
    }

    /// A RuntimeException raised by the engine itself (method on null, bad index, ...).
    pub fn runtime(
        message: impl Into<String>,
        error_id: &str,
        category: &'static str,
    ) -> ErrorRecord {
        ErrorRecord::new(
            message,
            "System.Management.Automation.RuntimeException",
            category,
            error_id,
        )
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
        self.exception_type
            .rsplit('.')
            .next()
            .unwrap_or(&self.exception_type)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_info_shortens_long_targets() {
        let e = ErrorRecord::runtime("x", "Id", "OperationStopped").with_target(&Value::str(
            "This error message is long enough to shorten it",
        ));
        assert_eq!(
            e.category_info(),
            "OperationStopped: (This error mess...h to shorten it:String) [], RuntimeException"
        );
    }
}
