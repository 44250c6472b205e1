//! Pipelines. They stream: every object a stage writes goes straight to the
//! next stage, so output interleaves as it does in PowerShell. Here a pipeline
//! element becomes a stage: its command resolved, its redirections read, its
//! arguments evaluated and bound.

use std::rc::Rc;

use crate::lang::ast::*;

use super::binder::{self, ArgItem};
use super::command::{CommandInfo, CommandType};
use super::error::{command_not_found, CommandKind, EvalResult, Flow, InvocationInfo};
use super::limits;
use super::redirect::Redirects;
use super::runtime::{Emit, Interp};
use super::stage::{RecordArgs, Stage, StageKind};
use super::value::{collapse, Value};

impl Interp {
    pub fn pipeline_value(&mut self, p: &Pipeline) -> EvalResult<Value> {
        if let ([PipelineElement::Expr(e)], []) = (p.elements.as_slice(), p.expr_redirections.as_slice()) {
            return self.eval_expr(e);
        }
        let items = self.capture(|i, out| i.run_pipeline(p, out))?;
        Ok(collapse(items))
    }

    /// Collects everything `f` writes.
    pub fn capture(&mut self, f: impl FnOnce(&mut Interp, &mut Emit) -> EvalResult<()>) -> EvalResult<Vec<Value>> {
        let mut items = Vec::new();
        f(self, &mut |_, v| Ok(limits::buffer(&mut items, v)?))?;
        Ok(items)
    }

    pub fn run_pipeline(&mut self, p: &Pipeline, out: &mut Emit) -> EvalResult<()> {
        // The files this statement's redirections open are written when it ends.
        let mark = self.redirect_files.len();
        let result = self.run_pipeline_here(p, out);
        let closed = self.close_redirect_files(mark);
        result.and(closed)
    }

    fn run_pipeline_here(&mut self, p: &Pipeline, out: &mut Emit) -> EvalResult<()> {
        let (first_expr, commands) = match p.elements.first() {
            Some(PipelineElement::Expr(e)) => (Some(e), &p.elements[1..]),
            _ => (None, &p.elements[..]),
        };
        // An expression's redirections hold while it is evaluated (its commands' streams);
        // an error that ends the statement is reported after them, so `(1/0) 2> $null` still
        // shows it, as in 5.1.
        let redirects = self.read_redirections(&p.expr_redirections)?;
        if commands.is_empty() {
            let Some(e) = first_expr else { return Ok(()) };
            let v = self.with_redirects(redirects, |i| i.eval_expr(e))?;
            if writes_nothing(e) || redirects.discards_output() {
                return Ok(());
            }
            if let Some(file) = redirects.output_file() {
                let items = if v.is_null() && holds_real_null(e) { vec![Value::Null] } else { output_items(v) };
                for item in items {
                    self.to_redirect_file(file, item);
                }
                return Ok(());
            }
            // `$null` or an unset variable as a statement writes one null (`@($null)` has one
            // element); what a void method gives back is AutomationNull and writes nothing.
            if v.is_null() && holds_real_null(e) {
                return out(self, Value::Null);
            }
            for item in output_items(v) {
                out(self, item)?;
            }
            return Ok(());
        }
        let id = self.new_pipeline_id();
        let mut stages = Vec::with_capacity(commands.len());
        for (i, el) in commands.iter().enumerate() {
            let PipelineElement::Command(c) = el else {
                continue;
            };
            let has_input = first_expr.is_some() || i > 0;
            let position = i + 1 + usize::from(first_expr.is_some());
            stages.push(self.prepare_stage(c, has_input, position)?);
        }
        // -OutVariable collects this pipeline's output afresh, a function's -ErrorVariable its errors.
        for st in &stages {
            if let (StageKind::Function { .. }, Some(name)) = (&st.kind, &st.common.error_variable) {
                if !name.starts_with('+') {
                    self.set_var(name, None, Value::array(Vec::new()))?;
                }
            }
            if let Some(name) = &st.common.out_variable {
                if !name.starts_with('+') {
                    self.out_variables_started.remove(&name.to_ascii_lowercase());
                    self.set_var(name, None, Value::array(Vec::new()))?;
                }
            }
        }
        let result = self.drive_pipeline(id, first_expr.map(|e| (e, redirects)), &mut stages, out);
        match result {
            Err(Flow::StopUpstream { pipeline, stage }) if pipeline == id => end_stages(self, &mut stages[stage..], out),
            other => other,
        }
    }

    fn drive_pipeline(&mut self, id: u64, first: Option<(&Expr, Redirects)>, stages: &mut [Stage], out: &mut Emit) -> EvalResult<()> {
        for (i, stage) in stages.iter_mut().enumerate() {
            stage.pipeline = (id, i);
        }
        begin_stages(self, stages, out)?;
        match first {
            Some((e, redirects))
                if !redirects.discards_output() && redirects.output_file().is_none() && matches!(e.kind, ExprKind::Binary { op: BinaryOp::Range, .. }) =>
            {
                let ends = self.with_redirects(redirects, |i| i.range_ends(e))?;
                let (a, b) = ends.expect("a range expression");
                for item in super::expr::range_values(a, b) {
                    self.check_interrupt()?;
                    push(self, stages, item, out)?;
                }
            }
            Some((e, redirects)) => {
                let v = self.with_redirects(redirects, |i| i.eval_expr(e))?;
                // `$null | f` sends one $null: a variable or property holds a real null. What
                // a command or a void method gives back is AutomationNull, which sends nothing.
                if redirects.discards_output() {
                } else if let Some(file) = redirects.output_file() {
                    for item in output_items(v) {
                        self.to_redirect_file(file, item);
                    }
                } else if v.is_null() && holds_real_null(e) {
                    self.check_interrupt()?;
                    push(self, stages, Value::Null, out)?;
                } else {
                    self.send_items(v, &mut |i, item| {
                        i.check_interrupt()?;
                        push(i, stages, item, out)
                    })?;
                }
            }
            None => {
                let (head, rest) = stages.split_first_mut().expect("a pipeline has a command");
                head.redirected(self, &mut |i, v| push(i, rest, v, out), |s, i, down| s.process(i, None, down))?;
            }
        }
        end_stages(self, stages, out)
    }

    fn prepare_stage(&mut self, c: &Command, has_input: bool, position: usize) -> EvalResult<Stage> {
        let src = self.source_of(c.span);
        let (info, invocation_name, block) = self.resolve_invocation(c)?;
        let invocation = InvocationInfo {
            command: Some(info.name.clone()),
            command_kind: match (info.kind, &info.script_file) {
                (_, Some(_)) => CommandKind::ExternalScript,
                (CommandType::Cmdlet, None) => CommandKind::Cmdlet,
                _ => CommandKind::Function,
            },
            invocation_name: invocation_name.clone(),
            position: src.map(|s| (s, c.span)),
        };
        self.strict_command_call(c)?;
        let redirects = self.read_redirections(&c.redirections)?;
        let items = self.evaluate_args(&c.args)?;
        let bound = binder::bind(self, &info, items, has_input, &invocation, position)?;
        let kind = match (&info.factory, block) {
            (Some(factory), _) => StageKind::Cmdlet(factory()),
            (None, Some(block)) => {
                let script = info.script_file.is_some();
                StageKind::Function { block, scope: None, input: Vec::new(), dot: c.invocation == InvocationOperator::Dot, script }
            }
            (None, None) => return Err(Flow::error(command_not_found(&invocation_name, &invocation))),
        };
        Ok(Stage {
            info,
            kind,
            args: bound.args,
            common: bound.common,
            remaining: bound.remaining,
            deferred: bound.deferred,
            invocation,
            pipeline: (0, 0),
            expects_input: has_input,
            redirects,
            pipeline_defaults: Vec::new(),
            record_args: RecordArgs::Unknown,
        })
    }

    /// The command a pipeline element names: a name, a script block after `&`/`.`,
    /// or a variable holding either.
    fn resolve_invocation(&mut self, c: &Command) -> EvalResult<(Rc<CommandInfo>, String, Option<Rc<ScriptBlock>>)> {
        let target = match &c.name.kind {
            ExprKind::Bare(name) => match self.resolve_at(name, c.span) {
                Some((info, body)) => return Ok((info, name.clone(), body)),
                None => return self.named_command(name, c),
            },
            _ => self.eval_expr(&c.name)?,
        };
        if let Value::ScriptBlock(sb) = &target {
            let info = binder::function_info("", sb, false, &self.types);
            return Ok((Rc::new(info), c.name_text(), Some(sb.clone())));
        }
        if let Value::Object(o) = &target {
            if let Some(Value::Str(name)) = o.borrow().get("Name") {
                return self.named_command(name, c);
            }
        }
        let name = target.to_display_string();
        self.named_command(&name, c)
    }

    fn named_command(&mut self, name: &str, c: &Command) -> EvalResult<(Rc<CommandInfo>, String, Option<Rc<ScriptBlock>>)> {
        match self.resolve_command(name) {
            Some(info) => {
                let body = if info.kind == CommandType::Function { self.function_body(&info.name.to_ascii_lowercase()) } else { None };
                Ok((info, name.to_string(), body))
            }
            None => {
                if let Some(found) = self.script_file(name) {
                    let (info, body) = found.map_err(|rec| self.located(rec, c.name.span))?;
                    return Ok((info, name.to_string(), Some(body)));
                }
                let src = self.source_of(c.name.span);
                let invocation = InvocationInfo {
                    command: None,
                    command_kind: CommandKind::None,
                    invocation_name: name.to_string(),
                    position: src.map(|s| (s, c.name.span)),
                };
                Err(Flow::error(command_not_found(name, &invocation)))
            }
        }
    }

    /// A command's arguments as the binder takes them: evaluated, bare words as
    /// strings, splats expanded.
    pub(super) fn evaluate_args(&mut self, args: &[CommandArg]) -> EvalResult<Vec<ArgItem>> {
        let mut items = Vec::with_capacity(args.len());
        for a in args {
            match a {
                CommandArg::Parameter { name, text, value, span } => {
                    let value = match value {
                        Some(e) => Some(self.eval_arg(e)?),
                        None => None,
                    };
                    items.push(ArgItem::Named { name: name.clone(), text: text.clone(), value, span: *span });
                }
                CommandArg::Value(e) => {
                    let v = self.eval_arg(e)?;
                    items.push(ArgItem::Positional { value: v, span: e.span });
                }
                CommandArg::Splat { name, span } => match self.get_var(name, None) {
                    Some(Value::Hashtable(h)) => {
                        for (k, v) in h.borrow().iter() {
                            let key = k.to_display_string();
                            items.push(ArgItem::Named { text: format!("-{key}"), name: key, value: Some(v.clone()), span: *span });
                        }
                    }
                    Some(Value::Array(a)) => {
                        for v in a.borrow().iter() {
                            items.push(ArgItem::Positional { value: v.clone(), span: *span });
                        }
                    }
                    Some(Value::Null) | None => {}
                    Some(other) => items.push(ArgItem::Positional { value: other, span: *span }),
                },
            }
        }
        Ok(items)
    }

    /// An argument's value; bare words are strings.
    fn eval_arg(&mut self, e: &Expr) -> EvalResult<Value> {
        match &e.kind {
            ExprKind::Bare(s) => Ok(Value::str(s)),
            ExprKind::ArrayLiteral(items) => {
                let mut out = Vec::with_capacity(items.len());
                for i in items {
                    out.push(self.eval_arg(i)?);
                }
                Ok(Value::array(out))
            }
            _ => self.eval_expr(e),
        }
    }
}

impl Interp {
    /// Sends what an expression gives to a pipeline's first command, one element at a time,
    /// without copying an array first (a million numbers would be held twice). An array is read
    /// as .NET enumerates one, by index, so an element assigned meanwhile is the one sent; its
    /// length is the one it had (`$Error`, which grows at the front, is sent as it was). Other
    /// collections are sent as they were, as 5.1's enumerators refuse a changed collection.
    fn send_items(&mut self, v: Value, send: &mut dyn FnMut(&mut Interp, Value) -> EvalResult<()>) -> EvalResult<()> {
        let array = match v {
            Value::Array(a) if !Rc::ptr_eq(&a, &self.errors) => a,
            other => {
                for item in output_items(other) {
                    send(self, item)?;
                }
                return Ok(());
            }
        };
        let array = match Rc::try_unwrap(array) {
            // Nothing else holds it (`1..10 | ...`): its elements move.
            Ok(cell) => {
                for item in cell.into_inner() {
                    send(self, item)?;
                }
                return Ok(());
            }
            Err(shared) => shared,
        };
        let len = array.borrow().len();
        for i in 0..len {
            let Some(item) = array.borrow().get(i).cloned() else { break };
            send(self, item)?;
        }
        Ok(())
    }
}

/// What an expression statement writes to the pipeline: arrays unroll, `$null`
/// is written as one object (and Out-Default drops it).
fn output_items(v: Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a.borrow().clone(),
        Value::List(l) => l.items.borrow().clone(),
        Value::Null => vec![],
        other => vec![other],
    }
}

/// Whether a null from `e` is a real null (a variable, a property, an element) rather than the
/// AutomationNull of a command or a void method, which is no object at all.
fn holds_real_null(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Variable { .. } | ExprKind::Member { .. } | ExprKind::Index { .. })
}

/// Increments and decrements used as statements write nothing.
fn writes_nothing(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Unary { op: UnaryOp::PreInc | UnaryOp::PreDec | UnaryOp::PostInc | UnaryOp::PostDec, .. })
        || matches!(&e.kind, ExprKind::Cast { ty, .. } if ty.name.eq_ignore_ascii_case("void"))
}

fn push(interp: &mut Interp, stages: &mut [Stage], item: Value, out: &mut Emit) -> EvalResult<()> {
    match stages.split_first_mut() {
        None => out(interp, item),
        Some((first, rest)) => first.redirected(interp, &mut |i, v| push(i, rest, v, out), |s, i, down| s.process(i, Some(item), down)),
    }
}

/// Every stage's begin runs before any record is processed: what a begin block writes waits
/// until the later stages have begun, then flows down like any output.
fn begin_stages(interp: &mut Interp, stages: &mut [Stage], out: &mut Emit) -> EvalResult<()> {
    let mut written = Vec::with_capacity(stages.len());
    for stage in stages.iter_mut() {
        let mut items = Vec::new();
        stage.redirected(interp, &mut |_, v| Ok(limits::buffer(&mut items, v)?), |s, it, down| s.begin(it, down))?;
        written.push(items);
    }
    for (i, items) in written.into_iter().enumerate() {
        for v in items {
            push(interp, &mut stages[i + 1..], v, out)?;
        }
    }
    Ok(())
}

fn end_stages(interp: &mut Interp, stages: &mut [Stage], out: &mut Emit) -> EvalResult<()> {
    for i in 0..stages.len() {
        let (head, rest) = stages[i..].split_first_mut().expect("index in range");
        head.redirected(interp, &mut |it, v| push(it, rest, v, out), |s, it, down| s.end(it, down))?;
    }
    Ok(())
}

impl Command {
    /// The command name as written, for error prefixes.
    pub fn name_text(&self) -> String {
        match &self.name.kind {
            ExprKind::Bare(s) | ExprKind::Str(s) => s.clone(),
            _ => String::new(),
        }
    }
}
