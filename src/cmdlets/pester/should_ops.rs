//! The Should operators and their failure messages, worded as Pester 5 words them. Each
//! decides pass or fail; `-Not` flips the decision and picks the reversed message.

use std::cmp::Ordering;
use std::rc::Rc;

use crate::engine::command::Args;
use crate::engine::convert::{to_bool, to_num, to_string};
use crate::engine::dotnet::registry::{resolve, value_is};
use crate::engine::error::Flow;
use crate::engine::exceptions::derives_from;
use crate::engine::ops::{compare, equals, like, regex};
use crate::engine::value::{TypeRef, Value};
use crate::engine::{Ctx, EvalResult};

use super::nicely::{because, nicely, string_diff, type_name, type_of_value};

/// (operator, aliases, help).
pub const OPERATORS: &[(&str, &[&str], &str)] = &[
    ("Be", &["EQ"], "The value equals the expected one (strings compared ignoring case, collections item by item)."),
    ("BeExactly", &["CEQ"], "As -Be, with strings compared by case."),
    ("BeNullOrEmpty", &[], "The value is $null, an empty string or an empty collection."),
    ("BeTrue", &[], "The value is true as PowerShell converts it."),
    ("BeFalse", &[], "The value is false as PowerShell converts it."),
    ("Match", &[], "The value matches the regular expression, ignoring case."),
    ("MatchExactly", &["CMATCH"], "The value matches the regular expression, by case."),
    ("BeLike", &[], "The value matches the wildcard pattern, ignoring case."),
    ("BeLikeExactly", &[], "The value matches the wildcard pattern, by case."),
    ("BeOfType", &["HaveType"], "The value is of the type or derives from it."),
    ("HaveCount", &[], "The collection has that many items."),
    ("Contain", &[], "The collection holds the expected item."),
    ("BeIn", &[], "The value is one of the expected collection's items."),
    ("BeGreaterThan", &["GT"], "The value is greater than the expected one."),
    ("BeLessThan", &["LT"], "The value is less than the expected one."),
    ("BeGreaterOrEqual", &["GE"], "The value is greater than or equal to the expected one."),
    ("BeLessOrEqual", &["LE"], "The value is less than or equal to the expected one."),
    ("Exist", &[], "The path exists."),
    ("FileContentMatch", &[], "A line of the file matches the regular expression, ignoring case."),
    ("FileContentMatchExactly", &[], "A line of the file matches the regular expression, by case."),
    ("FileContentMatchMultiline", &[], "The file's whole text matches the regular expression."),
    ("Throw", &[], "The script block throws (a matching error with -ExpectedMessage, -ErrorId, -ExceptionType)."),
    ("HaveParameter", &[], "The command has the parameter (with -Type, -Mandatory, -Alias)."),
    ("Invoke", &[], "The mocked command was called (-Times, -Exactly, -ParameterFilter, -Scope)."),
    ("InvokeVerifiable", &[], "Every mock made with -Verifiable was called."),
];

pub struct Check {
    pub op: &'static str,
    pub actual: Value,
    pub expected: Value,
    pub not: bool,
    pub because: Option<String>,
    pub args: Args,
}

/// Ok(Ok(passthru)) when the assertion holds, Ok(Err(message)) when it fails.
pub type Verdict = EvalResult<Result<Option<Value>, String>>;

fn verdict(c: &Check, holds: bool, failed: String, failed_not: String) -> Result<Option<Value>, String> {
    match (holds, c.not) {
        (true, false) | (false, true) => Ok(None),
        (false, false) => Err(failed),
        (true, true) => Err(failed_not),
    }
}

/// `-Be`'s equality: collections item by item, else PowerShell's `-eq` with the expected
/// value on the left.
fn same(expected: &Value, actual: &Value, cs: bool) -> bool {
    let is_list = |v: &Value| matches!(v, Value::Array(_) | Value::List(_));
    if is_list(expected) || is_list(actual) {
        let (e, a) = (expected.enumerate(), actual.enumerate());
        return e.len() == a.len() && e.iter().zip(a.iter()).all(|(x, y)| same(x, y, cs));
    }
    equals(expected, actual, cs)
}

fn is_str(v: &Value) -> bool {
    matches!(v, Value::Str(_))
}

fn ordered(c: &Check) -> Option<Ordering> {
    compare(&c.actual, &c.expected, false)
}

pub fn check(ctx: &mut Ctx, c: &Check) -> Verdict {
    let b = because(&c.because);
    let (a, e) = (nicely(&c.actual), nicely(&c.expected));
    let v = match c.op {
        "Be" | "BeExactly" => {
            let cs = c.op == "BeExactly";
            let holds = same(&c.expected, &c.actual, cs);
            let failed = if is_str(&c.expected) && is_str(&c.actual) {
                string_diff(&to_string(&c.expected), &to_string(&c.actual), &c.because, cs)
            } else if cs {
                format!("Expected exactly {e},{b} but got {a}.")
            } else {
                format!("Expected {e},{b} but got {a}.")
            };
            let exactly = if cs { "exactly " } else { "" };
            verdict(c, holds, failed, format!("Expected {e} to be different from the actual value,{b} but got {exactly}the same value."))
        }
        "BeNullOrEmpty" => {
            let holds = match &c.actual {
                Value::Null => true,
                Value::Str(s) => s.is_empty(),
                Value::Hashtable(h) => h.borrow().is_empty(),
                v @ (Value::Array(_) | Value::List(_)) => v.enumerate().is_empty(),
                _ => false,
            };
            verdict(c, holds, format!("Expected $null or empty,{b} but got {a}."), format!("Expected a value,{b} but got $null or empty."))
        }
        "BeTrue" => verdict(c, to_bool(&c.actual), format!("Expected $true,{b} but got {a}."), format!("Expected $false,{b} but got {a}.")),
        "BeFalse" => verdict(c, !to_bool(&c.actual), format!("Expected $false,{b} but got {a}."), format!("Expected $true,{b} but got {a}.")),
        "Match" | "MatchExactly" => {
            let cs = c.op == "MatchExactly";
            let re = regex(&to_string(&c.expected), cs).map_err(|rec| ctx.terminate(rec))?;
            let holds = re.is_match(&to_string(&c.actual));
            let how = if cs { "case sensitively match" } else { "match" };
            verdict(
                c,
                holds,
                format!("Expected regular expression {e} to {how} {a},{b} but it did not match."),
                format!("Expected regular expression {e} to not {how} {a},{b} but it did match."),
            )
        }
        "BeLike" | "BeLikeExactly" => {
            let cs = c.op == "BeLikeExactly";
            let holds = like(&Value::str(to_string(&c.actual)), &c.expected, cs);
            let what = if cs { "case sensitive like wildcard" } else { "like wildcard" };
            verdict(
                c,
                holds,
                format!("Expected {what} {e} to match {a},{b} but it did not match."),
                format!("Expected {what} {e} to not match {a},{b} but it did match."),
            )
        }
        "BeOfType" => {
            let wanted = c.args.get("ExpectedType").cloned().unwrap_or_else(|| c.expected.clone());
            let ty = type_arg(ctx, &wanted)?;
            let holds = value_is(&c.actual, &ty);
            let (t, at) = (type_name(&ty), type_of_value(&c.actual));
            verdict(
                c,
                holds,
                format!("Expected the value to have type {t} or any of its subtypes,{b} but got {a} with type {at}."),
                format!("Expected the value to not have type {t} or any of its subtypes,{b} but got {a} with type {at}."),
            )
        }
        "HaveCount" => {
            let n = if c.actual.is_null() { 0 } else { c.actual.enumerate().len() };
            let want = to_num(&c.expected).map(|n| n.as_f64() as usize).unwrap_or(0);
            let failed = if want == 0 {
                format!("Expected an empty collection,{b} but got collection with size {n} {a}.")
            } else {
                format!("Expected {want} items in collection {a},{b} but got {n} items.")
            };
            let failed_not = if want == 0 {
                format!("Expected a non-empty collection,{b} but got an empty collection.")
            } else {
                format!("Expected collection to not have {want} items,{b} but it did.")
            };
            verdict(c, n == want, failed, failed_not)
        }
        "Contain" => {
            let holds = c.actual.enumerate().iter().any(|x| equals(x, &c.expected, false));
            verdict(
                c,
                holds,
                format!("Expected {e} to be found in collection {a},{b} but it was not found."),
                format!("Expected {e} to not be found in collection {a},{b} but it was found."),
            )
        }
        "BeIn" => {
            let holds = c.expected.enumerate().iter().any(|x| equals(x, &c.actual, false));
            verdict(
                c,
                holds,
                format!("Expected collection {e} to contain {a},{b} but it was not found."),
                format!("Expected collection {e} to not contain {a},{b} but it was found."),
            )
        }
        "BeGreaterThan" | "BeLessThan" | "BeGreaterOrEqual" | "BeLessOrEqual" => {
            let o = ordered(c);
            let (holds, what, opposite) = match c.op {
                "BeGreaterThan" => (o == Some(Ordering::Greater), "greater than", "less than or equal to"),
                "BeLessThan" => (o == Some(Ordering::Less), "less than", "greater than or equal to"),
                "BeGreaterOrEqual" => (matches!(o, Some(Ordering::Greater | Ordering::Equal)), "greater than or equal to", "less than"),
                _ => (matches!(o, Some(Ordering::Less | Ordering::Equal)), "less than or equal to", "greater than"),
            };
            verdict(
                c,
                holds,
                format!("Expected the actual value to be {what} {e},{b} but got {a}."),
                format!("Expected the actual value to be {opposite} {e},{b} but got {a}."),
            )
        }
        "Exist" => {
            let fs = super::lab(ctx)?;
            let path = to_string(&c.actual);
            let holds = fs.resolve(&path).is_ok_and(|item| fs.exists(&item));
            let p = nicely(&Value::str(&path));
            verdict(c, holds, format!("Expected path {p} to exist,{b} but it did not exist."), format!("Expected path {p} to not exist,{b} but it did exist."))
        }
        "FileContentMatch" | "FileContentMatchExactly" | "FileContentMatchMultiline" => file_content(ctx, c, &b)?,
        "Throw" => return throws(ctx, c, &b),
        "Invoke" => {
            let sb = |n: &str| match c.args.get(n) {
                Some(Value::ScriptBlock(sb)) => Some(sb.clone()),
                _ => None,
            };
            let e = super::mock::Expectation {
                command: c.args.string("CommandName").unwrap_or_else(|| to_string(&c.expected)),
                times: c.args.opt("Times").unwrap_or(1),
                exactly: c.args.switch("Exactly"),
                filter: sb("ParameterFilter"),
                scope: c.args.string("Scope"),
                not: c.not,
            };
            super::mock::count_calls(ctx, &e, &b)?.map(|()| None)
        }
        "InvokeVerifiable" => super::mock::verifiable(ctx, &b).map(|()| None),
        _ => super::have_parameter::check(ctx, c, &b)?,
    };
    Ok(v)
}

/// A type given as `[int]` or as a name.
fn type_arg(ctx: &mut Ctx, v: &Value) -> EvalResult<TypeRef> {
    match v {
        Value::Type(t) => Ok((**t).clone()),
        other => {
            let name = to_string(other);
            let name = name.trim_start_matches('[').trim_end_matches(']');
            resolve(name, false).ok_or_else(|| ctx.terminate(crate::engine::dotnet::registry::type_not_found(name)))
        }
    }
}

fn file_content(ctx: &mut Ctx, c: &Check, b: &str) -> EvalResult<Result<Option<Value>, String>> {
    let fs = super::lab(ctx)?;
    let path = to_string(&c.actual);
    let cs = c.op == "FileContentMatchExactly";
    let re = regex(&to_string(&c.expected), cs).map_err(|rec| ctx.terminate(rec))?;
    let text = fs.resolve(&path).ok().and_then(|item| fs.read_text(&item, None).ok()).map(|(t, _)| t).unwrap_or_default();
    let holds = if c.op == "FileContentMatchMultiline" { re.is_match(&text) } else { text.lines().any(|l| re.is_match(l)) };
    let (e, p) = (nicely(&c.expected), nicely(&Value::str(&path)));
    let how = if cs { "be case sensitively found" } else { "be found" };
    Ok(verdict(
        c,
        holds,
        format!("Expected {e} to {how} in file {p},{b} but it was not found."),
        format!("Expected {e} to not {how} in file {p},{b} but it was found."),
    ))
}

/// Where an error was thrown, as -Throw's messages quote it: ` from FILE:LINE char:COL`
/// and the line itself.
fn thrown_at(rec: &crate::engine::ErrorRecord) -> String {
    match rec.invocation.as_ref().and_then(|i| i.position.as_ref()) {
        Some((src, span)) => {
            let (line, col) = src.line_col(span.start);
            let file = src.path.clone().unwrap_or_else(|| "<No file>".to_string());
            format!(" from {file}:{line} char:{col}\n    + {}", src.line_text(span.start).trim())
        }
        None => String::new(),
    }
}

fn throws(ctx: &mut Ctx, c: &Check, b: &str) -> Verdict {
    let Value::ScriptBlock(sb) = &c.actual else {
        return Ok(Err(format!("Expected a script block to test, but got {}.", nicely(&c.actual))));
    };
    let sb: Rc<_> = sb.clone();
    ctx.interp.try_depth += 1;
    let parent = ctx.interp.current.clone();
    let r = super::blocks::in_scope(ctx.interp, &parent, |interp| interp.run_block_here(&sb, None, &mut |_, _| Ok(())));
    ctx.interp.try_depth -= 1;
    let thrown = match r {
        Ok(()) | Err(Flow::Return) => None,
        Err(Flow::Error(rec)) => Some(rec),
        Err(other) => return Err(other),
    };
    let message = c.args.string("ExpectedMessage").or_else(|| (!c.expected.is_null()).then(|| to_string(&c.expected)));
    let error_id = c.args.string("ErrorId");
    let exception_type = match c.args.get("ExceptionType") {
        Some(v) if !v.is_null() => Some(type_arg(ctx, v).map(|t| t.full_name()).unwrap_or_else(|_| to_string(v))),
        _ => None,
    };
    if c.not {
        return Ok(match thrown {
            None => Ok(None),
            Some(rec) => Err(format!("Expected no exception to be thrown,{b} but an exception \"{}\" was thrown{}.", rec.message, thrown_at(&rec))),
        });
    }
    let mut filters = Vec::new();
    if let Some(t) = &exception_type {
        filters.push(format!(" with type [{t}]"));
    }
    if let Some(m) = &message {
        filters.push(format!(" with message like '{m}'"));
    }
    if let Some(id) = &error_id {
        filters.push(format!(" with FullyQualifiedErrorId '{id}'"));
    }
    let wanted = format!("Expected an exception{} to be thrown,{b}", filters.concat());
    let Some(rec) = thrown else {
        return Ok(Err(format!("{wanted} but no exception was thrown.")));
    };
    let mut wrong = Vec::new();
    if let Some(t) = &exception_type {
        if !derives_from(&rec.exception_type, t) {
            wrong.push(format!("the exception type was [{}]", rec.exception_type));
        }
    }
    if let Some(m) = &message {
        if !like(&Value::str(&rec.message), &Value::str(m), false) {
            wrong.push(format!("the message was '{}'", rec.message));
        }
    }
    if let Some(id) = &error_id {
        if !like(&Value::str(&rec.fqid), &Value::str(format!("*{id}*")), false) {
            wrong.push(format!("the FullyQualifiedErrorId was '{}'", rec.fqid));
        }
    }
    if !wrong.is_empty() {
        return Ok(Err(format!("{wanted} but {}.{}", wrong.join(" and "), thrown_at(&rec))));
    }
    Ok(Ok(c.args.switch("PassThru").then(|| Value::Error(rec))))
}
