//! Finding the command a name stands for: the tables functions, aliases and cmdlets are kept
//! in, the walk up the scopes that resolves a name (alias, function, cmdlet, `Get-` prefix),
//! and the cache each call site keeps of what its name resolved to.
//!
//! The cache is invalidated by a generation counter that every change of a command table
//! bumps (a function, its body or an alias defined or removed in any scope, a cmdlet or a
//! module's commands registered): the tables bump it themselves, so code that defines
//! functions directly in a scope (Pester's Mock, Import-Module, `Remove-Item function:x`)
//! cannot forget to. A script found by path is never cached: the file system and the location
//! decide it, not the tables.

use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicU64, Ordering};

use rustc_hash::FxHashMap;

use crate::lang::ast::{ScriptBlock, Source, Span};

use super::command::{CommandInfo, CommandType};
use super::runtime::{Interp, Scope, ScopeRef};

/// How many times any command table has changed. One counter for every session in the
/// process: a change in another session only makes this one's call sites resolve again,
/// never resolve wrongly.
static GENERATION: AtomicU64 = AtomicU64::new(0);

fn changed() {
    GENERATION.fetch_add(1, Ordering::Relaxed);
}

/// Commands (or their bodies) by lower-cased name; every change bumps the generation the
/// call sites' cache is checked against.
pub struct CommandTable<V>(FxHashMap<String, V>);

impl<V> Default for CommandTable<V> {
    fn default() -> Self {
        CommandTable(FxHashMap::default())
    }
}

impl<V> CommandTable<V> {
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.get(key)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.0.contains_key(key)
    }

    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        changed();
        self.0.insert(key, value)
    }

    pub fn remove(&mut self, key: &str) -> Option<V> {
        let removed = self.0.remove(key);
        if removed.is_some() {
            changed();
        }
        removed
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.values()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a, V> IntoIterator for &'a CommandTable<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = std::collections::hash_map::Iter<'a, String, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// The session's aliases: found case-insensitively, listed as they were spelled (`Login-AzAccount`,
/// not `login-azaccount`).
#[derive(Default, Clone)]
pub struct Aliases(FxHashMap<String, AliasEntry>);

/// One alias as 5.1's AliasInfo keeps it: Set-Alias and New-Alias give it a description and
/// `ScopedItemOptions` bits (ReadOnly 1, Constant 2, Private 4, AllScope 8).
#[derive(Clone, Debug, Default)]
pub struct AliasEntry {
    pub name: String,
    pub target: String,
    pub description: String,
    pub options: i64,
}

impl AliasEntry {
    pub const READ_ONLY: i64 = 1;
    pub const CONSTANT: i64 = 2;
}

impl Aliases {
    pub fn insert(&mut self, name: &str, target: &str) {
        self.set(AliasEntry { name: name.to_string(), target: target.to_string(), ..AliasEntry::default() });
    }

    /// Adds or replaces an alias with everything it carries.
    pub fn set(&mut self, entry: AliasEntry) {
        changed();
        self.0.insert(entry.name.to_ascii_lowercase(), entry);
    }

    /// The command an alias stands for.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.entry(name).map(|e| e.target.as_str())
    }

    pub fn entry(&self, name: &str) -> Option<&AliasEntry> {
        // Every scope up the chain is asked at each command call: most have no aliases, and a
        // name already in lower case needs no copy.
        if self.0.is_empty() {
            None
        } else if name.bytes().any(|b| b.is_ascii_uppercase()) {
            self.0.get(&name.to_ascii_lowercase())
        } else {
            self.0.get(name)
        }
    }

    pub fn remove(&mut self, name: &str) {
        changed();
        self.0.remove(&name.to_ascii_lowercase());
    }

    /// Each alias as spelled, with its command.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.values().map(|e| (e.name.as_str(), e.target.as_str()))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn entries(&self) -> impl Iterator<Item = &AliasEntry> {
        self.0.values()
    }
}

/// What each call site's name resolved to, valid for one generation of the command tables.
#[derive(Default)]
pub struct ResolutionCache {
    generation: u64,
    /// By the call site (its source and offset) and the nearest scope holding commands: below
    /// that scope every scope's tables are empty, and that scope's chain up to the global scope
    /// never changes, so with the tables unchanged the name resolves as it did.
    sites: FxHashMap<(usize, usize, usize), Resolved>,
}

struct Resolved {
    /// Held so the source's address cannot be reused while the entry is kept: alive, it is
    /// the source the entry was made for.
    source: Weak<Source>,
    info: Rc<CommandInfo>,
    body: Option<Rc<ScriptBlock>>,
}

/// Entries of call sites in code that is gone are forgotten when the cache grows this large.
const KEPT_SITES: usize = 4096;

impl Interp {
    /// The command the bare name `name` at `span` of the running code stands for, with its
    /// body if it is a function: what the same call site found before while no command table
    /// has changed, else [`resolve_command`](Self::resolve_command)'s answer.
    pub(super) fn resolve_at(&mut self, name: &str, span: Span) -> Option<(Rc<CommandInfo>, Option<Rc<ScriptBlock>>)> {
        let Some(source) = self.source_of(span) else {
            return self.resolve_with_body(name);
        };
        let generation = GENERATION.load(Ordering::Relaxed);
        if self.resolution.generation != generation {
            self.resolution.sites.clear();
            self.resolution.generation = generation;
        }
        let key = (Rc::as_ptr(&source) as usize, span.start, self.nearest_command_scope());
        if let Some(found) = self.resolution.sites.get(&key).filter(|r| r.source.strong_count() > 0) {
            return Some((found.info.clone(), found.body.clone()));
        }
        let (info, body) = self.resolve_with_body(name)?;
        let sites = &mut self.resolution.sites;
        if sites.len() >= KEPT_SITES {
            sites.clear();
        }
        sites.insert(key, Resolved { source: Rc::downgrade(&source), info: info.clone(), body: body.clone() });
        Some((info, body))
    }

    fn resolve_with_body(&self, name: &str) -> Option<(Rc<CommandInfo>, Option<Rc<ScriptBlock>>)> {
        let info = self.resolve_command(name)?;
        let body = if info.kind == CommandType::Function { self.function_body(&info.name.to_ascii_lowercase()) } else { None };
        Some((info, body))
    }

    /// The innermost scope of the running code's chain with a function or an alias of its own
    /// (as an address; 0 when none has).
    fn nearest_command_scope(&self) -> usize {
        let mut scope: ScopeRef = self.current.clone();
        loop {
            let parent = {
                let s = scope.borrow();
                if !s.functions.is_empty() || !s.function_bodies.is_empty() || !s.aliases.is_empty() {
                    return Rc::as_ptr(&scope) as usize;
                }
                s.parent.clone()
            };
            match parent {
                Some(p) => scope = p,
                None => return 0,
            }
        }
    }

    pub fn register(&mut self, info: CommandInfo) {
        self.commands.insert(info.name.to_ascii_lowercase(), Rc::new(info));
    }

    pub fn alias(&mut self, alias: &str, target: &str) {
        self.aliases.insert(alias, target);
    }

    /// `f` of the alias `name` as the running code sees it: the nearest scope's, else the session's.
    pub fn with_alias<T>(&self, name: &str, f: impl Fn(&AliasEntry) -> T) -> Option<T> {
        self.nearest_in_scopes(|s| s.aliases.entry(name).map(&f)).or_else(|| self.aliases.entry(name).map(f))
    }

    /// The aliases the running code sees, an inner scope's hiding an outer one's of that name.
    pub fn visible_aliases(&self) -> Vec<AliasEntry> {
        let mut chain = Vec::new();
        let mut scope = Some(self.current.clone());
        while let Some(s) = scope {
            scope = s.borrow().parent.clone();
            chain.push(s);
        }
        let mut all = self.aliases.clone();
        for s in chain.iter().rev() {
            for e in s.borrow().aliases.entries() {
                all.set(e.clone());
            }
        }
        all.entries().cloned().collect()
    }

    /// The aliases defined in one scope (`Get-Alias -Scope`).
    pub fn aliases_in(&self, scope: &ScopeRef) -> Aliases {
        if Rc::ptr_eq(scope, &self.global) {
            self.aliases.clone()
        } else {
            scope.borrow().aliases.clone()
        }
    }

    pub fn set_alias_in(&mut self, scope: &ScopeRef, alias: AliasEntry) {
        if Rc::ptr_eq(scope, &self.global) {
            self.aliases.set(alias);
        } else {
            scope.borrow_mut().aliases.set(alias);
        }
    }

    /// Removes the alias `name` from the nearest scope that defines it (`Remove-Item alias:x`).
    pub fn remove_alias(&mut self, name: &str) {
        let mut scope = Some(self.current.clone());
        while let Some(s) = scope {
            if s.borrow().aliases.entry(name).is_some() {
                return s.borrow_mut().aliases.remove(name);
            }
            scope = s.borrow().parent.clone();
        }
        self.aliases.remove(name);
    }

    /// Resolves a command name: alias, then function, then cmdlet, then the same for `Get-<name>`.
    pub fn resolve_command(&self, name: &str) -> Option<Rc<CommandInfo>> {
        let lower = name.to_ascii_lowercase();
        let aliased = self.with_alias(&lower, |e| e.target.to_ascii_lowercase());
        let target = aliased.unwrap_or(lower);
        if let Some(f) = self.lookup_function(&target) {
            return Some(f);
        }
        if let Some(c) = self.commands.get(&target) {
            return Some(c.clone());
        }
        if !target.contains('-') {
            // 5.1's CommandDiscovery searches again for `get-<name>` with the whole search
            // (aliases and functions too, not only cmdlets); the name has a dash, so once.
            return self.resolve_command(&format!("get-{target}"));
        }
        None
    }

    pub fn lookup_function(&self, lower: &str) -> Option<Rc<CommandInfo>> {
        self.nearest_in_scopes(|s| s.functions.get(lower).cloned())
    }

    pub fn function_body(&self, lower: &str) -> Option<Rc<ScriptBlock>> {
        self.nearest_in_scopes(|s| s.function_bodies.get(lower).cloned())
    }

    /// What `find` gives for the innermost scope of the running code's chain that has it.
    fn nearest_in_scopes<T>(&self, find: impl Fn(&Scope) -> Option<T>) -> Option<T> {
        let mut scope = Some(self.current.clone());
        while let Some(s) = scope {
            if let Some(found) = find(&s.borrow()) {
                return Some(found);
            }
            scope = s.borrow().parent.clone();
        }
        None
    }

    /// Every command name known (cmdlets, functions and aliases), for completion and Get-Command.
    pub fn all_commands(&self) -> Vec<Rc<CommandInfo>> {
        let mut out: Vec<Rc<CommandInfo>> = self.commands.values().cloned().collect();
        let mut scope = Some(self.current.clone());
        while let Some(s) = scope {
            out.extend(s.borrow().functions.values().cloned());
            scope = s.borrow().parent.clone();
        }
        out.sort_by_key(|a| a.name.to_ascii_lowercase());
        out.dedup_by(|a, b| a.name.eq_ignore_ascii_case(&b.name));
        out
    }

    pub fn is_function(info: &CommandInfo) -> bool {
        info.kind == CommandType::Function
    }
}
