//! Set-StrictMode's checks, by the version in force in the running scope: 1 refuses unset
//! variables (not inside strings), 2 also inside strings, properties an object does not
//! have and functions called like methods (`f(1, 2)`); 3 and later also an index past the
//! end of an array, a collection or a string.

use crate::lang::ast::{Command, CommandArg, ExprKind, Span};

use super::error::{ErrorCategory, ErrorRecord, EvalResult};
use super::runtime::Interp;
use super::value::Value;

impl Interp {
    /// The strict-mode version of the running scope (set there or in a parent); 0 is off.
    pub fn strict_version(&self) -> u8 {
        // Asked at every variable read: until a script turns strict mode on, no scope has it.
        if !self.strict_mode_used {
            return 0;
        }
        let mut scope = Some(self.current.clone());
        while let Some(s) = scope {
            if let Some(v) = s.borrow().strict_version {
                return v;
            }
            scope = s.borrow().parent.clone();
        }
        0
    }

    /// `Set-StrictMode` for the current scope and the scopes it starts.
    pub fn set_strict_version(&mut self, version: u8) {
        self.strict_mode_used |= version > 0;
        self.current.borrow_mut().strict_version = Some(version);
    }

    /// A variable's value; under strict mode an unset one is VariableIsUndefined.
    pub(super) fn strict_variable(&self, name: &str, key: &str, scope: Option<&str>, in_string: bool, span: Span) -> EvalResult<Value> {
        let checked = !matches!(scope, Some("env" | "function")) && self.strict_version() >= if in_string { 2 } else { 1 };
        if checked && self.get_var_key(key, scope).is_none() {
            let path = match scope {
                Some(s) => format!("{s}:{name}"),
                None => name.to_string(),
            };
            return Err(self.located(
                ErrorRecord::runtime(
                    format!("The variable '${path}' cannot be retrieved because it has not been set."),
                    "VariableIsUndefined",
                    ErrorCategory::InvalidOperation,
                )
                .with_target(&Value::str(&path)),
                span,
            ));
        }
        Ok(self.read_variable(key, scope))
    }

    /// Version 2: a property the object does not have is PropertyNotFoundStrict.
    pub(super) fn strict_property(&self, target: &Value, name: &str, value: &Value, span: Span) -> EvalResult<()> {
        if self.strict_version() < 2 || !value.is_null() {
            return Ok(());
        }
        let missing = match target {
            Value::Object(o) => !o.borrow().has(name) && !name.eq_ignore_ascii_case("psobject"),
            Value::Null | Value::Array(_) | Value::Hashtable(_) | Value::Error(_) | Value::Type(_) => false,
            _ => true,
        };
        if missing {
            return Err(self.located(
                ErrorRecord::new(
                    format!("The property '{name}' cannot be found on this object. Verify that the property exists."),
                    "System.Management.Automation.PropertyNotFoundException",
                    ErrorCategory::NotSpecified,
                    "PropertyNotFoundStrict",
                ),
                span,
            ));
        }
        Ok(())
    }

    /// An indexed element, `$null` when there is none; from version 3 a missing one is the
    /// indexer's own .NET exception, which 5.1 lets through instead of giving `$null`.
    pub(super) fn strict_index(&self, item: Option<Value>, collection: bool, span: Span) -> EvalResult<Value> {
        match item {
            Some(v) => Ok(v),
            None if self.strict_version() >= 3 => {
                let (message, exception) = if collection {
                    (
                        "Index was out of range. Must be non-negative and less than the size of the collection.\r\nParameter name: index",
                        "System.ArgumentOutOfRangeException",
                    )
                } else {
                    ("Index was outside the bounds of the array.", "System.IndexOutOfRangeException")
                };
                Err(self.located(ErrorRecord::new(message, exception, ErrorCategory::OperationStopped, exception), span))
            }
            None => Ok(Value::Null),
        }
    }

    /// Version 2: `f(1, 2)`, a comma list in parentheses right after the name, is refused.
    pub(super) fn strict_command_call(&self, c: &Command) -> EvalResult<()> {
        if self.strict_version() < 2 {
            return Ok(());
        }
        if let [CommandArg::Value(arg)] = c.args.as_slice() {
            let list = matches!(&arg.kind, ExprKind::Paren(s) if matches!(&s.kind, crate::lang::ast::StatementKind::Pipeline(p)
                if matches!(p.elements.as_slice(), [crate::lang::ast::PipelineElement::Expr(e)] if matches!(e.kind, ExprKind::ArrayLiteral(_)))));
            if list && arg.span.start == c.name.span.end {
                return Err(self.located(
                    ErrorRecord::runtime(
                        "The function or command was called as if it were a method. Parameters should be separated by spaces. For information about parameters, see the about_Parameters Help topic.",
                        "StrictModeFunctionCallWithParens",
                        ErrorCategory::InvalidOperation,
                    ),
                    c.span,
                ));
            }
        }
        Ok(())
    }
}
