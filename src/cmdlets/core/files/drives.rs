//! The session's own drives, which the item cmdlets reach as they reach files:
//! `Env:` (the simulated environment), `Variable:`, `Function:` and `Alias:`.
//! `Test-Path variable:x`, `Get-ChildItem env:`, `Get-Item alias:ls`, `Remove-Item env:X`.

use std::collections::BTreeMap;

use crate::engine::ops::wildcard_regex;
use crate::engine::value::{PsObject, Value};
use crate::engine::{Ctx, Interp};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drive {
    Env,
    Variable,
    Function,
    Alias,
}

/// The drive a path names and the name after it (`env:Path`, `Variable:\x`), if it is one.
pub fn split(text: &str) -> Option<(Drive, &str)> {
    let (drive, rest) = text.split_once(':')?;
    let drive = match drive.to_ascii_lowercase().as_str() {
        "env" => Drive::Env,
        "variable" => Drive::Variable,
        "function" => Drive::Function,
        "alias" => Drive::Alias,
        _ => return None,
    };
    Some((drive, rest.trim_start_matches(['\\', '/'])))
}

/// Every item of a drive, by name (as the drive spells it), in name order.
fn all(interp: &Interp, drive: Drive) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    let mut add = |key: String, o: PsObject| {
        out.insert(key.to_lowercase(), Value::object(o));
    };
    match drive {
        Drive::Env => {
            for (name, value) in interp.env.values() {
                let mut o = PsObject::typed("System.Collections.DictionaryEntry");
                o.add_typed("Name", "string", Value::str(name));
                o.add_typed("Key", "System.Object", Value::str(name));
                o.add_typed("Value", "System.Object", Value::str(value));
                add(name.clone(), o);
            }
        }
        Drive::Variable => {
            for (name, value) in interp.visible_variables() {
                let mut o = PsObject::typed("System.Management.Automation.PSVariable");
                let shown = super::super::utility::proper_case(&name);
                o.add_typed("Name", "string", Value::str(&shown));
                o.add_typed("Value", "System.Object", value);
                add(shown, o);
            }
        }
        Drive::Function => {
            let mut scope = Some(interp.current.clone());
            while let Some(s) = scope {
                for info in s.borrow().functions.values() {
                    let mut o = PsObject::typed("System.Management.Automation.FunctionInfo");
                    o.add_typed("CommandType", "System.Management.Automation.CommandTypes", Value::str("Function"));
                    o.add_typed("Name", "string", Value::str(&info.name));
                    o.add_typed("Version", "version", Value::str(""));
                    o.add_typed("Source", "string", Value::str(&info.module));
                    out.entry(info.name.to_lowercase()).or_insert(Value::object(o));
                }
                scope = s.borrow().parent.clone();
            }
        }
        Drive::Alias => {
            for alias in interp.visible_aliases() {
                let mut o = PsObject::typed("System.Management.Automation.AliasInfo");
                o.add_typed("CommandType", "System.Management.Automation.CommandTypes", Value::str("Alias"));
                o.add_typed("Name", "string", Value::str(&alias.name));
                o.add_typed("Definition", "string", Value::str(&alias.target));
                add(alias.name, o);
            }
        }
    }
    out
}

/// The items whose names match `pattern` (all of them for an empty one).
pub fn items(interp: &Interp, drive: Drive, pattern: &str) -> Vec<Value> {
    let pattern = if pattern.is_empty() { "*" } else { pattern };
    let re = wildcard_regex(pattern, false);
    all(interp, drive).into_iter().filter(|(k, _)| re.is_match(k)).map(|(_, v)| v).collect()
}

/// Removes the items whose names match `pattern`; how many went.
pub fn remove(ctx: &mut Ctx, drive: Drive, pattern: &str) -> usize {
    let re = wildcard_regex(pattern, false);
    let names: Vec<String> = all(ctx.interp, drive).into_keys().filter(|k| re.is_match(k)).collect();
    for name in &names {
        match drive {
            Drive::Env => {
                ctx.interp.env.remove(name);
            }
            Drive::Variable => {
                ctx.interp.remove_var(name);
            }
            Drive::Function => {
                let mut scope = Some(ctx.interp.current.clone());
                while let Some(s) = scope {
                    s.borrow_mut().functions.remove(name);
                    s.borrow_mut().function_bodies.remove(name);
                    scope = s.borrow().parent.clone();
                }
            }
            Drive::Alias => {
                ctx.interp.remove_alias(name);
            }
        }
    }
    names.len()
}

/// The provider's name in 5.1's messages.
pub fn drive_name(drive: Drive) -> &'static str {
    match drive {
        Drive::Env => "Env",
        Drive::Variable => "Variable",
        Drive::Function => "Function",
        Drive::Alias => "Alias",
    }
}
