//! The `function:` and `variable:` drives as variable syntax: `${function:f}` is f's script
//! block, `$function:f = { … }` defines f, `$variable:x` is `$x`; and
//! `[scriptblock]::Create(text)` and `.GetNewClosure()`.

use std::rc::Rc;

use crate::lang::ast::{ScriptBlock, Source, Span};

use super::binder;
use super::error::{ErrorCategory, ErrorRecord, EvalResult};
use super::runtime::{Interp, Scope, ScopeRef, Variable};
use super::value::Value;

impl Interp {
    /// Defines (or redefines) a function in the current scope, or in the one its name's
    /// scope prefix names (`function global:f`, `script:`, `local:`, `private:`).
    pub(super) fn define_function(&mut self, name: &str, body: Rc<ScriptBlock>, is_filter: bool) {
        let (scope_name, name) = match name.split_once(':') {
            Some((prefix, rest)) if ["global", "script", "local", "private"].iter().any(|p| p.eq_ignore_ascii_case(prefix)) => {
                (Some(prefix.to_ascii_lowercase()), rest)
            }
            _ => (None, name),
        };
        let info = binder::function_info(name, &body, is_filter, &self.types);
        let key = name.to_ascii_lowercase();
        let target = self.scope_for(scope_name.as_deref());
        let mut scope = target.borrow_mut();
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

    /// `.GetNewClosure()`: a copy of the block bound to a scope holding the variables visible
    /// now (their values at this moment); running it starts from that scope, not the caller's.
    pub(super) fn new_closure(&mut self, sb: &Rc<ScriptBlock>) -> Value {
        let captured = Scope { parent: Some(self.global.clone()), ..Default::default() };
        let captured: ScopeRef = Rc::new(std::cell::RefCell::new(captured));
        for (name, value) in self.visible_variables() {
            if !matches!(name.as_str(), "true" | "false" | "null") {
                captured.borrow_mut().vars.insert(name, Variable { value, constraint: None, options: Default::default() });
            }
        }
        let copy = Rc::new(ScriptBlock {
            source: sb.source.clone(),
            span: sb.span,
            attributes: sb.attributes.clone(),
            params: sb.params.clone(),
            param_span: sb.param_span,
            begin: sb.begin.clone(),
            process: sb.process.clone(),
            end: sb.end.clone(),
        });
        // Closures nothing holds any more are forgotten, so a loop making them stays small.
        self.closures.retain(|(b, _)| Rc::strong_count(b) > 1);
        self.closures.push((copy.clone(), captured));
        Value::ScriptBlock(copy)
    }

    /// The scope a closure made by GetNewClosure runs under, `None` for any other block.
    pub(super) fn closure_scope(&self, sb: &Rc<ScriptBlock>) -> Option<ScopeRef> {
        self.closures.iter().find(|(b, _)| Rc::ptr_eq(b, sb)).map(|(_, s)| s.clone())
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
