//! The models' `…Text` properties: Newtonsoft's `JsonConvert.SerializeObject(x,
//! Formatting.Indented, NullValueHandling.Ignore)` of a nested model, as the list views print
//! it — two spaces per level, each array item on its own line, `[]` and `{}` when empty,
//! null members left out, a missing object the word `null`.

use crate::engine::convert::to_string;
use crate::engine::value::Value;

/// The indented JSON of a model value (`null` for a missing one).
pub fn json_text(v: Option<&Value>) -> String {
    text_of(v, false)
}

/// The same without `NullValueHandling.Ignore`, as `AuthorizationsText` is serialized (the
/// model, index id 98905476): null members print as `null`.
pub fn json_text_with_nulls(v: Option<&Value>) -> String {
    text_of(v, true)
}

fn text_of(v: Option<&Value>, nulls: bool) -> String {
    let mut out = String::new();
    match v {
        Some(v) if !v.is_null() => write_value(&mut out, v, 0, nulls),
        _ => out.push_str("null"),
    }
    out
}

fn items_of(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::Array(a) => Some(a.borrow().clone()),
        Value::List(l) => Some(l.items.borrow().clone()),
        _ => None,
    }
}

fn newline(out: &mut String, depth: usize) {
    out.push('\n');
    out.push_str(&"  ".repeat(depth));
}

fn write_value(out: &mut String, v: &Value, depth: usize, nulls: bool) {
    if let Some(items) = items_of(v) {
        if items.is_empty() {
            out.push_str("[]");
            return;
        }
        out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            newline(out, depth + 1);
            write_value(out, item, depth + 1, nulls);
        }
        newline(out, depth);
        out.push(']');
        return;
    }
    match v {
        Value::Object(o) => {
            let o = o.borrow();
            let members: Vec<_> = o.props.iter().filter(|p| nulls || !p.value.is_null()).collect();
            if members.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push('{');
            for (i, p) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, depth + 1);
                out.push_str(&json_string(&p.name));
                out.push_str(": ");
                write_value(out, &p.value, depth + 1, nulls);
            }
            newline(out, depth);
            out.push('}');
        }
        Value::Null => out.push_str("null"),
        Value::Int(_) | Value::Long(_) | Value::UInt(_) | Value::ULong(_) | Value::Double(_) => out.push_str(&to_string(v)),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        other => out.push_str(&json_string(&to_string(other))),
    }
}

/// A JSON string as Newtonsoft writes it by default: quotes, backslashes and control
/// characters escaped, everything else (`&`, non-ASCII) as is.
fn json_string(s: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::value::PsObject;

    #[test]
    fn nested_objects_and_lists_indent_as_newtonsoft() {
        let mut inner = PsObject::typed("C");
        inner.add_typed("AdvertisedPublicPrefixes", "list", Value::array(vec![Value::str("123.1.0.0/24"), Value::str("124.1.0.0/24")]));
        inner.add_typed("CustomerASN", "int", Value::Int(23));
        inner.add_typed("LegacyMode", "int", Value::Null);
        let mut o = PsObject::typed("P");
        o.add_typed("Name", "string", Value::str("AT&T \"x\""));
        o.add_typed("PeerASN", "uint", Value::UInt(100));
        o.add_typed("MicrosoftPeeringConfig", "C", Value::object(inner));
        o.add_typed("Connections", "list", Value::array(Vec::new()));
        let expected = "[\n  {\n    \"Name\": \"AT&T \\\"x\\\"\",\n    \"PeerASN\": 100,\n    \"MicrosoftPeeringConfig\": {\n      \"AdvertisedPublicPrefixes\": [\n        \"123.1.0.0/24\",\n        \"124.1.0.0/24\"\n      ],\n      \"CustomerASN\": 23\n    },\n    \"Connections\": []\n  }\n]";
        assert_eq!(json_text(Some(&Value::array(vec![Value::object(o)]))), expected);
        assert_eq!(json_text(None), "null");
        assert_eq!(json_text(Some(&Value::Null)), "null");
        assert_eq!(json_text(Some(&Value::object(PsObject::typed("E")))), "{}");
        let mut a = PsObject::typed("A");
        a.add_typed("Name", "string", Value::str("a1"));
        a.add_typed("AuthorizationKey", "string", Value::Null);
        assert_eq!(json_text_with_nulls(Some(&Value::array(vec![Value::object(a)]))), "[\n  {\n    \"Name\": \"a1\",\n    \"AuthorizationKey\": null\n  }\n]");
    }
}
