//! Mock: a command replaced, for the scope the Mock ran in (an It's, or a block's when it ran
//! in BeforeAll), by a stand-in with the same parameters. The stand-in records each call,
//! then runs the newest mock whose `-ParameterFilter` accepts the call (a mock without a filter
//! accepts any), else the real command. It works on ersim's own cmdlets too, so a test can
//! make New-AzureDedicatedCircuit fail. Should -Invoke and Assert-MockCalled count the calls.

use std::rc::Rc;

use crate::engine::binder::ArgItem;
use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_bool;
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::runtime::ScopeRef;
use crate::engine::value::{Hashtable, TypeKind, Value};
use crate::engine::{Ctx, EvalResult, Interp};
use crate::lang::ast::{ScriptBlock, Span};

use super::blocks::in_scope;
use super::info;
use super::state::{state, Call, MockDef};

pub fn commands() -> Vec<CommandInfo> {
    vec![
        info("Mock", || Box::new(MockCmd))
            .param(ParamSpec::new("CommandName", TypeKind::String).mandatory().position(0).help("The command to replace."))
            .param(ParamSpec::new("MockWith", TypeKind::ScriptBlock).position(1).help("What the command does instead; it sees the call's parameters as variables."))
            .param(ParamSpec::new("ParameterFilter", TypeKind::ScriptBlock).help("Which calls this mock takes: those for which it returns true."))
            .param(ParamSpec::switch("Verifiable").help("Should -InvokeVerifiable checks that the mock was called."))
            .param(ParamSpec::new("ModuleName", TypeKind::String).help("A script module whose own calls (of its private functions too) the mock takes; ersim's built-in modules need none."))
            .synopsis("Replaces a command for the tests of the scope it runs in.")
            .description("In an It, the mock lasts for that test; in BeforeAll, for every test of the block. Calls are recorded for Should -Invoke. A call no mock's filter accepts goes to the real command.")
            .example(
                "A failing service without a fault preset",
                "Describe 'order' { It 'fails' { Mock New-AzureDedicatedCircuit { throw 'refused' }; { New-AzureDedicatedCircuit -CircuitName x -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData } | Should -Throw 'refused'; Should -Invoke New-AzureDedicatedCircuit -Times 1 -Exactly } } 6> $null",
                "The test passes: the mock threw, and was called once.",
            ),
        info("Assert-MockCalled", || Box::new(AssertMockCalled))
            .param(ParamSpec::new("CommandName", TypeKind::String).mandatory().position(0).help("The mocked command."))
            .param(ParamSpec::new("Times", TypeKind::Int).position(1).help("How many calls (at least, or exactly with -Exactly); 1 by default."))
            .param(ParamSpec::new("ParameterFilter", TypeKind::ScriptBlock).help("Counts only the calls for which it returns true."))
            .param(ParamSpec::switch("Exactly").help("Exactly -Times calls."))
            .param(ParamSpec::new("Scope", TypeKind::String).help("It, Context or Describe: where the calls were made (the running test, else the block)."))
            .param(ParamSpec::new("ModuleName", TypeKind::String).help("Accepted; a mock's calls are counted wherever they were made."))
            .synopsis("Pester 4's form of Should -Invoke.")
            .description("Fails the test when the mocked command was not called as often as said.")
            .example(
                "Counting calls",
                "Describe 'd' { It 'calls' { Mock Get-Date { 'then' }; Get-Date | Out-Null; Assert-MockCalled Get-Date 1 } } 6> $null",
                "The test passes.",
            ),
    ]
}

struct MockCmd;

impl Cmdlet for MockCmd {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let name: String = args.opt("CommandName").unwrap_or_default();
        let lower = name.to_ascii_lowercase();
        let pester = state(ctx.interp);
        let module = args.string("ModuleName").and_then(|m| super::module_scope::script_scope(ctx.interp, &m));
        if !pester.originals.borrow().contains_key(&lower) {
            // A module's command is looked up from inside the module: it may be private.
            let inside = module.as_ref().map(|m| ctx.interp.new_scope(m, false));
            let saved = inside.map(|s| std::mem::replace(&mut ctx.interp.current, s));
            let found = ctx.interp.resolve_command(&name).map(|o| {
                let body = ctx.interp.function_body(&o.name.to_ascii_lowercase());
                (o, body)
            });
            if let Some(s) = saved {
                ctx.interp.current = s;
            }
            let Some((original, body)) = found else {
                return Err(ctx.terminate(ErrorRecord::new(
                    format!("Could not find Command {name}"),
                    "System.Management.Automation.RuntimeException",
                    ErrorCategory::ObjectNotFound,
                    "CommandNotFound,Mock",
                )));
            };
            pester.originals.borrow_mut().insert(lower.clone(), (original, body));
        }
        let original = pester.originals.borrow().get(&lower).map(|(o, _)| o.clone()).expect("recorded above");
        let mut stand_in = (*original).clone();
        stand_in.factory = Some(|| Box::new(StandIn::default()));
        stand_in.module_scope = None;
        let stand_in = Rc::new(stand_in);
        let key = original.name.to_ascii_lowercase();
        let scope = ctx.interp.current.clone();
        scope.borrow_mut().functions.insert(key.clone(), stand_in.clone());
        if let Some(m) = &module {
            let previous = m.borrow_mut().functions.insert(key.clone(), stand_in);
            pester.installed.borrow_mut().push((m.clone(), key, previous));
        }
        let block = |n: &str| match args.get(n) {
            Some(Value::ScriptBlock(sb)) => Some(sb.clone()),
            _ => None,
        };
        pester.mocks.borrow_mut().push(Rc::new(MockDef {
            command: lower,
            name: original.name.clone(),
            with: block("MockWith"),
            filter: block("ParameterFilter"),
            verifiable: args.switch("Verifiable"),
            scope,
            module,
            test: pester.test_id.get(),
            block: pester.block_ids.borrow().last().copied(),
            called: std::cell::Cell::new(false),
        }));
        Ok(())
    }
}

/// Whether mock `m` answers a call made from `current`: its scope is above the call, or the
/// call comes from inside its module while the test or block that made it still runs.
fn in_effect(pester: &super::state::Pester, m: &MockDef, current: &ScopeRef) -> bool {
    if reaches(&m.scope, current) {
        return true;
    }
    let alive = if m.test != 0 { pester.test_id.get() == m.test } else { m.block.is_none_or(|b| pester.block_ids.borrow().contains(&b)) };
    alive && m.module.as_ref().is_some_and(|s| reaches(s, current))
}

/// Whether `scope` is `current` or one of the scopes above it.
fn reaches(scope: &ScopeRef, current: &ScopeRef) -> bool {
    let mut s = Some(current.clone());
    while let Some(c) = s {
        if Rc::ptr_eq(&c, scope) {
            return true;
        }
        s = c.borrow().parent.clone();
    }
    false
}

/// Runs `sb` in a new scope where each bound parameter is a variable (and all of them are
/// `$PesterBoundParameters`), sending its output to `out`.
fn run_with_parameters(
    interp: &mut Interp,
    sb: &Rc<ScriptBlock>,
    args: &[(String, Value)],
    out: &mut dyn FnMut(&mut Interp, Value) -> EvalResult<()>,
) -> EvalResult<()> {
    let parent = interp.current.clone();
    in_scope(interp, &parent, |interp| {
        let mut bound = Hashtable::new(false);
        for (name, value) in args {
            interp.set_local(name, value.clone());
            bound.insert(Value::str(name), value.clone());
        }
        interp.set_local("PesterBoundParameters", Value::hashtable(bound));
        interp.run_block_here(sb, None, out)
    })
}

pub fn filter_accepts(interp: &mut Interp, filter: &Option<Rc<ScriptBlock>>, args: &[(String, Value)]) -> EvalResult<bool> {
    let Some(f) = filter else { return Ok(true) };
    let mut items = Vec::new();
    run_with_parameters(interp, f, args, &mut |_, v| {
        items.push(v);
        Ok(())
    })?;
    Ok(items.last().is_some_and(to_bool))
}

/// The stand-in a mocked command resolves to while its mock is in scope.
#[derive(Default)]
struct StandIn {
    real: Option<Box<dyn Cmdlet>>,
}

impl Cmdlet for StandIn {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let pester = state(ctx.interp);
        let lower = ctx.command.name.to_ascii_lowercase();
        pester.calls.borrow_mut().push(Call {
            command: lower.clone(),
            args: args.values.clone(),
            test: pester.test_id.get(),
            blocks: pester.block_ids.borrow().clone(),
        });
        let current = ctx.interp.current.clone();
        let candidates: Vec<Rc<MockDef>> =
            pester.mocks.borrow().iter().rev().filter(|m| m.command == lower && in_effect(&pester, m, &current)).cloned().collect();
        // Filtered mocks are tried before the ones that take every call, newest first.
        let ordered = candidates.iter().filter(|m| m.filter.is_some()).chain(candidates.iter().filter(|m| m.filter.is_none()));
        for m in ordered {
            if filter_accepts(ctx.interp, &m.filter, &args.values)? {
                m.called.set(true);
                return match &m.with {
                    Some(with) => run_with_parameters(ctx.interp, with, &args.values, &mut |i, v| (ctx.out)(i, v)),
                    None => Ok(()),
                };
            }
        }
        // A stand-in left where no run clears it (a Mock outside any test) outlives its record.
        let Some((original, body)) = pester.originals.borrow().get(&lower).cloned() else {
            return Err(ctx.terminate(ErrorRecord::new(
                format!("The mock of {} is no longer in effect; run the test again.", ctx.command.name),
                "System.Management.Automation.RuntimeException",
                ErrorCategory::InvalidOperation,
                "MockNotInEffect",
            )));
        };
        match (original.factory, body) {
            (Some(factory), _) => {
                if self.real.is_none() {
                    let mut real = factory();
                    real.begin(ctx, args)?;
                    self.real = Some(real);
                }
                self.real.as_mut().expect("made above").process(ctx, args)
            }
            (None, Some(body)) => {
                let items = args
                    .values
                    .iter()
                    .map(|(n, v)| ArgItem::Named { name: n.clone(), text: format!("-{n}"), value: Some(v.clone()), span: Span::default() })
                    .collect();
                let invocation = ctx.info.clone();
                ctx.interp.invoke_block(&body, items, invocation, false, None, ctx.out)
            }
            (None, None) => Ok(()),
        }
    }

    fn end(&mut self, ctx: &mut Ctx) -> EvalResult<()> {
        match self.real.as_mut() {
            Some(real) => real.end(ctx),
            None => Ok(()),
        }
    }
}

/// How Should -Invoke and Assert-MockCalled count: the command, at least or exactly how many
/// times, which calls, and where.
pub struct Expectation {
    pub command: String,
    pub times: i64,
    pub exactly: bool,
    pub filter: Option<Rc<ScriptBlock>>,
    pub scope: Option<String>,
    pub not: bool,
}

/// Ok(()) when the calls are as expected, else Pester's message.
pub fn count_calls(ctx: &mut Ctx, e: &Expectation, because: &str) -> EvalResult<Result<(), String>> {
    let pester = state(ctx.interp);
    let lower = e.command.to_ascii_lowercase();
    let in_test = pester.test_id.get() != 0;
    let scope = e.scope.clone().unwrap_or_else(|| if in_test { "It".into() } else { "Describe".into() });
    let (test, block) = (pester.test_id.get(), pester.block_ids.borrow().last().copied());
    let calls: Vec<Call> = pester
        .calls
        .borrow()
        .iter()
        .filter(|c| c.command == lower)
        .filter(|c| if scope.eq_ignore_ascii_case("It") { c.test == test } else { block.is_none_or(|b| c.blocks.contains(&b)) })
        .cloned()
        .collect();
    let mut n = 0i64;
    for c in &calls {
        if filter_accepts(ctx.interp, &e.filter, &c.args)? {
            n += 1;
        }
    }
    let name = pester.originals.borrow().get(&lower).map(|(i, _)| i.name.clone()).unwrap_or_else(|| e.command.clone());
    let holds = if e.exactly { n == e.times } else { n >= e.times };
    Ok(match (holds, e.not) {
        (true, false) | (false, true) => Ok(()),
        (false, false) if e.exactly => Err(format!("Expected {name} to be called {} times exactly,{because} but was called {n} times", e.times)),
        (false, false) => Err(format!("Expected {name} to be called at least {} times,{because} but was called {n} times", e.times)),
        (true, true) if e.exactly => Err(format!("Expected {name} not to be called exactly {} times,{because} but it was", e.times)),
        (true, true) => Err(format!("Expected {name} to be called less than {} times,{because} but was called {n} times", e.times)),
    })
}

/// Should -InvokeVerifiable: every `-Verifiable` mock in scope was called.
pub fn verifiable(ctx: &mut Ctx, because: &str) -> Result<(), String> {
    let pester = state(ctx.interp);
    let current = ctx.interp.current.clone();
    let missed: Vec<String> = pester
        .mocks
        .borrow()
        .iter()
        .filter(|m| m.verifiable && !m.called.get() && in_effect(&pester, m, &current))
        .map(|m| format!(" Command {}", m.name))
        .collect();
    if missed.is_empty() {
        Ok(())
    } else {
        Err(format!("Expected all verifiable mocks to be called,{because} but these were not:\n{}", missed.join("\n")))
    }
}

struct AssertMockCalled;

impl Cmdlet for AssertMockCalled {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let e = Expectation {
            command: args.opt("CommandName").unwrap_or_default(),
            times: args.opt("Times").unwrap_or(1),
            exactly: args.switch("Exactly"),
            filter: match args.get("ParameterFilter") {
                Some(Value::ScriptBlock(sb)) => Some(sb.clone()),
                _ => None,
            },
            scope: args.string("Scope"),
            not: false,
        };
        match count_calls(ctx, &e, "")? {
            Ok(()) => Ok(()),
            Err(message) => Err(super::should::assertion_failed(ctx, message, &Value::Null)),
        }
    }
}
