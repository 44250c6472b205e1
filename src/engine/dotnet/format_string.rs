//! .NET composite formatting (`-f`, `[string]::Format`, `AppendFormat`) and format strings
//! (`ToString('N2')`, `'{0:yyyy-MM-dd}'`): standard and custom numeric patterns rounded as
//! .NET Framework rounds (15 significant digits, then half away from zero), en-US currency,
//! and the standard and custom date patterns.

use chrono::Timelike;

use crate::engine::convert::{self, to_num, to_string};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::limits;
use crate::engine::ops::OpResult;
use crate::engine::value::Value;

/// .NET composite formatting: `{index[,alignment][:format]}` with `{{`/`}}` escapes.
pub fn format(fmt: &str, args: &[Value]) -> OpResult {
    let bad = || format_error(fmt, "Input string was not in a correct format.");
    let mut out = String::new();
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let mut spec = String::new();
                let mut closed = false;
                for n in chars.by_ref() {
                    if n == '}' {
                        closed = true;
                        break;
                    }
                    spec.push(n);
                }
                if !closed {
                    return Err(bad());
                }
                let (head, fmt_spec) = match spec.split_once(':') {
                    Some((h, f)) => (h, Some(f)),
                    None => (spec.as_str(), None),
                };
                let (index, align) = match head.split_once(',') {
                    Some((i, a)) => (i.trim(), Some(a.trim())),
                    None => (head.trim(), None),
                };
                let index: usize = index.parse().map_err(|_| bad())?;
                // .NET Framework's StringBuilder.AppendFormat refuses an alignment of a million or more.
                let align = match align.map(|a| a.parse::<i64>()) {
                    Some(Ok(w)) if w.unsigned_abs() >= 1_000_000 => return Err(bad()),
                    Some(Ok(w)) => Some(w),
                    Some(Err(_)) => return Err(bad()),
                    None => None,
                };
                let Some(arg) = args.get(index) else {
                    return Err(ErrorRecord::runtime(
                        "Error formatting a string: Index (zero based) must be greater than or equal to zero and less than the size of the argument list..",
                        "FormatError",
                        ErrorCategory::InvalidOperation,
                    )
                    .with_target(&Value::str(fmt)));
                };
                let text = match fmt_spec {
                    Some(f) => format_value(arg, f).map_err(|m| format_error(fmt, &m))?,
                    None => to_string(arg),
                };
                let pad = " ".repeat(align.map_or(0, |w| w.unsigned_abs() as usize).saturating_sub(text.chars().count()));
                match align {
                    Some(w) if w < 0 => out.extend([text.as_str(), &pad]),
                    _ => out.extend([pad.as_str(), &text]),
                }
                limits::check_string(out.len())?;
            }
            '}' => return Err(bad()),
            other => out.push(other),
        }
    }
    Ok(Value::str(out))
}

/// The -f operator's error, wrapping the .NET FormatException's message.
fn format_error(fmt: &str, message: &str) -> ErrorRecord {
    ErrorRecord::runtime(format!("Error formatting a string: {message}."), "FormatError", ErrorCategory::InvalidOperation).with_target(&Value::str(fmt))
}

/// The standard numeric and date format strings scripts use; `Err` holds the message of the
/// FormatException .NET Framework throws (a precision above 99).
pub fn format_value(v: &Value, spec: &str) -> Result<String, String> {
    if let Value::DateTime(d) = v {
        return Ok(format_date(d, spec));
    }
    let Some(n) = to_num(v).filter(|_| v.is_numeric() || matches!(v, Value::Str(_))) else {
        return Ok(to_string(v));
    };
    let mut chars = spec.chars();
    let kind = chars.next().unwrap_or('G');
    let rest = chars.as_str();
    let digits: Option<usize> = rest.parse().ok();
    let standard = matches!(kind.to_ascii_uppercase(), 'N' | 'F' | 'D' | 'X' | 'P' | 'E' | 'G' | 'C');
    if standard && !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) && digits.is_none_or(|d| d > 99) {
        return Err("Format specifier was invalid.".into());
    }
    let f = n.as_f64();
    Ok(match kind.to_ascii_uppercase() {
        'N' => group_thousands(&fixed(f, digits.unwrap_or(2))),
        'F' => fixed(f, digits.unwrap_or(2)),
        'C' => currency(f, digits.unwrap_or(2)),
        'R' if rest.is_empty() => round_trip(f),
        'D' => {
            let i = f as i64;
            let s = format!("{:0width$}", i.abs(), width = digits.unwrap_or(0));
            if i < 0 {
                format!("-{s}")
            } else {
                s
            }
        }
        'X' => {
            let s = format!("{:0width$X}", f as i64, width = digits.unwrap_or(0));
            if kind == 'x' {
                s.to_lowercase()
            } else {
                s
            }
        }
        'P' => format!("{} %", group_thousands(&fixed(f * 100.0, digits.unwrap_or(2)))),
        'E' => {
            let s = format!("{:.*e}", digits.unwrap_or(6), f);
            let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
            let e: i32 = e.parse().unwrap_or(0);
            format!("{m}{}{}{:03}", if kind == 'e' { 'e' } else { 'E' }, if e < 0 { '-' } else { '+' }, e.abs())
        }
        'G' => match digits {
            Some(p) if p > 0 => convert::format_general(f, p),
            _ => to_string(v),
        },
        _ => custom_number_format(f, spec),
    })
}

fn group_thousands(s: &str) -> String {
    let (neg, s) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    out.push_str(&grouped);
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// Custom patterns such as `0.00` or `#,##0`.
fn custom_number_format(f: f64, spec: &str) -> String {
    // More places than a double has digits only add zeros; the cap keeps Rust's formatter in range.
    let decimals = spec.split_once('.').map(|(_, d)| d.chars().filter(|c| *c == '0' || *c == '#').count()).unwrap_or(0).min(340);
    let min_int = spec.split('.').next().unwrap_or("").chars().filter(|c| *c == '0').count();
    let mut s = fixed(f, decimals);
    if let Some(frac_zeros) = spec.split_once('.').map(|(_, d)| d.chars().filter(|c| *c == '0').count()) {
        if let Some((i, d)) = s.clone().split_once('.') {
            let mut d = d.to_string();
            while d.len() > frac_zeros && d.ends_with('0') {
                d.pop();
            }
            s = if d.is_empty() { i.to_string() } else { format!("{i}.{d}") };
        }
    }
    let (int, rest) = match s.split_once('.') {
        Some((i, r)) => (i.to_string(), format!(".{r}")),
        None => (s.clone(), String::new()),
    };
    let int = if int.trim_start_matches('-').len() < min_int { format!("{:0>width$}", int, width = min_int) } else { int };
    let int = if int == "0" && min_int == 0 && !rest.is_empty() { String::new() } else { int };
    let out = format!("{int}{rest}");
    if spec.contains(',') {
        group_thousands(&out)
    } else {
        out
    }
}

fn format_date(d: &chrono::NaiveDateTime, spec: &str) -> String {
    let pattern = match spec {
        "d" => "%-m/%-d/%Y".to_string(),
        "D" => "%A, %B %-d, %Y".to_string(),
        "t" => "%-I:%M %p".to_string(),
        "T" => "%-I:%M:%S %p".to_string(),
        "s" => "%Y-%m-%dT%H:%M:%S".to_string(),
        // Seven digits of fraction: ticks, 100 ns each.
        "o" | "O" => format!("%Y-%m-%dT%H:%M:%S.{:07}", d.nanosecond() / 100),
        "r" | "R" => "%a, %d %b %Y %H:%M:%S GMT".to_string(),
        "m" | "M" => "%B %d".to_string(),
        "y" | "Y" => "%B %Y".to_string(),
        "f" => "%A, %B %-d, %Y %-I:%M %p".to_string(),
        "F" => "%A, %B %-d, %Y %-I:%M:%S %p".to_string(),
        "g" => "%-m/%-d/%Y %-I:%M %p".to_string(),
        "G" => "%-m/%-d/%Y %-I:%M:%S %p".to_string(),
        "u" => "%Y-%m-%d %H:%M:%SZ".to_string(),
        custom => dotnet_date_pattern(custom, d),
    };
    d.format(&pattern).to_string()
}

/// A .NET custom date pattern as chrono's, for reading dates (`ParseExact`).
pub fn chrono_pattern(spec: &str) -> String {
    dotnet_date_pattern(spec, &chrono::NaiveDateTime::default())
}

/// Translates .NET custom date tokens (yyyy, MM, dd, HH, mm, ss, tt, ...) to chrono's.
fn dotnet_date_pattern(spec: &str, d: &chrono::NaiveDateTime) -> String {
    let ticks = format!("{:07}", d.nanosecond() / 100);
    let tokens: [(&str, &str); 23] = [
        ("fffffff", &ticks),
        ("ffffff", &ticks[..6]),
        ("fffff", &ticks[..5]),
        ("yyyy", "%Y"),
        ("yy", "%y"),
        ("MMMM", "%B"),
        ("MMM", "%b"),
        ("MM", "%m"),
        ("M", "%-m"),
        ("dddd", "%A"),
        ("ddd", "%a"),
        ("dd", "%d"),
        ("d", "%-d"),
        ("HH", "%H"),
        ("H", "%-H"),
        ("hh", "%I"),
        ("h", "%-I"),
        ("mm", "%M"),
        ("m", "%-M"),
        ("ss", "%S"),
        ("s", "%-S"),
        ("tt", "%p"),
        ("fff", "%3f"),
    ];
    let mut out = String::new();
    let mut rest = spec;
    'outer: while !rest.is_empty() {
        for (t, c) in tokens.iter() {
            if rest.starts_with(t) {
                out.push_str(c);
                rest = &rest[t.len()..];
                continue 'outer;
            }
        }
        let ch = rest.chars().next().unwrap_or(' ');
        // 'text' and "text" are literal, as is the character after a backslash.
        if ch == '\'' || ch == '"' {
            let body = &rest[1..];
            let end = body.find(ch).unwrap_or(body.len());
            out.push_str(&body[..end].replace('%', "%%"));
            rest = body.get(end + 1..).unwrap_or("");
            continue;
        }
        if ch == '\\' {
            if let Some(next) = rest[1..].chars().next() {
                out.push_str(if next == '%' { "%%" } else { &rest[1..1 + next.len_utf8()] });
                rest = &rest[1 + next.len_utf8()..];
                continue;
            }
        }
        if ch == '%' {
            out.push_str("%%");
        } else {
            out.push(ch);
        }
        rest = &rest[ch.len_utf8()..];
    }
    out
}

/// `f` with `decimals` places, as .NET Framework formats a double: first to 15 significant
/// digits, then rounded half away from zero (`2.5` with no places is `3`, `1.005` with two is `1.01`).
pub fn fixed(f: f64, decimals: usize) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    let sci = format!("{:.14e}", f.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
    // The decimal point sits after `point` digits; keep the digits up to `decimals` places.
    let mut point = exp + 1;
    let keep = point + decimals as i64;
    if keep < 0 {
        digits.clear();
    } else if (keep as usize) < digits.len() {
        let round_up = digits[keep as usize] >= 5;
        digits.truncate(keep as usize);
        if round_up {
            let mut i = digits.len();
            loop {
                if i == 0 {
                    digits.insert(0, 1);
                    point += 1;
                    break;
                }
                i -= 1;
                if digits[i] == 9 {
                    digits[i] = 0;
                } else {
                    digits[i] += 1;
                    break;
                }
            }
        }
    }
    let digit = |i: i64| if i >= 0 && (i as usize) < digits.len() { (b'0' + digits[i as usize]) as char } else { '0' };
    let int: String = if point > 0 { (0..point).map(digit).collect() } else { "0".into() };
    let frac: String = (point..point + decimals as i64).map(digit).collect();
    let zero = digits.iter().all(|d| *d == 0);
    let sign = if f < 0.0 && !zero { "-" } else { "" };
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    if decimals == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

/// en-US currency: `$1,234.50`, negatives in parentheses (.NET Framework's pattern 0).
fn currency(f: f64, decimals: usize) -> String {
    let body = group_thousands(&fixed(f.abs(), decimals));
    if f < 0.0 && fixed(f, decimals).starts_with('-') {
        format!("(${body})")
    } else {
        format!("${body}")
    }
}

/// `R`: the shortest of 15 or 17 significant digits that reads back as the same double.
fn round_trip(f: f64) -> String {
    let g15 = convert::format_general(f, 15);
    if g15.parse::<f64>().ok() == Some(f) {
        g15
    } else {
        convert::format_general(f, 17)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_rounds_as_dotnet_framework() {
        assert_eq!(fixed(2.5, 0), "3");
        assert_eq!(fixed(0.5, 0), "1");
        assert_eq!(fixed(1.005, 2), "1.01");
        assert_eq!(fixed(-0.001, 2), "0.00");
        assert_eq!(fixed(999.996, 2), "1000.00");
        assert_eq!(fixed(1234.5, 1), "1234.5");
        assert_eq!(fixed(0.0001234, 5), "0.00012");
        assert_eq!(fixed(-2.5, 0), "-3");
    }

    #[test]
    fn standard_numeric_formats() {
        let f = |v: Value, spec: &str| format_value(&v, spec).unwrap();
        assert_eq!(f(Value::Int(5), "C"), "$5.00");
        assert_eq!(f(Value::Double(-1234.5), "C"), "($1,234.50)");
        assert_eq!(f(Value::Double(0.1), "R"), "0.1");
        assert_eq!(f(Value::Double(2.5), "N0"), "3");
        assert_eq!(f(Value::Double(0.1234), "P1"), "12.3 %");
    }
}
