//! `System.String`'s instance methods and `[string]`/`[char]` statics, with .NET's
//! overloads (char and string separators, `StringComparison`, `StringSplitOptions`).

use super::{arg_count, method_error, not_found};

use crate::engine::convert::{convert, to_num, to_string};
use crate::engine::error::ErrorRecord;
use crate::engine::limits;
use crate::engine::types::{STRING_COMPARISON, STRING_SPLIT_OPTIONS};
use crate::engine::value::{TypeKind, TypeRef, Value};

fn arg_str(args: &[Value], i: usize) -> String {
    args.get(i).map(to_string).unwrap_or_default()
}

fn arg_int(args: &[Value], i: usize) -> Option<i64> {
    args.get(i).and_then(to_num).map(|n| n.as_f64() as i64)
}

pub fn string_method(s: &crate::engine::text::Text, lower: &str, name: &str, args: &[Value]) -> Result<Value, ErrorRecord> {
    let a0 = || arg_str(args, 0);
    let chars_arg = |args: &[Value]| -> Vec<char> { args.iter().flat_map(|v| v.enumerate()).flat_map(|v| to_string(&v).chars().collect::<Vec<_>>()).collect() };
    let out = match lower {
        "toupper" | "toupperinvariant" => Value::str(s.to_uppercase()),
        "tolower" | "tolowerinvariant" => Value::str(s.to_lowercase()),
        "trim" if args.is_empty() => Value::str(s.trim()),
        "trim" => {
            let cs = chars_arg(args);
            Value::str(s.trim_matches(|c| cs.contains(&c)))
        }
        "trimstart" if args.is_empty() => Value::str(s.trim_start()),
        "trimstart" => {
            let cs = chars_arg(args);
            Value::str(s.trim_start_matches(|c| cs.contains(&c)))
        }
        "trimend" if args.is_empty() => Value::str(s.trim_end()),
        "trimend" => {
            let cs = chars_arg(args);
            Value::str(s.trim_end_matches(|c| cs.contains(&c)))
        }
        "contains" if args.len() == 1 => Value::Bool(s.contains(a0().as_str())),
        "startswith" | "endswith" if !args.is_empty() && args.len() <= 3 => {
            let ignore = ignores_case(args);
            let (hay, needle) = if ignore { (s.to_lowercase(), a0().to_lowercase()) } else { (s.to_string(), a0()) };
            Value::Bool(if lower == "startswith" { hay.starts_with(&needle) } else { hay.ends_with(&needle) })
        }
        "equals" if args.len() == 2 => {
            let ignore = ignores_case(args);
            Value::Bool(if ignore { s.to_lowercase() == a0().to_lowercase() } else { s.as_ref() == a0() })
        }
        "indexof" | "lastindexof" | "indexofany" | "lastindexofany" if !args.is_empty() && args.len() <= 3 => {
            return index_of(s, lower, name, args);
        }
        "replace" if args.len() == 2 => {
            if a0().is_empty() {
                return Err(method_error(name, args, "String cannot be of zero length.\r\nParameter name: oldValue", "ArgumentException"));
            }
            Value::str(s.replace(a0().as_str(), &arg_str(args, 1)))
        }
        "split" => return Ok(split(s, args)),
        "substring" => {
            let chars: Vec<char> = s.chars().collect();
            let start = arg_int(args, 0).unwrap_or(0);
            let len = arg_int(args, 1).unwrap_or((chars.len() as i64).saturating_sub(start));
            let end = start.checked_add(len).filter(|e| (0..=chars.len() as i64).contains(e));
            let Some(end) = end.filter(|_| start >= 0 && len >= 0) else {
                let text = if args.len() == 1 {
                    "startIndex cannot be larger than length of string.\r\nParameter name: startIndex"
                } else {
                    "Index and length must refer to a location within the string.\r\nParameter name: length"
                };
                return Err(method_error(name, args, text, "ArgumentOutOfRangeException"));
            };
            Value::str(chars[start as usize..end as usize].iter().collect::<String>())
        }
        "padleft" | "padright" => {
            let width = arg_int(args, 0).unwrap_or(0).max(0) as usize;
            if limits::check_string(width).is_err() {
                return Err(method_error(name, args, &limits::out_of_memory().message, "OutOfMemoryException"));
            }
            let fill = arg_str(args, 1).chars().next().unwrap_or(' ');
            let len = s.chars().count();
            let pad: String = std::iter::repeat_n(fill, width.saturating_sub(len)).collect();
            Value::str(if lower == "padleft" { format!("{pad}{s}") } else { format!("{s}{pad}") })
        }
        "insert" => {
            let i = arg_int(args, 0).unwrap_or(0).max(0) as usize;
            let chars: Vec<char> = s.chars().collect();
            let i = i.min(chars.len());
            Value::str(format!("{}{}{}", chars[..i].iter().collect::<String>(), arg_str(args, 1), chars[i..].iter().collect::<String>()))
        }
        "remove" => {
            let chars: Vec<char> = s.chars().collect();
            let start = (arg_int(args, 0).unwrap_or(0).max(0) as usize).min(chars.len());
            let count = arg_int(args, 1).map(|c| c.max(0) as usize).unwrap_or(chars.len() - start).min(chars.len() - start);
            Value::str(chars[..start].iter().chain(chars[start + count..].iter()).collect::<String>())
        }
        "tochararray" => Value::array(s.chars().map(Value::Char).collect()),
        "compareto" if args.len() == 1 => Value::Int(culture_compare(s, &a0(), false)),
        "normalize" | "clone" => Value::Str(s.clone()),
        "contains" | "startswith" | "endswith" | "indexof" | "lastindexof" | "replace" | "compareto" | "equals" => return Err(arg_count(name, args.len())),
        _ => return Err(not_found(&Value::Str(s.clone()), name)),
    };
    Ok(out)
}

/// Whether a `StringComparison` argument (the last one) asks for a case-insensitive comparison.
fn ignores_case(args: &[Value]) -> bool {
    match args.last() {
        Some(Value::Enum(e)) if e.type_name == STRING_COMPARISON.full_name => e.name.ends_with("IgnoreCase"),
        // A name converts to the enumeration, as 5.1 converts the argument.
        Some(Value::Str(t)) if args.len() > 1 => STRING_COMPARISON.parse(t).is_some_and(|(n, _)| n.ends_with("IgnoreCase")),
        _ => false,
    }
}

/// `IndexOf(value[, start[, count]])`, `IndexOfAny(chars[, start])` and their `Last` forms,
/// as character positions; a start beyond the string is .NET's ArgumentOutOfRange.
fn index_of(s: &str, lower: &str, name: &str, args: &[Value]) -> Result<Value, ErrorRecord> {
    let chars: Vec<char> = s.chars().collect();
    let last = lower.starts_with("last");
    let comparison = matches!(args.last(), Some(Value::Enum(e)) if e.type_name == STRING_COMPARISON.full_name);
    let ignore = comparison && ignores_case(args);
    let numeric: Vec<i64> = args[1..args.len() - usize::from(comparison)].iter().filter_map(to_num).map(|n| n.as_f64() as i64).collect();
    let n = chars.len() as i64;
    let start = numeric.first().copied().unwrap_or(if last { n - 1 } else { 0 });
    if start < 0 || start > n || (last && start >= n && n > 0) {
        return Err(method_error(
            name,
            args,
            "Index was out of range. Must be non-negative and less than the size of the collection.\r\nParameter name: startIndex",
            "ArgumentOutOfRangeException",
        ));
    }
    let fold = |c: char| if ignore { c.to_lowercase().next().unwrap_or(c) } else { c };
    let hay: Vec<char> = chars.iter().map(|c| fold(*c)).collect();
    let found = if lower.ends_with("any") {
        let set: Vec<char> = args[0].enumerate().iter().flat_map(|v| to_string(v).chars().collect::<Vec<_>>()).collect();
        let hit = |i: &usize| set.contains(&hay[*i]);
        if last {
            (0..=(start.max(0) as usize).min(hay.len().saturating_sub(1))).rev().find(hit)
        } else {
            (start as usize..hay.len()).find(hit)
        }
    } else {
        let needle: Vec<char> = to_string(&args[0]).chars().map(fold).collect();
        let at = |i: &usize| hay.len() >= needle.len() + *i && hay[*i..*i + needle.len()] == needle[..];
        if last {
            let top = (start.max(0) as usize + 1).saturating_sub(needle.len());
            (0..=top.min(hay.len())).rev().find(at)
        } else {
            let end = numeric.get(1).map(|c| (start + c) as usize).unwrap_or(hay.len()).min(hay.len());
            (start as usize..=end.saturating_sub(needle.len()).max(start as usize)).find(|i| *i + needle.len() <= end && at(i))
        }
    };
    Ok(Value::Int(found.map(|i| i as i32).unwrap_or(-1)))
}

/// `Split`: separators are characters — a string argument is its characters, as 5.1 converts
/// it to `char[]` — unless a `[string[]]` comes with options; then a count and
/// `RemoveEmptyEntries` may follow.
fn split(s: &str, args: &[Value]) -> Value {
    let options = args.iter().find_map(|a| match a {
        Value::Enum(e) if e.type_name == STRING_SPLIT_OPTIONS.full_name => Some(e.value),
        _ => None,
    });
    let remove_empty = options == Some(1);
    let count = args.iter().skip(1).find_map(|a| match a {
        Value::Int(n) => Some((*n).max(0) as usize),
        _ => None,
    });
    let by_strings = options.is_some() && matches!(args.first(), Some(Value::Array(_)) if args[0].enumerate().iter().all(|v| matches!(v, Value::Str(_))));
    let max = count.unwrap_or(usize::MAX);
    let mut parts: Vec<String> = if by_strings {
        let seps: Vec<String> = args[0].enumerate().iter().map(to_string).filter(|x| !x.is_empty()).collect();
        split_on(s, max, remove_empty, |rest| seps.iter().filter(|sep| rest.starts_with(sep.as_str())).map(|sep| sep.len()).max())
    } else {
        let seps: Vec<char> = args.first().map(|v| v.enumerate().iter().flat_map(|x| to_string(x).chars().collect::<Vec<_>>()).collect()).unwrap_or_default();
        let is_sep = |c: char| if seps.is_empty() { c.is_whitespace() } else { seps.contains(&c) };
        split_on(s, max, remove_empty, |rest| rest.chars().next().filter(|c| is_sep(*c)).map(char::len_utf8))
    };
    if remove_empty {
        parts.retain(|p| !p.is_empty());
    }
    Value::array(parts.into_iter().map(Value::str).collect())
}

/// Cuts `s` where `sep_at` finds a separator (its length in bytes), into at most `max` parts:
/// the last part keeps the rest of the string, separators and all. Empty parts do not count
/// toward `max` when they are to be removed.
fn split_on(s: &str, max: usize, remove_empty: bool, sep_at: impl Fn(&str) -> Option<usize>) -> Vec<String> {
    let mut parts = Vec::new();
    if max == 0 {
        return parts;
    }
    let (mut start, mut i) = (0, 0);
    while i < s.len() {
        let kept = parts.iter().filter(|p: &&String| !(remove_empty && p.is_empty())).count();
        if kept + 1 >= max {
            break;
        }
        match sep_at(&s[i..]) {
            Some(len) if len > 0 => {
                parts.push(s[start..i].to_string());
                i += len;
                start = i;
            }
            _ => i += s[i..].chars().next().map(char::len_utf8).unwrap_or(1),
        }
    }
    parts.push(s[start..].to_string());
    parts
}

/// Culture-sensitive comparison as en-US orders text: case-insensitively first, then lower
/// case before upper; -1, 0 or 1.
pub fn culture_compare(a: &str, b: &str, ignore_case: bool) -> i32 {
    let folded = a.to_lowercase().cmp(&b.to_lowercase());
    let o = if ignore_case { folded } else { folded.then_with(|| b.cmp(a)) };
    o as i32
}

/// `[string]::Join/Concat/Format/Compare/Equals/IsNullOrEmpty/IsNullOrWhiteSpace`.
pub fn string_static(lower: &str, name: &str, args: &[Value]) -> Option<Result<Value, ErrorRecord>> {
    let a = |i: usize| arg_str(args, i);
    Some(Ok(match (lower, args.len()) {
        ("isnullorempty", 1) => Value::Bool(args[0].is_null() || a(0).is_empty()),
        ("isnullorwhitespace", 1) => Value::Bool(args[0].is_null() || a(0).trim().is_empty()),
        ("join", n) if n >= 2 => {
            // Join(sep, array) joins the array; Join(sep, a, b, …) the arguments.
            let items: Vec<String> = args[1..].iter().flat_map(|v| if n == 2 { v.enumerate() } else { vec![v.clone()] }).map(|v| to_string(&v)).collect();
            match limits::join(items, &a(0)) {
                Ok(s) => Value::str(s),
                Err(rec) => return Some(Err(rec)),
            }
        }
        ("concat", _) => {
            let items: Vec<Value> = if args.len() == 1 { args[0].enumerate() } else { args.to_vec() };
            match limits::join(items.iter().map(to_string), "") {
                Ok(s) => Value::str(s),
                Err(rec) => return Some(Err(rec)),
            }
        }
        ("format", n) if n >= 1 => {
            let rest: Vec<Value> = if n == 2 { args[1].enumerate() } else { args[1..].to_vec() };
            return Some(crate::engine::ops::format(&a(0), &rest));
        }
        ("compare", 2) => Value::Int(culture_compare(&a(0), &a(1), false)),
        ("compare", 3) => Value::Int(match &args[2] {
            Value::Bool(ignore) => culture_compare(&a(0), &a(1), *ignore),
            _ if is_ordinal(&args[2]) => ordinal_compare(&a(0), &a(1), ignores_case(args)),
            _ => culture_compare(&a(0), &a(1), ignores_case(args)),
        }),
        ("compareordinal", 2) => Value::Int(ordinal_compare(&a(0), &a(1), false)),
        ("equals", 2) => Value::Bool(matches!((&args[0], &args[1]), (Value::Null, Value::Null)) || (!args[0].is_null() && !args[1].is_null() && a(0) == a(1))),
        ("equals", 3) => Value::Bool(if ignores_case(args) { a(0).to_lowercase() == a(1).to_lowercase() } else { a(0) == a(1) }),
        ("isnullorempty" | "isnullorwhitespace" | "join" | "format" | "compare" | "compareordinal" | "equals", n) => return Some(Err(arg_count(name, n))),
        _ => return None,
    }))
}

fn is_ordinal(v: &Value) -> bool {
    match v {
        Value::Enum(e) => e.name.starts_with("Ordinal"),
        Value::Str(s) => s.to_ascii_lowercase().starts_with("ordinal"),
        _ => false,
    }
}

/// Ordinal comparison as .NET answers it: the difference of the first UTF-16 units that
/// differ (upper-cased when ignoring case), else of the lengths.
fn ordinal_compare(a: &str, b: &str, ignore_case: bool) -> i32 {
    let units = |s: &str| -> Vec<u16> {
        if ignore_case {
            s.to_uppercase().encode_utf16().collect()
        } else {
            s.encode_utf16().collect()
        }
    };
    let (x, y) = (units(a), units(b));
    match x.iter().zip(&y).find(|(p, q)| p != q) {
        Some((p, q)) => i32::from(*p) - i32::from(*q),
        None => x.len() as i32 - y.len() as i32,
    }
}

/// `[char]::IsDigit('5')` and the other character tests, with `(string, index)` overloads;
/// `ToUpper`/`ToLower`. The argument converts to a char as 5.1 converts it.
pub fn char_static(lower: &str, name: &str, args: &[Value]) -> Option<Result<Value, ErrorRecord>> {
    let test: fn(char) -> bool = match lower {
        "isdigit" => |c| c.is_ascii_digit(),
        "isletter" => char::is_alphabetic,
        "isletterordigit" => char::is_alphanumeric,
        "iswhitespace" => char::is_whitespace,
        "isupper" => char::is_uppercase,
        "islower" => char::is_lowercase,
        "isnumber" => char::is_numeric,
        "iscontrol" => char::is_control,
        "ispunctuation" => |c| c.is_ascii_punctuation() && !"$+<=>^`|~".contains(c),
        "issymbol" => |c| "$+<=>^`|~".contains(c),
        "isseparator" => |c| c == ' ' || c == '\u{a0}',
        "toupper" | "tolower" => |_| false,
        _ => return None,
    };
    let char_arg = |v: &Value, param: &str| -> Result<char, ErrorRecord> {
        let char_type = TypeRef::of(TypeKind::Char);
        match convert(v, &char_type) {
            Ok(Value::Char(c)) => Ok(c),
            Ok(other) => Err(super::argument_error(param, &other, name, &char_type, "")),
            Err(inner) => Err(super::argument_error(param, v, name, &char_type, &inner)),
        }
    };
    Some(match (lower, args.len()) {
        ("toupper" | "tolower", 1) => char_arg(&args[0], "c").map(|c| {
            let mapped = if lower == "toupper" { c.to_uppercase().next() } else { c.to_lowercase().next() };
            Value::Char(mapped.unwrap_or(c))
        }),
        (_, 1) if lower.starts_with("is") => char_arg(&args[0], "c").map(|c| Value::Bool(test(c))),
        (_, 2) if lower.starts_with("is") => {
            let s: Vec<char> = to_string(&args[0]).chars().collect();
            match arg_int(args, 1).filter(|i| *i >= 0 && (*i as usize) < s.len()) {
                Some(i) => Ok(Value::Bool(test(s[i as usize]))),
                None => Err(method_error(
                    name,
                    args,
                    "Index was out of range. Must be non-negative and less than the size of the collection.\r\nParameter name: index",
                    "ArgumentOutOfRangeException",
                )),
            }
        }
        (_, n) => Err(arg_count(name, n)),
    })
}
