//! The test language's commands as discovery sees them: Describe and Context run their
//! bodies at once to find what is inside; It and the setup and teardown blocks only record
//! their script blocks for the run phase; BeforeDiscovery runs where it stands.

use std::rc::Rc;

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::runtime::ScopeRef;
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, EvalResult, Interp};
use crate::lang::ast::ScriptBlock;

use super::state::state;
use super::tree::{data_variables, expand_name, Block, BlockKind, Node, Test};
use super::{info, standalone};

pub fn commands() -> Vec<CommandInfo> {
    vec![
        block_command("Describe", || Box::new(DescribeCmd(BlockKind::Describe)))
            .synopsis("Groups tests: a Describe block of a Pester test file.")
            .description("Its body runs during discovery to find the Contexts, Its and setup blocks inside; code that tests need belongs in BeforeAll or It. With -ForEach the block is repeated for each item, which the body and every test in it see as $_ (and a hashtable's keys as variables).")
            .example(
                "A test file run in place",
                "Describe 'Arithmetic' { It 'adds' { 1 + 1 | Should -Be 2 } } 6> $null",
                "Called outside Invoke-Pester, the block is discovered and run at once, as Pester runs a test file started directly; 6> $null hides its report.",
            ),
        block_command("Context", || Box::new(DescribeCmd(BlockKind::Context)))
            .synopsis("Groups tests inside a Describe.")
            .description("Behaves as Describe; the report names it as a Context.")
            .example(
                "A context inside a describe",
                "Describe 'Circuit' { Context 'new' { It 'has a name' { 'c1' | Should -Not -BeNullOrEmpty } } } 6> $null",
                "Runs one test.",
            ),
        info("It", || Box::new(ItCmd))
            .param(ParamSpec::new("Name", TypeKind::String).mandatory().position(0).help("The test's name; <key> is replaced from its data item."))
            .param(ParamSpec::new("Test", TypeKind::ScriptBlock).position(1).help("The test's code: it passes unless it throws (a failed Should throws)."))
            .param(ParamSpec::new("ForEach", TypeKind::Object).array().alias("TestCases").help("Data items: one test per item, which sees it as $_ and its keys as variables."))
            .param(ParamSpec::new("Tag", TypeKind::String).array().alias("Tags").help("Tags that Invoke-Pester's filters select by."))
            .param(ParamSpec::switch("Skip").help("The test is reported as skipped and not run."))
            .param(ParamSpec::switch("Pending").help("The test is not run; Pester 5 has no pending state and reports it as skipped."))
            .synopsis("Declares one test.")
            .description("Recorded during discovery; its script block runs in the run phase, after the BeforeEach blocks of the blocks around it and before their AfterEach blocks, in a scope of its own below the block's.")
            .example(
                "A test for each data item",
                "Describe 'squares' { It '<n> squared is <sq>' -TestCases @{ n = 2; sq = 4 }, @{ n = 3; sq = 9 } { $n * $n | Should -Be $sq } } 6> $null",
                "Two tests, named '2 squared is 4' and '3 squared is 9'.",
            ),
        setup_command("BeforeAll", "Runs once before the tests of its block, in the block's scope: variables it sets are seen by every test in the block."),
        setup_command("AfterAll", "Runs once after the tests of its block, even when they failed."),
        setup_command("BeforeEach", "Runs before each test of its block and the blocks inside it, in the test's scope."),
        setup_command("AfterEach", "Runs after each test of its block and the blocks inside it, in the test's scope, even when the test failed."),
        setup_command("BeforeDiscovery", "Runs at once, during discovery, where it stands: variables it sets are there for -ForEach and -Skip of the blocks and tests that follow."),
    ]
}

fn block_command(name: &str, factory: crate::engine::command::CmdletFactory) -> CommandInfo {
    info(name, factory)
        .param(ParamSpec::new("Name", TypeKind::String).mandatory().position(0).help("The block's name; <key> is replaced from its data item."))
        .param(ParamSpec::new("Fixture", TypeKind::ScriptBlock).mandatory().position(1).help("The block's body."))
        .param(ParamSpec::new("Tag", TypeKind::String).array().alias("Tags").help("Tags for every test inside."))
        .param(ParamSpec::new("ForEach", TypeKind::Object).array().help("Data items: one copy of the block per item."))
        .param(ParamSpec::switch("Skip").help("Every test inside is reported as skipped and not run."))
}

fn setup_command(name: &'static str, what: &str) -> CommandInfo {
    let factory: crate::engine::command::CmdletFactory = match name {
        "BeforeAll" => || Box::new(SetupCmd("BeforeAll")),
        "AfterAll" => || Box::new(SetupCmd("AfterAll")),
        "BeforeEach" => || Box::new(SetupCmd("BeforeEach")),
        "AfterEach" => || Box::new(SetupCmd("AfterEach")),
        _ => || Box::new(SetupCmd("BeforeDiscovery")),
    };
    info(name, factory)
        .param(ParamSpec::new("Scriptblock", TypeKind::ScriptBlock).mandatory().position(0).help("The code to run."))
        .synopsis(&format!("{name}: setup or teardown of a Pester block."))
        .description(what)
        .example(
            "Setup shared by the tests of a block",
            &format!("Describe 'setup' {{ {name} {{ $script:n = 1 }}; It 'runs' {{ $true | Should -BeTrue }} }} 6> $null"),
            "The block runs at its time; the test passes.",
        )
}

/// The error Pester gives for a test command used with no Describe around it.
fn outside(ctx: &mut Ctx, what: &str) -> crate::engine::Flow {
    ctx.terminate(ErrorRecord::new(
        format!("The {what} command may only be used inside a Describe block."),
        "System.Management.Automation.RuntimeException",
        ErrorCategory::InvalidOperation,
        "PesterOutsideDescribe",
    ))
}

fn data_items(args: &Args) -> Vec<Option<Value>> {
    match args.get("ForEach") {
        Some(v) if !v.is_null() => v.enumerate().into_iter().map(Some).collect(),
        _ => vec![None],
    }
}

fn tags(args: &Args) -> Vec<String> {
    args.get("Tag").map(|v| v.enumerate().iter().map(to_string).collect()).unwrap_or_default()
}

/// Defines a data item in the current scope: `$_` and each key of a hashtable.
pub fn define_data(interp: &mut Interp, data: Option<&Value>) {
    if let Some(d) = data {
        interp.set_local("_", d.clone());
        for (name, value) in data_variables(d) {
            interp.set_local(&name, value);
        }
    }
}

/// Runs `f` in a new scope below `parent`, then returns to the scope that was current.
pub fn in_scope<R>(interp: &mut Interp, parent: &ScopeRef, f: impl FnOnce(&mut Interp) -> R) -> R {
    let scope = interp.new_scope(parent, false);
    let saved = std::mem::replace(&mut interp.current, scope);
    let r = f(interp);
    interp.current = saved;
    r
}

struct DescribeCmd(BlockKind);

impl Cmdlet for DescribeCmd {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let pester = state(ctx.interp);
        if pester.open.borrow().is_empty() {
            if self.0 == BlockKind::Context {
                return Err(outside(ctx, "Context"));
            }
            // A test file started directly: this block is its own run.
            pester.open.borrow_mut().push(Block::new(BlockKind::Root, String::new()));
            let found = discover_block(ctx, args, self.0);
            let root = pester.open.borrow_mut().pop().expect("the root pushed above");
            found?;
            return standalone(ctx, root);
        }
        discover_block(ctx, args, self.0)
    }
}

fn discover_block(ctx: &mut Ctx, args: &Args, kind: BlockKind) -> EvalResult<()> {
    let pester = state(ctx.interp);
    let name: String = args.opt("Name").unwrap_or_default();
    let Some(Value::ScriptBlock(body)) = args.get("Fixture").cloned() else { return Ok(()) };
    for data in data_items(args) {
        let mut block = Block::new(kind, expand_name(&name, data.as_ref()));
        block.tags = tags(args);
        block.skip = args.switch("Skip");
        block.data = data.clone();
        pester.open.borrow_mut().push(block);
        let parent = ctx.interp.current.clone();
        let scope = ctx.interp.new_scope(&parent, false);
        let saved = std::mem::replace(&mut ctx.interp.current, scope.clone());
        define_data(ctx.interp, data.as_ref());
        let r = ctx.interp.run_block_here(&body, None, &mut |_, _| Ok(()));
        ctx.interp.current = saved;
        let mut block = pester.open.borrow_mut().pop().expect("the block pushed above");
        if pester.pester4_scopes.get() {
            block.scope = Some(scope);
        }
        // After a failed BeforeAll the block fails as a whole; the body's later errors, which
        // usually follow from it, do not fail the file's discovery.
        match r {
            Err(crate::engine::Flow::Error(_)) if block.failed_setup.is_some() => {}
            r => r?,
        }
        if let Some(top) = pester.open.borrow_mut().last_mut() {
            top.items.push(Node::Block(block));
        }
    }
    Ok(())
}

struct ItCmd;

impl Cmdlet for ItCmd {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let pester = state(ctx.interp);
        if pester.open.borrow().len() < 2 {
            return Err(outside(ctx, "It"));
        }
        let name: String = args.opt("Name").unwrap_or_default();
        let body: Option<Rc<ScriptBlock>> = match args.get("Test") {
            Some(Value::ScriptBlock(sb)) => Some(sb.clone()),
            _ => None,
        };
        let mut open = pester.open.borrow_mut();
        // A test with no data of its own takes its name's values from the nearest block's.
        let block_data = open.iter().rev().find_map(|b| b.data.clone());
        let top = open.last_mut().expect("checked above");
        for data in data_items(args) {
            top.items.push(Node::Test(Test {
                expanded: expand_name(&name, data.as_ref().or(block_data.as_ref())),
                name: name.clone(),
                // An It with no code is pending, which Pester 5 reports as skipped.
                skip: args.switch("Skip") || args.switch("Pending") || body.is_none(),
                body: body.clone(),
                data,
                tags: tags(args),
            }));
        }
        Ok(())
    }
}

struct SetupCmd(&'static str);

impl Cmdlet for SetupCmd {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let Some(Value::ScriptBlock(sb)) = args.get("Scriptblock").cloned() else { return Ok(()) };
        let pester = state(ctx.interp);
        // Pester 4 ran a block's BeforeAll before its body's other statements, so the body
        // can use what it sets; with Run.Pester4Scopes it runs where it stands, in the
        // block's scope, which its tests then share.
        let in_body = self.0 == "BeforeAll" && pester.pester4_scopes.get() && pester.open.borrow().len() > 1;
        if in_body {
            if let Err(e) = super::run::run_code(ctx.interp, &sb)? {
                if let Some(top) = pester.open.borrow_mut().last_mut() {
                    top.failed_setup.get_or_insert(e);
                }
            }
            return Ok(());
        }
        if self.0 == "BeforeDiscovery" {
            return ctx.interp.run_block_here(&sb, None, &mut |_, _| Ok(()));
        }
        let mut open = pester.open.borrow_mut();
        let Some(top) = open.last_mut() else {
            drop(open);
            return Err(outside(ctx, self.0));
        };
        match self.0 {
            "BeforeAll" => top.before_all.push(sb),
            "AfterAll" => top.after_all.push(sb),
            "BeforeEach" => top.before_each.push(sb),
            _ => top.after_each.push(sb),
        }
        Ok(())
    }
}
