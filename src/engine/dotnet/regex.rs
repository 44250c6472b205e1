//! `[regex]`: the class's statics, `[regex]'…'` instances and Match/Group objects, on the
//! `regex` crate. .NET syntax the crate lacks (lookaround, backreferences, atomic groups) is
//! refused with a clear error rather than matched differently.

use std::rc::Rc;

use regex::Regex;

use super::{arg_count, method_error, not_found};
use crate::engine::convert::{to_num, to_string};
use crate::engine::error::{ErrorRecord, EvalResult};
use crate::engine::runtime::Interp;
use crate::engine::types::EnumDef;
use crate::engine::value::{Native, PsObject, TypeRef, Value};
use crate::lang::ast::Span;

pub static REGEX_OPTIONS: EnumDef = EnumDef {
    full_name: "System.Text.RegularExpressions.RegexOptions",
    members: &[
        ("None", 0),
        ("IgnoreCase", 1),
        ("Multiline", 2),
        ("ExplicitCapture", 4),
        ("Compiled", 8),
        ("Singleline", 16),
        ("IgnorePatternWhitespace", 32),
        ("RightToLeft", 64),
        ("ECMAScript", 256),
        ("CultureInvariant", 512),
    ],
};

const MATCH: &str = "System.Text.RegularExpressions.Match";
const GROUP: &str = "System.Text.RegularExpressions.Group";
const CAPTURE: &str = "System.Text.RegularExpressions.Capture";

/// A compiled `[regex]` object: the pattern as written, its options and the crate's regex.
#[derive(Debug)]
pub struct RegexObj {
    pub pattern: String,
    pub options: i64,
    pub re: Regex,
}

/// The options of an argument: a RegexOptions value, a number, or names (`'IgnoreCase, Multiline'`).
fn options_of(v: &Value) -> i64 {
    match v {
        Value::Enum(e) => e.value,
        Value::Str(s) => s.split(',').filter_map(|n| REGEX_OPTIONS.parse(n.trim())).map(|(_, v)| v).fold(0, |a, b| a | b),
        other => to_num(other).map(|n| n.as_f64() as i64).unwrap_or(0),
    }
}

/// The construct of .NET's syntax the regex crate cannot run, if the pattern uses one.
fn unsupported(pattern: &str) -> Option<&'static str> {
    let b = pattern.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => {
                match b.get(i + 1) {
                    Some(b'1'..=b'9') => return Some("backreferences (\\1)"),
                    Some(b'k') if b.get(i + 2) == Some(&b'<') => return Some("named backreferences (\\k<name>)"),
                    _ => {}
                }
                i += 2;
                continue;
            }
            b'(' if b.get(i + 1) == Some(&b'?') => match (b.get(i + 2), b.get(i + 3)) {
                (Some(b'='), _) | (Some(b'!'), _) => return Some("lookahead ((?=...), (?!...))"),
                (Some(b'<'), Some(b'=' | b'!')) => return Some("lookbehind ((?<=...), (?<!...))"),
                (Some(b'>'), _) => return Some("atomic groups ((?>...))"),
                _ => {}
            },
            _ => {}
        }
        i += 1;
    }
    None
}

/// Compiles a .NET pattern with its options, or .NET's `parsing "…" - …` complaint.
pub fn compile(pattern: &str, options: i64) -> Result<RegexObj, String> {
    if let Some(what) = unsupported(pattern) {
        return Err(format!("parsing \"{pattern}\" - ersim's regular expressions do not support {what}."));
    }
    let mut flags = String::new();
    for (bit, f) in [(1, 'i'), (2, 'm'), (16, 's'), (32, 'x')] {
        if options & bit != 0 {
            flags.push(f);
        }
    }
    let src = if flags.is_empty() { pattern.to_string() } else { format!("(?{flags}){pattern}") };
    let re = Regex::new(&src).map_err(|e| {
        let reason = e.to_string();
        let last = reason.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").trim().trim_start_matches("error: ").to_string();
        // .NET's words for the mistakes scripts make most; the crate's otherwise.
        let text = match last.as_str() {
            "unclosed group" => "Not enough )'s.".to_string(),
            "unopened group" => "Too many )'s.".to_string(),
            "unclosed character class" => "Unterminated [] set.".to_string(),
            "repetition operator missing expression" => "Quantifier {x,y} following nothing.".to_string(),
            "incomplete escape sequence, reached end of pattern prematurely" => "Illegal \\ at end of pattern.".to_string(),
            _ => last,
        };
        format!("parsing \"{pattern}\" - {text}")
    })?;
    Ok(RegexObj { pattern: pattern.to_string(), options, re })
}

pub fn regex_value(r: RegexObj) -> Value {
    Value::Native(Rc::new(Native::Regex(Box::new(r))))
}

/// The Match objects of `r` in `text`: every match, or only the first (none when it fails).
pub fn match_objects(r: &RegexObj, text: &str, all: bool) -> Vec<Value> {
    if all {
        r.re.captures_iter(text).map(|c| match_object(r, text, Some(&c))).collect()
    } else {
        r.re.captures(text).map(|c| match_object(r, text, Some(&c))).into_iter().collect()
    }
}

/// The Match object for one match (or a failed one): Groups, Success, Name, Captures, Index,
/// Length, Value, in .NET Framework 4.8's property order.
fn match_object(r: &RegexObj, text: &str, caps: Option<&regex::Captures>) -> Value {
    let char_index = |byte: usize| text[..byte].chars().count() as i32;
    let group = |type_name: &str, name: &str, m: Option<regex::Match>, with_groups: Option<Vec<Value>>| {
        let mut o = PsObject::typed(type_name);
        let (index, value) = m.map(|m| (char_index(m.start()), m.as_str().to_string())).unwrap_or((0, String::new()));
        let len = value.chars().count() as i32;
        let mut capture = PsObject::typed(CAPTURE);
        capture.add_typed("Index", "int", Value::Int(index));
        capture.add_typed("Length", "int", Value::Int(len));
        capture.add_typed("Value", "string", Value::str(&value));
        let captures = if m.is_some() { vec![Value::object(capture)] } else { Vec::new() };
        if let Some(g) = with_groups {
            o.add_typed("Groups", "System.Text.RegularExpressions.GroupCollection", Value::array(g));
        }
        o.add_typed("Success", "bool", Value::Bool(m.is_some()));
        o.add_typed("Name", "string", Value::str(name));
        o.add_typed("Captures", "System.Text.RegularExpressions.CaptureCollection", Value::array(captures));
        o.add_typed("Index", "int", Value::Int(index));
        o.add_typed("Length", "int", Value::Int(len));
        o.add_typed("Value", "string", Value::str(value));
        Value::object(o)
    };
    let names = group_names(&r.re);
    let groups: Vec<Value> = dotnet_order(&r.re).iter().zip(&names).map(|(i, n)| group(GROUP, n, caps.and_then(|c| c.get(*i)), None)).collect();
    group(MATCH, "0", caps.and_then(|c| c.get(0)), Some(groups))
}

/// The crate's group numbers in .NET's order: the whole match, the unnamed groups, then the
/// named ones (.NET numbers named groups after all the unnamed).
fn dotnet_order(re: &Regex) -> Vec<usize> {
    let names: Vec<Option<&str>> = re.capture_names().collect();
    let unnamed = (0..names.len()).filter(|i| names[*i].is_none());
    let named = (0..names.len()).filter(|i| names[*i].is_some());
    unnamed.chain(named).collect()
}

/// Each group's name in .NET's order: its number, or the name it was given.
fn group_names(re: &Regex) -> Vec<String> {
    let names: Vec<Option<&str>> = re.capture_names().collect();
    dotnet_order(re).iter().enumerate().map(|(n, i)| names[*i].map(str::to_string).unwrap_or_else(|| n.to_string())).collect()
}

/// .NET's replacement syntax: `$1`, `${name}`, `$0`/`$&`, `` $` ``, `$'`, `$+`, `$_`, `$$`;
/// anything else after `$` is literal.
fn expand(rep: &str, caps: &regex::Captures, order: &[usize], text: &str) -> String {
    let numbered = |n: usize| order.get(n).and_then(|i| caps.get(*i));
    let mut out = String::new();
    let chars: Vec<char> = rep.chars().collect();
    let mut i = 0;
    let group = |g: Option<regex::Match>| g.map(|m| m.as_str().to_string()).unwrap_or_default();
    while i < chars.len() {
        if chars[i] != '$' || i + 1 >= chars.len() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let next = chars[i + 1];
        match next {
            '$' => {
                out.push('$');
                i += 2;
            }
            '&' => {
                out.push_str(&group(caps.get(0)));
                i += 2;
            }
            '`' => {
                out.push_str(&text[..caps.get(0).map(|m| m.start()).unwrap_or(0)]);
                i += 2;
            }
            '\'' => {
                out.push_str(&text[caps.get(0).map(|m| m.end()).unwrap_or(0)..]);
                i += 2;
            }
            '_' => {
                out.push_str(text);
                i += 2;
            }
            '+' => {
                out.push_str(&group(order.last().filter(|i| **i != 0).and_then(|i| caps.get(*i))));
                i += 2;
            }
            '{' => match chars[i + 2..].iter().position(|c| *c == '}') {
                Some(end) => {
                    let name: String = chars[i + 2..i + 2 + end].iter().collect();
                    let g = match name.parse::<usize>() {
                        Ok(n) => numbered(n),
                        Err(_) => caps.name(&name),
                    };
                    match g {
                        Some(m) => out.push_str(m.as_str()),
                        None => out.push_str(&format!("${{{name}}}")),
                    }
                    i += 3 + end;
                }
                None => {
                    out.push('$');
                    i += 1;
                }
            },
            d if d.is_ascii_digit() => {
                // The longest run of digits that names a group, as .NET reads `$10`.
                let run: String = chars[i + 1..].iter().take_while(|c| c.is_ascii_digit()).collect();
                let take = (1..=run.len()).rev().find(|n| run[..*n].parse::<usize>().is_ok_and(|g| g < caps.len()));
                match take {
                    Some(n) => {
                        out.push_str(&group(numbered(run[..n].parse().unwrap_or(0))));
                        i += 1 + n;
                    }
                    None => {
                        out.push('$');
                        i += 1;
                    }
                }
            }
            _ => {
                out.push('$');
                i += 1;
            }
        }
    }
    out
}

impl Interp {
    /// `Replace` with a replacement string or a script block (the MatchEvaluator, given each Match).
    fn regex_replace(&mut self, r: &RegexObj, text: &str, replacement: &Value) -> EvalResult<Value> {
        let mut out = String::new();
        let mut last = 0;
        for caps in r.re.captures_iter(text) {
            let Some(m) = caps.get(0) else { continue };
            out.push_str(&text[last..m.start()]);
            match replacement {
                Value::ScriptBlock(sb) => {
                    let mo = match_object(r, text, Some(&caps));
                    let got = self.capture(|me, emit| me.call_block(sb, vec![mo.clone()], Some(mo.clone()), emit))?;
                    out.push_str(&to_string(&crate::engine::value::collapse(got)));
                }
                other => out.push_str(&expand(&to_string(other), &caps, &dotnet_order(&r.re), text)),
            }
            last = m.end();
        }
        out.push_str(&text[last..]);
        Ok(Value::str(out))
    }

    /// A method of a `[regex]` object (`Match`, `Matches`, `IsMatch`, `Replace`, `Split`…).
    pub fn regex_method(&mut self, target: &Value, r: &RegexObj, lower: &str, name: &str, args: &[Value], span: Span) -> EvalResult<Value> {
        let text = args.first().map(to_string).unwrap_or_default();
        let start = args.get(1).and_then(to_num).map(|n| n.as_f64().max(0.0) as usize);
        let from = |start: Option<usize>| text.char_indices().nth(start.unwrap_or(0)).map(|(b, _)| b).unwrap_or(text.len());
        let v = match (lower, args.len()) {
            ("ismatch", 1 | 2) => Value::Bool(r.re.is_match_at(&text, from(start))),
            ("match", 1 | 2) => match_object(r, &text, r.re.captures_at(&text, from(start)).as_ref()),
            ("matches", 1 | 2) => {
                let at = from(start);
                Value::array(r.re.captures_iter(&text[at..]).map(|c| match_object(r, &text[at..], Some(&c))).collect())
            }
            ("replace", 2) => return self.regex_replace(r, &text, &args[1]),
            ("split", 1) => Value::array(r.re.split(&text).map(Value::str).collect()),
            ("split", 2) => {
                let n = start.unwrap_or(0);
                Value::array(if n == 0 { r.re.split(&text).map(Value::str).collect() } else { r.re.splitn(&text, n).map(Value::str).collect() })
            }
            ("getgroupnames", 0) => Value::array(group_names(&r.re).into_iter().map(Value::str).collect()),
            ("tostring", 0) => Value::str(&r.pattern),
            ("ismatch" | "match" | "matches" | "replace" | "split", n) => return Err(self.located(arg_count(name, n), span)),
            _ => return Err(self.located(not_found(target, name), span)),
        };
        Ok(v)
    }

    /// `[regex]::Match(text, pattern[, options])` and the class's other statics.
    pub fn regex_static(&mut self, lower: &str, name: &str, args: &[Value], span: Span) -> Option<EvalResult<Value>> {
        let fail = |me: &Interp, inner: &str| Some(Err(me.located(method_error(name, args, inner, "ArgumentException"), span)));
        match (lower, args.len()) {
            ("escape", 1) => return Some(Ok(Value::str(escape(&to_string(&args[0]))))),
            ("unescape", 1) => return Some(Ok(Value::str(unescape(&to_string(&args[0]))))),
            _ => {}
        }
        let (pattern_at, extra) = match lower {
            "ismatch" | "match" | "matches" | "split" => (1, args.len().checked_sub(2)),
            "replace" => (1, args.len().checked_sub(3)),
            _ => return None,
        };
        let Some(extra @ 0..=1) = extra else {
            return Some(Err(self.located(arg_count(name, args.len()), span)));
        };
        let options = if extra == 1 { options_of(&args[args.len() - 1]) } else { 0 };
        let r = match compile(&to_string(&args[pattern_at]), options) {
            Ok(r) => r,
            Err(inner) => return fail(self, &inner),
        };
        let mut rest: Vec<Value> = vec![args[0].clone()];
        if lower == "replace" {
            rest.push(args[2].clone());
        }
        let target = Value::Null;
        Some(self.regex_method(&target, &r, lower, name, &rest, span))
    }
}

/// `[regex]::Escape`: .NET escapes `\*+?|{[()^$.#` and white space.
pub fn escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\\' | '*' | '+' | '?' | '|' | '{' | '[' | '(' | ')' | '^' | '$' | '.' | '#' | ' ' => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\u{c}' => out.push_str("\\f"),
            other => out.push(other),
        }
    }
    out
}

/// `[regex]::Unescape`: the escapes back to their characters.
pub fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('f') => out.push('\u{c}'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// `[regex]'…'` and `New-Object regex (pattern[, options])`.
pub fn construct(ty: &TypeRef, args: &[Value]) -> Option<Result<Value, ErrorRecord>> {
    if ty.kind != crate::engine::value::TypeKind::Regex || ty.is_array {
        return None;
    }
    let (pattern, options) = match args {
        [p] => (to_string(p), 0),
        [p, o] => (to_string(p), options_of(o)),
        _ => return Some(Err(arg_count("new", args.len()))),
    };
    Some(compile(&pattern, options).map(regex_value).map_err(|inner| method_error(".ctor", args, &inner, "ArgumentException")))
}

/// The error a failed `[regex]` cast reports.
pub fn cast_error(pattern: &str, inner: &str) -> String {
    format!("Cannot convert value \"{pattern}\" to type \"System.Text.RegularExpressions.Regex\". Error: \"{inner}\"")
}

pub fn options_value(r: &RegexObj) -> Value {
    let names: Vec<&str> = REGEX_OPTIONS.members.iter().filter(|(_, v)| *v != 0 && r.options & v != 0).map(|(n, _)| *n).collect();
    let name = if names.is_empty() { "None".to_string() } else { names.join(", ") };
    Value::enum_value(REGEX_OPTIONS.full_name, &name, r.options)
}

/// A Match, Group or Capture converts to its `Value`, as .NET's ToString gives it.
pub fn is_match_part(type_name: &str) -> bool {
    matches!(type_name, MATCH | GROUP | CAPTURE)
}

/// `$m.Groups['name']`: a group of a match found by its name.
pub fn group_by_name(items: &[Value], key: &str) -> Option<Value> {
    items.iter().find(|g| matches!(g, Value::Object(o) if o.borrow().type_names.first().is_some_and(|t| t == GROUP) && o.borrow().get("Name").is_some_and(|n| to_string(n) == key))).cloned()
}

/// What Out-Default draws for a `[regex]` object.
pub fn display(r: &RegexObj) -> Value {
    let mut o = PsObject::typed("System.Text.RegularExpressions.Regex");
    o.add_typed("Options", "System.Text.RegularExpressions.RegexOptions", options_value(r));
    o.add_typed("RightToLeft", "bool", Value::Bool(r.options & 64 != 0));
    // .NET's InfiniteMatchTimeout is -1 ms.
    o.add_typed("MatchTimeout", "timespan", Value::TimeSpan(-10_000));
    Value::object(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_number_as_dotnet_numbers_them() {
        let r = compile(r"(?<y>\d+)-(\d+)", 0).unwrap();
        assert_eq!(group_names(&r.re), vec!["0", "1", "y"]);
        let caps = r.re.captures("12-34").unwrap();
        assert_eq!(expand("$1/${y}/$0/$$/$9", &caps, &dotnet_order(&r.re), "12-34"), "34/12/12-34/$/$9");
    }

    #[test]
    fn unsupported_syntax_is_refused_not_mismatched() {
        assert!(compile("a(?=b)", 0).unwrap_err().contains("lookahead"));
        assert!(compile(r"(a)\1", 0).unwrap_err().contains("backreferences"));
        assert_eq!(compile("(", 0).unwrap_err(), "parsing \"(\" - Not enough )'s.");
        assert!(compile(r"\(x\)", 0).is_ok());
    }

    #[test]
    fn escape_and_unescape_are_inverse() {
        assert_eq!(escape("a.b c#"), r"a\.b\ c\#");
        assert_eq!(unescape(&escape("x*(y)\t")), "x*(y)\t");
    }
}
