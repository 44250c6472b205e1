//! What discovery collects: the blocks of a test file (Describe, Context) with their setup
//! and teardown, and the tests (It) in them, each with its data item. The run phase walks
//! this tree; nothing in it has run yet.

use std::rc::Rc;

use crate::engine::convert::to_string;
use crate::engine::error::ErrorRecord;
use crate::engine::runtime::ScopeRef;
use crate::engine::value::Value;
use crate::lang::ast::ScriptBlock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The file itself: its top-level BeforeAll and AfterAll belong here.
    Root,
    Describe,
    Context,
}

/// A Describe or Context (or the file's root) as discovery found it.
pub struct Block {
    pub kind: BlockKind,
    pub name: String,
    pub tags: Vec<String>,
    pub skip: bool,
    /// The `-ForEach` item this copy of the block was made for: `$_`, and a hashtable's keys
    /// as variables, in the block's scopes.
    pub data: Option<Value>,
    pub before_all: Vec<Rc<ScriptBlock>>,
    pub after_all: Vec<Rc<ScriptBlock>>,
    pub before_each: Vec<Rc<ScriptBlock>>,
    pub after_each: Vec<Rc<ScriptBlock>>,
    pub items: Vec<Node>,
    /// With `Run.Pester4Scopes`, the scope the block's body ran in during discovery: its
    /// setup and tests run there, so they see the body's variables as under Pester 4.
    pub scope: Option<ScopeRef>,
    /// With `Run.Pester4Scopes`, the error of a BeforeAll that ran in discovery: the block's
    /// tests fail with it, as after a failed BeforeAll.
    pub failed_setup: Option<Rc<ErrorRecord>>,
}

impl std::fmt::Debug for Block {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Block").field("kind", &self.kind).field("name", &self.name).field("items", &self.items).finish_non_exhaustive()
    }
}

#[derive(Debug)]
pub enum Node {
    Block(Block),
    Test(Test),
}

/// An It, one per data item.
#[derive(Debug)]
pub struct Test {
    /// The name as written (`returns <Expected>`).
    pub name: String,
    /// The name with `<key>` replaced from the data item.
    pub expanded: String,
    pub body: Option<Rc<ScriptBlock>>,
    pub data: Option<Value>,
    pub tags: Vec<String>,
    pub skip: bool,
}

impl Block {
    pub fn new(kind: BlockKind, name: String) -> Block {
        Block {
            kind,
            name,
            tags: Vec::new(),
            skip: false,
            data: None,
            before_all: Vec::new(),
            after_all: Vec::new(),
            before_each: Vec::new(),
            after_each: Vec::new(),
            items: Vec::new(),
            scope: None,
            failed_setup: None,
        }
    }

    /// How many tests the block holds, at any depth.
    pub fn test_count(&self) -> usize {
        self.items
            .iter()
            .map(|n| match n {
                Node::Block(b) => b.test_count(),
                Node::Test(_) => 1,
            })
            .sum()
    }
}

/// Pester's name templates: `<name>` is the data item's value of that key (or property,
/// `<name.prop>` going deeper), `<_>` the item itself; a key the item lacks, or a test with
/// no data, keeps the template's text.
pub fn expand_name(template: &str, data: Option<&Value>) -> String {
    let Some(data) = data else { return template.to_string() };
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>') else { break };
        let key = &rest[open + 1..open + close];
        out.push_str(&rest[..open]);
        match lookup(data, key) {
            Some(v) => out.push_str(&to_string(&v)),
            None => out.push_str(&rest[open..open + close + 1]),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

fn lookup(data: &Value, key: &str) -> Option<Value> {
    let mut parts = key.split('.');
    let first = parts.next()?;
    let mut v = if first == "_" { data.clone() } else { member(data, first)? };
    for p in parts {
        v = member(&v, p)?;
    }
    Some(v)
}

/// A hashtable's value by key or an object's property, as Pester reads `<key>`.
pub fn member(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Hashtable(h) => h.borrow().iter().find(|(k, _)| to_string(k).eq_ignore_ascii_case(name)).map(|(_, v)| v.clone()),
        Value::Object(o) => o.borrow().get(name).cloned(),
        _ => None,
    }
}

/// The variables a data item defines: each key of a hashtable.
pub fn data_variables(data: &Value) -> Vec<(String, Value)> {
    match data {
        Value::Hashtable(h) => h.borrow().iter().map(|(k, v)| (to_string(k), v.clone())).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::value::Hashtable;

    #[test]
    fn names_expand_from_the_data_item() {
        let mut h = Hashtable::new(false);
        h.insert(Value::str("Name"), Value::str("Earth"));
        h.insert(Value::str("Count"), Value::Int(3));
        let data = Value::hashtable(h);
        assert_eq!(expand_name("<name> has <Count> moons <missing>", Some(&data)), "Earth has 3 moons <missing>");
        assert_eq!(expand_name("value <_>", Some(&Value::Int(7))), "value 7");
        assert_eq!(expand_name("no <data>", None), "no <data>");
    }
}
