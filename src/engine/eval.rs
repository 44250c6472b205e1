//! Statements and pipelines. Pipelines stream: every object a stage writes goes
//! straight to the next stage, so output interleaves as it does in PowerShell.

use std::rc::Rc;

use crate::lang::ast::*;

use super::binder::{self, ArgItem};
use super::command::{Args, Cmdlet, CommandInfo, CommandType};
use super::convert::{self, to_bool};
use super::ctx::{CommonParams, Ctx};
use super::error::{command_not_found, CommandKind, ErrorRecord, ErrorRedirect, EvalResult, Flow, InvocationInfo};
use super::limits;
use super::ops;
use super::runtime::{Emit, Interp, ScopeRef, Variable, MAX_CALL_DEPTH};
use super::value::{collapse, Hashtable, TypeKind, Value};

impl Interp {
    /// Runs statements, writing their output to `out`. An error that ends only its
    /// statement is reported here and the next statement runs.
    pub fn exec_statements(&mut self, stmts: &[Statement], out: &mut Emit) -> EvalResult<()> {
        let traps: Vec<(&Option<TypeName>, &Vec<Statement>)> = stmts
            .iter()
            .filter_map(|s| match &s.kind {
                StatementKind::Trap { ty, body } => Some((ty, body)),
                _ => None,
            })
            .collect();
        for s in stmts {
            self.check_interrupt()?;
            if matches!(s.kind, StatementKind::Trap { .. } | StatementKind::Function { .. }) {
                if let StatementKind::Function { .. } = s.kind {
                    self.exec_statement(s, out)?;
                }
                continue;
            }
            match self.exec_statement(s, out) {
                Ok(()) => {}
                Err(Flow::Error(rec)) if trap_for(&traps, &rec).is_some() => {
                    // A trap runs with `$_` set; then the error is shown and the next statement
                    // runs, unless the trap said `continue` (not shown) or `break` (rethrown).
                    let body = trap_for(&traps, &rec).unwrap_or_default();
                    self.record_error(&rec);
                    let saved = self.get_var("_", Some("local"));
                    self.set_local("_", Value::Error(rec.clone()));
                    let r = self.exec_statements(body, out);
                    self.set_local("_", saved.unwrap_or(Value::Null));
                    match r {
                        Ok(()) => self.host.write_error(&rec),
                        Err(Flow::Continue(None)) => {}
                        Err(Flow::Break(None)) => {
                            let mut stop = (*rec).clone();
                            stop.terminates_script = true;
                            return Err(Flow::error(stop));
                        }
                        Err(e) => return Err(e),
                    }
                }
                Err(Flow::Error(rec)) if !self.error_propagates(&rec) => self.report_error(rec),
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Whether an error must travel up rather than end only its statement.
    fn error_propagates(&self, rec: &ErrorRecord) -> bool {
        rec.terminates_script || self.try_depth > 0 || self.preference("ErrorActionPreference").eq_ignore_ascii_case("Stop")
    }

    pub fn exec_statement(&mut self, s: &Statement, out: &mut Emit) -> EvalResult<()> {
        match &s.kind {
            StatementKind::Pipeline(p) => {
                let r = self.run_pipeline(p, out);
                if r.is_ok() && !pipeline_sets_status(p) {
                    self.last_success = true;
                }
                r
            }
            StatementKind::Assignment { target, op, value } => {
                let v = self.statement_value(value)?;
                self.assign(target, *op, v)?;
                self.last_success = true;
                Ok(())
            }
            StatementKind::If { clauses, else_body } => {
                for (cond, body) in clauses {
                    let c = self.pipeline_value(cond)?;
                    if to_bool(&c) {
                        return self.exec_statements(body, out);
                    }
                }
                if let Some(body) = else_body {
                    return self.exec_statements(body, out);
                }
                Ok(())
            }
            StatementKind::While { label, cond, body } => {
                while to_bool(&self.pipeline_value(cond)?) {
                    match self.loop_body(body, label, out)? {
                        LoopControl::Next => {}
                        LoopControl::Stop => break,
                    }
                }
                Ok(())
            }
            StatementKind::DoLoop { label, body, cond, until } => {
                loop {
                    match self.loop_body(body, label, out)? {
                        LoopControl::Next => {}
                        LoopControl::Stop => break,
                    }
                    let c = to_bool(&self.pipeline_value(cond)?);
                    if c == *until {
                        break;
                    }
                }
                Ok(())
            }
            StatementKind::For { label, init, cond, step, body } => {
                if let Some(init) = init {
                    self.exec_statement(init, &mut discard)?;
                }
                loop {
                    if let Some(c) = cond {
                        if !to_bool(&self.pipeline_value(c)?) {
                            break;
                        }
                    }
                    match self.loop_body(body, label, out)? {
                        LoopControl::Next => {}
                        LoopControl::Stop => break,
                    }
                    if let Some(step) = step {
                        self.exec_statement(step, &mut discard)?;
                    }
                }
                Ok(())
            }
            StatementKind::Foreach { label, variable, iterable, body } => {
                let items = self.pipeline_value(iterable)?;
                let items = match items {
                    Value::Null => Vec::new(),
                    other => other.enumerate(),
                };
                for item in items {
                    self.set_var(variable, None, item)?;
                    match self.loop_body(body, label, out)? {
                        LoopControl::Next => {}
                        LoopControl::Stop => break,
                    }
                }
                Ok(())
            }
            StatementKind::Switch(sw) => self.exec_switch(sw, out),
            StatementKind::Function { name, body, is_filter } => {
                let info = binder::function_info(name, body, *is_filter);
                let key = name.to_ascii_lowercase();
                let mut scope = self.current.borrow_mut();
                scope.functions.insert(key.clone(), Rc::new(info));
                scope.function_bodies.insert(key, body.clone());
                Ok(())
            }
            StatementKind::Try { body, catches, finally } => self.exec_try(body, catches, finally.as_deref(), out),
            StatementKind::Trap { .. } => Ok(()),
            StatementKind::Throw(p) => Err(self.throw_error(p.as_ref(), s.span)?),
            StatementKind::Return(p) => {
                if let Some(p) = p {
                    self.run_pipeline(p, out)?;
                }
                Err(Flow::Return)
            }
            StatementKind::Exit(p) => {
                let code = match p {
                    Some(p) => {
                        let v = self.pipeline_value(p)?;
                        convert::to_num(&v).map(|n| n.as_f64() as i32).unwrap_or(0)
                    }
                    None => 0,
                };
                let _ = self.set_var("LASTEXITCODE", Some("global"), Value::Int(code));
                Err(Flow::Exit(code))
            }
            StatementKind::Break(l) => Err(Flow::Break(l.clone())),
            StatementKind::Continue(l) => Err(Flow::Continue(l.clone())),
        }
    }

    fn loop_body(&mut self, body: &[Statement], label: &Option<String>, out: &mut Emit) -> EvalResult<LoopControl> {
        // Checked here as well as per statement: `while ($true) {}` has none.
        self.check_interrupt()?;
        match self.exec_statements(body, out) {
            Ok(()) => Ok(LoopControl::Next),
            Err(Flow::Break(l)) if label_matches(&l, label) => Ok(LoopControl::Stop),
            Err(Flow::Continue(l)) if label_matches(&l, label) => Ok(LoopControl::Next),
            Err(e) => Err(e),
        }
    }

    fn throw_error(&mut self, p: Option<&Pipeline>, span: Span) -> EvalResult<Flow> {
        let value = match p {
            Some(p) => self.pipeline_value(p)?,
            None => {
                // A bare `throw` inside a catch rethrows the caught error.
                if let Some(Value::Error(e)) = self.get_var("_", None) {
                    return Ok(Flow::Error(e));
                }
                Value::Null
            }
        };
        let mut rec = match &value {
            Value::Error(e) => (**e).clone(),
            Value::Null => ErrorRecord::runtime("ScriptHalted", "ScriptHalted", "OperationStopped"),
            other => {
                let msg = other.to_display_string();
                ErrorRecord::runtime(msg.clone(), &msg, "OperationStopped").with_target(other)
            }
        };
        rec.from_throw = true;
        rec.terminates_script = true;
        if let Some(src) = self.source_of(span) {
            rec.invocation = Some(InvocationInfo::at(&src, span));
        }
        Ok(Flow::error(rec))
    }

    fn exec_try(&mut self, body: &[Statement], catches: &[CatchClause], finally: Option<&[Statement]>, out: &mut Emit) -> EvalResult<()> {
        self.try_depth += 1;
        let r = self.exec_statements(body, out);
        self.try_depth -= 1;
        let r = match r {
            Err(Flow::Error(rec)) => {
                let clause = catches.iter().find(|c| c.types.is_empty() || c.types.iter().any(|t| catch_matches(&t.name, &rec)));
                match clause {
                    Some(c) => {
                        self.record_error(&rec);
                        let saved = self.get_var("_", Some("local"));
                        self.set_local("_", Value::Error(rec));
                        let r = self.exec_statements(&c.body, out);
                        self.set_local("_", saved.unwrap_or(Value::Null));
                        r
                    }
                    None => Err(Flow::Error(rec)),
                }
            }
            other => other,
        };
        if let Some(f) = finally {
            self.exec_statements(f, out)?;
        }
        r
    }

    fn exec_switch(&mut self, sw: &SwitchStatement, out: &mut Emit) -> EvalResult<()> {
        let subject = self.pipeline_value(&sw.subject)?;
        let items = match &subject {
            Value::Array(_) => subject.enumerate(),
            other => vec![other.clone()],
        };
        let saved = self.get_var("_", Some("local"));
        let result = (|| -> EvalResult<()> {
            'items: for item in items {
                self.check_interrupt()?;
                self.set_local("_", item.clone());
                let mut matched = false;
                for (cond, body) in &sw.clauses {
                    if self.switch_clause_matches(sw, cond, &item)? {
                        matched = true;
                        match self.exec_statements(body, out) {
                            Ok(()) => {}
                            Err(Flow::Break(l)) if label_matches(&l, &sw.label) => return Ok(()),
                            Err(Flow::Continue(l)) if label_matches(&l, &sw.label) => continue 'items,
                            Err(e) => return Err(e),
                        }
                    }
                }
                if !matched {
                    if let Some(d) = &sw.default {
                        match self.exec_statements(d, out) {
                            Ok(()) => {}
                            Err(Flow::Break(l)) if label_matches(&l, &sw.label) => return Ok(()),
                            Err(Flow::Continue(l)) if label_matches(&l, &sw.label) => continue 'items,
                            Err(e) => return Err(e),
                        }
                    }
                }
            }
            Ok(())
        })();
        self.set_local("_", saved.unwrap_or(Value::Null));
        result
    }

    fn switch_clause_matches(&mut self, sw: &SwitchStatement, cond: &Expr, item: &Value) -> EvalResult<bool> {
        if let ExprKind::ScriptBlock(sb) = &cond.kind {
            let v = self.invoke_block_here(sb, Some(item.clone()))?;
            return Ok(to_bool(&v));
        }
        let pattern = self.eval_expr(cond)?;
        let cs = sw.case_sensitive;
        Ok(match sw.mode {
            SwitchMode::Exact => ops::equals(&Value::str(item.to_display_string()), &pattern, cs),
            SwitchMode::Wildcard => ops::like(item, &pattern, cs),
            SwitchMode::Regex => {
                let (m, table) = ops::match_scalar(item, &pattern, cs).map_err(Flow::error)?;
                if let Some(t) = table {
                    self.set_var("Matches", None, Value::hashtable(t))?;
                }
                m
            }
        })
    }

    // ---------------------------------------------------------------- values of statements

    /// The value of a statement used as an expression: an expression keeps its
    /// value as is (`$x = @()` is an empty array); commands' output is collected.
    pub fn statement_value(&mut self, s: &Statement) -> EvalResult<Value> {
        match &s.kind {
            StatementKind::Pipeline(p) => self.pipeline_value(p),
            StatementKind::Assignment { target, op, value } => {
                let v = self.statement_value(value)?;
                self.assign(target, *op, v)?;
                self.eval_expr(target)
            }
            _ => {
                let items = self.capture(|i, out| i.exec_statement(s, out))?;
                Ok(collapse(items))
            }
        }
    }

    pub fn pipeline_value(&mut self, p: &Pipeline) -> EvalResult<Value> {
        if let [PipelineElement::Expr(e)] = p.elements.as_slice() {
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

    // ---------------------------------------------------------------- pipelines

    pub fn run_pipeline(&mut self, p: &Pipeline, out: &mut Emit) -> EvalResult<()> {
        let (first_expr, commands) = match p.elements.first() {
            Some(PipelineElement::Expr(e)) => (Some(e), &p.elements[1..]),
            _ => (None, &p.elements[..]),
        };
        if commands.is_empty() {
            let Some(e) = first_expr else { return Ok(()) };
            let v = self.eval_expr(e)?;
            if writes_nothing(e) {
                return Ok(());
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
        // -OutVariable collects this pipeline's output afresh.
        for st in &stages {
            if let Some(name) = &st.common.out_variable {
                if !name.starts_with('+') {
                    self.out_variables_started.remove(&name.to_ascii_lowercase());
                    self.set_var(name, None, Value::array(Vec::new()))?;
                }
            }
        }
        let result = self.drive_pipeline(id, first_expr, &mut stages, out);
        match result {
            Err(Flow::StopUpstream { pipeline, stage }) if pipeline == id => end_stages(self, &mut stages[stage..], out),
            other => other,
        }
    }

    fn drive_pipeline(&mut self, id: u64, first: Option<&Expr>, stages: &mut [Stage], out: &mut Emit) -> EvalResult<()> {
        for (i, stage) in stages.iter_mut().enumerate() {
            stage.pipeline = (id, i);
        }
        begin_stages(self, stages, out)?;
        match first {
            Some(e) => {
                let v = self.eval_expr(e)?;
                for item in output_items(v) {
                    self.check_interrupt()?;
                    push(self, stages, item, out)?;
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
            command_kind: if info.kind == CommandType::Cmdlet { CommandKind::Cmdlet } else { CommandKind::Function },
            invocation_name: invocation_name.clone(),
            position: src.map(|s| (s, c.span)),
        };
        let (discard_output, errors_to) = self.redirections(c)?;
        let items = self.evaluate_args(&c.args)?;
        let bound = binder::bind(self, &info, items, has_input, &invocation, position)?;
        let kind = match (&info.factory, block) {
            (Some(factory), _) => StageKind::Cmdlet(factory()),
            (None, Some(block)) => StageKind::Function { block, scope: None, input: Vec::new(), dot: c.invocation == InvocationOperator::Dot, script: false },
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
            discard_output,
            errors_to,
        })
    }

    /// `> $null`, `2> $null`, `*> $null` and `2>&1`. Files are outside the sandbox.
    fn redirections(&mut self, c: &Command) -> EvalResult<(bool, ErrorRedirect)> {
        let mut discard_output = false;
        let mut errors_to = ErrorRedirect::Host;
        for r in &c.redirections {
            match &r.target {
                RedirectTarget::Merge(_) => {
                    if r.from == 2 || r.from == 0 {
                        errors_to = ErrorRedirect::Merge;
                    }
                }
                RedirectTarget::File(target) => {
                    let is_null = matches!(&target.kind, ExprKind::Variable { name, .. } if name.eq_ignore_ascii_case("null"));
                    if !is_null {
                        return Err(self.located(
                            ErrorRecord::runtime(
                                "Redirection to a file is not available in ersim: scripts write no files. Redirect to $null, or use 2>&1.",
                                "RedirectionNotSupported",
                                "PermissionDenied",
                            ),
                            target.span,
                        ));
                    }
                    match r.from {
                        1 => discard_output = true,
                        2 => errors_to = ErrorRedirect::Discard,
                        0 => {
                            discard_output = true;
                            errors_to = ErrorRedirect::Discard;
                        }
                        _ => {}
                    }
                }
            }
        }
        Ok((discard_output, errors_to))
    }

    /// The command a pipeline element names: a name, a script block after `&`/`.`,
    /// or a variable holding either.
    fn resolve_invocation(&mut self, c: &Command) -> EvalResult<(Rc<CommandInfo>, String, Option<Rc<ScriptBlock>>)> {
        let target = match &c.name.kind {
            ExprKind::Bare(name) => Value::str(name),
            _ => self.eval_expr(&c.name)?,
        };
        if let Value::ScriptBlock(sb) = &target {
            let info = binder::function_info("", sb, false);
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

    fn evaluate_args(&mut self, args: &[CommandArg]) -> EvalResult<Vec<ArgItem>> {
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

    // ---------------------------------------------------------------- script blocks

    /// Runs a script block in the current scope with `$_` set (ForEach-Object,
    /// Where-Object, switch conditions), returning its collected output.
    pub fn invoke_block_here(&mut self, sb: &Rc<ScriptBlock>, dollar: Option<Value>) -> EvalResult<Value> {
        let items = self.capture(|i, out| i.run_block_here(sb, dollar, out))?;
        Ok(collapse(items))
    }

    /// Runs a script block's end block in the current scope with `$_` set, streaming output.
    pub fn run_block_here(&mut self, sb: &Rc<ScriptBlock>, dollar: Option<Value>, out: &mut Emit) -> EvalResult<()> {
        let saved = self.get_var("_", Some("local"));
        if let Some(d) = dollar {
            self.set_local("_", d);
        }
        let saved_src = self.current_source.replace(sb.source.clone());
        let mut r = Ok(());
        for block in [&sb.begin, &sb.process, &sb.end].into_iter().flatten() {
            r = self.exec_statements(block, out);
            if r.is_err() {
                break;
            }
        }
        self.current_source = saved_src;
        match saved {
            Some(v) => self.set_local("_", v),
            None => {
                self.current.borrow_mut().vars.remove("_");
            }
        }
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
        let info = Rc::new(binder::function_info(&name, sb, false));
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
            discard_output: false,
            errors_to: ErrorRedirect::Host,
        };
        stage.begin(self, out)?;
        if let Some(d) = dollar {
            if let StageKind::Function { scope: Some(scope), .. } = &stage.kind {
                scope.borrow_mut().vars.insert("_".into(), Variable { value: d, constraint: None });
            }
        }
        stage.process(self, None, out)?;
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

enum LoopControl {
    Next,
    Stop,
}

/// The body of the trap that handles `rec`: the first typed trap whose type matches, else
/// an untyped one.
fn trap_for<'a>(traps: &[(&Option<TypeName>, &'a Vec<Statement>)], rec: &ErrorRecord) -> Option<&'a [Statement]> {
    traps
        .iter()
        .find(|(ty, _)| ty.as_ref().is_some_and(|t| catch_matches(&t.name, rec)))
        .or_else(|| traps.iter().find(|(ty, _)| ty.is_none()))
        .map(|(_, body)| body.as_slice())
}

fn label_matches(flow_label: &Option<String>, loop_label: &Option<String>) -> bool {
    match (flow_label, loop_label) {
        (None, _) => true,
        (Some(f), Some(l)) => f.eq_ignore_ascii_case(l),
        (Some(_), None) => false,
    }
}

/// Whether `catch [T]` takes an error: its exception (or the one a RuntimeException
/// wraps) is T or derives from it, as far as the names tell.
fn catch_matches(type_name: &str, rec: &ErrorRecord) -> bool {
    let t = type_name.to_ascii_lowercase();
    let t = t.strip_prefix("system.").unwrap_or(&t);
    if t == "exception" || t == "systemexception" {
        return true;
    }
    let names = std::iter::once(rec.exception_type.as_str()).chain(rec.inner_exception.as_deref());
    let matches = |n: &str| {
        let n = n.to_ascii_lowercase();
        n == t || n.strip_prefix("system.") == Some(t) || n.rsplit('.').next() == Some(t)
    };
    let mut all = names;
    all.any(matches) || (matches!(t, "management.automation.runtimeexception" | "runtimeexception") && rec.exception_type.contains("Automation"))
}

/// What an expression statement writes to the pipeline: arrays unroll, `$null`
/// is written as one object (and Out-Default drops it).
fn output_items(v: Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a.borrow().clone(),
        Value::Null => vec![],
        other => vec![other],
    }
}

/// Increments and decrements used as statements write nothing.
fn writes_nothing(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Unary { op: UnaryOp::PreInc | UnaryOp::PreDec | UnaryOp::PostInc | UnaryOp::PostDec, .. })
        || matches!(&e.kind, ExprKind::Cast { ty, .. } if ty.name.eq_ignore_ascii_case("void"))
}

/// Whether the pipeline's last command decides `$?` itself.
fn pipeline_sets_status(p: &Pipeline) -> bool {
    p.elements.iter().any(|e| matches!(e, PipelineElement::Command(_)))
}

pub fn discard(_: &mut Interp, _: Value) -> EvalResult<()> {
    Ok(())
}

// ---------------------------------------------------------------- stages

pub struct Stage {
    pub info: Rc<CommandInfo>,
    kind: StageKind,
    args: Args,
    common: CommonParams,
    remaining: Vec<Value>,
    /// Mandatory parameters that pipeline input must supply.
    deferred: Vec<String>,
    invocation: InvocationInfo,
    pipeline: (u64, usize),
    expects_input: bool,
    /// `> $null`: what the stage writes goes nowhere.
    discard_output: bool,
    /// `2> $null` or `2>&1`: where the stage's errors go.
    errors_to: ErrorRedirect,
}

enum StageKind {
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

fn push(interp: &mut Interp, stages: &mut [Stage], item: Value, out: &mut Emit) -> EvalResult<()> {
    match stages.split_first_mut() {
        None => out(interp, item),
        Some((first, rest)) => first.redirected(interp, &mut |i, v| push(i, rest, v, out), |s, i, down| s.process(i, Some(item), down)),
    }
}

fn begin_stages(interp: &mut Interp, stages: &mut [Stage], out: &mut Emit) -> EvalResult<()> {
    for i in 0..stages.len() {
        let (head, rest) = stages[i..].split_first_mut().expect("index in range");
        head.redirected(interp, &mut |it, v| push(it, rest, v, out), |s, it, down| s.begin(it, down))?;
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

impl Stage {
    /// Runs one step of the stage with its redirections in force.
    /// Runs one step of the stage with its redirections and -OutVariable in force.
    fn redirected(&mut self, interp: &mut Interp, out: &mut Emit, f: impl FnOnce(&mut Stage, &mut Interp, &mut Emit) -> EvalResult<()>) -> EvalResult<()> {
        interp.error_redirects.push(self.errors_to);
        let out_var = self.common.out_variable.clone();
        let discard_output = self.discard_output;
        let r = f(self, interp, &mut |i: &mut Interp, v: Value| {
            if let Some(name) = &out_var {
                let (append, name) = match name.strip_prefix('+') {
                    Some(n) => (true, n),
                    None => (false, name.as_str()),
                };
                let mut items = match i.get_var(name, None) {
                    Some(Value::Array(a)) if append || i.out_variables_started.contains(&name.to_ascii_lowercase()) => a.borrow().clone(),
                    _ => Vec::new(),
                };
                i.out_variables_started.insert(name.to_ascii_lowercase());
                items.push(v.clone());
                i.set_var(name, None, Value::array(items))?;
            }
            if discard_output {
                Ok(())
            } else {
                out(i, v)
            }
        });
        interp.error_redirects.pop();
        r
    }

    fn with_ctx<R>(&mut self, interp: &mut Interp, out: &mut Emit, args: Option<&Args>, f: impl FnOnce(&mut dyn Cmdlet, &mut Ctx, &Args) -> R) -> R {
        let StageKind::Cmdlet(cmdlet) = &mut self.kind else { unreachable!("cmdlet stage") };
        let args = args.unwrap_or(&self.args);
        let mut ctx = Ctx { interp, out, info: &self.invocation, common: &self.common, command: &self.info };
        f(cmdlet.as_mut(), &mut ctx, args)
    }

    fn begin(&mut self, interp: &mut Interp, out: &mut Emit) -> EvalResult<()> {
        match &mut self.kind {
            StageKind::Cmdlet(_) => {
                let args = self.args.clone();
                self.with_ctx(interp, out, Some(&args), |c, ctx, a| c.begin(ctx, a))
            }
            StageKind::Function { block, scope, dot, script, .. } => {
                if interp.call_depth >= MAX_CALL_DEPTH {
                    return Err(Flow::error(ErrorRecord::runtime("The script failed due to call depth overflow.", "CallDepthOverflow", "InvalidOperation")));
                }
                let s = if *dot { interp.current.clone() } else { interp.new_scope(&interp.current.clone(), *script) };
                let block_ref = block.clone();
                let saved = std::mem::replace(&mut interp.current, s.clone());
                let defaults = bind_function_variables(interp, &self.info, &block_ref, &self.args, &self.remaining);
                interp.current = saved;
                defaults?;
                *scope = Some(s);
                let block = block.clone();
                match &block.begin {
                    Some(b) => self.run_in_scope(interp, &block, b, None, out),
                    None => Ok(()),
                }
            }
        }
    }

    fn process(&mut self, interp: &mut Interp, item: Option<Value>, out: &mut Emit) -> EvalResult<()> {
        interp.check_interrupt()?;
        match &mut self.kind {
            StageKind::Cmdlet(_) => {
                let args = match &item {
                    Some(obj) => match binder::bind_pipeline(interp, &self.info, &self.args, obj, &self.deferred, &self.invocation)? {
                        Some(a) => a,
                        None => return Ok(()),
                    },
                    None => {
                        if self.expects_input {
                            return Ok(());
                        }
                        self.args.clone()
                    }
                };
                let stopper = self.pipeline;
                let r = self.with_ctx(interp, out, Some(&args), |c, ctx, a| c.process(ctx, a));
                match r {
                    Err(Flow::StopUpstream { pipeline: 0, .. }) => Err(Flow::StopUpstream { pipeline: stopper.0, stage: stopper.1 + 1 }),
                    other => other,
                }
            }
            StageKind::Function { block, input, .. } => {
                let block = block.clone();
                match &block.process {
                    Some(p) => {
                        if let Some(obj) = &item {
                            if let Some(a) = binder::bind_pipeline(interp, &self.info, &self.args, obj, &[], &self.invocation)? {
                                if let StageKind::Function { scope: Some(s), .. } = &self.kind {
                                    for (name, value) in &a.values {
                                        s.borrow_mut().vars.insert(name.to_ascii_lowercase(), Variable { value: value.clone(), constraint: None });
                                    }
                                }
                            }
                        } else if self.expects_input {
                            return Ok(());
                        }
                        self.run_in_scope(interp, &block, p, item, out)
                    }
                    None => {
                        if let Some(v) = item {
                            limits::buffer(input, v)?;
                        }
                        Ok(())
                    }
                }
            }
        }
    }

    fn end(&mut self, interp: &mut Interp, out: &mut Emit) -> EvalResult<()> {
        match &mut self.kind {
            StageKind::Cmdlet(_) => self.with_ctx(interp, out, None, |c, ctx, _| c.end(ctx)),
            StageKind::Function { block, input, scope, .. } => {
                let block = block.clone();
                let items = std::mem::take(input);
                if let Some(s) = scope {
                    s.borrow_mut().vars.insert("input".into(), Variable { value: Value::array(items.clone()), constraint: None });
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

    /// Runs one of a function's blocks in its own scope; `return` ends the block.
    fn run_in_scope(&mut self, interp: &mut Interp, block: &Rc<ScriptBlock>, stmts: &[Statement], dollar: Option<Value>, out: &mut Emit) -> EvalResult<()> {
        let StageKind::Function { scope: Some(scope), .. } = &self.kind else {
            return Ok(());
        };
        let saved = std::mem::replace(&mut interp.current, scope.clone());
        if let Some(d) = dollar {
            scope.borrow_mut().vars.insert("_".into(), Variable { value: d, constraint: None });
        }
        let saved_src = interp.current_source.replace(block.source.clone());
        interp.call_depth += 1;
        interp.invocation_stack.push(self.invocation.clone());
        let r = interp.exec_statements(stmts, out);
        interp.invocation_stack.pop();
        interp.call_depth -= 1;
        interp.current_source = saved_src;
        interp.current = saved;
        match r {
            Err(Flow::Return) => Ok(()),
            other => other,
        }
    }
}

/// Defines a function's parameters as variables in its new (current) scope:
/// bound values, then defaults (which may refer to earlier parameters), each
/// constrained to its declared type; plus `$PSBoundParameters` and `$args`.
fn bind_function_variables(interp: &mut Interp, info: &CommandInfo, block: &ScriptBlock, args: &Args, remaining: &[Value]) -> EvalResult<()> {
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
    interp.set_local("PSBoundParameters", Value::hashtable(bound));
    interp.set_local("args", Value::array(remaining.to_vec()));
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
