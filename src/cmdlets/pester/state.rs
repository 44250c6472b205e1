//! The session's Pester state: the blocks discovery is filling, innermost last; the mocks
//! and the calls they recorded; which test and blocks are running. Describe, It and the
//! setup blocks add to it; Invoke-Pester starts and ends it. It lives as a session
//! extension, so two sessions never share it.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use crate::engine::command::CommandInfo;
use crate::engine::runtime::ScopeRef;
use crate::engine::{Interp, Value};
use crate::lang::ast::ScriptBlock;

use super::tree::Block;

/// One Mock: the command it replaces and for which scope, its filter and behaviour.
pub struct MockDef {
    /// Lower-cased, as commands are looked up.
    pub command: String,
    pub name: String,
    pub with: Option<Rc<ScriptBlock>>,
    pub filter: Option<Rc<ScriptBlock>>,
    pub verifiable: bool,
    pub scope: ScopeRef,
    /// `-ModuleName` of a script module: its scope also holds the stand-in, so the module's
    /// own calls reach the mock while the test (or block) that made it runs.
    pub module: Option<ScopeRef>,
    /// The test that made the mock (0: a block's BeforeAll), and the block it ran in.
    pub test: u64,
    pub block: Option<u64>,
    pub called: Cell<bool>,
}

/// A call a stand-in recorded: its arguments, and the test and blocks running then.
#[derive(Clone)]
pub struct Call {
    pub command: String,
    pub args: Vec<(String, Value)>,
    pub test: u64,
    pub blocks: Vec<u64>,
}

/// A mocked command's real one, with its body when it is a script function.
pub type Original = (Rc<CommandInfo>, Option<Rc<ScriptBlock>>);

/// A stand-in put into a script module's scope: the scope, the command's key, and what the
/// key held there before.
pub type Installed = (ScopeRef, String, Option<Rc<CommandInfo>>);

#[derive(Default)]
pub struct Pester {
    /// The blocks open in discovery, the file's root first; empty outside discovery.
    pub open: RefCell<Vec<Block>>,
    pub mocks: RefCell<Vec<Rc<MockDef>>>,
    pub calls: RefCell<Vec<Call>>,
    /// The real command of each mocked name.
    pub originals: RefCell<HashMap<String, Original>>,
    /// Stand-ins put into script modules' scopes, with what they replaced there, in order.
    pub installed: RefCell<Vec<Installed>>,
    /// The running test's number (0: none), and the numbers of the blocks around it.
    pub test_id: Cell<u64>,
    pub block_ids: RefCell<Vec<u64>>,
    pub next_id: Cell<u64>,
    /// `Should.ErrorAction = 'Continue'`: failed assertions are kept here and the test goes on.
    pub continue_on_failure: Cell<bool>,
    pub collected: RefCell<Vec<Rc<crate::engine::ErrorRecord>>>,
    /// `Run.Pester4Scopes`: discovery keeps each block's scope for its run (`Block::scope`).
    pub pester4_scopes: Cell<bool>,
}

impl Pester {
    pub fn new_id(&self) -> u64 {
        self.next_id.set(self.next_id.get() + 1);
        self.next_id.get()
    }

    /// Forgets the mocks and their calls, after a file's run.
    pub fn clear_mocks(&self) {
        for (scope, key, previous) in self.installed.borrow_mut().drain(..).rev() {
            let mut s = scope.borrow_mut();
            match previous {
                Some(p) => s.functions.insert(key, p),
                None => s.functions.remove(&key),
            };
        }
        self.mocks.borrow_mut().clear();
        self.calls.borrow_mut().clear();
        self.originals.borrow_mut().clear();
    }
}

pub fn state(interp: &mut Interp) -> Rc<Pester> {
    if let Some(p) = interp.extension::<Rc<Pester>>() {
        return p.clone();
    }
    let p = Rc::new(Pester::default());
    interp.add_extension(p.clone());
    p
}
