//! Script blocks run as code: in the current scope with `$_` set (ForEach-Object,
//! Where-Object), as a command with arguments bound to their param block
//! (`.Invoke()`, `&`, script files), or at the top level; and a function's
//! parameters defined as variables of its scope.

use std::rc::Rc;

use crate::lang::ast::{ScriptBlock, Span};

use super::binder::{self, ArgItem};
use super::error::{EvalResult, Flow, InvocationInfo};
use super::limits;
use super::redirect::Redirects;
use super::runtime::{Emit, Interp, Variable};
use super::stage::{RecordArgs, Stage, StageKind};
use super::value::{collapse, Hashtable, TypeKind, Value};

impl Interp {
    /// Runs a script block in the current scope with `$_` set (ForEach-Object,
    /// Where-Object, switch conditions), returning its collected output.
    pub fn invoke_block_here(&mut self, sb: &Rc<ScriptBlock>, dollar: Option<Value>) -> EvalResult<Value> {
        // Run once per record (a Where-Object test, a sort key, a calculated property), such a
        // block mostly gives one value: it is kept as it is, and a Vec made only for a second.
        let mut one: Option<Value> = None;
        let mut many: Vec<Value> = Vec::new();
        self.run_block_here(sb, dollar, &mut |_, v| {
            if many.is_empty() {
                match one.take() {
                    Some(first) => many.push(first),
                    None => {
                        one = Some(v);
                        return Ok(());
                    }
                }
            }
            Ok(limits::buffer(&mut many, v)?)
        })?;
        Ok(one.unwrap_or_else(|| collapse(many)))
    }

    /// Runs a script block's end block in the current scope with `$_` set, streaming output.
    pub fn run_block_here(&mut self, sb: &Rc<ScriptBlock>, dollar: Option<Value>, out: &mut Emit) -> EvalResult<()> {
        // Once per pipeline record: one hash operation to set `$_` and one to put back what the
        // scope held (nothing, at the top of a pipeline), which comes back whole.
        let saved = match dollar {
            Some(d) => self.current.borrow_mut().vars.insert("_".into(), Variable { value: d, constraint: None, options: Default::default() }),
            None => self.current.borrow().vars.get("_").cloned(),
        };
        let saved_src = self.current_source.replace(sb.source.clone());
        let mut r = Ok(());
        for block in [&sb.begin, &sb.process, &sb.end].into_iter().flatten() {
            r = self.exec_statements(block, out);
            if r.is_err() {
                break;
            }
        }
        // `return` leaves the block being run (one ForEach-Object item, one Where-Object test),
        // not the function around it.
        if matches!(r, Err(Flow::Return)) {
            r = Ok(());
        }
        self.current_source = saved_src;
        let mut scope = self.current.borrow_mut();
        match saved {
            Some(var) => {
                scope.vars.insert("_".into(), var);
            }
            None => {
                scope.vars.remove("_");
            }
        }
        drop(scope);
        r
    }

    /// Calls a script block in a new scope with arguments (`.Invoke()`).
    pub fn call_block(&mut self, sb: &Rc<ScriptBlock>, args: Vec<Value>, dollar: Option<Value>, out: &mut Emit) -> EvalResult<()> {
        let items = args.into_iter().map(|value| ArgItem::Positional { value, span: Span::default() }).collect();
        let invocation = self.script_invocation();
        self.invoke_block(sb, items, invocation, false, dollar, out)
    }

    /// Runs a script block as a command: arguments bound to its param block, in
    /// a new scope (a script scope for script files, for `$script:`).
    pub fn invoke_block(
        &mut self,
        sb: &Rc<ScriptBlock>,
        items: Vec<ArgItem>,
        invocation: InvocationInfo,
        is_script: bool,
        dollar: Option<Value>,
        out: &mut Emit,
    ) -> EvalResult<()> {
        let name = invocation.command.clone().unwrap_or_default();
        let mut info = binder::function_info(&name, sb, false, &self.types);
        if matches!(invocation.command_kind, super::error::CommandKind::ExternalScript) {
            // The -File script: its `$MyInvocation.MyCommand` is the file's ExternalScriptInfo.
            info.script_file = invocation.command.clone();
        }
        let info = Rc::new(info);
        let bound = binder::bind(self, &info, items, false, &invocation, 1)?;
        let mut stage = Stage {
            info,
            kind: StageKind::Function { block: sb.clone(), scope: None, input: Vec::new(), dot: false, script: is_script },
            args: bound.args,
            common: bound.common,
            remaining: bound.remaining,
            deferred: bound.deferred,
            invocation,
            pipeline: (0, 0),
            expects_input: false,
            redirects: Redirects::default(),
            pipeline_defaults: Vec::new(),
            record_args: RecordArgs::Unknown,
        };
        stage.begin(self, out)?;
        if let Some(d) = dollar {
            if let StageKind::Function { scope: Some(scope), .. } = &stage.kind {
                scope.borrow_mut().vars.insert("_".into(), Variable { value: d, constraint: None, options: Default::default() });
            }
        }
        stage.process(self, None, out)?;
        stage.end(self, out)
    }

    /// Runs a script block as a command whose pipeline input is `input` (Invoke-Command's
    /// piped objects): its process block once per item, `$input` in its end block.
    pub fn invoke_block_with_input(&mut self, sb: &Rc<ScriptBlock>, args: Vec<Value>, input: Vec<Value>, out: &mut Emit) -> EvalResult<()> {
        let items = args.into_iter().map(|value| ArgItem::Positional { value, span: Span::default() }).collect();
        let invocation = self.script_invocation();
        let name = invocation.command.clone().unwrap_or_default();
        let info = Rc::new(binder::function_info(&name, sb, false, &self.types));
        let bound = binder::bind(self, &info, items, true, &invocation, 1)?;
        let mut stage = Stage {
            info,
            kind: StageKind::Function { block: sb.clone(), scope: None, input: Vec::new(), dot: false, script: false },
            args: bound.args,
            common: bound.common,
            remaining: bound.remaining,
            deferred: bound.deferred,
            invocation,
            pipeline: (0, 0),
            expects_input: true,
            redirects: Redirects::default(),
            pipeline_defaults: Vec::new(),
            record_args: RecordArgs::Unknown,
        };
        stage.begin(self, out)?;
        for item in input {
            stage.process(self, Some(item), out)?;
        }
        stage.end(self, out)
    }

    /// Runs a whole top-level script block, sending output to `out`.
    pub fn run_top(&mut self, sb: &Rc<ScriptBlock>, out: &mut Emit) -> EvalResult<()> {
        let saved = self.current_source.replace(sb.source.clone());
        let mut r = Ok(());
        for block in [&sb.begin, &sb.process, &sb.end].into_iter().flatten() {
            r = self.exec_statements(block, out);
            if r.is_err() {
                break;
            }
        }
        self.current_source = saved;
        r
    }
}

/// Defines a function's parameters as variables in its new (current) scope:
/// bound values, then defaults (which may refer to earlier parameters), each
/// constrained to its declared type; plus `$PSBoundParameters` and `$args`.
pub(super) fn bind_function_variables(interp: &mut Interp, stage: &Stage, block: &ScriptBlock) -> EvalResult<()> {
    let (info, args, remaining) = (&stage.info, &stage.args, &stage.remaining[..]);
    let mut bound = Hashtable::new(false);
    for (name, value) in &args.values {
        bound.insert(Value::str(name), value.clone());
    }
    for p in &info.params {
        let typed = p.ty.kind != TypeKind::Object || p.ty.is_array;
        let value = match args.get(&p.name) {
            Some(v) => v.clone(),
            None => {
                let default = block.params.iter().flatten().find(|d| d.name.eq_ignore_ascii_case(&p.name)).and_then(|d| d.default.as_ref());
                match default {
                    Some(e) => interp.eval_expr(e)?,
                    None if p.is_switch() => Value::Bool(false),
                    None => Value::Null,
                }
            }
        };
        if typed {
            interp.set_typed_var(&p.name, Some("local"), value, p.ty.clone())?;
        } else {
            interp.set_local(&p.name, value);
        }
    }
    let bound = Value::hashtable(bound);
    super::script_cmdlet::define(interp, info, args, &stage.common, &stage.invocation, &bound);
    interp.set_local("PSBoundParameters", bound);
    interp.set_local("args", Value::array(remaining.to_vec()));
    Ok(())
}
