//! ConvertTo-Json in Windows PowerShell 5.1's layout (CRLF line breaks, 4-space
//! indentation, `"key":  value`, nested blocks indented from where they open,
//! an empty block written with a blank line inside, HTML-sensitive characters
//! escaped as JavaScriptSerializer did) and ConvertFrom-Json.

use chrono::NaiveDateTime;

use crate::engine::convert::to_string;
use crate::engine::value::{PsObject, Value};

enum Node {
    Null,
    Raw(String),
    Str(String),
    List(Vec<Node>),
    Map(Vec<(String, Node)>),
}

fn to_node(v: &Value, depth: usize, max_depth: usize) -> Node {
    match v {
        Value::Null => Node::Null,
        Value::Bool(b) => Node::Raw(if *b { "true" } else { "false" }.into()),
        Value::Int(i) => Node::Raw(i.to_string()),
        Value::Long(i) => Node::Raw(i.to_string()),
        Value::UInt(i) => Node::Raw(i.to_string()),
        Value::ULong(i) => Node::Raw(i.to_string()),
        Value::Double(d) => Node::Raw(if d.is_finite() { format!("{d}") } else { "null".into() }),
        Value::Enum(e) => Node::Raw(e.value.to_string()),
        Value::Char(c) => Node::Str(c.to_string()),
        Value::Str(s) => Node::Str(s.to_string()),
        Value::Guid(g) => Node::Str(g.hyphenated().to_string()),
        Value::DateTime(d) => Node::Str(format!("\\/Date({})\\/", unix_ms(d))),
        _ if depth > max_depth => Node::Str(to_string(v)),
        Value::Array(a) => Node::List(a.borrow().iter().map(|x| to_node(x, depth + 1, max_depth)).collect()),
        Value::Hashtable(h) => Node::Map(h.borrow().iter().map(|(k, x)| (to_string(k), to_node(x, depth + 1, max_depth))).collect()),
        Value::Object(o) => Node::Map(o.borrow().props.iter().map(|p| (p.name.clone(), to_node(&p.value, depth + 1, max_depth))).collect()),
        other => Node::Str(to_string(other)),
    }
}

fn unix_ms(d: &NaiveDateTime) -> i64 {
    d.and_utc().timestamp_millis()
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '<' | '>' | '&' | '\'' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn write(node: &Node, pad: usize, offset: usize, compress: bool, out: &mut String) {
    match node {
        Node::Null => out.push_str("null"),
        Node::Raw(r) => out.push_str(r),
        Node::Str(s) => {
            // Dates are written pre-escaped.
            if s.starts_with("\\/Date(") {
                out.push('"');
                out.push_str(s);
                out.push('"');
            } else {
                out.push_str(&escape(s));
            }
        }
        Node::List(items) => {
            if compress {
                out.push('[');
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write(it, 0, 0, true, out);
                }
                out.push(']');
                return;
            }
            let inner = pad + offset + 4;
            out.push_str("[\r\n");
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\r\n");
                }
                out.push_str(&" ".repeat(inner));
                write(it, inner, 0, false, out);
            }
            out.push_str("\r\n");
            out.push_str(&" ".repeat(pad + offset));
            out.push(']');
        }
        Node::Map(entries) => {
            if compress {
                out.push('{');
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&escape(k));
                    out.push(':');
                    write(v, 0, 0, true, out);
                }
                out.push('}');
                return;
            }
            let inner = pad + offset + 4;
            out.push_str("{\r\n");
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\r\n");
                }
                out.push_str(&" ".repeat(inner));
                let key = format!("{}:  ", escape(k));
                out.push_str(&key);
                write(v, inner, key.chars().count(), false, out);
            }
            out.push_str("\r\n");
            out.push_str(&" ".repeat(pad + offset));
            out.push('}');
        }
    }
}

/// ConvertTo-Json of one value (several pipeline inputs arrive as one array).
pub fn to_json(v: &Value, depth: usize, compress: bool) -> String {
    let node = to_node(v, 0, depth);
    let mut out = String::new();
    write(&node, 0, 0, compress, &mut out);
    out
}

/// ConvertFrom-Json: objects become PSCustomObjects in document order.
pub fn from_json(text: &str) -> Result<Value, String> {
    let parsed: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("Invalid JSON primitive: {e}."))?;
    Ok(from_serde(&parsed))
}

fn from_serde(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => match i32::try_from(i) {
                Ok(x) => Value::Int(x),
                Err(_) => Value::Long(i),
            },
            None => Value::Double(n.as_f64().unwrap_or(0.0)),
        },
        serde_json::Value::String(s) => Value::str(s),
        serde_json::Value::Array(a) => Value::array(a.iter().map(from_serde).collect()),
        serde_json::Value::Object(m) => {
            let mut o = PsObject::custom();
            for (k, x) in m {
                o.add_note(k, from_serde(x));
            }
            Value::object(o)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(props: Vec<(&str, Value)>) -> Value {
        let mut o = PsObject::custom();
        for (k, v) in props {
            o.add_note(k, v);
        }
        Value::object(o)
    }

    #[test]
    fn nested_blocks_indent_from_their_opening() {
        let v = obj(vec![("a", Value::Int(1)), ("b", Value::array(vec![Value::Int(1), Value::Int(2)])), ("c", obj(vec![("d", Value::str("x"))]))]);
        let expected =
            "{\n    \"a\":  1,\n    \"b\":  [\n              1,\n              2\n          ],\n    \"c\":  {\n              \"d\":  \"x\"\n          }\n}";
        assert_eq!(to_json(&v, 2, false), expected.replace('\n', "\r\n"));
        let empty = obj(vec![("a", Value::array(vec![]))]);
        assert_eq!(to_json(&empty, 2, false), "{\r\n    \"a\":  [\r\n\r\n          ]\r\n}");
    }

    #[test]
    fn arrays_of_objects() {
        let v = Value::array(vec![obj(vec![("a", Value::Int(1))]), obj(vec![("a", Value::Int(2))])]);
        assert_eq!(to_json(&v, 2, false), "[\n    {\n        \"a\":  1\n    },\n    {\n        \"a\":  2\n    }\n]".replace('\n', "\r\n"));
    }

    #[test]
    fn html_characters_are_escaped_and_depth_is_cut() {
        assert_eq!(to_json(&Value::str("at&t"), 2, false), "\"at\\u0026t\"");
        let deep = obj(vec![("a", obj(vec![("b", obj(vec![("c", obj(vec![("d", Value::Int(1))]))]))]))]);
        assert_eq!(to_json(&deep, 2, true), "{\"a\":{\"b\":{\"c\":\"@{d=1}\"}}}");
    }

    #[test]
    fn parses_json_into_custom_objects() {
        let v = from_json("{\"b\": 1, \"a\": [true, null]}").unwrap();
        let Value::Object(o) = v else { panic!("object expected") };
        assert_eq!(o.borrow().props[0].name, "b");
    }
}
