//! The validation attributes of script parameters (`[ValidateRange(1,5)]`, `[ValidateScript({…})]`,
//! …) and the null/empty checks of mandatory ones, as 5.1's `ParameterBinderBase.BindParameter`
//! runs them: after conversion, each attribute in declaration order, then (for a mandatory
//! parameter) `ValidateNullOrEmptyArgument` unless `[AllowNull()]`, `[AllowEmptyString()]` or
//! `[AllowEmptyCollection()]` say otherwise. Texts are the 2016 Metadata and
//! ParameterBinderStrings resources.

use std::rc::Rc;

use crate::engine::error::ErrorCategory;
use crate::lang::ast::{ScriptBlock, Span};

use super::super::command::{CommandInfo, ParamSpec};
use super::super::convert;
use super::super::error::{EvalResult, InvocationInfo};
use super::super::ops;
use super::super::runtime::Interp;
use super::super::value::{TypeKind, TypeRef, Value};
use super::binding_error;

/// One validation attribute of a parameter.
#[derive(Debug, Clone)]
pub enum Validator {
    NotNull,
    NotNullOrEmpty,
    Range(Value, Value),
    Length(i64, i64),
    Count(i64, i64),
    Pattern(String),
    Script(Rc<ScriptBlock>),
}

const VALIDATION: &str = "System.Management.Automation.ParameterBindingValidationException";

/// Runs the parameter's validators on its converted value, then the mandatory checks.
pub(super) fn validate(interp: &mut Interp, info: &CommandInfo, invocation: &InvocationInfo, p: &ParamSpec, value: &Value, span: Span) -> EvalResult<()> {
    validators(interp, info, invocation, p, value, span)?;
    if p.mandatory {
        if let Some((id, what)) = null_or_empty(p, value) {
            let msg = format!("Cannot bind argument to parameter '{}' because it is {what}.", p.name);
            return Err(binding_error(info, invocation, Some(span), id, ErrorCategory::InvalidData, VALIDATION, msg));
        }
    }
    Ok(())
}

/// The parameter's validation attributes alone (a compiled cmdlet's null and empty checks
/// have run before conversion).
pub(super) fn validators(interp: &mut Interp, info: &CommandInfo, invocation: &InvocationInfo, p: &ParamSpec, value: &Value, span: Span) -> EvalResult<()> {
    for v in &p.validators {
        if let Err(text) = check(interp, v, value)? {
            let msg = format!("Cannot validate argument on parameter '{}'. {text}", p.name);
            return Err(binding_error(info, invocation, Some(span), "ParameterArgumentValidationError", ErrorCategory::InvalidData, VALIDATION, msg));
        }
    }
    Ok(())
}

/// `ValidateNullOrEmptyArgument`: null unless allowed; an empty string only for `[string]`; for
/// array parameters each element, then emptiness.
fn null_or_empty(p: &ParamSpec, value: &Value) -> Option<(&'static str, &'static str)> {
    let element_check = |v: &Value| match v {
        Value::Null if !p.allow_null => Some(("ParameterArgumentValidationErrorNullNotAllowed", "null")),
        Value::Str(s) if s.is_empty() && p.ty.kind == TypeKind::String && !p.allow_empty_string => {
            Some(("ParameterArgumentValidationErrorEmptyStringNotAllowed", "an empty string"))
        }
        _ => None,
    };
    if value.is_null() || !p.ty.is_array {
        return element_check(value);
    }
    let items = value.enumerate();
    let value_type = matches!(p.ty.kind, TypeKind::Int | TypeKind::Long | TypeKind::Double | TypeKind::Bool | TypeKind::Guid | TypeKind::DateTime);
    if !value_type {
        if let Some(e) = items.iter().find_map(element_check) {
            return Some(e);
        }
    }
    if items.is_empty() && !p.allow_empty_collection {
        return Some(("ParameterArgumentValidationErrorEmptyArrayNotAllowed", "an empty array"));
    }
    None
}

/// `Ok(Err(text))` is a failed validation with its message; `Err` a flow (the script of a
/// `ValidateScript` may throw).
fn check(interp: &mut Interp, v: &Validator, value: &Value) -> EvalResult<Result<(), String>> {
    let each = |f: &mut dyn FnMut(&Value) -> EvalResult<Result<(), String>>| -> EvalResult<Result<(), String>> {
        // ValidateEnumeratedArgumentsAttribute: null fails outright; a collection is checked item by item.
        if value.is_null() {
            return Ok(Err(NULL_OR_EMPTY_COLLECTION.into()));
        }
        for item in value.enumerate() {
            if let Err(e) = f(&item)? {
                return Ok(Err(e));
            }
        }
        Ok(Ok(()))
    };
    match v {
        Validator::NotNull => Ok(not_null(value)),
        Validator::NotNullOrEmpty => Ok(not_null_or_empty(value)),
        Validator::Range(min, max) => each(&mut |item| Ok(range(item, min, max))),
        Validator::Length(min, max) => each(&mut |item| {
            let Value::Str(s) = item else {
                return Ok(Err("The ValidateLength attribute cannot be applied to a parameter that is not a string or string[] parameter. Make the parameter a string or string[] parameter.".into()));
            };
            let len = s.chars().count() as i64;
            Ok(if len < *min {
                Err(format!("The character length ({len}) of the argument is too short. Specify an argument with a length that is greater than or equal to \"{min}\", and then try the command again."))
            } else if len > *max {
                Err(format!("The character length of the {len} argument is too long. Shorten the character length of the argument so it is fewer than or equal to \"{max}\" characters, and then try the command again."))
            } else {
                Ok(())
            })
        }),
        Validator::Count(min, max) => Ok(count(value, *min, *max)),
        Validator::Pattern(pattern) => {
            let re = ops::regex(pattern, false).map_err(super::super::error::Flow::error)?;
            each(&mut |item| {
                if item.is_null() {
                    return Ok(Err(NOT_NULL.into()));
                }
                let text = item.to_display_string();
                Ok(if re.is_match(&text) {
                    Ok(())
                } else {
                    Err(format!("The argument \"{text}\" does not match the \"{pattern}\" pattern. Supply an argument that matches \"{pattern}\" and try the command again."))
                })
            })
        }
        Validator::Script(sb) => {
            if value.is_null() {
                return Ok(Err(NULL_OR_EMPTY_COLLECTION.into()));
            }
            for item in value.enumerate() {
                let result = interp.invoke_block_here(sb, Some(item.clone()))?;
                if !convert::to_bool(&result) {
                    return Ok(Err(format!(
                        "The \"{}\" validation script for the argument with value \"{}\" did not return a result of True. Determine why the validation script failed, and then try the command again.",
                        sb.inner_text(),
                        item.to_display_string()
                    )));
                }
            }
            Ok(Ok(()))
        }
    }
}

const NOT_NULL: &str = "The argument is null. Provide a valid value for the argument, and then try running the command again.";
const NULL_OR_EMPTY_COLLECTION: &str =
    "The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again.";

fn not_null(value: &Value) -> Result<(), String> {
    match value {
        Value::Null => Err(NOT_NULL.into()),
        Value::Array(a) if a.borrow().iter().any(Value::is_null) => Err(
            "The argument has a null value, or an element of the argument collection contains a null value. Provide a collection that does not contain any null values, and then try the command again."
                .into(),
        ),
        _ => Ok(()),
    }
}

fn not_null_or_empty(value: &Value) -> Result<(), String> {
    let empty = "The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.";
    match value {
        Value::Null => Err(empty.into()),
        Value::Str(s) if s.is_empty() => Err(empty.into()),
        Value::Array(a) => {
            let a = a.borrow();
            if a.is_empty() || a.iter().any(|v| v.is_null() || matches!(v, Value::Str(s) if s.is_empty())) {
                Err(NULL_OR_EMPTY_COLLECTION.into())
            } else {
                Ok(())
            }
        }
        Value::Hashtable(h) if h.borrow().is_empty() => Err(NULL_OR_EMPTY_COLLECTION.into()),
        _ => Ok(()),
    }
}

/// `ValidateRange`: the item converted to the limits' type, then compared.
fn range(item: &Value, min: &Value, max: &Value) -> Result<(), String> {
    let ty = TypeRef::of(kind_of(min));
    let Ok(converted) = convert::convert(item, &ty) else {
        let short = |v: &Value| v.type_name().rsplit('.').next().unwrap_or_default().to_string();
        let (got, want) = (short(item), short(min));
        return Err(format!(
            "The argument cannot be validated because its type \"{got}\" is not the same type ({want}) as the maximum and minimum limits of the parameter. Make sure the argument is of type {want} and then try the command again."
        ));
    };
    let text = converted.to_display_string();
    if ops::compare(min, &converted, false) == Some(std::cmp::Ordering::Greater) {
        let min = min.to_display_string();
        return Err(format!("The {text} argument is less than the minimum allowed range of {min}. Supply an argument that is greater than or equal to {min} and then try the command again."));
    }
    if ops::compare(max, &converted, false) == Some(std::cmp::Ordering::Less) {
        let max = max.to_display_string();
        return Err(format!("The {text} argument is greater than the maximum allowed range of {max}. Supply an argument that is less than or equal to {max} and then try the command again."));
    }
    Ok(())
}

fn kind_of(v: &Value) -> TypeKind {
    match v {
        Value::Int(_) => TypeKind::Int,
        Value::Long(_) => TypeKind::Long,
        Value::Double(_) => TypeKind::Double,
        Value::Str(_) => TypeKind::String,
        _ => TypeKind::Object,
    }
}

/// `ValidateCount` (2016): a list counts its items, a string its characters (it is
/// enumerable); anything else is not an array.
fn count(value: &Value, min: i64, max: i64) -> Result<(), String> {
    let len = match value {
        Value::Null => 0,
        Value::Array(a) => a.borrow().len() as i64,
        Value::Hashtable(h) => h.borrow().len() as i64,
        Value::Str(s) => s.chars().count() as i64,
        _ => {
            return Err("The ValidateCount attribute cannot be applied to a non-array parameter. Either remove the attribute from the parameter or make the parameter an array parameter.".into())
        }
    };
    if len < min {
        return Err(format!(
            "The number of provided arguments ({len}) is fewer than the minimum number of allowed arguments ({min}). Provide more than {min} arguments, and then try the command again."
        ));
    }
    if len > max {
        return Err(format!(
            "The number of provided arguments, ({len}), exceeds the maximum number of allowed arguments ({max}). Provide fewer than {max} arguments, and then try the command again."
        ));
    }
    Ok(())
}
