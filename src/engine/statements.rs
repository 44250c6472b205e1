//! Statements: sequences with their traps, `if`, the loops with their labels,
//! `switch`, `try`/`catch`/`finally`, `throw`, `return` and `exit`, and the
//! value of a statement used as an expression.

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::ast::*;

use super::convert::{self, to_bool};
use super::error::{ErrorCategory, ErrorRecord, EvalResult, Flow, InvocationInfo};
use super::ops;
use super::runtime::{Emit, Interp};
use super::value::{collapse, Value};

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
                        Ok(()) => self.show_statement_error(rec, out)?,
                        Err(Flow::Continue(None)) => {}
                        Err(Flow::Break(None)) => {
                            let mut stop = (*rec).clone();
                            stop.terminates_script = true;
                            return Err(Flow::error(stop));
                        }
                        Err(e) => return Err(e),
                    }
                }
                Err(Flow::Error(rec)) if !self.error_propagates(&rec) => {
                    self.record_error(&rec);
                    if self.preference_shows_errors() {
                        self.show_statement_error(rec, out)?;
                    }
                }
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
                let failures = self.failures;
                let r = self.run_pipeline(p, out);
                if r.is_ok() && (!pipeline_sets_status(p) || self.failures == failures) {
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
            StatementKind::Foreach { label, variable, iterable, body } => self.exec_foreach(label, variable, iterable, body, out),
            StatementKind::Switch(sw) => self.exec_switch(sw, out),
            StatementKind::Function { name, body, is_filter } => {
                self.define_function(name, body.clone(), *is_filter);
                Ok(())
            }
            StatementKind::Try { body, catches, finally } => self.exec_try(body, catches, finally.as_deref(), out),
            StatementKind::Trap { .. } => Ok(()),
            StatementKind::UsingNamespace(ns) => {
                if !self.using_namespaces.iter().any(|n| n.eq_ignore_ascii_case(ns)) {
                    self.using_namespaces.push(ns.clone());
                }
                Ok(())
            }
            StatementKind::Throw(p) => Err(self.throw_error(p.as_ref(), s.span)?),
            StatementKind::Return(p) => {
                if let Some(p) = p {
                    self.run_pipeline(p, out)?;
                }
                Err(Flow::Return)
            }
            StatementKind::MethodReturn(p) => {
                let v = match p {
                    Some(p) => self.pipeline_value(p)?,
                    None => Value::Null,
                };
                self.method_result = Some(v);
                Err(Flow::Return)
            }
            StatementKind::Class(decl) => self.run_class_statement(decl),
            StatementKind::Enum(decl) => self.define_enum(decl),
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

    fn exec_foreach(&mut self, label: &Option<String>, variable: &str, iterable: &Pipeline, body: &[Statement], out: &mut Emit) -> EvalResult<()> {
        let key = variable.to_ascii_lowercase();
        // `foreach ($i in 1..1000000)` counts without making the million numbers first.
        let items: Box<dyn Iterator<Item = Value>> = match self.foreach_range(iterable)? {
            Some((a, b)) => Box::new(super::expr::range_values(a, b)),
            None => Box::new(
                match self.pipeline_value(iterable)? {
                    Value::Null => Vec::new(),
                    // An array nothing else holds gives its elements up, uncopied.
                    Value::Array(a) => Rc::try_unwrap(a).map(RefCell::into_inner).unwrap_or_else(|shared| shared.borrow().clone()),
                    other => other.enumerate(),
                }
                .into_iter(),
            ),
        };
        for item in items {
            self.set_var_spelled(variable, &key, None, item)?;
            match self.loop_body(body, label, out)? {
                LoopControl::Next => {}
                LoopControl::Stop => break,
            }
        }
        Ok(())
    }

    /// The ends of a `foreach`'s collection when it is a bare range.
    fn foreach_range(&mut self, iterable: &Pipeline) -> EvalResult<Option<(i64, i64)>> {
        match (iterable.elements.as_slice(), iterable.expr_redirections.as_slice()) {
            ([PipelineElement::Expr(e)], []) => self.range_ends(e),
            _ => Ok(None),
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
            Value::Null => ErrorRecord::runtime("ScriptHalted", "ScriptHalted", ErrorCategory::OperationStopped),
            // An exception object: the record's id is its message, as ExceptionHandlingOps makes it.
            x if super::exceptions::is_exception(x) => ErrorRecord::of_exception(x, ErrorCategory::OperationStopped, None),
            other => {
                let msg = other.to_display_string();
                ErrorRecord::runtime(msg.clone(), &msg, ErrorCategory::OperationStopped).with_target(other)
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
    // An exception of a script class names its own bases.
    let own = match &rec.exception_object {
        Some(Value::Object(o)) => o.borrow().type_names.iter().any(|n| super::exceptions::derives_from(n, type_name)),
        _ => false,
    };
    own || std::iter::once(rec.exception_type.as_str()).chain(rec.inner_exception.as_deref()).any(|e| super::exceptions::derives_from(e, type_name))
}

/// Whether the pipeline has commands, whose failures decide `$?`; an expression's statement
/// makes it true.
fn pipeline_sets_status(p: &Pipeline) -> bool {
    p.elements.iter().any(|e| matches!(e, PipelineElement::Command(_)))
}

fn discard(_: &mut Interp, _: Value) -> EvalResult<()> {
    Ok(())
}
