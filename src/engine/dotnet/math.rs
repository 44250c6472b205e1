//! `[math]` and the numeric types' constants (`[int]::MaxValue`, `[double]::NaN`): the
//! overload PowerShell picks decides the result's type (`[math]::Abs(-3)` stays an Int32,
//! `[math]::Floor(2.7)` is a Double).

use std::cmp::Ordering;

use super::{arg_count, argument_error, method_error};
use crate::engine::convert::{to_num, Num};
use crate::engine::error::ErrorRecord;
use crate::engine::ops;
use crate::engine::types::EnumDef;
use crate::engine::value::{TypeKind, TypeRef, Value};

pub static MIDPOINT_ROUNDING: EnumDef = EnumDef { full_name: "System.MidpointRounding", members: &[("ToEven", 0), ("AwayFromZero", 1)] };

/// `[T]::MaxValue` and the other constants of the numeric types and `[math]`.
pub fn constant(kind: TypeKind, lower: &str) -> Option<Value> {
    Some(match (kind, lower) {
        (TypeKind::Int, "maxvalue") => Value::Int(i32::MAX),
        (TypeKind::Int, "minvalue") => Value::Int(i32::MIN),
        (TypeKind::Long, "maxvalue") => Value::Long(i64::MAX),
        (TypeKind::Long, "minvalue") => Value::Long(i64::MIN),
        (TypeKind::UInt, "maxvalue") => Value::UInt(u32::MAX),
        (TypeKind::UInt, "minvalue") => Value::UInt(0),
        (TypeKind::ULong, "maxvalue") => Value::ULong(u64::MAX),
        (TypeKind::ULong, "minvalue") => Value::ULong(0),
        (TypeKind::Byte, "maxvalue") => Value::Int(255),
        (TypeKind::Byte, "minvalue") => Value::Int(0),
        (TypeKind::Double, "maxvalue") => Value::Double(f64::MAX),
        (TypeKind::Double, "minvalue") => Value::Double(f64::MIN),
        // .NET's Double.Epsilon is the smallest positive subnormal, not Rust's EPSILON.
        (TypeKind::Double, "epsilon") => Value::Double(f64::from_bits(1)),
        (TypeKind::Double, "nan") => Value::Double(f64::NAN),
        (TypeKind::Double, "positiveinfinity") => Value::Double(f64::INFINITY),
        (TypeKind::Double, "negativeinfinity") => Value::Double(f64::NEG_INFINITY),
        (TypeKind::Math, "pi") => Value::Double(std::f64::consts::PI),
        (TypeKind::Math, "e") => Value::Double(std::f64::consts::E),
        _ => return None,
    })
}

/// `[double]::IsNaN(x)` and kin.
pub fn double_static(lower: &str, name: &str, args: &[Value]) -> Option<Result<Value, ErrorRecord>> {
    let test: fn(f64) -> bool = match lower {
        "isnan" => f64::is_nan,
        "isinfinity" => f64::is_infinite,
        "ispositiveinfinity" => |x| x == f64::INFINITY,
        "isnegativeinfinity" => |x| x == f64::NEG_INFINITY,
        _ => return None,
    };
    Some(match args {
        [x] => double_arg(x, "d", name).map(|x| Value::Bool(test(x))),
        _ => Err(arg_count(name, args.len())),
    })
}

fn double_arg(v: &Value, param: &str, method: &str) -> Result<f64, ErrorRecord> {
    match to_num(v) {
        Some(n) => Ok(n.as_f64()),
        None => Err(argument_error(
            param,
            v,
            method,
            &TypeRef::of(TypeKind::Double),
            &format!(
                "Cannot convert value \"{}\" to type \"System.Double\". Error: \"Input string was not in a correct format.\"",
                crate::engine::convert::to_string(v)
            ),
        )),
    }
}

fn is_integer(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Long(_))
}

/// `[math]::Name(args)`; None for a name the class does not have.
pub fn call(lower: &str, name: &str, args: &[Value]) -> Option<Result<Value, ErrorRecord>> {
    let unary: Option<fn(f64) -> f64> = match lower {
        "acos" => Some(f64::acos),
        "asin" => Some(f64::asin),
        "atan" => Some(f64::atan),
        "ceiling" => Some(f64::ceil),
        "cos" => Some(f64::cos),
        "cosh" => Some(f64::cosh),
        "exp" => Some(f64::exp),
        "floor" => Some(f64::floor),
        "log10" => Some(f64::log10),
        "sin" => Some(f64::sin),
        "sinh" => Some(f64::sinh),
        "sqrt" => Some(f64::sqrt),
        "tan" => Some(f64::tan),
        "tanh" => Some(f64::tanh),
        "truncate" => Some(f64::trunc),
        _ => None,
    };
    let d = |i: usize, p: &str| double_arg(&args[i], p, name);
    let r = match (lower, args.len()) {
        (_, 1) if unary.is_some() => d(0, "d").map(|x| Value::Double(unary.map_or(x, |f| f(x)))),
        ("log", 1) => d(0, "d").map(|x| Value::Double(x.ln())),
        ("log", 2) => d(0, "a").and_then(|a| d(1, "newBase").map(|b| Value::Double(a.ln() / b.ln()))),
        ("pow", 2) => d(0, "x").and_then(|x| d(1, "y").map(|y| Value::Double(x.powf(y)))),
        ("atan2", 2) => d(0, "y").and_then(|y| d(1, "x").map(|x| Value::Double(y.atan2(x)))),
        ("ieeeremainder", 2) => d(0, "x").and_then(|x| d(1, "y").map(|y| Value::Double(x - (x / y).round_ties_even() * y))),
        ("abs", 1) => match &args[0] {
            Value::Int(i) => i
                .checked_abs()
                .map(Value::Int)
                .ok_or_else(|| method_error(name, args, "Negating the minimum value of a twos complement number is invalid.", "OverflowException")),
            Value::Long(i) => i
                .checked_abs()
                .map(Value::Long)
                .ok_or_else(|| method_error(name, args, "Negating the minimum value of a twos complement number is invalid.", "OverflowException")),
            other => double_arg(other, "value", name).map(|x| Value::Double(x.abs())),
        },
        ("sign", 1) => d(0, "value").and_then(|x| {
            if x.is_nan() {
                Err(method_error(name, args, "Function does not accept floating point Not-a-Number values.", "ArithmeticException"))
            } else {
                Ok(Value::Int(if x > 0.0 {
                    1
                } else if x < 0.0 {
                    -1
                } else {
                    0
                }))
            }
        }),
        ("round", 1..=3) => round(name, args),
        ("max" | "min", 2) => {
            // Two integers keep their type; otherwise both compare as doubles.
            if is_integer(&args[0]) && is_integer(&args[1]) {
                let bigger = ops::compare(&args[0], &args[1], false) == Some(Ordering::Greater);
                Ok(if (lower == "max") == bigger { args[0].clone() } else { args[1].clone() })
            } else {
                d(0, "val1").and_then(|a| d(1, "val2").map(|b| Value::Double(if lower == "max" { a.max(b) } else { a.min(b) })))
            }
        }
        ("bigmul", 2) => match (to_num(&args[0]), to_num(&args[1])) {
            (Some(a), Some(b)) => Ok(Value::Long((a.as_f64() as i32 as i64) * (b.as_f64() as i32 as i64))),
            _ => Err(arg_count(name, 2)),
        },
        (
            "acos" | "asin" | "atan" | "ceiling" | "cos" | "cosh" | "exp" | "floor" | "log10" | "sin" | "sinh" | "sqrt" | "tan" | "tanh" | "truncate" | "log"
            | "pow" | "atan2" | "ieeeremainder" | "abs" | "sign" | "round" | "max" | "min" | "bigmul",
            n,
        ) => Err(arg_count(name, n)),
        _ => return None,
    };
    Some(r)
}

/// `Round(x[, digits][, MidpointRounding])`: to even unless `AwayFromZero` is asked for.
fn round(name: &str, args: &[Value]) -> Result<Value, ErrorRecord> {
    let x = double_arg(&args[0], "value", name)?;
    let away = |v: &Value| match v {
        Value::Str(s) => s.eq_ignore_ascii_case("AwayFromZero"),
        Value::Enum(e) => e.name.eq_ignore_ascii_case("AwayFromZero"),
        _ => false,
    };
    let (digits, away_from_zero) = match &args[1..] {
        [] => (0, false),
        [m] if matches!(m, Value::Str(_) | Value::Enum(_)) => (0, away(m)),
        [n] => (num_digits(n), false),
        [n, m] => (num_digits(n), away(m)),
        _ => (0, false),
    };
    if !(0..=15).contains(&digits) {
        return Err(method_error(name, args, "Rounding digits must be between 0 and 15, inclusive.\r\nParameter name: digits", "ArgumentOutOfRangeException"));
    }
    let f = 10f64.powi(digits as i32);
    let scaled = x * f;
    let r = if away_from_zero { scaled.round() } else { scaled.round_ties_even() };
    Ok(Value::Double(r / f))
}

fn num_digits(v: &Value) -> i64 {
    match to_num(v) {
        Some(Num::I(i)) => i,
        Some(n) => n.as_f64() as i64,
        None => -1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(name: &str, args: &[Value]) -> Value {
        call(&name.to_ascii_lowercase(), name, args).expect("a [math] method").expect("no error")
    }

    #[test]
    fn overloads_decide_the_result_type() {
        assert!(matches!(run("Abs", &[Value::Int(-3)]), Value::Int(3)));
        assert!(matches!(run("Max", &[Value::Int(2), Value::Int(5)]), Value::Int(5)));
        assert!(matches!(run("Max", &[Value::Int(2), Value::Double(5.5)]), Value::Double(x) if x == 5.5));
        assert!(matches!(run("Floor", &[Value::Double(2.7)]), Value::Double(x) if x == 2.0));
    }

    #[test]
    fn round_is_to_even_unless_asked() {
        assert!(matches!(run("Round", &[Value::Double(2.5)]), Value::Double(x) if x == 2.0));
        assert!(matches!(run("Round", &[Value::Double(2.5), Value::str("AwayFromZero")]), Value::Double(x) if x == 3.0));
        assert!(matches!(run("Round", &[Value::Double(1.2345), Value::Int(2)]), Value::Double(x) if (x - 1.23).abs() < 1e-9));
        assert!(call("round", "Round", &[Value::Double(1.0), Value::Int(16)]).unwrap().is_err());
    }
}
