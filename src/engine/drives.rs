//! The `function:` and `variable:` drives as variable syntax: `${function:f}` is f's script
//! block, `$function:f = { … }` defines f, `$variable:x` is `$x`; and
//! `[scriptblock]::Create(text)`.

use std::rc::Rc;

use crate::lang::ast::{ScriptBlock, Source, Span};

use super::binder;
use super::error::{ErrorCategory, ErrorRecord, EvalResult};
use super::runtime::Interp;
use super::value::Value;

impl Interp {
    /// Defines (or redefines) a function in the current scope.
    pub(super) fn define_function(&mut self, name: &str, body: Rc<ScriptBlock>, is_filter: bool) {
        let info = binder::function_info(name, &body, is_filter, &self.types);
        let key = name.to_ascii_lowercase();
        let mut scope = self.current.borrow_mut();
        scope.functions.insert(key.clone(), Rc::new(info));
        scope.function_bodies.insert(key, body);
    }

    /// `$function:f`: the function's script block, `$null` when there is none.
    pub(super) fn function_variable(&self, key: &str) -> Value {
        self.function_body(key).map(Value::ScriptBlock).unwrap_or(Value::Null)
    }

    /// `$function:f = value`: a script block, or text that becomes one, is f's new body.
    pub(super) fn assign_function_variable(&mut self, name: &str, value: Value, span: Span) -> EvalResult<()> {
        let body = match value {
            Value::ScriptBlock(sb) => sb,
            other => self.create_script_block(&other.to_display_string(), span)?,
        };
        self.define_function(name, body, false);
        Ok(())
    }

    /// `[scriptblock]::Create(text)`: the text parsed as a script block; a parse error is
    /// the method's exception, as 5.1 reports it.
    pub(super) fn create_script_block(&mut self, text: &str, span: Span) -> EvalResult<Rc<ScriptBlock>> {
        let source = Source::new(None, text);
        crate::lang::parse_script(&source).map_err(|e| {
            let position = super::error::position_message(&source, e.span);
            self.located(
                ErrorRecord::new(
                    format!("Exception calling \"Create\" with \"1\" argument(s): \"{position}\n{}\"", e.message),
                    "System.Management.Automation.MethodInvocationException",
                    ErrorCategory::NotSpecified,
                    "ParseException",
                ),
                span,
            )
        })
    }
}
