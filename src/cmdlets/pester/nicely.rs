//! Pester's way of showing a value in a message (its Format-Nicely): `$null`, `$true`,
//! strings in single quotes, collections as `@(1, 2)`, hashtables as `@{a=1; b=2}` with
//! sorted keys, objects as `PSObject{a=1}`, types as `[int]`, script blocks in braces.

use crate::engine::convert::to_string;
use crate::engine::dotnet::registry::type_of;
use crate::engine::value::{TypeRef, Value};

pub fn nicely(v: &Value) -> String {
    match v {
        Value::Null => "$null".to_string(),
        Value::Bool(b) => if *b { "$true" } else { "$false" }.to_string(),
        Value::Str(s) => format!("'{s}'"),
        Value::Char(c) => format!("'{c}'"),
        Value::Array(_) | Value::List(_) => format!("@({})", v.enumerate().iter().map(nicely).collect::<Vec<_>>().join(", ")),
        Value::Hashtable(h) => {
            let mut pairs: Vec<(String, String)> = h.borrow().iter().map(|(k, v)| (to_string(k), nicely(v))).collect();
            pairs.sort_by_key(|(k, _)| k.to_ascii_lowercase());
            format!("@{{{}}}", pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; "))
        }
        Value::Object(o) if o.borrow().is_custom() => {
            let o = o.borrow();
            let props: Vec<String> = o.props.iter().map(|p| format!("{}={}", p.name, nicely(&p.value))).collect();
            format!("PSObject{{{}}}", props.join("; "))
        }
        Value::ScriptBlock(sb) => format!("{{{}}}", sb.inner_text()),
        Value::Type(t) => type_name(t),
        Value::Error(e) => format!("'{}'", e.message),
        other => to_string(other),
    }
}

/// A type as Pester names it: `[int]`, `[string]`, else the full name in brackets.
pub fn type_name(t: &TypeRef) -> String {
    format!("[{}]", t.ps_name())
}

/// The type of a value, as `nicely` shows a type; `$null` has none.
pub fn type_of_value(v: &Value) -> String {
    if v.is_null() {
        return "$null".to_string();
    }
    type_name(&type_of(v))
}

/// The `, because …,` part of a message, or nothing.
pub fn because(reason: &Option<String>) -> String {
    match reason {
        Some(r) if !r.trim().is_empty() => format!(" because {},", r.trim()),
        _ => String::new(),
    }
}

/// Escapes the characters a string diff would not show.
fn printable(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            '\u{8}' => out.push_str("\\b"),
            c => out.push(c),
        }
    }
    out
}

/// Pester's message for two different strings: the lengths, where they first differ, both
/// strings, and an arrow under the difference (counted in the escaped text).
pub fn string_diff(expected: &str, actual: &str, reason: &Option<String>, case_sensitive: bool) -> String {
    let e: Vec<char> = expected.chars().collect();
    let a: Vec<char> = actual.chars().collect();
    let same = |x: char, y: char| if case_sensitive { x == y } else { x.to_lowercase().eq(y.to_lowercase()) };
    let index = e.iter().zip(a.iter()).position(|(x, y)| !same(*x, *y)).unwrap_or(e.len().min(a.len()));
    let mut lines = vec![format!("Expected strings to be the same,{} but they were different.", because(reason))];
    if e.len() == a.len() {
        lines.push(format!("String lengths are both {}.", e.len()));
    } else {
        lines.push(format!("Expected length: {}", e.len()));
        lines.push(format!("Actual length:   {}", a.len()));
    }
    lines.push(format!("Strings differ at index {index}."));
    lines.push(format!("Expected: '{}'", printable(expected)));
    lines.push(format!("But was:  '{}'", printable(actual)));
    let shift = printable(&a[..index.min(a.len())].iter().collect::<String>()).chars().count();
    lines.push(format!("{}{}^", " ".repeat(11), "-".repeat(shift)));
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_of_different_length() {
        assert_eq!(
            string_diff("expected", "actual", &None, false),
            "Expected strings to be the same, but they were different.\nExpected length: 8\nActual length:   6\nStrings differ at index 0.\nExpected: 'expected'\nBut was:  'actual'\n           ^"
        );
    }

    #[test]
    fn the_arrow_counts_escaped_characters() {
        assert_eq!(
            string_diff("123\n789", "123\n456", &Some("reason".into()), false),
            "Expected strings to be the same, because reason, but they were different.\nString lengths are both 7.\nStrings differ at index 4.\nExpected: '123\\n789'\nBut was:  '123\\n456'\n           -----^"
        );
    }

    #[test]
    fn values_are_shown_as_pester_shows_them() {
        assert_eq!(nicely(&Value::Null), "$null");
        assert_eq!(nicely(&Value::str("a")), "'a'");
        assert_eq!(nicely(&Value::array(vec![Value::Int(1), Value::str("b")])), "@(1, 'b')");
    }
}
