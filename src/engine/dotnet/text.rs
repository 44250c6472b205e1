//! `System.Text.StringBuilder` and `System.Text.Encoding`: their members, the capacity .NET
//! Framework would report, and the objects Out-Default draws for them.

use std::cell::RefCell;
use std::rc::Rc;

use super::convert_class::{byte_array, bytes_of};
use super::{arg_count, method_error, not_found};
use crate::engine::convert::{net_to_string, to_num, to_string};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::limits;
use crate::engine::value::{Builder, Encoding, Native, PsObject, TypeKind, TypeRef, Value};

const MAX_CAPACITY: i32 = i32::MAX;

/// A new StringBuilder holding `text`: capacity 16, or the text's length, or the one asked for.
pub fn builder(text: &str, capacity: Option<usize>) -> Value {
    let len = text.chars().count();
    let capacity = capacity.unwrap_or(16).max(len);
    Value::Native(Rc::new(Native::StringBuilder(RefCell::new(Builder { text: text.to_string(), capacity }))))
}

/// `New-Object System.Text.StringBuilder` / `[Text.StringBuilder]::new(...)`.
pub fn construct(ty: &TypeRef, args: &[Value]) -> Option<Result<Value, ErrorRecord>> {
    if ty.kind != TypeKind::StringBuilder || ty.is_array {
        return None;
    }
    let cap = |v: &Value| to_num(v).map(|n| n.as_f64().max(0.0) as usize);
    Some(match args {
        [] => Ok(builder("", None)),
        [n @ (Value::Int(_) | Value::Long(_) | Value::Double(_))] => Ok(builder("", cap(n))),
        [s] => Ok(builder(&to_string(s), None)),
        [s, n] => Ok(builder(&to_string(s), cap(n))),
        _ => Err(arg_count("new", args.len())),
    })
}

/// .NET Framework 4 grows a builder by a block as long as what it holds (at most 8000), or
/// by what did not fit if that is more.
fn grow(b: &mut Builder) {
    let len = b.text.chars().count();
    while len > b.capacity {
        let rest = len - b.capacity;
        b.capacity += rest.max(b.capacity.min(8000));
    }
}

fn encoding_info(e: Encoding) -> (&'static str, &'static str, &'static str, i32, i32) {
    // (type, EncodingName, WebName, CodePage, WindowsCodePage)
    match e {
        Encoding::Utf8 => ("System.Text.UTF8Encoding", "Unicode (UTF-8)", "utf-8", 65001, 1200),
        Encoding::Ascii => ("System.Text.ASCIIEncoding", "US-ASCII", "us-ascii", 20127, 1252),
        Encoding::Unicode => ("System.Text.UnicodeEncoding", "Unicode", "utf-16", 1200, 1200),
        Encoding::BigEndianUnicode => ("System.Text.UnicodeEncoding", "Unicode (Big-Endian)", "utf-16BE", 1201, 1200),
        Encoding::Utf32 => ("System.Text.UTF32Encoding", "Unicode (UTF-32)", "utf-32", 12000, 1200),
    }
}

pub fn type_of(n: &Native) -> TypeRef {
    match n {
        Native::StringBuilder(_) => TypeRef::of(TypeKind::StringBuilder),
        Native::Encoding(e) => TypeRef::foreign(encoding_info(*e).0),
        Native::Regex(_) => TypeRef::of(TypeKind::Regex),
        Native::SecureString(_) => TypeRef::of(TypeKind::SecureString),
        Native::Reference(_) => super::reference::type_of(),
        Native::Xml(x) => super::xml::type_of(x),
    }
}

pub fn native_string(n: &Native) -> String {
    match n {
        Native::StringBuilder(b) => b.borrow().text.clone(),
        Native::Encoding(e) => encoding_info(*e).0.to_string(),
        Native::Regex(r) => r.pattern.clone(),
        Native::SecureString(_) => super::secure::SECURE_STRING.to_string(),
        Native::Reference(_) => super::reference::PS_REFERENCE.to_string(),
        Native::Xml(x) => super::xml::to_text(x),
    }
}

/// `[System.Text.Encoding]::UTF8` and the other encodings.
pub fn encoding_static(lower: &str) -> Option<Value> {
    let e = match lower {
        "utf8" => Encoding::Utf8,
        "ascii" => Encoding::Ascii,
        "unicode" => Encoding::Unicode,
        "bigendianunicode" => Encoding::BigEndianUnicode,
        "utf32" => Encoding::Utf32,
        _ => return None,
    };
    Some(Value::Native(Rc::new(Native::Encoding(e))))
}

fn encode(e: Encoding, s: &str) -> Vec<u8> {
    match e {
        Encoding::Utf8 => s.as_bytes().to_vec(),
        Encoding::Ascii => s.chars().map(|c| if c.is_ascii() { c as u8 } else { b'?' }).collect(),
        Encoding::Unicode => s.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        Encoding::BigEndianUnicode => s.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        Encoding::Utf32 => s.chars().flat_map(|c| (c as u32).to_le_bytes()).collect(),
    }
}

fn decode(e: Encoding, b: &[u8]) -> String {
    match e {
        Encoding::Utf8 => String::from_utf8_lossy(b).into_owned(),
        Encoding::Ascii => b.iter().map(|c| if c.is_ascii() { *c as char } else { '?' }).collect(),
        Encoding::Unicode | Encoding::BigEndianUnicode => {
            let units: Vec<u16> = b
                .chunks(2)
                .map(|p| {
                    if p.len() < 2 {
                        0xFFFD
                    } else if e == Encoding::Unicode {
                        u16::from_le_bytes([p[0], p[1]])
                    } else {
                        u16::from_be_bytes([p[0], p[1]])
                    }
                })
                .collect();
            String::from_utf16_lossy(&units)
        }
        Encoding::Utf32 => b
            .chunks(4)
            .map(|p| if p.len() < 4 { '\u{FFFD}' } else { char::from_u32(u32::from_le_bytes([p[0], p[1], p[2], p[3]])).unwrap_or('\u{FFFD}') })
            .collect(),
    }
}

fn preamble(e: Encoding) -> &'static [u8] {
    match e {
        Encoding::Utf8 => &[0xEF, 0xBB, 0xBF],
        Encoding::Ascii => &[],
        Encoding::Unicode => &[0xFF, 0xFE],
        Encoding::BigEndianUnicode => &[0xFE, 0xFF],
        Encoding::Utf32 => &[0xFF, 0xFE, 0, 0],
    }
}

/// A property; None for one the object does not have.
pub fn property(n: &Native, lower: &str) -> Option<Value> {
    match n {
        Native::StringBuilder(b) => {
            let b = b.borrow();
            Some(match lower {
                "length" => Value::Int(b.text.chars().count() as i32),
                "capacity" => Value::Int(b.capacity as i32),
                "maxcapacity" => Value::Int(MAX_CAPACITY),
                _ => return None,
            })
        }
        Native::Encoding(e) => {
            let (_, name, web, code_page, windows) = encoding_info(*e);
            Some(match lower {
                "encodingname" => Value::str(name),
                "webname" | "bodyname" | "headername" => Value::str(web),
                "codepage" => Value::Int(code_page),
                "windowscodepage" => Value::Int(windows),
                "issinglebyte" => Value::Bool(*e == Encoding::Ascii),
                "isreadonly" => Value::Bool(true),
                _ => return None,
            })
        }
        Native::Regex(r) => Some(match lower {
            "options" => super::regex::options_value(r),
            "righttoleft" => Value::Bool(r.options & 64 != 0),
            _ => return None,
        }),
        Native::SecureString(s) => super::secure::property(s, lower),
        Native::Reference(r) => (lower == "value").then(|| super::reference::get(r)),
        Native::Xml(x) => super::xml::adapter::property(x, lower),
    }
}

/// `$sb.Length = 0` (truncates or pads with NULs) and `$sb.Capacity = n`.
pub fn set_property(n: &Native, name: &str, value: &Value) -> Option<Result<(), ErrorRecord>> {
    if let Native::Xml(x) = n {
        return super::xml::adapter::set_property(x, name, value);
    }
    if let Native::Reference(r) = n {
        if name.eq_ignore_ascii_case("value") {
            super::reference::set(r, value.clone());
            return Some(Ok(()));
        }
        return None;
    }
    let Native::StringBuilder(b) = n else { return None };
    let lower = name.to_ascii_lowercase();
    let n = to_num(value).map(|x| x.as_f64() as i64).unwrap_or(-1);
    let mut b = b.borrow_mut();
    let len = b.text.chars().count();
    match lower.as_str() {
        "length" if n >= 0 => {
            if limits::check_string(n as usize).is_err() {
                return Some(Err(limits::out_of_memory()));
            }
            let mut t: String = b.text.chars().take(n as usize).collect();
            t.extend(std::iter::repeat_n('\0', (n as usize).saturating_sub(len)));
            b.text = t;
            grow(&mut b);
            Some(Ok(()))
        }
        "capacity" if n >= len as i64 => {
            b.capacity = n as usize;
            Some(Ok(()))
        }
        "length" | "capacity" => Some(Err(ErrorRecord::runtime(
            format!(
                "Exception setting \"{name}\": \"{}\"",
                if lower == "length" {
                    "Length cannot be less than zero.\r\nParameter name: Length"
                } else {
                    "capacity was less than the current size.\r\nParameter name: value"
                }
            ),
            "ExceptionWhenSetting",
            ErrorCategory::NotSpecified,
        ))),
        _ => None,
    }
}

/// A method. `Append` and its kin answer the builder itself, so an uncaptured call prints it.
pub fn method(target: &Value, n: &Native, lower: &str, name: &str, args: &[Value]) -> Result<Value, ErrorRecord> {
    match n {
        Native::StringBuilder(cell) => builder_method(target, cell, lower, name, args),
        // A regex's methods run script blocks; `Interp::regex_method` takes them.
        Native::Regex(_) | Native::Xml(_) => Err(not_found(target, name)),
        Native::SecureString(s) => super::secure::method(s, lower, name, args).unwrap_or_else(|| Err(not_found(target, name))),
        Native::Reference(_) => Err(not_found(target, name)),
        Native::Encoding(e) => {
            let e = *e;
            match (lower, args.len()) {
                ("getbytes", 1) => {
                    let s = match &args[0] {
                        Value::Array(_) => args[0].enumerate().iter().map(to_string).collect::<String>(),
                        other => to_string(other),
                    };
                    Ok(byte_array(&encode(e, &s)))
                }
                ("getbytecount", 1) => Ok(Value::Int(encode(e, &to_string(&args[0])).len() as i32)),
                ("getstring", 1 | 3) => {
                    let bytes = bytes_of(&args[0]).ok_or_else(|| super::argument_error("bytes", &args[0], name, &TypeRef::array_of(TypeKind::Byte), ""))?;
                    let (start, count) = match args.len() {
                        3 => (arg_usize(args, 1), arg_usize(args, 2)),
                        _ => (0, bytes.len()),
                    };
                    if start.checked_add(count).is_none_or(|end| end > bytes.len()) {
                        return Err(method_error(
                            name,
                            args,
                            "Index and count must refer to a location within the buffer.\r\nParameter name: bytes",
                            "ArgumentOutOfRangeException",
                        ));
                    }
                    Ok(Value::str(decode(e, &bytes[start..start + count])))
                }
                ("getpreamble", 0) => Ok(byte_array(preamble(e))),
                ("tostring", 0) => Ok(Value::str(encoding_info(e).0)),
                ("getbytes" | "getstring" | "getbytecount", n) => Err(arg_count(name, n)),
                _ => Err(not_found(target, name)),
            }
        }
    }
}

fn arg_usize(args: &[Value], i: usize) -> usize {
    args.get(i).and_then(to_num).map(|n| n.as_f64().max(0.0) as usize).unwrap_or(0)
}

fn builder_method(target: &Value, cell: &RefCell<Builder>, lower: &str, name: &str, args: &[Value]) -> Result<Value, ErrorRecord> {
    let len = cell.borrow().text.chars().count();
    let out_of_range = |text: &str| method_error(name, args, text, "ArgumentOutOfRangeException");
    let edit = |f: &mut dyn FnMut(&mut String)| -> Result<Value, ErrorRecord> {
        let mut b = cell.borrow_mut();
        f(&mut b.text);
        if limits::check_string(b.text.len()).is_err() {
            b.text.truncate(0);
            return Err(method_error(name, args, &limits::out_of_memory().message, "OutOfMemoryException"));
        }
        grow(&mut b);
        Ok(target.clone())
    };
    match (lower, args.len()) {
        ("append", 1) => {
            let t = net_to_string(&args[0]);
            edit(&mut |s| s.push_str(&t))
        }
        ("append", 2) if matches!(args[0], Value::Char(_)) => {
            let t: String = std::iter::repeat_n(to_string(&args[0]), arg_usize(args, 1).min(limits::MAX_STRING_BYTES)).collect();
            edit(&mut |s| s.push_str(&t))
        }
        ("appendline", 0 | 1) => {
            let t = args.first().map(net_to_string).unwrap_or_default();
            edit(&mut |s| {
                s.push_str(&t);
                s.push_str("\r\n");
            })
        }
        ("appendformat", n) if n >= 2 => {
            let rest: Vec<Value> = if n == 2 { args[1].enumerate() } else { args[1..].to_vec() };
            let t = to_string(&crate::engine::ops::format(&to_string(&args[0]), &rest).map_err(|e| method_error(name, args, &e.message, "FormatException"))?);
            edit(&mut |s| s.push_str(&t))
        }
        ("insert", 2) => {
            let at = to_num(&args[0]).map(|n| n.as_f64() as i64).unwrap_or(-1);
            if at < 0 || at > len as i64 {
                return Err(out_of_range("Index was out of range. Must be non-negative and less than the size of the collection.\r\nParameter name: index"));
            }
            let t = net_to_string(&args[1]);
            edit(&mut |s| {
                let byte = s.char_indices().nth(at as usize).map(|(b, _)| b).unwrap_or(s.len());
                s.insert_str(byte, &t);
            })
        }
        ("remove", 2) => {
            let (start, count) = (arg_usize(args, 0), arg_usize(args, 1));
            if start + count > len {
                return Err(out_of_range(
                    "Index was out of range. Must be non-negative and less than the size of the collection.\r\nParameter name: startIndex",
                ));
            }
            edit(&mut |s| *s = s.chars().take(start).chain(s.chars().skip(start + count)).collect())
        }
        ("replace", 2) => {
            let (old, new) = (to_string(&args[0]), to_string(&args[1]));
            if old.is_empty() {
                return Err(method_error(name, args, "String cannot be of zero length.\r\nParameter name: oldValue", "ArgumentException"));
            }
            edit(&mut |s| *s = s.replace(&old, &new))
        }
        ("clear", 0) => edit(&mut |s| s.clear()),
        ("tostring", 0) => Ok(Value::str(&cell.borrow().text)),
        ("tostring", 2) => {
            let (start, count) = (arg_usize(args, 0), arg_usize(args, 1));
            if start + count > len {
                return Err(out_of_range("Index and length must refer to a location within the string.\r\nParameter name: length"));
            }
            Ok(Value::str(cell.borrow().text.chars().skip(start).take(count).collect::<String>()))
        }
        ("append" | "appendline" | "appendformat" | "insert" | "remove" | "replace" | "clear" | "tostring", n) => Err(arg_count(name, n)),
        _ => Err(not_found(target, name)),
    }
}

/// What Out-Default draws: a builder's Capacity/MaxCapacity/Length, an encoding's properties.
pub fn display(n: &Native) -> Value {
    if let Native::Regex(r) = n {
        return super::regex::display(r);
    }
    if let Native::Reference(r) = n {
        return super::reference::display(r);
    }
    if let Native::Xml(x) = n {
        return super::xml::adapter::display(x);
    }
    let mut o = PsObject::typed(&type_of(n).full_name());
    match n {
        Native::SecureString(_) => o.add_typed("Length", "int", property(n, "length").unwrap_or(Value::Null)),
        Native::StringBuilder(_) => {
            for p in ["Capacity", "MaxCapacity", "Length"] {
                o.add_typed(p, "int", property(n, &p.to_ascii_lowercase()).unwrap_or(Value::Null));
            }
        }
        Native::Encoding(e) => {
            let (_, name, web, code_page, windows) = encoding_info(*e);
            let ascii = *e == Encoding::Ascii;
            let browser = matches!(e, Encoding::Utf8 | Encoding::Ascii);
            o.add_typed("BodyName", "string", Value::str(web));
            o.add_typed("EncodingName", "string", Value::str(name));
            o.add_typed("HeaderName", "string", Value::str(web));
            o.add_typed("WebName", "string", Value::str(web));
            o.add_typed("WindowsCodePage", "int", Value::Int(windows));
            o.add_typed("IsBrowserDisplay", "bool", Value::Bool(browser));
            o.add_typed("IsBrowserSave", "bool", Value::Bool(browser || *e == Encoding::Unicode));
            o.add_typed("IsMailNewsDisplay", "bool", Value::Bool(browser));
            o.add_typed("IsMailNewsSave", "bool", Value::Bool(browser));
            o.add_typed("IsSingleByte", "bool", Value::Bool(ascii));
            o.add_typed("EncoderFallback", "System.Text.EncoderFallback", Value::str("System.Text.EncoderReplacementFallback"));
            o.add_typed("DecoderFallback", "System.Text.DecoderFallback", Value::str("System.Text.DecoderReplacementFallback"));
            o.add_typed("IsReadOnly", "bool", Value::Bool(true));
            o.add_typed("CodePage", "int", Value::Int(code_page));
        }
        Native::Regex(_) | Native::Xml(_) | Native::Reference(_) => {}
    }
    Value::object(o)
}
