//! One command of a running pipeline: a cmdlet, or a function with its own
//! scope, driven through begin, process (once per input record) and end with
//! its redirections and -OutVariable in force.

use std::rc::Rc;

use crate::lang::ast::{ScriptBlock, Statement};

use super::binder;
use super::command::{Args, Cmdlet, CommandInfo, CommandType, ParamSpec};
use super::ctx::{CommonParams, Ctx};
use super::error::{CommandKind, ErrorCategory, ErrorRecord, EvalResult, Flow, InvocationInfo};
use super::invoke::bind_function_variables;
use super::limits;
use super::redirect::Redirects;
use super::runtime::{Emit, Interp, ScopeRef, Variable, MAX_CALL_DEPTH};
use super::value::{TypeKind, Value};

/// A pipeline element ready to run: its command, bound arguments and redirections.
pub(super) struct Stage {
    pub(super) info: Rc<CommandInfo>,
    pub(super) kind: StageKind,
    pub(super) args: Args,
    pub(super) common: CommonParams,
    pub(super) remaining: Vec<Value>,
    /// Mandatory parameters that pipeline input must supply.
    pub(super) deferred: Vec<String>,
    pub(super) invocation: InvocationInfo,
    pub(super) pipeline: (u64, usize),
    pub(super) expects_input: bool,
    /// `> $null`, `2>&1`, `*> $null` ...: where the stage's streams go.
    pub(super) redirects: Redirects,
    /// A function's pipeline parameters as they were before any record: each record starts
    /// from them (5.1's RestoreDefaultParameterValues).
    pub(super) pipeline_defaults: Vec<(String, Variable)>,
    /// How a cmdlet's records are bound (found at its first record).
    pub(super) record_args: RecordArgs,
}

/// How each pipeline record reaches a cmdlet.
pub(super) enum RecordArgs {
    /// No record has come yet.
    Unknown,
    /// The record can only go to one untyped by-value parameter (Where-Object's, Sort-Object's
    /// `-InputObject`): the stage's arguments with the record in that parameter's slot, kept
    /// from record to record rather than copied and bound anew each time.
    Plain(Args, usize),
    /// Anything else: the binder binds each record.
    Binder,
}

/// What runs: a compiled cmdlet, or a script block with the scope it gets at `begin`.
pub(super) enum StageKind {
    Cmdlet(Box<dyn Cmdlet>),
    Function {
        block: Rc<ScriptBlock>,
        scope: Option<ScopeRef>,
        input: Vec<Value>,
        dot: bool,
        /// A script file: its scope is the target of `$script:`.
        script: bool,
    },
}

impl Stage {
    /// Runs one step of the stage with its redirections and -OutVariable in force.
    pub(super) fn redirected(
        &mut self,
        interp: &mut Interp,
        out: &mut Emit,
        f: impl FnOnce(&mut Stage, &mut Interp, &mut Emit) -> EvalResult<()>,
    ) -> EvalResult<()> {
        // A stream the command does not redirect goes where its caller's goes: inside
        // `f 2> $null` Write-Error is quiet too.
        interp.redirects.push(self.redirects);
        // The variables belong to the scope the command was called from, not to a function's own.
        let caller = interp.current.clone();
        let error_var = match (&self.kind, &self.common.error_variable) {
            (StageKind::Function { .. }, Some(name)) => Some(name.trim_start_matches('+').to_string()),
            _ => None,
        };
        if let Some(name) = &error_var {
            interp.error_variables.push((name.clone(), caller.clone()));
        }
        let out_var = self.common.out_variable.clone();
        let discard_output = self.redirects.discards_output();
        let output_file = self.redirects.output_file();
        let r = f(self, interp, &mut |i: &mut Interp, v: Value| {
            if let Some(name) = &out_var {
                let (append, name) = match name.strip_prefix('+') {
                    Some(n) => (true, n),
                    None => (false, name.as_str()),
                };
                let here = std::mem::replace(&mut i.current, caller.clone());
                let mut items = match i.get_var(name, None) {
                    Some(Value::Array(a)) if append || i.out_variables_started.contains(&name.to_ascii_lowercase()) => a.borrow().clone(),
                    _ => Vec::new(),
                };
                i.out_variables_started.insert(name.to_ascii_lowercase());
                items.push(v.clone());
                let set = i.set_var(name, None, Value::array(items));
                i.current = here;
                set?;
            }
            if let Some(file) = output_file {
                i.to_redirect_file(file, v);
                Ok(())
            } else if discard_output {
                Ok(())
            } else {
                out(i, v)
            }
        });
        if error_var.is_some() {
            interp.error_variables.pop();
        }
        interp.redirects.pop();
        r
    }

    fn with_ctx<R>(&mut self, interp: &mut Interp, out: &mut Emit, args: Option<&Args>, f: impl FnOnce(&mut dyn Cmdlet, &mut Ctx, &Args) -> R) -> R {
        let StageKind::Cmdlet(cmdlet) = &mut self.kind else { unreachable!("cmdlet stage") };
        let args = args.unwrap_or(&self.args);
        let mut ctx = Ctx { interp, out, info: &self.invocation, common: &self.common, command: &self.info };
        f(cmdlet.as_mut(), &mut ctx, args)
    }

    /// [`with_ctx`](Self::with_ctx) with the record's arguments of a [`RecordArgs::Plain`] stage.
    fn with_record_args<R>(&mut self, interp: &mut Interp, out: &mut Emit, f: impl FnOnce(&mut dyn Cmdlet, &mut Ctx, &Args) -> R) -> R {
        let (StageKind::Cmdlet(cmdlet), RecordArgs::Plain(args, _)) = (&mut self.kind, &self.record_args) else { unreachable!("a plain cmdlet stage") };
        let mut ctx = Ctx { interp, out, info: &self.invocation, common: &self.common, command: &self.info };
        f(cmdlet.as_mut(), &mut ctx, args)
    }

    pub(super) fn begin(&mut self, interp: &mut Interp, out: &mut Emit) -> EvalResult<()> {
        match &mut self.kind {
            StageKind::Cmdlet(_) => {
                let args = self.args.clone();
                self.with_ctx(interp, out, Some(&args), |c, ctx, a| c.begin(ctx, a))
            }
            StageKind::Function { block, dot, script, .. } => {
                if interp.call_depth >= MAX_CALL_DEPTH {
                    return Err(Flow::error(ErrorRecord::runtime(
                        "The script failed due to call depth overflow.",
                        "CallDepthOverflow",
                        ErrorCategory::InvalidOperation,
                    )));
                }
                // A closure's scope is a child of the variables it captured; a module's function
                // runs in its module's scope.
                let parent = interp.closure_scope(block).or_else(|| self.info.module_scope.clone()).unwrap_or_else(|| interp.current.clone());
                let s = if *dot { interp.current.clone() } else { interp.new_scope(&parent, *script) };
                // Room for the parameters and what every call defines ($MyInvocation,
                // $PSBoundParameters, $args, $_), so a call does not grow its map as it binds.
                s.borrow_mut().vars.reserve(self.info.params.len() + 4);
                let block = block.clone();
                let saved = std::mem::replace(&mut interp.current, s.clone());
                let defaults = bind_function_variables(interp, self, &block);
                interp.current = saved;
                defaults?;
                self.pipeline_defaults = self
                    .info
                    .params
                    .iter()
                    .filter(|p| (p.from_pipeline || p.from_pipeline_by_name) && !self.args.has(&p.name))
                    .filter_map(|p| {
                        let key = p.name.to_ascii_lowercase();
                        s.borrow().vars.get(&key).cloned().map(|v| (key, v))
                    })
                    .collect();
                if let StageKind::Function { scope, .. } = &mut self.kind {
                    *scope = Some(s);
                }
                match &block.begin {
                    Some(b) => self.run_in_scope(interp, &block, b, None, out),
                    None => Ok(()),
                }
            }
        }
    }

    pub(super) fn process(&mut self, interp: &mut Interp, item: Option<Value>, out: &mut Emit) -> EvalResult<()> {
        interp.check_interrupt()?;
        match &mut self.kind {
            StageKind::Cmdlet(_) => {
                if matches!(self.record_args, RecordArgs::Unknown) && item.is_some() {
                    self.record_args = plain_record_args(&self.info, &self.args, &self.deferred);
                }
                let args = match (&item, &mut self.record_args) {
                    (Some(obj), RecordArgs::Plain(args, slot)) => {
                        args.values[*slot].1 = obj.clone();
                        None
                    }
                    (Some(obj), _) => match binder::bind_pipeline(interp, &self.info, &self.args, obj, &self.deferred, &self.invocation)? {
                        Some(a) => Some(a),
                        None => return Ok(()),
                    },
                    (None, _) => {
                        if self.expects_input {
                            return Ok(());
                        }
                        Some(self.args.clone())
                    }
                };
                let stopper = self.pipeline;
                let r = match args {
                    Some(args) => self.with_ctx(interp, out, Some(&args), |c, ctx, a| c.process(ctx, a)),
                    None => self.with_record_args(interp, out, |c, ctx, a| c.process(ctx, a)),
                };
                match r {
                    Err(Flow::StopUpstream { pipeline: 0, .. }) => Err(Flow::StopUpstream { pipeline: stopper.0, stage: stopper.1 + 1 }),
                    other => other,
                }
            }
            StageKind::Function { block, .. } => {
                let block = block.clone();
                if let Some(obj) = &item {
                    if !self.bind_record(interp, obj)? {
                        return Ok(());
                    }
                } else if self.expects_input && block.process.is_some() {
                    return Ok(());
                }
                match &block.process {
                    Some(p) => self.run_in_scope(interp, &block, p, item, out),
                    None => {
                        if let (Some(v), StageKind::Function { input, .. }) = (item, &mut self.kind) {
                            limits::buffer(input, v)?;
                        }
                        Ok(())
                    }
                }
            }
        }
    }

    pub(super) fn end(&mut self, interp: &mut Interp, out: &mut Emit) -> EvalResult<()> {
        match &mut self.kind {
            StageKind::Cmdlet(_) => self.with_ctx(interp, out, None, |c, ctx, _| c.end(ctx)),
            StageKind::Function { block, input, scope, .. } => {
                let block = block.clone();
                let items = std::mem::take(input);
                if let Some(s) = scope {
                    s.borrow_mut().vars.insert("input".into(), Variable { value: Value::array(items.clone()), constraint: None, options: Default::default() });
                }
                let r = match &block.end {
                    Some(e) => {
                        let dollar = if block.process.is_none() && items.len() == 1 { items.first().cloned() } else { None };
                        self.run_in_scope(interp, &block, e, dollar, out)
                    }
                    None => Ok(()),
                };
                if let StageKind::Function { scope, .. } = &mut self.kind {
                    *scope = None;
                }
                r
            }
        }
    }

    /// Binds one record to a function's pipeline parameters, each starting from its value before
    /// any record, typed ones keeping their type. `false`: the record bound nothing it had to
    /// (the error is written) and is skipped.
    fn bind_record(&mut self, interp: &mut Interp, obj: &Value) -> EvalResult<bool> {
        if !self.info.params.iter().any(|p| p.from_pipeline || p.from_pipeline_by_name) {
            return Ok(true);
        }
        let Some(bound) = binder::bind_pipeline(interp, &self.info, &self.args, obj, &self.deferred, &self.invocation)? else {
            return Ok(false);
        };
        let StageKind::Function { scope: Some(s), .. } = &self.kind else {
            return Ok(true);
        };
        let mut scope = s.borrow_mut();
        for (key, var) in &self.pipeline_defaults {
            scope.vars.insert(key.clone(), var.clone());
        }
        for (name, value) in &bound.values {
            let typed =
                self.info.params.iter().find(|p| p.name.eq_ignore_ascii_case(name)).map(|p| p.ty.clone()).filter(|t| t.kind != TypeKind::Object || t.is_array);
            scope.vars.insert(name.to_ascii_lowercase(), Variable { value: value.clone(), constraint: typed, options: Default::default() });
        }
        Ok(true)
    }

    /// Runs one of a function's blocks in its own scope; `return` ends the block.
    fn run_in_scope(&mut self, interp: &mut Interp, block: &Rc<ScriptBlock>, stmts: &[Statement], dollar: Option<Value>, out: &mut Emit) -> EvalResult<()> {
        let StageKind::Function { scope: Some(scope), .. } = &self.kind else {
            return Ok(());
        };
        let saved = std::mem::replace(&mut interp.current, scope.clone());
        if let Some(d) = dollar {
            scope.borrow_mut().vars.insert("_".into(), Variable { value: d, constraint: None, options: Default::default() });
        }
        let saved_src = interp.current_source.replace(block.source.clone());
        interp.call_depth += 1;
        // The stage's invocation is lent to the stack, not copied (its names are two strings):
        // nothing reaches the stage while its block runs.
        let placeholder = InvocationInfo { command: None, command_kind: CommandKind::None, invocation_name: String::new(), position: None };
        interp.invocation_stack.push(std::mem::replace(&mut self.invocation, placeholder));
        // What fails inside a function's body sets `$?` there, not for the pipeline that
        // called it: 5.1 makes `$?` false after a function only for its own terminating error.
        let failures = interp.failures;
        let r = interp.exec_statements(stmts, out);
        interp.failures = failures;
        if let Some(lent) = interp.invocation_stack.pop() {
            self.invocation = lent;
        }
        interp.call_depth -= 1;
        interp.current_source = saved_src;
        interp.current = saved;
        match r {
            Err(Flow::Return) => Ok(()),
            Err(Flow::Error(rec)) if rec.ends_command => {
                let mut rec = (*rec).clone();
                rec.ends_command = false;
                rec.terminates_script = false;
                Err(Flow::error(rec))
            }
            other => other,
        }
    }
}

/// A cmdlet's records bind as the binder would bind them, without the binder, when each can
/// only go to one parameter and always does: the first by-value pipeline parameter of the
/// chosen set not already bound is untyped (it takes any object unconverted), nothing binds by
/// property name, and no mandatory parameter waits for the record.
fn plain_record_args(info: &CommandInfo, args: &Args, deferred: &[String]) -> RecordArgs {
    if info.kind != CommandType::Cmdlet || !deferred.is_empty() || info.params.iter().any(|p| p.from_pipeline_by_name) {
        return RecordArgs::Binder;
    }
    let in_set = |p: &ParamSpec| match args.set.as_deref() {
        None => true,
        Some(s) => p.sets.is_empty() || p.sets.iter().any(|n| n.eq_ignore_ascii_case(s)),
    };
    match info.params.iter().find(|p| p.from_pipeline && in_set(p) && !args.has(&p.name)) {
        Some(p) if p.ty.kind == TypeKind::Object => {
            let mut record = args.clone();
            record.set_value(&p.name, Value::Null);
            let slot = record.values.iter().position(|(n, _)| n.eq_ignore_ascii_case(&p.name)).expect("the slot just set");
            RecordArgs::Plain(record, slot)
        }
        _ => RecordArgs::Binder,
    }
}
