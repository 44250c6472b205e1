//! `[enum]::GetNames/GetValues/Parse/IsDefined/ToObject` over the session's enumerations.

use super::{arg_count, method_error};
use crate::engine::convert::{to_num, to_string};
use crate::engine::error::ErrorRecord;
use crate::engine::types::EnumDef;
use crate::engine::value::{TypeKind, Value};

fn enum_type(v: &Value) -> Option<&'static EnumDef> {
    match v {
        Value::Type(t) if !t.is_array => match t.kind {
            TypeKind::Enum(d) => Some(d),
            _ => None,
        },
        _ => None,
    }
}

/// `[enum]::Name(type, …)`; None for a name the class does not have.
pub fn call(lower: &str, name: &str, args: &[Value]) -> Option<Result<Value, ErrorRecord>> {
    if !matches!(lower, "getnames" | "getvalues" | "parse" | "isdefined" | "toobject" | "getname") {
        return None;
    }
    let Some(def) = args.first().and_then(enum_type) else {
        return Some(Err(match args.first() {
            None => arg_count(name, 0),
            Some(_) => method_error(name, args, "Type provided must be an Enum.\r\nParameter name: enumType", "ArgumentException"),
        }));
    };
    let value = |n: &str, v: i64| Value::enum_value(def.full_name, n, v);
    Some(match (lower, args.len()) {
        ("getnames", 1) => Ok(Value::array(def.members.iter().map(|(n, _)| Value::str(n)).collect())),
        ("getvalues", 1) => Ok(Value::array(def.members.iter().map(|(n, v)| value(n, *v)).collect())),
        ("getname", 2) => Ok(to_num(&args[1]).and_then(|n| def.name_of(n.as_f64() as i64)).map(Value::str).unwrap_or(Value::Null)),
        ("parse", 2 | 3) => {
            let text = to_string(&args[1]);
            let ignore_case = args.get(2).is_some_and(crate::engine::convert::to_bool);
            let t = text.trim();
            let found = def
                .members
                .iter()
                .find(|(n, _)| if ignore_case { n.eq_ignore_ascii_case(t) } else { *n == t })
                .or_else(|| t.parse::<i64>().ok().and_then(|n| def.members.iter().find(|(_, v)| *v == n)));
            match found {
                Some((n, v)) => Ok(value(n, *v)),
                None => Err(method_error(name, args, &format!("Requested value '{text}' was not found."), "ArgumentException")),
            }
        }
        ("isdefined", 2) => Ok(Value::Bool(match &args[1] {
            Value::Str(s) => def.members.iter().any(|(n, _)| *n == s.as_ref()),
            other => to_num(other).is_some_and(|n| def.name_of(n.as_f64() as i64).is_some()),
        })),
        ("toobject", 2) => match to_num(&args[1]) {
            Some(n) => {
                let v = n.as_f64() as i64;
                Ok(value(def.name_of(v).map(str::to_string).as_deref().unwrap_or(&v.to_string()), v))
            }
            None => Err(method_error(
                name,
                args,
                "The value passed in must be an enum base or an underlying type for an enum, such as an Int32.\r\nParameter name: value",
                "ArgumentException",
            )),
        },
        (_, n) => Err(arg_count(name, n)),
    })
}
