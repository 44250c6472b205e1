//! The `…Text` properties of the Network models: the nested object as Newtonsoft writes it
//! with `Formatting.Indented` and `NullValueHandling.Ignore` (2-space indent, null members
//! left out, a null object `null`), computed from the live object so local edits show.

use crate::engine::convert::to_string;
use crate::engine::value::Value;

/// A JSON string as Newtonsoft writes it: quotes, backslashes and control characters
/// escaped, everything else as is.
fn string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn items(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::Array(a) => Some(a.borrow().clone()),
        Value::List(l) => Some(l.items.borrow().clone()),
        _ => None,
    }
}

/// `v` as indented JSON, its nested lines indented by `depth` levels.
pub fn write(v: &Value, depth: usize) -> String {
    let pad = "  ".repeat(depth + 1);
    let end = "  ".repeat(depth);
    if let Some(list) = items(v) {
        if list.is_empty() {
            return "[]".into();
        }
        let parts: Vec<String> = list.iter().map(|i| format!("{pad}{}", write(i, depth + 1))).collect();
        return format!("[\n{}\n{end}]", parts.join(",\n"));
    }
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Int(_) | Value::Long(_) | Value::UInt(_) | Value::ULong(_) | Value::Double(_) => to_string(v),
        Value::Object(o) => {
            let o = o.borrow();
            let members: Vec<String> =
                o.props.iter().filter(|p| !p.value.is_null()).map(|p| format!("{pad}{}: {}", string(&p.name), write(&p.value, depth + 1))).collect();
            if members.is_empty() {
                "{}".into()
            } else {
                format!("{{\n{}\n{end}}}", members.join(",\n"))
            }
        }
        other => string(&to_string(other)),
    }
}

/// The JSON text of `v`'s member `name` (`null` when it has none).
pub fn member(v: &Value, name: &str) -> String {
    write(&super::models::member(v, name).unwrap_or(Value::Null), 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::value::PsObject;

    #[test]
    fn nested_objects_and_lists_indent_as_newtonsoft_does() {
        let mut id = PsObject::typed("Id");
        id.add_typed("Id", "string", Value::str("/x"));
        let mut o = PsObject::typed("T");
        o.add_typed("Name", "string", Value::str("a \"b\""));
        o.add_typed("Gone", "string", Value::Null);
        o.add_typed("Prefixes", "list", Value::array(vec![Value::str("10.0.0.0/16")]));
        o.add_typed("Subnet", "Id", Value::object(id));
        o.add_typed("Empty", "list", Value::array(Vec::new()));
        o.add_typed("On", "bool", Value::Bool(false));
        let text = write(&Value::array(vec![Value::object(o)]), 0);
        let expected = "[\n  {\n    \"Name\": \"a \\\"b\\\"\",\n    \"Prefixes\": [\n      \"10.0.0.0/16\"\n    ],\n    \"Subnet\": {\n      \"Id\": \"/x\"\n    },\n    \"Empty\": [],\n    \"On\": false\n  }\n]";
        assert_eq!(text, expected);
        assert_eq!(write(&Value::Null, 0), "null");
        assert_eq!(write(&Value::object(PsObject::typed("E")), 0), "{}");
    }
}
