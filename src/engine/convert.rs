//! PowerShell's conversions (LanguagePrimitives): to string, to bool, to numbers
//! and to the types that casts and parameter binding ask for.

use chrono::{NaiveDate, NaiveDateTime};
use uuid::Uuid;

use crate::lang::lexer;

use super::types::EnumDef;
use super::value::{Hashtable, PsObject, TypeKind, TypeRef, Value};

/// The string PowerShell makes of a value (invariant culture, arrays joined by spaces).
pub fn to_string(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::Long(i) => i.to_string(),
        Value::UInt(i) => i.to_string(),
        Value::ULong(i) => i.to_string(),
        Value::Double(d) => format_double(*d),
        Value::Char(c) => c.to_string(),
        Value::Str(s) => s.to_string(),
        Value::Guid(g) => g.hyphenated().to_string(),
        Value::DateTime(d) => d.format("%m/%d/%Y %H:%M:%S").to_string(),
        Value::TimeSpan(t) => format_timespan(*t),
        Value::Enum(e) => e.name.clone(),
        Value::Array(a) => a.borrow().iter().map(to_string).collect::<Vec<_>>().join(" "),
        // A collection joins its items, as an array does; a dictionary is not joined.
        Value::List(l) => l.items.borrow().iter().map(to_string).collect::<Vec<_>>().join(" "),
        Value::Hashtable(_) => super::dotnet::registry::type_of(v).dotnet_string(),
        Value::Object(o) => object_to_string(&o.borrow()),
        Value::ScriptBlock(b) => b.inner_text().to_string(),
        // PSObject.ToString of a type: its accelerator or PowerShell's generic spelling.
        Value::Type(t) => t.ps_name(),
        Value::Error(e) => e.message.clone(),
        Value::Native(n) => super::dotnet::text::native_string(n),
    }
}

/// `.ToString()`: .NET's own text (collections show their type name, unlike string
/// conversion), as .NET's messages also show a value.
pub fn net_to_string(v: &Value) -> String {
    match v {
        Value::Array(_) | Value::List(_) | Value::Hashtable(_) => super::dotnet::registry::type_of(v).dotnet_string(),
        Value::Type(t) => t.dotnet_string(),
        Value::DateTime(d) => d.format("%-m/%-d/%Y %-I:%M:%S %p").to_string(),
        other => to_string(other),
    }
}

/// A `System.Version`; Build and Revision are -1 when absent, as in .NET (`[version]'3.0'`).
pub fn version_object(major: i32, minor: i32, build: i32, revision: i32) -> Value {
    let mut v = PsObject::typed("System.Version");
    let (major_rev, minor_rev) = ((revision >> 16) as i16 as i32, (revision & 0xFFFF) as i16 as i32);
    for (name, n) in [("Major", major), ("Minor", minor), ("Build", build), ("Revision", revision), ("MajorRevision", major_rev), ("MinorRevision", minor_rev)]
    {
        v.add_typed(name, "int", Value::Int(n));
    }
    Value::object(v)
}

/// The (Major, Minor, Build, Revision) of a Version object, which orders versions as .NET does.
pub fn version_key(v: &Value) -> Option<[i64; 4]> {
    let Value::Object(o) = v else { return None };
    let o = o.borrow();
    if o.type_names.first().is_none_or(|t| t != "System.Version") {
        return None;
    }
    let part = |n: &str| match o.get(n) {
        Some(Value::Int(i)) => *i as i64,
        _ => -1,
    };
    Some([part("Major"), part("Minor"), part("Build"), part("Revision")])
}

/// `Version.Parse`: two to four dot-separated non-negative 32-bit components.
pub fn to_version(v: &Value) -> Result<Value, String> {
    if version_key(v).is_some() {
        return Ok(v.clone());
    }
    let text = to_string(v);
    let parts: Vec<&str> = text.trim().split('.').collect();
    if !(2..=4).contains(&parts.len()) {
        return Err(cast_error(v, "System.Version", "Version string portion was too short or too long."));
    }
    let mut n = [-1i32; 4];
    for (slot, part) in n.iter_mut().zip(&parts) {
        *slot = match part.trim().parse::<i64>() {
            Ok(x) if (0..=i32::MAX as i64).contains(&x) => x as i32,
            Ok(_) => return Err(cast_error(v, "System.Version", "Version's parameters must be greater than or equal to zero.\r\nParameter name: version")),
            Err(_) => return Err(cast_error(v, "System.Version", BAD_FORMAT)),
        };
    }
    Ok(version_object(n[0], n[1], n[2], n[3]))
}

/// A PSCustomObject shows `@{a=1; b=2}`; a typed object its type name.
pub fn object_to_string(o: &PsObject) -> String {
    if let Some(text) = &o.text {
        return text.clone();
    }
    if let Some(text) = super::redirect::record_text(o) {
        return text;
    }
    if o.type_names.first().is_some_and(|t| t == "System.Version") {
        // Absent components are -1 and are left out, as Version.ToString does.
        let parts: Vec<String> = ["Major", "Minor", "Build", "Revision"].iter().filter_map(|n| o.get(n).map(to_string)).filter(|s| s != "-1").collect();
        return parts.join(".");
    }
    if let Some(text) = super::host_object::object_text(o) {
        return text;
    }
    if o.type_names.first().is_some_and(|t| t == super::dotnet::match_info::MATCH_INFO) {
        return super::dotnet::match_info::text(o, None);
    }
    if o.type_names.first().is_some_and(|t| super::dotnet::regex::is_match_part(t)) {
        return o.get("Value").map(to_string).unwrap_or_default();
    }
    // Types whose ToString is one of their properties: a location's path, a file's full name,
    // an address's text, a choice's label.
    const SHOWN_BY: [(&str, &str); 5] = [
        ("System.Management.Automation.PathInfo", "Path"),
        ("System.IO.FileInfo", "FullName"),
        ("System.IO.DirectoryInfo", "FullName"),
        (super::dotnet::ipaddress::IP_ADDRESS, "IPAddressToString"),
        (super::host_object::CHOICE_DESCRIPTION, "Label"),
    ];
    if let Some((_, prop)) = SHOWN_BY.iter().find(|(t, _)| o.type_names.first().is_some_and(|n| n == t)) {
        return o.get(prop).map(to_string).unwrap_or_default();
    }
    if o.is_custom() {
        let parts: Vec<String> = o.props.iter().map(|p| format!("{}={}", p.name, nested_to_string(&p.value))).collect();
        format!("@{{{}}}", parts.join("; "))
    } else {
        o.type_names.first().cloned().unwrap_or_default()
    }
}

/// Inside `@{...}` text, collections show their .NET type name rather than their items.
fn nested_to_string(v: &Value) -> String {
    match v {
        Value::Array(_) => "System.Object[]".into(),
        other => to_string(other),
    }
}

/// .NET's `Double.ToString()` in PowerShell: 15 significant digits ("G15").
pub fn format_double(d: f64) -> String {
    format_general(d, 15)
}

/// .NET "G" formatting with the given precision: fixed notation for exponents
/// above -5 and below the precision, scientific (`1E+20`, `1E-05`) otherwise.
pub fn format_general(d: f64, precision: usize) -> String {
    if d.is_nan() {
        return "NaN".into();
    }
    if d.is_infinite() {
        return if d > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    if d == 0.0 {
        return "0".into();
    }
    let sci = format!("{:.*e}", precision - 1, d);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    if exp > -5 && exp < precision as i32 {
        if exp >= 0 {
            let int_len = exp as usize + 1;
            if digits.len() <= int_len {
                out.push_str(digits);
                out.extend(std::iter::repeat_n('0', int_len - digits.len()));
            } else {
                out.push_str(&digits[..int_len]);
                out.push('.');
                out.push_str(&digits[int_len..]);
            }
        } else {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-exp - 1) as usize));
            out.push_str(digits);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('E');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// TimeSpan's constant ("c") format: `[-][d.]hh:mm:ss[.fffffff]`.
pub fn format_timespan(ticks: i64) -> String {
    let neg = ticks < 0;
    let t = ticks.unsigned_abs();
    let frac = t % 10_000_000;
    let total_secs = t / 10_000_000;
    let (d, h, m, s) = (total_secs / 86400, (total_secs / 3600) % 24, (total_secs / 60) % 60, total_secs % 60);
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if d > 0 {
        out.push_str(&format!("{d}."));
    }
    out.push_str(&format!("{h:02}:{m:02}:{s:02}"));
    if frac > 0 {
        out.push_str(&format!(".{frac:07}"));
    }
    out
}

/// PowerShell truthiness.
pub fn to_bool(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::Long(i) => *i != 0,
        Value::UInt(i) => *i != 0,
        Value::ULong(i) => *i != 0,
        Value::Double(d) => *d != 0.0,
        Value::Char(c) => *c != '\0',
        Value::Str(s) => !s.is_empty(),
        Value::Array(a) => {
            let a = a.borrow();
            match a.len() {
                0 => false,
                1 => to_bool(&a[0]),
                _ => true,
            }
        }
        Value::Enum(e) => e.value != 0,
        _ => true,
    }
}

/// Parses text the way PowerShell converts a string to a number; `None` when it is not one.
pub fn parse_number(s: &str) -> Option<Value> {
    let t = s.trim();
    if t.is_empty() {
        return Some(Value::Int(0));
    }
    let (neg, body) = match t.chars().next() {
        Some(c) if lexer::is_dash(c) => (true, &t[c.len_utf8()..]),
        Some('+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (rest, n) = lexer::number(body).ok()?;
    if !rest.is_empty() {
        return None;
    }
    Some(match n? {
        lexer::Number::Int(i) => {
            let i = if neg { -i } else { i };
            match i32::try_from(i) {
                Ok(v) => Value::Int(v),
                Err(_) => Value::Long(i),
            }
        }
        lexer::Number::Long(i) => Value::Long(if neg { -i } else { i }),
        lexer::Number::Double(d) => Value::Double(if neg { -d } else { d }),
    })
}

/// A numeric view of a value for arithmetic and comparison.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num {
    I(i64),
    U(u64),
    F(f64),
}

impl Num {
    pub fn as_f64(self) -> f64 {
        match self {
            Num::I(i) => i as f64,
            Num::U(u) => u as f64,
            Num::F(f) => f,
        }
    }
}

pub fn to_num(v: &Value) -> Option<Num> {
    match v {
        Value::Null => Some(Num::I(0)),
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::Int(i) => Some(Num::I(*i as i64)),
        Value::Long(i) => Some(Num::I(*i)),
        Value::UInt(i) => Some(Num::I(*i as i64)),
        Value::ULong(u) => Some(Num::U(*u)),
        Value::Double(d) => Some(Num::F(*d)),
        Value::Char(c) => Some(Num::I(*c as i64)),
        Value::Enum(e) => Some(Num::I(e.value)),
        Value::Str(s) => parse_number(s).and_then(|v| to_num(&v)),
        Value::TimeSpan(t) => Some(Num::I(*t)),
        Value::Array(a) => {
            let a = a.borrow();
            if a.len() == 1 {
                to_num(&a[0])
            } else {
                None
            }
        }
        _ => None,
    }
}

fn cast_error(v: &Value, target: &str, inner: &str) -> String {
    format!("Cannot convert value \"{}\" to type \"{}\". Error: \"{}\"", to_string(v), target, inner)
}

pub fn invalid_cast(v: &Value, target: &str) -> String {
    format!("Cannot convert the \"{}\" value of type \"{}\" to type \"{}\".", net_to_string(v), v.type_name(), target)
}

const BAD_FORMAT: &str = "Input string was not in a correct format.";

fn integer_of(v: &Value, target: &str, min: f64, max: f64, short: &str) -> Result<i128, String> {
    let n = match v {
        Value::Str(s) => match parse_number(s) {
            Some(n) => to_num(&n),
            None => return Err(cast_error(v, target, BAD_FORMAT)),
        },
        Value::Null => Some(Num::I(0)),
        other => to_num(other),
    };
    let overflow = || cast_error(v, target, &format!("Value was either too large or too small for {short}."));
    match n {
        Some(Num::I(i)) if (i as f64) >= min && (i as f64) <= max => Ok(i as i128),
        Some(Num::U(u)) if (u as f64) <= max => Ok(u as i128),
        Some(Num::F(f)) if f.is_finite() => {
            let r = f.round_ties_even();
            if r >= min && r <= max {
                Ok(r as i128)
            } else {
                Err(overflow())
            }
        }
        Some(_) => Err(overflow()),
        None => Err(invalid_cast(v, target)),
    }
}

/// Converts a value to a type, with 5.1's error text when it cannot.
pub fn convert(v: &Value, ty: &TypeRef) -> Result<Value, String> {
    if ty.is_array {
        let elem = ty.element();
        let items = match v {
            Value::Null => return Ok(Value::Null),
            // `[char[]]'abc'` is the string's characters.
            Value::Str(s) if elem.kind == TypeKind::Char => s.chars().map(Value::Char).collect(),
            Value::Array(_) | Value::List(_) => v.enumerate(),
            other => vec![other.clone()],
        };
        let mut out = Vec::with_capacity(items.len());
        for i in &items {
            out.push(convert(i, &elem)?);
        }
        return Ok(Value::array(out));
    }
    // .NET's messages name the target with `Type.ToString()`.
    let target = ty.dotnet_string();
    Ok(match ty.kind {
        TypeKind::Object | TypeKind::PSObject => v.clone(),
        TypeKind::Int => Value::Int(integer_of(v, &target, i32::MIN as f64, i32::MAX as f64, "an Int32")? as i32),
        TypeKind::Long => Value::Long(integer_of(v, &target, i64::MIN as f64, i64::MAX as f64, "an Int64")? as i64),
        TypeKind::UInt => Value::UInt(integer_of(v, &target, 0.0, u32::MAX as f64, "a UInt32")? as u32),
        TypeKind::ULong => Value::ULong(integer_of(v, &target, 0.0, u64::MAX as f64, "a UInt64")? as u64),
        TypeKind::Byte => Value::Int(integer_of(v, &target, 0.0, 255.0, "an unsigned byte")? as i32),
        TypeKind::Double | TypeKind::Decimal => match v {
            Value::Str(s) => match parse_number(s).and_then(|n| to_num(&n)) {
                Some(n) => Value::Double(n.as_f64()),
                None => return Err(cast_error(v, &target, BAD_FORMAT)),
            },
            other => match to_num(other) {
                Some(n) => Value::Double(n.as_f64()),
                None => return Err(invalid_cast(v, &target)),
            },
        },
        TypeKind::String => match v {
            Value::Null => Value::str(""),
            other => Value::str(to_string(other)),
        },
        TypeKind::Char => match v {
            Value::Char(c) => Value::Char(*c),
            Value::Str(s) if s.chars().count() == 1 => Value::Char(s.chars().next().unwrap_or(' ')),
            Value::Str(_) => return Err(cast_error(v, &target, "String must be exactly one character long.")),
            other => match to_num(other) {
                Some(Num::I(i)) => char::from_u32(i as u32).map(Value::Char).ok_or_else(|| invalid_cast(v, &target))?,
                _ => return Err(invalid_cast(v, &target)),
            },
        },
        TypeKind::Bool | TypeKind::Switch => Value::Bool(to_bool(v)),
        TypeKind::Guid => match v {
            Value::Guid(g) => Value::Guid(*g),
            Value::Str(s) => Value::Guid(
                parse_guid(s).ok_or_else(|| cast_error(v, &target, "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)."))?,
            ),
            Value::Null => return Err(format!("Cannot convert null to type \"{target}\".")),
            _ => return Err(invalid_cast(v, &target)),
        },
        TypeKind::DateTime => match v {
            Value::DateTime(d) => Value::DateTime(*d),
            Value::Str(s) => Value::DateTime(parse_datetime(s).ok_or_else(|| cast_error(v, &target, "String was not recognized as a valid DateTime."))?),
            _ => return Err(invalid_cast(v, &target)),
        },
        TypeKind::TimeSpan => match v {
            Value::TimeSpan(t) => Value::TimeSpan(*t),
            Value::Str(s) => Value::TimeSpan(parse_timespan(s).ok_or_else(|| cast_error(v, &target, "String was not recognized as a valid TimeSpan."))?),
            other => match to_num(other) {
                Some(Num::I(i)) => Value::TimeSpan(i),
                _ => return Err(invalid_cast(v, &target)),
            },
        },
        TypeKind::Array => match v {
            Value::Array(_) => v.clone(),
            Value::Null => Value::Null,
            other => Value::array(vec![other.clone()]),
        },
        TypeKind::Hashtable => match v {
            Value::Hashtable(_) | Value::Null => v.clone(),
            _ => return Err(invalid_cast(v, &target)),
        },
        TypeKind::Ordered => match v {
            Value::Hashtable(h) => {
                let mut o = Hashtable::new(true);
                for (k, val) in h.borrow().iter() {
                    o.insert(k.clone(), val.clone());
                }
                Value::hashtable(o)
            }
            _ => return Err(invalid_cast(v, &target)),
        },
        TypeKind::PSCustomObject => match v {
            Value::Hashtable(h) => {
                let mut o = PsObject::custom();
                for (k, val) in h.borrow().iter() {
                    o.add_note(&to_string(k), val.clone());
                }
                Value::object(o)
            }
            other => other.clone(),
        },
        // $null converts to a reference type as $null (an unbound [scriptblock] parameter too).
        TypeKind::ScriptBlock => match v {
            Value::ScriptBlock(_) | Value::Null => v.clone(),
            _ => return Err(invalid_cast(v, &target)),
        },
        TypeKind::Void => Value::Null,
        TypeKind::Regex => match v {
            Value::Native(n) if matches!(**n, super::value::Native::Regex(_)) => v.clone(),
            Value::Null => Value::Null,
            other => {
                let pattern = to_string(other);
                super::dotnet::regex::compile(&pattern, 0)
                    .map(super::dotnet::regex::regex_value)
                    .map_err(|inner| super::dotnet::regex::cast_error(&pattern, &inner))?
            }
        },
        TypeKind::XmlDocument => super::dotnet::xml::convert(v)?,
        TypeKind::XmlNode(_) => super::dotnet::xml::convert_node(v, ty)?,
        TypeKind::Type => match v {
            Value::Type(_) => v.clone(),
            Value::Str(s) => match super::types::resolve(s, false) {
                Some(t) => Value::Type(t),
                None => return Err(cast_error(v, &target, &format!("Unable to find type [{s}]."))),
            },
            _ => return Err(invalid_cast(v, &target)),
        },
        TypeKind::Enum(def) => convert_enum(v, def)?,
        TypeKind::Version => to_version(v)?,
        TypeKind::ErrorRecord | TypeKind::Exception => match v {
            Value::Error(_) => v.clone(),
            _ => return Err(invalid_cast(v, &target)),
        },
        TypeKind::ArrayList | TypeKind::List | TypeKind::HashSet | TypeKind::Queue | TypeKind::Stack => super::dotnet::collections::convert_to(v, ty)?,
        TypeKind::Dictionary | TypeKind::Foreign if super::dotnet::registry::value_is(v, ty) => v.clone(),
        TypeKind::StringBuilder | TypeKind::Encoding if super::dotnet::registry::value_is(v, ty) => v.clone(),
        TypeKind::SecureString | TypeKind::PSCredential | TypeKind::NetworkCredential if super::dotnet::registry::value_is(v, ty) => v.clone(),
        TypeKind::ChoiceDescription | TypeKind::HostSize | TypeKind::HostCoordinates if super::dotnet::registry::value_is(v, ty) => v.clone(),
        TypeKind::IpAddress => super::dotnet::ipaddress::convert_to(v).map_err(|why| cast_error(v, &target, &why))?,
        TypeKind::Ref if super::dotnet::reference::is_reference(v) => v.clone(),
        TypeKind::Ref => super::dotnet::reference::reference_value(super::dotnet::reference::Reference::Value(v.clone())),
        kind @ TypeKind::ChoiceDescription if super::host_object::convert_to(v, kind).is_some() => {
            super::host_object::convert_to(v, kind).unwrap_or(Value::Null)
        }
        // PowerShell converts by a one-argument constructor: `StringBuilder(string)`.
        TypeKind::StringBuilder => super::dotnet::text::builder(&to_string(v), None),
        TypeKind::Math
        | TypeKind::Environment
        | TypeKind::Convert
        | TypeKind::Console
        | TypeKind::Dictionary
        | TypeKind::Foreign
        | TypeKind::Encoding
        | TypeKind::Path
        | TypeKind::SecureString
        | TypeKind::PSCredential
        | TypeKind::NetworkCredential
        | TypeKind::Marshal
        | TypeKind::ChoiceDescription
        | TypeKind::HostSize
        | TypeKind::HostCoordinates
        | TypeKind::XmlNamespaceManager => return Err(invalid_cast(v, &target)),
    })
}

/// String or number to an enumeration member.
pub fn convert_enum(v: &Value, def: &'static EnumDef) -> Result<Value, String> {
    match v {
        Value::Enum(e) if e.type_name == def.full_name => Ok(v.clone()),
        Value::Null => Err(format!(
            "Cannot convert null to type \"{}\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"{}\".",
            def.full_name,
            def.member_list()
        )),
        other => {
            let text = match other {
                Value::Enum(e) => e.name.clone(),
                o => to_string(o),
            };
            if let Some((name, value)) = def.parse(&text) {
                return Ok(Value::enum_value(def.full_name, name, value));
            }
            // 5.1 also takes a unique case-insensitive prefix of a name (EnumDisambiguate).
            let t = text.trim().to_ascii_lowercase();
            let matches: Vec<&(&str, i64)> = def.members.iter().filter(|(n, _)| !t.is_empty() && n.to_ascii_lowercase().starts_with(&t)).collect();
            match matches.as_slice() {
                [(name, value)] => Ok(Value::enum_value(def.full_name, name, *value)),
                [] => Err(cast_error(
                    other,
                    def.full_name,
                    &format!(
                        "Unable to match the identifier name {} to a valid enumerator name. Specify one of the following enumerator names and try again:\r\n{}",
                        text,
                        sorted_names(def)
                    ),
                )),
                several => Err(cast_error(
                    other,
                    def.full_name,
                    &format!(
                        "The identifier name {} cannot be processed because it is either too similar or identical to the following enumerator names: {}. Use a more specific identifier name.",
                        text,
                        several.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
                    ),
                )),
            }
        }
    }
}

/// Enum.GetNames order: by underlying value.
fn sorted_names(def: &EnumDef) -> String {
    let mut members: Vec<&(&str, i64)> = def.members.iter().collect();
    members.sort_by_key(|(_, v)| *v as u64);
    members.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
}

/// .NET's Guid.Parse formats: plain 32 digits, hyphenated, and braced or parenthesised.
pub fn parse_guid(s: &str) -> Option<Uuid> {
    let t = s.trim();
    let inner = t.strip_prefix('{').and_then(|x| x.strip_suffix('}')).or_else(|| t.strip_prefix('(').and_then(|x| x.strip_suffix(')'))).unwrap_or(t);
    let hyphenated = inner.len() == 36 && [8, 13, 18, 23].iter().all(|&i| inner.as_bytes()[i] == b'-');
    if !(hyphenated || (inner.len() == 32 && inner.chars().all(|c| c.is_ascii_hexdigit()))) {
        return None;
    }
    Uuid::parse_str(inner).ok()
}

/// The date formats scripts use: invariant `MM/dd/yyyy [HH:mm:ss]` and ISO 8601.
pub fn parse_datetime(s: &str) -> Option<NaiveDateTime> {
    // The invariant culture's forms that DateTime.Parse takes and scripts write: US dates,
    // ISO dates, either with or without seconds and with a 12- or 24-hour clock, the
    // month's name, and DateTime's own ToString forms, so that "$date" converts back.
    const DATE_TIMES: &[&str] = &[
        "%m/%d/%Y %H:%M:%S",
        "%m/%d/%Y %H:%M",
        "%m/%d/%Y %I:%M:%S %p",
        "%m/%d/%Y %I:%M %p",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S%.fZ",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %I:%M:%S %p",
        "%Y-%m-%d %I:%M %p",
        "%Y/%m/%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
        "%A, %B %d, %Y %I:%M:%S %p",
        "%B %d, %Y %I:%M:%S %p",
        "%B %d, %Y %H:%M:%S",
        "%d %B %Y %H:%M:%S",
    ];
    const DATES: &[&str] = &["%m/%d/%Y", "%Y-%m-%d", "%Y/%m/%d", "%A, %B %d, %Y", "%B %d, %Y", "%B %d %Y", "%d %B %Y", "%b %d, %Y", "%b %d %Y", "%d %b %Y"];
    let t = s.trim();
    if let Some(d) = DATE_TIMES.iter().find_map(|f| NaiveDateTime::parse_from_str(t, f).ok()) {
        return Some(d);
    }
    DATES.iter().find_map(|f| NaiveDate::parse_from_str(t, f).ok()).and_then(|d| d.and_hms_opt(0, 0, 0))
}

/// `[d.]hh:mm[:ss[.fffffff]]` or a whole number of days.
pub fn parse_timespan(s: &str) -> Option<i64> {
    let t = s.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t),
    };
    let (days, time) = match t.split_once('.') {
        Some((d, rest)) if rest.contains(':') && !d.contains(':') => (d.parse::<i64>().ok()?, rest),
        _ if !t.contains(':') => (t.parse::<i64>().ok()?, "0:0"),
        _ => (0, t),
    };
    let (time, frac) = match time.split_once('.') {
        Some((a, f)) => (a, f),
        None => (time, ""),
    };
    let parts: Vec<i64> = time.split(':').map(|p| p.parse::<i64>().ok()).collect::<Option<Vec<_>>>()?;
    let (h, m, sec) = match parts.as_slice() {
        [h, m] => (*h, *m, 0),
        [h, m, s] => (*h, *m, *s),
        _ => return None,
    };
    if h > 23 || m > 59 || sec > 59 {
        return None;
    }
    let mut frac_ticks = 0i64;
    if !frac.is_empty() {
        let padded = format!("{frac:0<7}");
        frac_ticks = padded.get(..7)?.parse().ok()?;
    }
    let ticks = (((days * 24 + h) * 60 + m) * 60 + sec) * 10_000_000 + frac_ticks;
    Some(if neg { -ticks } else { ticks })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_in_the_forms_scripts_write_and_datetime_prints() {
        let at = |y, mo, d, h, mi, s| NaiveDate::from_ymd_opt(y, mo, d).and_then(|x| x.and_hms_opt(h, mi, s));
        for (text, want) in [
            ("10/10/2016 12:00", at(2016, 10, 10, 12, 0, 0)),
            ("1/2/2016", at(2016, 1, 2, 0, 0, 0)),
            ("10/10/2016 12:00:00 PM", at(2016, 10, 10, 12, 0, 0)),
            ("10/10/2016 9:05 AM", at(2016, 10, 10, 9, 5, 0)),
            ("2016-10-10 09:30", at(2016, 10, 10, 9, 30, 0)),
            ("2016-10-10T09:30:15Z", at(2016, 10, 10, 9, 30, 15)),
            ("Monday, October 10, 2016 12:00:00 PM", at(2016, 10, 10, 12, 0, 0)),
            ("October 10, 2016", at(2016, 10, 10, 0, 0, 0)),
            ("10 Oct 2016", at(2016, 10, 10, 0, 0, 0)),
        ] {
            assert_eq!(parse_datetime(text), want, "{text}");
        }
        assert_eq!(parse_datetime("13/40/2016"), None);
        assert_eq!(parse_datetime("yesterday"), None);
    }

    #[test]
    fn doubles_print_like_dotnet() {
        assert_eq!(format_double(0.1 + 0.2), "0.3");
        assert_eq!(format_double(1.0 / 3.0), "0.333333333333333");
        assert_eq!(format_double(1.5), "1.5");
        assert_eq!(format_double(100.0), "100");
        assert_eq!(format_double(1e20), "1E+20");
        assert_eq!(format_double(1e-5), "1E-05");
        assert_eq!(format_double(0.0001), "0.0001");
        assert_eq!(format_double(-2.5), "-2.5");
        assert_eq!(format_double(123456789012345.0), "123456789012345");
        assert_eq!(format_double(1234567890123456.0), "1.23456789012346E+15");
    }

    #[test]
    fn casts_follow_powershell() {
        let int = TypeRef::of(TypeKind::Int);
        assert!(matches!(convert(&Value::Double(2.5), &int), Ok(Value::Int(2))));
        assert!(matches!(convert(&Value::Double(3.5), &int), Ok(Value::Int(4))));
        assert!(matches!(convert(&Value::str(" 0x10 "), &int), Ok(Value::Int(16))));
        assert_eq!(
            convert(&Value::str("abc"), &int).unwrap_err(),
            "Cannot convert value \"abc\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\""
        );
        let guid = TypeRef::of(TypeKind::Guid);
        assert!(convert(&Value::str("6ed7e310-1a02-4261-915f-6ccfedc416f1"), &guid).is_ok());
        assert!(convert(&Value::str("6ed7e3101a024261915f6ccfedc416f1"), &guid).is_ok());
        assert!(convert(&Value::str("nope"), &guid).unwrap_err().contains("Guid should contain 32 digits"));
    }

    #[test]
    fn truthiness() {
        assert!(to_bool(&Value::str("False")));
        assert!(!to_bool(&Value::str("")));
        assert!(!to_bool(&Value::array(vec![])));
        assert!(!to_bool(&Value::array(vec![Value::Int(0)])));
        assert!(to_bool(&Value::array(vec![Value::Int(0), Value::Int(0)])));
    }

    #[test]
    fn timespans() {
        assert_eq!(parse_timespan("00:00:30"), Some(300_000_000));
        assert_eq!(parse_timespan("1.02:00:00"), Some(26 * 3600 * 10_000_000));
        assert_eq!(format_timespan(300_000_000), "00:00:30");
        assert_eq!(format_timespan(26 * 3600 * 10_000_000), "1.02:00:00");
    }
}
