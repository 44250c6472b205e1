//! The intrinsic `.ForEach()` and `.Where()` methods every value has in 5.1 (MiscOps.cs
//! `EnumerableOps.ForEach`/`Where`): a scalar is a one-item collection.

use std::rc::Rc;

use crate::lang::ast::{ScriptBlock, Span};

use super::error::{ErrorCategory, ErrorRecord, EvalResult};
use super::runtime::Interp;
use super::value::Value;

/// `System.Management.Automation.WhereOperatorSelectionMode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WhereMode {
    Default,
    First,
    Last,
    SkipUntil,
    Until,
    Split,
}

const WHERE_MODES: [(&str, WhereMode); 6] = [
    ("Default", WhereMode::Default),
    ("First", WhereMode::First),
    ("Last", WhereMode::Last),
    ("SkipUntil", WhereMode::SkipUntil),
    ("Until", WhereMode::Until),
    ("Split", WhereMode::Split),
];

impl Interp {
    /// `.ForEach(...)` or `.Where(...)` on `target`; `None` when `name` is neither or the
    /// arguments fit neither (the ordinary method lookup goes on).
    pub(super) fn intrinsic_method(&mut self, target: &Value, name: &str, args: &[Value], span: Span) -> EvalResult<Option<Value>> {
        let items = target.enumerate();
        match (name, args) {
            ("foreach", [Value::ScriptBlock(sb), ..]) => self.foreach_block(sb, items).map(Some),
            ("foreach", [Value::Str(member), rest @ ..]) => self.foreach_member(member, rest, items, span).map(Some),
            // `.ForEach([int])`: each item converted to the type.
            ("foreach", [Value::Type(ty)]) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    let v = super::convert::convert(&item, ty).map_err(|m| self.cast_error(&item, ty, m, span))?;
                    out.push(v);
                }
                Ok(Some(Value::array(out)))
            }
            ("where", [Value::ScriptBlock(sb), rest @ ..]) if rest.len() <= 2 => {
                let mode = match rest.first() {
                    None => WhereMode::Default,
                    Some(m) => where_mode(m).ok_or_else(|| self.located(bad_mode(m), span))?,
                };
                let count = match rest.get(1) {
                    None => 0,
                    Some(n) => super::convert::to_num(n).map_or(-1, |n| n.as_f64().round() as i64),
                };
                if count < 0 {
                    return Err(self.located(
                        ErrorRecord::new(
                            "The 'numberToReturn' value provided to the third argument of the Where() operator must be greater than zero. Please correct the argument's value and try running your script again.",
                            "System.ArgumentOutOfRangeException",
                            ErrorCategory::NotSpecified,
                            "ArgumentOutOfRangeException",
                        ),
                        span,
                    ));
                }
                self.where_block(sb, items, mode, count as usize).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// `$_` is each item in turn; everything the block writes is collected.
    fn foreach_block(&mut self, sb: &Rc<ScriptBlock>, items: Vec<Value>) -> EvalResult<Value> {
        let mut out = Vec::new();
        for item in items {
            let r = self.capture(|i, o| i.run_block_here(sb, Some(item), o))?;
            out.extend(r);
        }
        Ok(Value::array(out))
    }

    /// `.ForEach('Name')` gives each item's property (`$null` where it has none);
    /// `.ForEach('Method', args...)` calls the method on each.
    fn foreach_member(&mut self, member: &str, args: &[Value], items: Vec<Value>, span: Span) -> EvalResult<Value> {
        let mut out = Vec::new();
        for item in items {
            if item.is_null() {
                out.push(Value::Null);
                continue;
            }
            if args.is_empty() {
                // A property first; a name that is no property may be a method without arguments.
                let v = self.get_member(&item, member);
                let v = if v.is_null() { self.call_method(&item, member, Vec::new(), span).unwrap_or(Value::Null) } else { v };
                out.push(v);
                continue;
            }
            out.push(self.call_method(&item, member, args.to_vec(), span)?);
        }
        Ok(Value::array(out))
    }

    fn where_block(&mut self, sb: &Rc<ScriptBlock>, items: Vec<Value>, mode: WhereMode, count: usize) -> EvalResult<Value> {
        let mut matches: Vec<Value> = Vec::new();
        let mut rest: Vec<Value> = Vec::new();
        let mut iter = items.into_iter();
        let mut take_rest = false;
        for item in iter.by_ref() {
            if take_rest {
                matches.push(item);
                if count > 0 && matches.len() >= count {
                    break;
                }
                continue;
            }
            let r = self.capture(|i, o| i.run_block_here(sb, Some(item.clone()), o))?;
            let matched = super::convert::to_bool(&super::value::collapse(r));
            match (mode, matched) {
                (WhereMode::Until, true) => break,
                (WhereMode::Until, false) => {
                    matches.push(item);
                    if count > 0 && matches.len() >= count {
                        break;
                    }
                    continue;
                }
                (WhereMode::Split, false) => {
                    rest.push(item);
                    continue;
                }
                (_, false) => continue,
                (WhereMode::Last, true) => {
                    matches.push(item);
                    if matches.len() > count.max(1) {
                        matches.remove(0);
                    }
                    continue;
                }
                (WhereMode::SkipUntil, true) => {
                    matches.push(item);
                    take_rest = true;
                }
                (_, true) => matches.push(item),
            }
            if (count == 0 && mode == WhereMode::First) || (count != 0 && matches.len() == count) {
                break;
            }
        }
        if mode == WhereMode::Split {
            rest.extend(iter);
            return Ok(Value::array(vec![Value::array(matches), Value::array(rest)]));
        }
        Ok(Value::array(matches))
    }
}

/// `.Count` and `.Length` of what is no collection: 1 for a scalar, 0 for `$null` (5.1's
/// intrinsic members, PowerShell 3 on). A value's own Count or Length wins.
pub(super) fn intrinsic_count(v: &Value, member: &str) -> Option<Value> {
    if member != "count" && member != "length" {
        return None;
    }
    let own = match v {
        Value::Null => return Some(Value::Int(0)),
        Value::Array(_) => true,
        Value::Str(_) => member == "length",
        Value::Hashtable(h) => member == "count" || h.borrow().get_str(member).is_some(),
        Value::Object(o) => o.borrow().has(member),
        _ => false,
    };
    (!own).then_some(Value::Int(1))
}

fn where_mode(v: &Value) -> Option<WhereMode> {
    let text = v.to_display_string();
    WHERE_MODES.iter().find(|(n, _)| n.eq_ignore_ascii_case(text.trim())).map(|(_, m)| *m)
}

/// 5.1's text for a mode that names no WhereOperatorSelectionMode.
fn bad_mode(v: &Value) -> ErrorRecord {
    let text = v.to_display_string();
    let names: Vec<&str> = WHERE_MODES.iter().map(|(n, _)| *n).collect();
    ErrorRecord::new(
        format!(
            "Cannot convert argument \"mode\", with value: \"{text}\", for \"Where\" to type \"System.Management.Automation.WhereOperatorSelectionMode\": \"Cannot convert value \"{text}\" to type \"System.Management.Automation.WhereOperatorSelectionMode\". Error: \"Unable to match the identifier name {text} to a valid enumerator name. Specify one of the following enumerator names and try again:\n{}\"\"",
            names.join(", ")
        ),
        "System.Management.Automation.MethodException",
        ErrorCategory::NotSpecified,
        "MethodArgumentConversionInvalidCastArgument",
    )
}
