//! The binary `-split` in full, as 5.1's SplitOperator: a delimiter (a regular expression, a
//! plain string with SimpleMatch, or a script block), a maximum count, and the SplitOptions;
//! captured groups of the delimiter are kept, as .NET's Regex.Split keeps them.

use std::rc::Rc;

use regex::Regex;

use crate::lang::ast::{ScriptBlock, Span};

use super::convert::{self, to_string};
use super::error::{ErrorCategory, ErrorRecord, EvalResult};
use super::runtime::Interp;
use super::value::Value;

/// `System.Management.Automation.SplitOptions`, in the order 5.1 lists them.
const OPTION_NAMES: [&str; 8] =
    ["SimpleMatch", "RegexMatch", "CultureInvariant", "IgnorePatternWhitespace", "Multiline", "Singleline", "IgnoreCase", "ExplicitCapture"];

#[derive(Debug, Default, Clone, Copy)]
struct Options {
    simple: bool,
    ignore_whitespace: bool,
    multiline: bool,
    singleline: bool,
    ignore_case: bool,
    explicit_capture: bool,
}

impl Interp {
    /// `items -split right`: `right` is the delimiter, or `delimiter, max[, options]`.
    pub(super) fn split_operator(&mut self, items: Vec<Value>, right: &Value, case_sensitive: bool, span: Span) -> EvalResult<Value> {
        let parts = match right {
            Value::Array(a) => a.borrow().clone(),
            other => vec![other.clone()],
        };
        let delimiter = parts.first().cloned().unwrap_or(Value::Null);
        let max = match parts.get(1) {
            Some(v) => convert::to_num(v).map_or(0, |n| n.as_f64() as i64),
            None => 0,
        };
        let max = usize::try_from(max).unwrap_or(0);
        let options = match parts.get(2) {
            Some(v) => parse_options(v).map_err(|rec| self.located(rec, span))?,
            None => Options::default(),
        };
        let mut out = Vec::new();
        if let Value::ScriptBlock(sb) = &delimiter {
            for item in items {
                out.extend(self.split_by_block(&to_string(&item), sb, max)?);
            }
            return Ok(Value::array(out));
        }
        let re = delimiter_regex(&to_string(&delimiter), options, case_sensitive).map_err(|rec| self.located(rec, span))?;
        for item in items {
            out.extend(split_regex(&re, &to_string(&item), max, options.explicit_capture));
        }
        Ok(Value::array(out))
    }

    /// A script-block delimiter: each character for which the block is true (with `$_` the
    /// character) is a split point.
    fn split_by_block(&mut self, text: &str, sb: &Rc<ScriptBlock>, max: usize) -> EvalResult<Vec<Value>> {
        let mut out = Vec::new();
        let mut current = String::new();
        for c in text.chars() {
            if max == 0 || out.len() + 1 < max {
                let r = self.invoke_block_here(sb, Some(Value::Char(c)))?;
                if convert::to_bool(&r) {
                    out.push(Value::str(std::mem::take(&mut current)));
                    continue;
                }
            }
            current.push(c);
        }
        out.push(Value::str(current));
        Ok(out)
    }
}

fn parse_options(v: &Value) -> Result<Options, ErrorRecord> {
    let mut o = Options::default();
    let names: Vec<String> = match v {
        Value::Array(a) => a.borrow().iter().map(to_string).collect(),
        other => to_string(other).split(',').map(str::to_string).collect(),
    };
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        match OPTION_NAMES.iter().position(|o| o.eq_ignore_ascii_case(name)) {
            Some(0) => o.simple = true,
            Some(1) | Some(2) => {}
            Some(3) => o.ignore_whitespace = true,
            Some(4) => o.multiline = true,
            Some(5) => o.singleline = true,
            Some(6) => o.ignore_case = true,
            Some(_) => o.explicit_capture = true,
            None => {
                let text = to_string(v);
                return Err(ErrorRecord::new(
                    format!(
                        "Cannot convert value \"{text}\" to type \"System.Management.Automation.SplitOptions\". Error: \"Unable to match the identifier name {name} to a valid enumerator name. Specify one of the following enumerator names and try again:\n{}\"",
                        OPTION_NAMES.join(", ")
                    ),
                    "System.Management.Automation.PSInvalidCastException",
                    ErrorCategory::InvalidArgument,
                    "InvalidCastFromStringToEnum",
                ));
            }
        }
    }
    Ok(o)
}

/// The delimiter as a regular expression: escaped for SimpleMatch, with the options' flags;
/// `-split` ignores case unless it is `-csplit` (IgnoreCase wins over `-csplit`).
fn delimiter_regex(pattern: &str, o: Options, case_sensitive: bool) -> Result<Regex, ErrorRecord> {
    let body = if o.simple { regex::escape(pattern) } else { pattern.to_string() };
    let mut flags = String::new();
    if !case_sensitive || o.ignore_case {
        flags.push('i');
    }
    if !o.simple {
        for (on, f) in [(o.multiline, 'm'), (o.singleline, 's'), (o.ignore_whitespace, 'x')] {
            if on {
                flags.push(f);
            }
        }
    }
    let source = if flags.is_empty() { body } else { format!("(?{flags}){body}") };
    Regex::new(&source).map_err(|e| {
        ErrorRecord::runtime(format!("The regular expression pattern {pattern} is not valid."), "InvalidRegularExpression", ErrorCategory::InvalidOperation)
            .with_target(&Value::str(e.to_string()))
    })
}

/// Regex.Split(text, max): at most `max` pieces (0: all), each delimiter's captured groups
/// (those that took part; with ExplicitCapture only the named ones) between them.
fn split_regex(re: &Regex, text: &str, max: usize, explicit_capture: bool) -> Vec<Value> {
    let names: Vec<Option<&str>> = re.capture_names().collect();
    let mut out = Vec::new();
    let mut last = 0;
    let mut pieces = 1;
    for caps in re.captures_iter(text) {
        if max != 0 && pieces >= max {
            break;
        }
        let Some(m) = caps.get(0) else { continue };
        out.push(Value::str(&text[last..m.start()]));
        for (i, name) in names.iter().enumerate().skip(1) {
            if explicit_capture && name.is_none() {
                continue;
            }
            if let Some(g) = caps.get(i) {
                out.push(Value::str(g.as_str()));
            }
        }
        last = m.end();
        pieces += 1;
    }
    out.push(Value::str(&text[last..]));
    out
}
