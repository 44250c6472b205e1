//! `[System.Convert]`: Base64, numbers in another base, and the `To<Type>` conversions, with
//! .NET Framework's exception texts.

use super::{arg_count, method_error};
use crate::engine::convert::{convert, to_num, to_string};
use crate::engine::error::ErrorRecord;
use crate::engine::value::{TypeKind, TypeRef, Value};

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

const BAD_BASE64: &str = "The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters. ";

pub fn to_base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

const BAD_LENGTH: &str = "Invalid length for a Base-64 char array or string.";

/// Decodes Base64 as .NET does: white space is ignored, the length must be a multiple of 4,
/// at most two `=` at the end; the error is .NET's text for what is wrong.
pub fn from_base64(text: &str) -> Result<Vec<u8>, &'static str> {
    let clean: Vec<u8> = text.bytes().filter(|b| !b" \t\r\n".contains(b)).collect();
    if clean.iter().any(|b| *b != b'=' && !ALPHABET.contains(b)) {
        return Err(BAD_BASE64);
    }
    if clean.len() % 4 != 0 {
        return Err(BAD_LENGTH);
    }
    let pad = clean.iter().rev().take_while(|b| **b == b'=').count();
    if pad > 2 || clean[..clean.len() - pad].contains(&b'=') {
        return Err(BAD_BASE64);
    }
    let mut out = Vec::with_capacity(clean.len() / 4 * 3);
    for chunk in clean.chunks(4) {
        let mut n = 0u32;
        for b in chunk {
            let v = match b {
                b'=' => 0,
                _ => ALPHABET.iter().position(|a| a == b).ok_or(BAD_BASE64)? as u32,
            };
            n = (n << 6) | v;
        }
        out.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8]);
    }
    out.truncate(out.len() - pad);
    Ok(out)
}

/// The bytes of a `byte[]` argument; None when an item is not a byte.
pub fn bytes_of(v: &Value) -> Option<Vec<u8>> {
    v.enumerate().iter().map(|b| to_num(b).map(|n| n.as_f64()).filter(|n| (0.0..=255.0).contains(n) && n.fract() == 0.0).map(|n| n as u8)).collect()
}

/// A `byte[]` value (ersim keeps bytes as Int32 items).
pub fn byte_array(bytes: &[u8]) -> Value {
    Value::array(bytes.iter().map(|b| Value::Int(i32::from(*b))).collect())
}

fn parse_in_base(text: &str, base: u32, bits: u32) -> Result<i64, &'static str> {
    let t = text.trim();
    let digits = if base == 16 { t.trim_start_matches("0x").trim_start_matches("0X") } else { t };
    let (neg, digits) = match digits.strip_prefix('-') {
        Some(d) if base == 10 => (true, d),
        _ => (false, digits),
    };
    if digits.is_empty() {
        return Err("Could not find any recognizable digits.");
    }
    let n = u64::from_str_radix(digits, base).map_err(|_| "Could not find any recognizable digits.")?;
    if bits < 64 && n >> bits != 0 {
        return Err("Value was either too large or too small for an Int32.");
    }
    // Other bases read the digits as the two's complement bit pattern (`FFFFFFFF` is -1).
    let v = if base != 10 && bits == 32 { n as u32 as i32 as i64 } else { n as i64 };
    Ok(if neg { -v } else { v })
}

/// `[Convert]::Method(args)`; None for a method the class does not have.
pub fn call(lower: &str, name: &str, args: &[Value]) -> Option<Result<Value, ErrorRecord>> {
    let fail = |inner: &str, id: &str| Err(method_error(name, args, inner, id));
    Some(match (lower, args.len()) {
        ("tobase64string", 1) => match bytes_of(&args[0]) {
            Some(b) => Ok(Value::str(to_base64(&b))),
            None => fail(&crate::engine::convert::invalid_cast(&args[0], "System.Byte[]"), "PSInvalidCastException"),
        },
        ("frombase64string", 1) => match from_base64(&to_string(&args[0])) {
            Ok(b) => Ok(byte_array(&b)),
            Err(text) => fail(text, "FormatException"),
        },
        ("toint32" | "toint64" | "toint16" | "tobyte", 2) if matches!(args[0], Value::Str(_)) => {
            let base = to_num(&args[1]).map(|n| n.as_f64() as u32).unwrap_or(0);
            if ![2, 8, 10, 16].contains(&base) {
                return Some(fail("Invalid Base.", "ArgumentException"));
            }
            let bits = match lower {
                "toint64" => 64,
                "toint16" => 16,
                "tobyte" => 8,
                _ => 32,
            };
            match parse_in_base(&to_string(&args[0]), base, bits) {
                Ok(n) if lower == "toint64" => Ok(Value::Long(n)),
                Ok(n) => Ok(Value::Int(n as i32)),
                Err(e) => fail(e, "FormatException"),
            }
        }
        ("tostring", 2) if args[0].is_numeric() && args[1].is_numeric() => {
            let base = to_num(&args[1]).map(|n| n.as_f64() as u32).unwrap_or(0);
            let n = to_num(&args[0]).map(|n| n.as_f64() as i64).unwrap_or(0);
            // An Int32 in another base shows its 32-bit pattern, as .NET does for negatives.
            let bits = if matches!(args[0], Value::Long(_)) { n as u64 } else { n as i32 as u32 as u64 };
            match base {
                2 => Ok(Value::str(format!("{bits:b}"))),
                8 => Ok(Value::str(format!("{bits:o}"))),
                10 => Ok(Value::str(n.to_string())),
                16 => Ok(Value::str(format!("{bits:x}"))),
                _ => fail("Invalid Base.", "ArgumentException"),
            }
        }
        (_, 1) => {
            let kind = match lower {
                "toint32" => TypeKind::Int,
                "toint64" => TypeKind::Long,
                "touint32" => TypeKind::UInt,
                "touint64" => TypeKind::ULong,
                "todouble" | "tosingle" => TypeKind::Double,
                "todecimal" => TypeKind::Decimal,
                "tobyte" => TypeKind::Byte,
                "tostring" => TypeKind::String,
                "toboolean" => TypeKind::Bool,
                "tochar" => TypeKind::Char,
                "todatetime" => TypeKind::DateTime,
                _ => return None,
            };
            convert(&args[0], &TypeRef::of(kind)).or_else(|m| fail(&m, "InvalidCastException"))
        }
        ("tobase64string" | "frombase64string" | "toint32" | "toint64" | "tostring" | "todouble" | "toboolean" | "todatetime", n) => Err(arg_count(name, n)),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_with_padding() {
        for (raw, text) in [(&b""[..], ""), (b"f", "Zg=="), (b"fo", "Zm8="), (b"foo", "Zm9v"), (b"foob", "Zm9vYg==")] {
            assert_eq!(to_base64(raw), text);
            assert_eq!(from_base64(text).as_deref(), Ok(raw));
        }
        assert_eq!(from_base64("Zm9"), Err(BAD_LENGTH));
        assert_eq!(from_base64("Z==="), Err(BAD_BASE64));
        assert_eq!(from_base64("Zm!v"), Err(BAD_BASE64));
    }

    #[test]
    fn bases_read_and_write_two_s_complement() {
        assert_eq!(parse_in_base("ff", 16, 32), Ok(255));
        assert_eq!(parse_in_base("FFFFFFFF", 16, 32), Ok(-1));
        assert_eq!(parse_in_base("101", 2, 32), Ok(5));
        assert!(parse_in_base("zz", 16, 32).is_err());
    }
}
