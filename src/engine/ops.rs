//! Operator semantics on values: arithmetic, comparison (with the right-hand side
//! converted to the left-hand type), wildcards, regular expressions and `-f`.

use std::cmp::Ordering;

use regex::Regex;

use super::convert::{self, to_num, to_string, Num};
use super::error::{ErrorCategory, ErrorRecord};
use super::limits;
use super::value::{Hashtable, Value};

pub type OpResult = Result<Value, ErrorRecord>;

fn divide_by_zero() -> ErrorRecord {
    let mut rec = ErrorRecord::runtime("Attempted to divide by zero.", "RuntimeException", ErrorCategory::NotSpecified);
    rec.inner_exception = Some("System.DivideByZeroException".into());
    rec
}

fn op_error(message: String, id: &str) -> ErrorRecord {
    ErrorRecord::runtime(message, id, ErrorCategory::InvalidOperation)
}

fn num_value(n: Num) -> Value {
    match n {
        Num::I(i) => match i32::try_from(i) {
            Ok(v) => Value::Int(v),
            Err(_) => Value::Long(i),
        },
        Num::U(u) => Value::ULong(u),
        Num::F(f) => Value::Double(f),
    }
}

/// Keeps the wider integer type of the operands, as PowerShell's binder does.
fn int_result(a: &Value, b: &Value, v: i128) -> Value {
    let wide = matches!(a, Value::Long(_)) || matches!(b, Value::Long(_));
    let unsigned = matches!(a, Value::UInt(_)) && matches!(b, Value::UInt(_) | Value::Int(_));
    if unsigned && v >= 0 && v <= u32::MAX as i128 {
        return Value::UInt(v as u32);
    }
    if !wide {
        if let Ok(i) = i32::try_from(v) {
            return Value::Int(i);
        }
    }
    match i64::try_from(v) {
        Ok(i) if wide => Value::Long(i),
        // An Int32 overflow widens to Double.
        _ => Value::Double(v as f64),
    }
}

fn arith_operands(a: &Value, b: &Value, op: &str) -> Result<(Num, Num), ErrorRecord> {
    let na = to_num(a);
    let nb = to_num(b);
    match (na, nb) {
        (Some(x), Some(y)) => Ok((x, y)),
        _ => {
            let bad = if na.is_none() { a } else { b };
            if let Value::Str(s) = bad {
                return Err(ErrorRecord::runtime(
                    format!("Cannot convert value \"{s}\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\""),
                    "InvalidCastFromStringToInteger",
                    ErrorCategory::InvalidArgument,
                ));
            }
            Err(op_error(format!("Method invocation failed because [{}] does not contain a method named '{}'.", bad.type_name(), op), "MethodNotFound"))
        }
    }
}

fn is_float(a: &Value, b: &Value, na: Num, nb: Num) -> bool {
    matches!(na, Num::F(_)) || matches!(nb, Num::F(_)) || matches!(a, Value::Double(_)) || matches!(b, Value::Double(_))
}

pub fn add(a: &Value, b: &Value) -> OpResult {
    match a {
        Value::Null => Ok(b.clone()),
        Value::Str(_) | Value::Char(_) => {
            let (a, b) = (to_string(a), to_string(b));
            limits::check_string(a.len() + b.len())?;
            Ok(Value::str(a + &b))
        }
        Value::Array(arr) => {
            limits::check_elements(arr.borrow().len() + b.enumerate().len())?;
            let mut items = arr.borrow().clone();
            items.extend(b.enumerate());
            if matches!(b, Value::Null) {
                items.push(Value::Null);
            }
            Ok(Value::array(items))
        }
        Value::Hashtable(h) => {
            let Value::Hashtable(other) = b else {
                return Err(op_error("A hash table can only be added to another hash table.".into(), "AddHashTableToNonHashTable"));
            };
            let mut out = Hashtable::new(h.borrow().ordered);
            for (k, v) in h.borrow().iter() {
                out.insert(k.clone(), v.clone());
            }
            for (k, v) in other.borrow().iter() {
                if out.contains(k) {
                    return Err(op_error(
                        format!("Item has already been added. Key in dictionary: '{}'  Key being added: '{}'", to_string(k), to_string(k)),
                        "DuplicateKeyInHashLiteral",
                    ));
                }
                out.insert(k.clone(), v.clone());
            }
            Ok(Value::hashtable(out))
        }
        Value::DateTime(d) => match b {
            Value::TimeSpan(t) => Ok(Value::DateTime(*d + chrono::Duration::microseconds(t / 10))),
            other => match to_num(other) {
                Some(n) => Ok(Value::DateTime(*d + chrono::Duration::microseconds((n.as_f64() / 10.0) as i64))),
                None => {
                    Err(op_error("Method invocation failed because [System.DateTime] does not contain a method named 'op_Addition'.".into(), "MethodNotFound"))
                }
            },
        },
        Value::TimeSpan(t) => match b {
            Value::TimeSpan(u) => Ok(Value::TimeSpan(t + u)),
            _ => Err(op_error("Method invocation failed because [System.TimeSpan] does not contain a method named 'op_Addition'.".into(), "MethodNotFound")),
        },
        _ => {
            let (x, y) = arith_operands(a, b, "op_Addition")?;
            if is_float(a, b, x, y) {
                return Ok(Value::Double(x.as_f64() + y.as_f64()));
            }
            Ok(int_result(a, b, as_i128(x) + as_i128(y)))
        }
    }
}

fn as_i128(n: Num) -> i128 {
    match n {
        Num::I(i) => i as i128,
        Num::U(u) => u as i128,
        Num::F(f) => f as i128,
    }
}

pub fn sub(a: &Value, b: &Value) -> OpResult {
    if let (Value::DateTime(x), Value::DateTime(y)) = (a, b) {
        return Ok(Value::TimeSpan((*x - *y).num_microseconds().unwrap_or(0) * 10));
    }
    if let (Value::DateTime(x), Value::TimeSpan(t)) = (a, b) {
        return Ok(Value::DateTime(*x - chrono::Duration::microseconds(t / 10)));
    }
    if let (Value::TimeSpan(x), Value::TimeSpan(y)) = (a, b) {
        return Ok(Value::TimeSpan(x - y));
    }
    let (x, y) = arith_operands(a, b, "op_Subtraction")?;
    if is_float(a, b, x, y) {
        return Ok(Value::Double(x.as_f64() - y.as_f64()));
    }
    Ok(int_result(a, b, as_i128(x) - as_i128(y)))
}

pub fn mul(a: &Value, b: &Value) -> OpResult {
    match a {
        Value::Str(s) => {
            let n = to_num(b).map(as_i128).unwrap_or(0).max(0) as usize;
            limits::check_string(s.len().saturating_mul(n))?;
            Ok(Value::str(s.repeat(n)))
        }
        Value::Array(arr) => {
            let n = to_num(b).map(as_i128).unwrap_or(0).max(0) as usize;
            let items = arr.borrow();
            limits::check_elements(items.len().saturating_mul(n))?;
            let mut out = Vec::with_capacity(items.len() * n);
            for _ in 0..n {
                out.extend(items.iter().cloned());
            }
            Ok(Value::array(out))
        }
        _ => {
            let (x, y) = arith_operands(a, b, "op_Multiply")?;
            if is_float(a, b, x, y) {
                return Ok(Value::Double(x.as_f64() * y.as_f64()));
            }
            Ok(int_result(a, b, as_i128(x) * as_i128(y)))
        }
    }
}

pub fn div(a: &Value, b: &Value) -> OpResult {
    let (x, y) = arith_operands(a, b, "op_Division")?;
    if y.as_f64() == 0.0 && !is_float(a, b, x, y) {
        return Err(divide_by_zero());
    }
    if !is_float(a, b, x, y) {
        let (p, q) = (as_i128(x), as_i128(y));
        if p % q == 0 {
            return Ok(int_result(a, b, p / q));
        }
    }
    Ok(Value::Double(x.as_f64() / y.as_f64()))
}

pub fn rem(a: &Value, b: &Value) -> OpResult {
    let (x, y) = arith_operands(a, b, "op_Modulus")?;
    if is_float(a, b, x, y) {
        return Ok(Value::Double(x.as_f64() % y.as_f64()));
    }
    if as_i128(y) == 0 {
        return Err(divide_by_zero());
    }
    Ok(int_result(a, b, as_i128(x) % as_i128(y)))
}

pub fn negate(a: &Value) -> OpResult {
    match to_num(a) {
        Some(Num::F(f)) => Ok(Value::Double(-f)),
        Some(n) => Ok(int_result(a, &Value::Int(0), -as_i128(n))),
        None => {
            Err(op_error(format!("Method invocation failed because [{}] does not contain a method named 'op_UnaryNegation'.", a.type_name()), "MethodNotFound"))
        }
    }
}

pub fn bitwise(a: &Value, b: &Value, f: fn(i64, i64) -> i64) -> OpResult {
    let (x, y) = arith_operands(a, b, "op_BitwiseAnd")?;
    Ok(num_value(Num::I(f(as_i128(x) as i64, as_i128(y) as i64))))
}

// ------------------------------------------------------------------ comparison

fn str_cmp(a: &str, b: &str, cs: bool) -> Ordering {
    if cs {
        a.cmp(b)
    } else {
        a.to_lowercase().cmp(&b.to_lowercase())
    }
}

/// `-eq` between two scalars: the right side converted to the left side's type.
pub fn equals(a: &Value, b: &Value, cs: bool) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Null, _) | (_, Value::Null) => {
            // `'' -eq $null` is false; only null equals null.
            false
        }
        (Value::Str(x), _) => str_cmp(x, &to_string(b), cs) == Ordering::Equal,
        (Value::Object(_), _) if convert::version_key(a).is_some() => compare(a, b, cs) == Some(Ordering::Equal),
        (Value::Char(x), _) => str_cmp(&x.to_string(), &to_string(b), cs) == Ordering::Equal,
        (Value::Bool(x), _) => *x == convert::to_bool(b),
        (Value::Enum(e), _) => match b {
            Value::Str(s) => e.name.eq_ignore_ascii_case(s.trim()),
            Value::Enum(o) => e.value == o.value,
            other => to_num(other).map(|n| n.as_f64() == e.value as f64).unwrap_or(false),
        },
        (Value::Guid(g), _) => match b {
            Value::Guid(o) => g == o,
            Value::Str(s) => convert::parse_guid(s).is_some_and(|o| o == *g),
            _ => false,
        },
        (Value::DateTime(x), Value::DateTime(y)) => x == y,
        (Value::TimeSpan(x), Value::TimeSpan(y)) => x == y,
        _ if a.is_numeric() => match to_num(b) {
            Some(y) => num_eq(to_num(a).unwrap_or(Num::I(0)), y),
            None => false,
        },
        (Value::Object(_) | Value::Array(_) | Value::Hashtable(_) | Value::ScriptBlock(_) | Value::Error(_), _) => a.same_reference(b),
        (Value::Type(x), Value::Type(y)) => x == y,
        _ => str_cmp(&to_string(a), &to_string(b), cs) == Ordering::Equal,
    }
}

fn num_eq(x: Num, y: Num) -> bool {
    match (x, y) {
        (Num::I(a), Num::I(b)) => a == b,
        _ => x.as_f64() == y.as_f64(),
    }
}

/// Ordering for `-lt`/`-gt` and Sort-Object; `None` when the values do not compare.
pub fn compare(a: &Value, b: &Value, cs: bool) -> Option<Ordering> {
    match (a, b) {
        // The common case of sorting numbers, ahead of the general conversions.
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Null, Value::Null) => Some(Ordering::Equal),
        (Value::Object(_), _) if convert::version_key(a).is_some() => {
            // A version on the left converts the right to a version, as `-ge '5.0'` relies on.
            let right = convert::to_version(b).ok()?;
            Some(convert::version_key(a)?.cmp(&convert::version_key(&right)?))
        }
        (Value::Null, _) => Some(Ordering::Less),
        (_, Value::Null) => Some(Ordering::Greater),
        (Value::Str(x), _) => Some(str_cmp(x, &to_string(b), cs)),
        (Value::DateTime(x), Value::DateTime(y)) => Some(x.cmp(y)),
        (Value::DateTime(x), Value::Str(s)) => convert::parse_datetime(s).map(|y| x.cmp(&y)),
        (Value::TimeSpan(x), Value::TimeSpan(y)) => Some(x.cmp(y)),
        (Value::Enum(e), Value::Str(s)) => Some(e.name.to_lowercase().cmp(&s.to_lowercase())),
        (Value::Bool(x), _) => Some(x.cmp(&convert::to_bool(b))),
        _ => {
            let x = to_num(a)?;
            let y = to_num(b)?;
            match (x, y) {
                (Num::I(p), Num::I(q)) => Some(p.cmp(&q)),
                _ => x.as_f64().partial_cmp(&y.as_f64()),
            }
        }
    }
}

// ------------------------------------------------------------------ wildcards and regex

/// Translates a PowerShell wildcard pattern into an anchored regex.
pub fn wildcard_regex(pattern: &str, cs: bool) -> Regex {
    let mut re = String::from(if cs { "^" } else { "(?is)^" });
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' => re.push_str(".*"),
            '?' => re.push('.'),
            '`' => {
                if let Some(n) = chars.next() {
                    re.push_str(&regex::escape(&n.to_string()));
                }
            }
            '[' => {
                let mut class = String::new();
                let mut closed = false;
                for n in chars.by_ref() {
                    if n == ']' {
                        closed = true;
                        break;
                    }
                    if n == '\\' || n == '^' {
                        class.push('\\');
                    }
                    class.push(n);
                }
                if closed && !class.is_empty() {
                    re.push('[');
                    re.push_str(&class);
                    re.push(']');
                } else {
                    re.push_str(&regex::escape(&format!("[{class}")));
                }
            }
            other => re.push_str(&regex::escape(&other.to_string())),
        }
    }
    re.push('$');
    Regex::new(&re).unwrap_or_else(|_| Regex::new("^$").expect("empty regex compiles"))
}

pub fn like(value: &Value, pattern: &Value, cs: bool) -> bool {
    wildcard_regex(&to_string(pattern), cs).is_match(&to_string(value))
}

/// Compiles a .NET-style pattern, case-insensitive unless `cs`.
pub fn regex(pattern: &str, cs: bool) -> Result<Regex, ErrorRecord> {
    let src = if cs { pattern.to_string() } else { format!("(?i){pattern}") };
    Regex::new(&src).map_err(|e| {
        ErrorRecord::runtime(format!("The regular expression pattern {pattern} is not valid."), "InvalidRegularExpression", ErrorCategory::InvalidOperation)
            .with_target(&Value::str(e.to_string()))
    })
}

/// `-match` on a scalar: the outcome and the `$Matches` table when it matched.
pub fn match_scalar(value: &Value, pattern: &Value, cs: bool) -> Result<(bool, Option<Hashtable>), ErrorRecord> {
    let re = regex(&to_string(pattern), cs)?;
    let text = to_string(value);
    match re.captures(&text) {
        Some(caps) => {
            let mut table = Hashtable::new(false);
            for (i, name) in re.capture_names().enumerate() {
                if let Some(m) = caps.get(i) {
                    let key = match name {
                        Some(n) => Value::str(n),
                        None => Value::Int(i as i32),
                    };
                    table.insert(key, Value::str(m.as_str()));
                }
            }
            Ok((true, Some(table)))
        }
        None => Ok((false, None)),
    }
}

/// `-replace`: .NET substitutions (`$1`, `${name}`, `$$`, `$0`) map onto the regex crate's.
pub fn replace(value: &Value, pattern: &Value, replacement: &Value, cs: bool) -> OpResult {
    let re = regex(&to_string(pattern), cs)?;
    let rep = dotnet_substitutions(&to_string(replacement), re.captures_len());
    Ok(Value::str(re.replace_all(&to_string(value), rep.as_str())))
}

/// A .NET replacement string in the regex crate's syntax: `$1a` is group 1 then `a` in .NET
/// (the crate would read a group named `1a`), `$&` is the whole match; `${name}`, `$$` and
/// `$0` are the same in both. A `$` that starts no substitution, or names a group the
/// pattern does not have (`$5`), is literal in .NET.
fn dotnet_substitutions(rep: &str, groups: usize) -> String {
    let mut out = String::with_capacity(rep.len());
    let mut chars = rep.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '$' {
            out.push(c);
            continue;
        }
        match chars.peek().map(|&(_, n)| n) {
            Some('$') => {
                chars.next();
                out.push_str("$$");
            }
            Some('&') => {
                chars.next();
                out.push_str("${0}");
            }
            Some(d) if d.is_ascii_digit() => {
                // .NET takes the longest run of digits that names a group (`$12` with two
                // groups is group 1, then `2`).
                let run: String = rep[i + 1..].chars().take_while(char::is_ascii_digit).collect();
                let len = (1..=run.len()).rev().find(|&n| run[..n].parse::<usize>().is_ok_and(|g| g < groups));
                match len {
                    Some(n) => {
                        for _ in 0..n {
                            chars.next();
                        }
                        out.push_str(&format!("${{{}}}", &run[..n]));
                    }
                    None => out.push_str("$$"),
                }
            }
            Some('{') if rep[i..].find('}').is_some() => {
                let close = i + rep[i..].find('}').unwrap_or(0);
                out.push_str(&rep[i..=close]);
                while chars.peek().is_some_and(|&(j, _)| j <= close) {
                    chars.next();
                }
            }
            _ => out.push_str("$$"),
        }
    }
    out
}

pub fn split(value: &Value, pattern: Option<&Value>, limit: Option<usize>, cs: bool) -> OpResult {
    let text = to_string(value);
    let Some(pattern) = pattern else {
        // Unary -split: on runs of white space, leading and trailing space dropped.
        let parts: Vec<Value> = text.split_whitespace().map(Value::str).collect();
        return Ok(Value::array(parts));
    };
    let re = regex(&to_string(pattern), cs)?;
    let parts: Vec<Value> = match limit {
        Some(n) if n > 0 => re.splitn(&text, n).map(Value::str).collect(),
        _ => re.split(&text).map(Value::str).collect(),
    };
    Ok(Value::array(parts))
}

// ------------------------------------------------------------------ -f

/// `-f`, `[string]::Format` and `ToString(format)` share one .NET formatting module.
pub use super::dotnet::format_string::{format, format_value};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_by_component_and_convert_the_right_side() {
        let v = |s: &str| convert::to_version(&Value::str(s)).unwrap();
        assert_eq!(compare(&v("1.2.3"), &Value::str("1.2.10"), false), Some(Ordering::Less));
        assert_eq!(compare(&v("5.1.14393.206"), &Value::str("5.0"), false), Some(Ordering::Greater));
        // An absent component (-1) sorts before zero, as in .NET.
        assert_eq!(compare(&v("1.2"), &v("1.2.0"), false), Some(Ordering::Less));
        assert!(equals(&v("3.0"), &Value::str("3.0"), false));
        assert_eq!(to_string(&v("3.0")), "3.0");
        assert!(convert::to_version(&Value::str("1")).is_err());
        assert!(convert::to_version(&Value::str("1.-2")).is_err());
    }

    #[test]
    fn arithmetic_follows_powershell() {
        assert!(matches!(add(&Value::Int(1), &Value::Int(2)), Ok(Value::Int(3))));
        assert!(matches!(add(&Value::Int(i32::MAX), &Value::Int(1)), Ok(Value::Double(_))));
        assert!(matches!(div(&Value::Int(6), &Value::Int(3)), Ok(Value::Int(2))));
        assert!(matches!(div(&Value::Int(1), &Value::Int(2)), Ok(Value::Double(d)) if d == 0.5));
        assert_eq!(to_string(&add(&Value::str("a"), &Value::Int(1)).unwrap()), "a1");
        assert!(matches!(add(&Value::Int(1), &Value::str("2")), Ok(Value::Int(3))));
        assert_eq!(to_string(&mul(&Value::str("ab"), &Value::Int(3)).unwrap()), "ababab");
    }

    #[test]
    fn comparisons_convert_the_right_side() {
        assert!(equals(&Value::Int(1), &Value::str("1"), false));
        assert!(equals(&Value::str("ABC"), &Value::str("abc"), false));
        assert!(!equals(&Value::str("ABC"), &Value::str("abc"), true));
        assert!(!equals(&Value::str(""), &Value::Null, false));
        assert!(equals(&Value::UInt(200), &Value::Int(200), false));
        assert_eq!(compare(&Value::Int(2), &Value::str("10"), false), Some(Ordering::Less));
        assert_eq!(compare(&Value::str("2"), &Value::Int(10), false), Some(Ordering::Greater));
    }

    #[test]
    fn wildcards() {
        assert!(like(&Value::str("Equinix"), &Value::str("equ*"), false));
        assert!(!like(&Value::str("Equinix"), &Value::str("equ*"), true));
        assert!(like(&Value::str("a1"), &Value::str("[a-c]?"), false));
        assert!(!like(&Value::str("d1"), &Value::str("[a-c]?"), false));
    }

    #[test]
    fn composite_format() {
        let f = |s: &str, a: Vec<Value>| to_string(&format(s, &a).unwrap());
        assert_eq!(f("{0} and {1}", vec![Value::Int(1), Value::str("x")]), "1 and x");
        assert_eq!(f("{0,5}|{0,-5}|", vec![Value::Int(42)]), "   42|42   |");
        assert_eq!(f("{0:N2}", vec![Value::Double(1234.5)]), "1,234.50");
        assert_eq!(f("{0:D4}", vec![Value::Int(7)]), "0007");
        assert_eq!(f("{0:0.00}", vec![Value::Double(1.2345)]), "1.23");
        assert_eq!(f("{{literal}}", vec![]), "{literal}");
        assert!(format("{1}", &[Value::Int(1)]).is_err());
    }
}
