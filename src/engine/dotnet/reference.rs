//! `[ref]` (System.Management.Automation.PSReference): a reference to a variable — `[ref]$x`
//! reads and writes `$x` itself, so `[int]::TryParse('5', [ref]$n)` sets `$n` — or, cast from
//! any other value, a box holding that value.

use std::cell::RefCell;
use std::rc::Rc;

use crate::engine::runtime::ScopeRef;
use crate::engine::value::{Native, PsObject, TypeKind, TypeRef, Value};

pub const PS_REFERENCE: &str = "System.Management.Automation.PSReference";

pub enum Reference {
    /// The variable `name` (lower case) of `scope`.
    Variable {
        scope: ScopeRef,
        name: String,
    },
    Value(Value),
}

impl std::fmt::Debug for Reference {
    // A scope holds every variable of a script; a reference shows only what it names.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reference::Variable { name, .. } => write!(f, "Reference(${name})"),
            Reference::Value(v) => write!(f, "Reference({v:?})"),
        }
    }
}

pub fn reference_value(r: Reference) -> Value {
    Value::Native(Rc::new(Native::Reference(RefCell::new(r))))
}

pub fn is_reference(v: &Value) -> bool {
    matches!(v, Value::Native(n) if matches!(**n, Native::Reference(_)))
}

/// What a reference points at now.
pub fn get(r: &RefCell<Reference>) -> Value {
    match &*r.borrow() {
        Reference::Variable { scope, name } => scope.borrow().vars.get(name).map(|v| v.value.clone()).unwrap_or(Value::Null),
        Reference::Value(v) => v.clone(),
    }
}

/// `$ref.Value = x`: the variable (made in its scope if it went away) or the box.
pub fn set(r: &RefCell<Reference>, value: Value) {
    let mut r = r.borrow_mut();
    match &mut *r {
        Reference::Variable { scope, name } => {
            let mut s = scope.borrow_mut();
            match s.vars.get_mut(name) {
                Some(var) => var.value = value,
                None => {
                    s.vars.insert(name.clone(), crate::engine::runtime::Variable { value, constraint: None, options: Default::default() });
                }
            }
        }
        Reference::Value(v) => *v = value,
    }
}

/// Writes through `target` when it is a reference (an out argument); other values are left.
pub fn set_if_reference(target: &Value, value: Value) {
    if let Value::Native(n) = target {
        if let Native::Reference(r) = &**n {
            set(r, value);
        }
    }
}

/// `[T]::TryParse(text, [ref]$out)` for the value types scripts parse: .NET's stricter rules
/// (an integer is digits with an optional sign, no hex, no empty text), the parsed value or
/// the type's default written through the reference, and whether it parsed. None for a
/// type without TryParse here.
pub fn try_parse(kind: TypeKind, text: &str, out: &Value) -> Option<Value> {
    if !has_try_parse(kind) {
        return None;
    }
    use crate::engine::convert::{parse_datetime, parse_guid, parse_timespan};
    let t = text.trim();
    let integer = |min: i128, max: i128| -> Option<i128> {
        let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.parse::<i128>().ok().filter(|n| (min..=max).contains(n))
    };
    let (parsed, default) = match kind {
        TypeKind::Int => (integer(i32::MIN.into(), i32::MAX.into()).map(|n| Value::Int(n as i32)), Value::Int(0)),
        TypeKind::Long => (integer(i64::MIN.into(), i64::MAX.into()).map(|n| Value::Long(n as i64)), Value::Long(0)),
        TypeKind::UInt => (integer(0, u32::MAX.into()).map(|n| Value::UInt(n as u32)), Value::UInt(0)),
        TypeKind::ULong => (integer(0, u64::MAX.into()).map(|n| Value::ULong(n as u64)), Value::ULong(0)),
        TypeKind::Byte => (integer(0, 255).map(|n| Value::Int(n as i32)), Value::Int(0)),
        TypeKind::Double => (t.replace(',', "").parse::<f64>().ok().filter(|_| !t.is_empty()).map(Value::Double), Value::Double(0.0)),
        TypeKind::Bool => (
            match t.to_ascii_lowercase().as_str() {
                "true" => Some(Value::Bool(true)),
                "false" => Some(Value::Bool(false)),
                _ => None,
            },
            Value::Bool(false),
        ),
        TypeKind::Guid => (parse_guid(t).map(Value::Guid), Value::Guid(uuid::Uuid::nil())),
        // DateTime.MinValue: midnight of 1 January 0001.
        TypeKind::DateTime => (
            parse_datetime(t).map(Value::DateTime),
            Value::DateTime(chrono::NaiveDate::from_ymd_opt(1, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0)).unwrap_or_default()),
        ),
        TypeKind::TimeSpan => (parse_timespan(t).map(Value::TimeSpan), Value::TimeSpan(0)),
        _ => return None,
    };
    let ok = parsed.is_some();
    set_if_reference(out, parsed.unwrap_or(default));
    Some(Value::Bool(ok))
}

/// The types [`try_parse`] serves.
pub fn has_try_parse(kind: TypeKind) -> bool {
    matches!(
        kind,
        TypeKind::Int
            | TypeKind::Long
            | TypeKind::UInt
            | TypeKind::ULong
            | TypeKind::Byte
            | TypeKind::Double
            | TypeKind::Bool
            | TypeKind::Guid
            | TypeKind::DateTime
            | TypeKind::TimeSpan
    )
}

pub fn type_of() -> TypeRef {
    TypeRef::of(TypeKind::Ref)
}

/// How a reference prints: its one property.
pub fn display(r: &RefCell<Reference>) -> Value {
    let mut o = PsObject::typed(PS_REFERENCE);
    o.add_typed("Value", "System.Object", get(r));
    Value::object(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_boxed_value_is_read_and_replaced() {
        let v = reference_value(Reference::Value(Value::Int(5)));
        let Value::Native(n) = &v else { panic!("a native") };
        let Native::Reference(r) = &**n else { panic!("a reference") };
        assert!(matches!(get(r), Value::Int(5)));
        set_if_reference(&v, Value::Int(9));
        assert!(matches!(get(r), Value::Int(9)));
        set_if_reference(&Value::Int(1), Value::Int(2));
    }
}
