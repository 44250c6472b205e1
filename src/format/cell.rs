//! How a property value becomes text in a list or a table cell (5.1's
//! SmartToString): `$null` is empty, collections show `{a, b, c, d...}`, nested
//! custom objects `@{a=1}`, dates in the en-US culture.

use crate::engine::convert::{format_double, object_to_string, to_string};
use crate::engine::value::Value;

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
            Value::Object(o) => object_to_string(&o.borrow()),
            Value::Array(_) => "System.Object[]".to_string(),
            other => to_string(other),
        })
        .collect();
    let more = if len > limit { "..." } else { "" };
    format!("{{{}{}}}", shown.join(", "), more)
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

    #[test]
    fn widths_count_wide_characters_twice() {
        assert_eq!(display_width("消息"), 4);
        assert_eq!(take_width("abcdef", 3), "abc");
        assert_eq!(take_width_end("abcdef", 3), "def");
    }
}
