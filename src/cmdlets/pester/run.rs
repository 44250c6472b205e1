//! The run phase: the discovered tree walked in order. Each block gets a scope below its
//! parent's where its BeforeAll runs; each test a scope below its block's where the
//! BeforeEach blocks (outermost first), the test and the AfterEach blocks (innermost first)
//! run. Blocks with no test to run are not entered, so their setup never runs.

use std::rc::Rc;

use crate::engine::error::ErrorRecord;
use crate::engine::ops::like;
use crate::engine::runtime::ScopeRef;
use crate::engine::value::Value;
use crate::engine::{Ctx, EvalResult, Flow, Interp};
use crate::lang::ast::ScriptBlock;

use super::blocks::{define_data, in_scope};
use super::report::Report;
use super::state::state;
use super::tree::{Block, BlockKind, Node, Test};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Passed,
    Failed,
    Skipped,
    NotRun,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Passed => "Passed",
            Outcome::Failed => "Failed",
            Outcome::Skipped => "Skipped",
            Outcome::NotRun => "NotRun",
        }
    }
}

/// One test's result.
#[derive(Debug, Clone)]
pub struct TestResult {
    /// The names of the blocks around it, outermost first.
    pub path: Vec<String>,
    pub name: String,
    pub expanded: String,
    pub outcome: Outcome,
    pub ticks: i64,
    /// What failed it: usually one error; several when Should went on after failures
    /// (`Should.ErrorAction = 'Continue'`) or an AfterEach failed as well.
    pub errors: Vec<Rc<ErrorRecord>>,
    /// What Set-ItResult said (`is skipped, because …`), shown after the name.
    pub note: Option<String>,
    pub tags: Vec<String>,
    pub data: Option<Value>,
}

impl TestResult {
    /// `Describe.Context.It`, the name the report and `-FullName` use.
    pub fn full_name(&self) -> String {
        let mut parts = self.path.clone();
        parts.push(self.expanded.clone());
        parts.join(".")
    }
}

/// One file's results.
#[derive(Debug, Clone, Default)]
pub struct ContainerResult {
    pub path: String,
    /// `File` or `ScriptBlock`.
    pub kind: &'static str,
    pub tests: Vec<TestResult>,
    /// Blocks whose BeforeAll or AfterAll failed: the block's path and the error.
    pub failed_blocks: Vec<(String, Rc<ErrorRecord>)>,
    /// The error that stopped discovery of the file.
    pub discovery_error: Option<Rc<ErrorRecord>>,
    pub ticks: i64,
    pub discovery_ticks: i64,
}

impl ContainerResult {
    pub fn passed(&self) -> bool {
        self.discovery_error.is_none() && self.failed_blocks.is_empty() && !self.tests.iter().any(|t| t.outcome == Outcome::Failed)
    }
}

/// Which tests run: Invoke-Pester's `-Tag`, `-ExcludeTag` and `-FullName` (wildcards).
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub tags: Vec<String>,
    pub exclude_tags: Vec<String>,
    pub full_names: Vec<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty() && self.exclude_tags.is_empty() && self.full_names.is_empty()
    }

    fn selects(&self, tags: &[String], full_name: &str) -> bool {
        let tagged = |pattern: &String| tags.iter().any(|t| like(&Value::str(t), &Value::str(pattern), false));
        if self.exclude_tags.iter().any(tagged) {
            return false;
        }
        if !self.tags.is_empty() && !self.tags.iter().any(tagged) {
            return false;
        }
        self.full_names.is_empty() || self.full_names.iter().any(|p| like(&Value::str(full_name), &Value::str(p), false))
    }

    /// How many of the tree's tests the filter selects.
    pub fn count(&self, block: &Block) -> usize {
        let mut n = 0;
        walk_tests(block, &mut Vec::new(), &mut Vec::new(), &mut |_, _, full, tags| {
            if self.selects(tags, full) {
                n += 1;
            }
        });
        n
    }
}

/// What `walk_tests` shows each test: the test, the names of its blocks, its full name
/// and its tags with its blocks'.
type Visit<'a> = dyn FnMut(&Test, &[String], &str, &[String]) + 'a;

fn walk_tests(block: &Block, path: &mut Vec<String>, tags: &mut Vec<String>, f: &mut Visit<'_>) {
    let (np, nt) = (path.len(), tags.len());
    if block.kind != BlockKind::Root {
        path.push(block.name.clone());
    }
    tags.extend(block.tags.iter().cloned());
    for item in &block.items {
        match item {
            Node::Block(b) => walk_tests(b, path, tags, f),
            Node::Test(t) => {
                let all: Vec<String> = [&tags[..], &t.tags[..]].concat();
                let full = [&path[..], std::slice::from_ref(&t.expanded)].concat().join(".");
                f(t, path, &full, &all);
            }
        }
    }
    path.truncate(np);
    tags.truncate(nt);
}

/// What a piece of test code did: nothing wrong, or the error that ended it.
type Ran = Result<(), Rc<ErrorRecord>>;

/// Runs test code in the current scope with its output dropped. An error ends it (as in a
/// `try`: statement-ending errors too); `exit` and Ctrl-C still end the whole run.
pub fn run_code(interp: &mut Interp, sb: &Rc<ScriptBlock>) -> EvalResult<Ran> {
    interp.try_depth += 1;
    let r = interp.run_block_here(sb, None, &mut |_, _| Ok(()));
    interp.try_depth -= 1;
    match r {
        Ok(()) | Err(Flow::Return) | Err(Flow::Break(_)) | Err(Flow::Continue(_)) => Ok(Ok(())),
        Err(Flow::Error(rec)) => Ok(Err(rec)),
        Err(other) => Err(other),
    }
}

fn ticks_between(a: chrono::NaiveDateTime, b: chrono::NaiveDateTime) -> i64 {
    (b - a).num_microseconds().unwrap_or(0) * 10
}

/// The walk over one file's tree.
pub struct Runner<'r> {
    pub filter: &'r Filter,
    pub report: &'r Report,
    pub result: ContainerResult,
}

/// The setup and teardown a test inherits from the blocks around it.
#[derive(Default, Clone)]
struct Inherited {
    before_each: Vec<Rc<ScriptBlock>>,
    after_each: Vec<Rc<ScriptBlock>>,
    tags: Vec<String>,
    path: Vec<String>,
    skip: bool,
}

impl Runner<'_> {
    pub fn run(&mut self, ctx: &mut Ctx, root: &Block) -> EvalResult<()> {
        let start = ctx.interp.clock.now();
        let global = ctx.interp.global.clone();
        let scope = ctx.interp.new_scope(&global, true);
        let r = self.block(ctx, root, &scope, Inherited::default(), 0);
        state(ctx.interp).clear_mocks();
        r?;
        self.result.ticks = ticks_between(start, ctx.interp.clock.now());
        Ok(())
    }

    /// Whether any test under `block` will run.
    fn runs_any(&self, block: &Block, inherited: &Inherited) -> bool {
        if block.skip || inherited.skip {
            return false;
        }
        let mut any = false;
        let mut path = inherited.path.clone();
        let mut tags = inherited.tags.clone();
        walk_tests(block, &mut path, &mut tags, &mut |t, _, full, tg| {
            any |= !t.skip && self.filter.selects(tg, full);
        });
        any
    }

    fn block(&mut self, ctx: &mut Ctx, block: &Block, parent: &ScopeRef, mut inherited: Inherited, depth: usize) -> EvalResult<()> {
        let runs = self.runs_any(block, &inherited);
        if block.kind != BlockKind::Root {
            if runs || self.has_visible(block, &inherited) {
                self.report.block_header(ctx, block, depth)?;
            }
            inherited.path.push(block.name.clone());
        }
        inherited.tags.extend(block.tags.iter().cloned());
        inherited.skip |= block.skip;
        let scope = block.scope.clone().unwrap_or_else(|| ctx.interp.new_scope(parent, block.kind == BlockKind::Root));
        let saved = std::mem::replace(&mut ctx.interp.current, scope.clone());
        let pester = state(ctx.interp);
        pester.block_ids.borrow_mut().push(pester.new_id());
        let r = self.block_in_scope(ctx, block, &scope, inherited, depth, runs);
        pester.block_ids.borrow_mut().pop();
        ctx.interp.current = saved;
        r
    }

    /// Whether the report shows the block though nothing in it runs (its skipped tests).
    fn has_visible(&self, block: &Block, inherited: &Inherited) -> bool {
        let mut any = false;
        let mut path = inherited.path.clone();
        let mut tags = inherited.tags.clone();
        walk_tests(block, &mut path, &mut tags, &mut |_, _, full, tg| {
            any |= self.filter.selects(tg, full);
        });
        any
    }

    fn block_in_scope(&mut self, ctx: &mut Ctx, block: &Block, scope: &ScopeRef, inherited: Inherited, depth: usize, runs: bool) -> EvalResult<()> {
        define_data(ctx.interp, block.data.as_ref());
        let mut failure = block.failed_setup.clone();
        if runs && failure.is_none() {
            for sb in &block.before_all {
                if let Err(e) = run_code(ctx.interp, sb)? {
                    failure = Some(e);
                    break;
                }
            }
        }
        let mut inner = inherited.clone();
        inner.before_each.extend(block.before_each.iter().cloned());
        let mut after = block.after_each.clone();
        after.extend(inherited.after_each.iter().cloned());
        inner.after_each = after;
        let child_depth = if block.kind == BlockKind::Root { 0 } else { depth + 1 };
        for item in &block.items {
            match item {
                Node::Block(b) => match &failure {
                    Some(e) => self.fail_all(b, &inner, e),
                    None => self.block(ctx, b, scope, inner.clone(), child_depth)?,
                },
                Node::Test(t) => self.test(ctx, t, scope, &inner, child_depth, failure.as_ref())?,
            }
        }
        if runs {
            for sb in &block.after_all {
                if let Err(e) = run_code(ctx.interp, sb)? {
                    failure.get_or_insert(e);
                    break;
                }
            }
        }
        if let Some(e) = failure {
            let name = if block.kind == BlockKind::Root { self.result.path.clone() } else { inherited_name(&inherited, block) };
            self.report.block_failed(ctx, block, &name, &e, depth)?;
            self.result.failed_blocks.push((name, e));
        }
        Ok(())
    }

    /// A block whose parent's setup failed: its selected tests fail with that error, unrun.
    fn fail_all(&mut self, block: &Block, inherited: &Inherited, e: &Rc<ErrorRecord>) {
        let mut path = inherited.path.clone();
        let mut tags = inherited.tags.clone();
        let mut results = Vec::new();
        walk_tests(block, &mut path, &mut tags, &mut |t, p, full, tg| {
            let outcome = if !self.filter.selects(tg, full) { Outcome::NotRun } else { Outcome::Failed };
            results.push(result_of(t, p, tg, outcome, 0, if outcome == Outcome::Failed { vec![e.clone()] } else { Vec::new() }));
        });
        self.result.tests.extend(results);
    }

    fn test(
        &mut self,
        ctx: &mut Ctx,
        test: &Test,
        scope: &ScopeRef,
        inherited: &Inherited,
        depth: usize,
        failed_setup: Option<&Rc<ErrorRecord>>,
    ) -> EvalResult<()> {
        let tags: Vec<String> = [&inherited.tags[..], &test.tags[..]].concat();
        let full = [&inherited.path[..], std::slice::from_ref(&test.expanded)].concat().join(".");
        if !self.filter.selects(&tags, &full) {
            self.result.tests.push(result_of(test, &inherited.path, &tags, Outcome::NotRun, 0, Vec::new()));
            return Ok(());
        }
        if let Some(e) = failed_setup {
            self.result.tests.push(result_of(test, &inherited.path, &tags, Outcome::Failed, 0, vec![e.clone()]));
            return Ok(());
        }
        if test.skip || inherited.skip {
            let r = result_of(test, &inherited.path, &tags, Outcome::Skipped, 0, Vec::new());
            self.report.test(ctx, &r, depth)?;
            self.result.tests.push(r);
            return Ok(());
        }
        let start = ctx.interp.clock.now();
        let pester = state(ctx.interp);
        pester.test_id.set(pester.new_id());
        pester.collected.borrow_mut().clear();
        let ran = in_scope(ctx.interp, scope, |interp| -> EvalResult<Vec<Rc<ErrorRecord>>> {
            define_data(interp, test.data.as_ref());
            let mut errors = Vec::new();
            for sb in &inherited.before_each {
                if let Err(e) = run_code(interp, sb)? {
                    errors.push(e);
                    break;
                }
            }
            if errors.is_empty() {
                if let Some(body) = &test.body {
                    let ran = run_code(interp, body)?;
                    // Assertions that went on after failing come first, in the order they failed.
                    errors.append(&mut pester.collected.borrow_mut());
                    errors.extend(ran.err());
                }
            }
            for sb in &inherited.after_each {
                errors.extend(run_code(interp, sb)?.err());
            }
            Ok(errors)
        });
        pester.test_id.set(0);
        let errors = ran?;
        let ticks = ticks_between(start, ctx.interp.clock.now());
        let set_result = match errors.as_slice() {
            [only] if only.fqid == super::set_result::SKIP_ID => Some(only.message.clone()),
            _ => None,
        };
        let mut r = match (&set_result, errors.is_empty()) {
            (Some(_), _) => result_of(test, &inherited.path, &tags, Outcome::Skipped, ticks, Vec::new()),
            (None, true) => result_of(test, &inherited.path, &tags, Outcome::Passed, ticks, errors),
            (None, false) => result_of(test, &inherited.path, &tags, Outcome::Failed, ticks, errors),
        };
        r.note = set_result;
        self.report.test(ctx, &r, depth)?;
        self.result.tests.push(r);
        Ok(())
    }
}

fn inherited_name(inherited: &Inherited, block: &Block) -> String {
    if inherited.path.is_empty() {
        block.name.clone()
    } else {
        inherited.path.join(".")
    }
}

fn result_of(test: &Test, path: &[String], tags: &[String], outcome: Outcome, ticks: i64, errors: Vec<Rc<ErrorRecord>>) -> TestResult {
    TestResult {
        path: path.to_vec(),
        name: test.name.clone(),
        expanded: test.expanded.clone(),
        outcome,
        ticks,
        errors,
        note: None,
        tags: tags.to_vec(),
        data: test.data.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> Block {
        let test = |name: &str, tags: &[&str]| {
            Node::Test(Test {
                name: name.into(),
                expanded: name.into(),
                body: None,
                data: None,
                tags: tags.iter().map(|t| t.to_string()).collect(),
                skip: false,
            })
        };
        let mut inner = Block::new(BlockKind::Context, "ctx".into());
        inner.tags = vec!["slow".into()];
        inner.items = vec![test("b", &[]), test("c", &["net"])];
        let mut outer = Block::new(BlockKind::Describe, "d".into());
        outer.items = vec![test("a", &["fast"]), Node::Block(inner)];
        let mut root = Block::new(BlockKind::Root, String::new());
        root.items = vec![Node::Block(outer)];
        root
    }

    #[test]
    fn filters_select_by_tag_with_the_blocks_tags_and_by_full_name() {
        let root = tree();
        let f = |tags: &[&str], exclude: &[&str], names: &[&str]| Filter {
            tags: tags.iter().map(|s| s.to_string()).collect(),
            exclude_tags: exclude.iter().map(|s| s.to_string()).collect(),
            full_names: names.iter().map(|s| s.to_string()).collect(),
        };
        assert_eq!(f(&[], &[], &[]).count(&root), 3);
        assert_eq!(f(&["slow"], &[], &[]).count(&root), 2, "a Context's tag is its tests'");
        assert_eq!(f(&["s*"], &["net"], &[]).count(&root), 1);
        assert_eq!(f(&[], &[], &["d.ctx.*"]).count(&root), 2);
        assert_eq!(f(&["FAST"], &[], &["*.a"]).count(&root), 1, "tags match without case");
    }
}
