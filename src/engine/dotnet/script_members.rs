//! The members Add-Member attaches that run script or name another member: 5.1's
//! PSScriptMethod (`$o.Name(args)`), PSScriptProperty (a getter and an optional setter, with the
//! value set as `$args[0]`) and PSAliasProperty, each script run with `$this` the object. Texts
//! from ExtendedTypeSystem.resx (GetWithoutGetterException, SetWithoutSetterException,
//! ExceptionWhenGetting/Setting, MethodInvocationException).

use std::rc::Rc;

use crate::engine::error::{ErrorCategory, ErrorRecord, EvalResult, Flow};
use crate::engine::runtime::{Interp, Variable};
use crate::engine::value::{ScriptMember, Value};
use crate::lang::ast::{ScriptBlock, Span};

fn member_of(target: &Value, name: &str) -> Option<ScriptMember> {
    match target {
        Value::Object(o) => o.borrow().script_member(name).cloned(),
        _ => None,
    }
}

fn failure(text: String, id: &str, exception: &str) -> ErrorRecord {
    let mut rec = ErrorRecord::runtime(text, id, ErrorCategory::NotSpecified);
    rec.exception_type = format!("System.Management.Automation.{exception}");
    rec
}

/// A script's error inside an accessor or method, wrapped as 5.1 wraps it.
fn wrapped(text: String, id: &str, exception: &str, inner: &ErrorRecord) -> ErrorRecord {
    let mut rec = failure(text, id, exception);
    rec.inner_exception = Some(inner.exception_type.clone());
    rec
}

impl Interp {
    /// Runs a member's script with `$this`, in a scope of its own below the caller's; what it
    /// writes is the result (one object, an array of several, or `$null`).
    fn run_with_this(&mut self, body: &Rc<ScriptBlock>, this: &Value, args: Vec<Value>) -> EvalResult<Value> {
        let scope = self.new_scope(&self.current, false);
        scope.borrow_mut().vars.insert("this".into(), Variable { value: this.clone(), constraint: None, options: Default::default() });
        let saved = std::mem::replace(&mut self.current, scope);
        let mut out = Vec::new();
        let r = self.call_block(body, args, None, &mut |_, v| {
            out.push(v);
            Ok(())
        });
        self.current = saved;
        r?;
        Ok(match out.len() {
            0 => Value::Null,
            1 => out.pop().unwrap_or(Value::Null),
            _ => Value::array(out),
        })
    }

    /// `$o.Name` of a script or alias property; None when the object has no such member.
    pub(crate) fn script_property_get(&mut self, target: &Value, name: &str) -> Option<EvalResult<Value>> {
        match member_of(target, name)? {
            ScriptMember::Property { name, getter: Some(g), .. } => Some(self.run_with_this(&g, target, Vec::new()).map_err(|f| match f {
                Flow::Error(e) => Flow::error(wrapped(
                    format!("Exception getting \"{name}\": \"{}\"", e.message),
                    "ScriptGetValueInvocationException",
                    "GetValueInvocationException",
                    &e,
                )),
                other => other,
            })),
            ScriptMember::Property { name, getter: None, .. } => Some(Err(Flow::error(failure(
                format!("Get accessor for property \"{name}\" is unavailable."),
                "GetWithoutGetterFromScriptPropertyValue",
                "GetValueException",
            )))),
            ScriptMember::Alias { target: to, .. } => Some(Ok(self.get_member(target, &to))),
            ScriptMember::Method { .. } => None,
        }
    }

    /// `$o.Name = v` of a script or alias property; None when the object has no such member.
    pub(crate) fn script_property_set(&mut self, target: &Value, name: &str, value: Value) -> Option<Result<(), ErrorRecord>> {
        match member_of(target, name)? {
            ScriptMember::Property { name, setter: Some(s), .. } => Some(match self.run_with_this(&s, target, vec![value]) {
                Ok(_) => Ok(()),
                Err(Flow::Error(e)) => Err(wrapped(
                    format!("Exception setting \"{name}\": \"{}\"", e.message),
                    "ScriptSetValueRuntimeException",
                    "SetValueInvocationException",
                    &e,
                )),
                Err(_) => Ok(()),
            }),
            ScriptMember::Property { name, setter: None, .. } => {
                Some(Err(failure(format!("Set accessor for property \"{name}\" is unavailable."), "SetWithoutSetterFromScriptProperty", "SetValueException")))
            }
            ScriptMember::Alias { target: to, .. } => Some(self.set_member(target, &to, value)),
            ScriptMember::Method { .. } => None,
        }
    }

    /// `$o.Name(args)` of a script method; None when the object has no such method.
    pub(crate) fn script_method_call(&mut self, target: &Value, name: &str, args: Vec<Value>, span: Span) -> EvalResult<Option<Value>> {
        let Some(ScriptMember::Method { name, body }) = member_of(target, name) else { return Ok(None) };
        let count = args.len();
        match self.run_with_this(&body, target, args) {
            Ok(v) => Ok(Some(v)),
            Err(Flow::Error(e)) => {
                let rec = wrapped(
                    format!("Exception calling \"{name}\" with \"{count}\" argument(s): \"{}\"", e.message),
                    "ScriptMethodRuntimeException",
                    "MethodInvocationException",
                    &e,
                );
                Err(self.located(rec, span))
            }
            Err(other) => Err(other),
        }
    }
}
