//! How a property value becomes text in a list or a table cell (5.1's
//! SmartToString): `$null` is empty, collections show `{a, b, c, d...}`, nested
//! custom objects `@{a=1}`, dates in the en-US culture.

use crate::engine::convert::{format_double, object_to_string, to_string};
use crate::engine::value::{PsObject, Value};

/// The number of collection items shown before `...` ($FormatEnumerationLimit).
pub const ENUMERATION_LIMIT: usize = 4;

pub fn cell_text(v: &Value, limit: usize) -> String {
    match v {
        Value::Null => String::new(),
        Value::Double(d) => format_double(*d),
        Value::DateTime(d) => d.format("%-m/%-d/%Y %-I:%M:%S %p").to_string(),
        Value::Array(_) | Value::List(_) => {
            let items = v.enumerate();
            enumeration_text(items.iter(), items.len(), limit)
        }
        Value::Hashtable(h) => {
            // A dictionary enumerates DictionaryEntry items, which show their keys.
            let keys = h.borrow().keys();
            enumeration_text(keys.iter(), keys.len(), limit)
        }
        Value::Object(o) => object_to_string(&o.borrow()),
        other => to_string(other),
    }
}

fn enumeration_text<'a>(items: impl Iterator<Item = &'a Value>, len: usize, limit: usize) -> String {
    let shown: Vec<String> = items
        .take(limit)
        .map(|i| match i {
            Value::Null => "$null".to_string(),
            Value::Object(o) => element_name(&o.borrow()),
            Value::Array(_) => "System.Object[]".to_string(),
            other => to_string(other),
        })
        .collect();
    let more = if len > limit { "..." } else { "" };
    format!("{{{}{}}}", shown.join(", "), more)
}

/// An object in a collection cell (5.1's `GetObjectName`): its ToString when its type declares
/// one (custom objects, script classes with a ToString, types ersim gives a text), else its
/// display name — the first property matching `name`, `id`, `key`, `*key`, `*name`, `*id` —
/// and the type name only when none matches.
fn element_name(o: &PsObject) -> String {
    let text = object_to_string(o);
    let inherits_to_string = o.text.is_none() && !o.is_custom() && o.type_names.first() == Some(&text);
    if !inherits_to_string {
        return text;
    }
    display_name(o).map(|v| if v.is_null() { String::new() } else { to_string(v) }).unwrap_or(text)
}

/// The value of the first property named by 5.1's well-known display-name patterns
/// (`GetDisplayNameExpression`), which Format-Wide also shows by default.
pub fn display_name(o: &PsObject) -> Option<&Value> {
    const PATTERNS: [(&str, bool); 6] = [("name", true), ("id", true), ("key", true), ("key", false), ("name", false), ("id", false)];
    PATTERNS.iter().find_map(|(word, exact)| {
        o.props
            .iter()
            .find(|p| {
                let name = p.name.to_ascii_lowercase();
                if *exact {
                    name == *word
                } else {
                    name.ends_with(word)
                }
            })
            .map(|p| &p.value)
    })
}

/// Display width in terminal cells: East Asian wide characters take two.
pub fn display_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

pub fn char_width(c: char) -> usize {
    let cp = c as u32;
    let wide = matches!(cp,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x20000..=0x2FFFD | 0x30000..=0x3FFFD);
    if wide {
        2
    } else {
        1
    }
}

/// The longest prefix of `s` that fits in `width` cells.
pub fn take_width(s: &str, width: usize) -> &str {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        let w = char_width(c);
        if used + w > width {
            return &s[..i];
        }
        used += w;
    }
    s
}

/// The longest suffix of `s` that fits in `width` cells.
pub fn take_width_end(s: &str, width: usize) -> &str {
    let mut used = 0;
    for (i, c) in s.char_indices().rev() {
        let w = char_width(c);
        if used + w > width {
            return &s[i + c.len_utf8()..];
        }
        used += w;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collections_are_cut_after_the_limit() {
        let v = Value::array((1..=6).map(Value::Int).collect());
        assert_eq!(cell_text(&v, 4), "{1, 2, 3, 4...}");
        let v = Value::array(vec![Value::Int(1), Value::Null]);
        assert_eq!(cell_text(&v, 4), "{1, $null}");
    }

    fn typed(type_name: &str, props: &[(&str, Value)]) -> Value {
        let mut o = PsObject::typed(type_name);
        for (n, v) in props {
            o.add_note(n, v.clone());
        }
        Value::object(o)
    }

    #[test]
    fn elements_without_their_own_to_string_show_their_display_name() {
        let subnets = Value::array(vec![
            typed("Sample.Subnet", &[("Etag", Value::str("e")), ("Name", Value::str("GatewaySubnet"))]),
            typed("Sample.Subnet", &[("Name", Value::str("default"))]),
        ]);
        assert_eq!(cell_text(&subnets, 4), "{GatewaySubnet, default}");
        // `id` before `*name`; then `*key`, `*name`, `*id` by property order.
        let v = Value::array(vec![
            typed("Sample.A", &[("CommunityName", Value::str("n")), ("Id", Value::Int(7))]),
            typed("Sample.B", &[("ServiceKey", Value::str("k")), ("CircuitName", Value::str("c"))]),
            typed("Sample.C", &[("Size", Value::Int(1))]),
            typed("Sample.D", &[("Name", Value::Null)]),
        ]);
        assert_eq!(cell_text(&v, 4), "{7, k, Sample.C, }");
    }

    #[test]
    fn custom_objects_keep_their_to_string() {
        let mut o = PsObject::custom();
        o.add_note("Name", Value::str("a"));
        assert_eq!(cell_text(&Value::array(vec![Value::object(o)]), 4), "{@{Name=a}}");
    }

    #[test]
    fn widths_count_wide_characters_twice() {
        assert_eq!(display_width("消息"), 4);
        assert_eq!(take_width("abcdef", 3), "abc");
        assert_eq!(take_width_end("abcdef", 3), "def");
    }
}
