//! The one table of the .NET types the engine emulates: how a script may name each
//! (5.1's accelerators, the full name with `System.` optional, generic names written
//! `List[string]`), what `.GetType()` of a value is, and each type's identity — full
//! name, `Name`, base type, value type or not — as reflection reports it.

use std::rc::Rc;

use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::types::{ACTION_PREFERENCE, CONFIRM_IMPACT};
use crate::engine::value::{TypeKind, TypeRef, Value, PSCUSTOMOBJECT};

/// The assembly a type lives in: generic type arguments are written assembly-qualified in a
/// `FullName`, as .NET writes them.
#[derive(Clone, Copy)]
enum Assembly {
    Mscorlib,
    System,
    SystemCore,
    Automation,
}

impl Assembly {
    fn qualified(self) -> &'static str {
        match self {
            Assembly::Mscorlib => "mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089",
            Assembly::System => "System, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089",
            Assembly::SystemCore => "System.Core, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089",
            Assembly::Automation => "System.Management.Automation, Version=3.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35",
        }
    }
}

/// One emulated type.
struct TypeInfo {
    kind: TypeKind,
    /// The full name; a generic type's ends in its arity (`List`1`).
    full: &'static str,
    /// 5.1's accelerator for it, the short name `"$type"` shows (`int`, `hashtable`).
    accelerator: Option<&'static str>,
    /// Other names a script may write, lower case (further accelerators, short forms).
    aliases: &'static [&'static str],
    /// The base type's full name; empty for `System.Object`.
    base: &'static str,
    value_type: bool,
    serializable: bool,
    assembly: Assembly,
}

const fn t(kind: TypeKind, full: &'static str, accelerator: Option<&'static str>, base: &'static str) -> TypeInfo {
    TypeInfo { kind, full, accelerator, aliases: &[], base, value_type: false, serializable: true, assembly: Assembly::Mscorlib }
}

const OBJ: &str = "System.Object";
const VT: &str = "System.ValueType";

/// Value types: a number, a character, a date — copied, not shared.
const fn v(kind: TypeKind, full: &'static str, accelerator: Option<&'static str>) -> TypeInfo {
    TypeInfo { value_type: true, ..t(kind, full, accelerator, VT) }
}

static TYPES: &[TypeInfo] = &[
    t(TypeKind::Object, OBJ, None, ""),
    TypeInfo { assembly: Assembly::Automation, ..t(TypeKind::PSObject, "System.Management.Automation.PSObject", Some("psobject"), OBJ) },
    // `[pscustomobject]` is PSObject too; its own kind makes `[pscustomobject]@{}` build an object.
    TypeInfo { assembly: Assembly::Automation, ..t(TypeKind::PSCustomObject, "System.Management.Automation.PSObject", Some("pscustomobject"), OBJ) },
    v(TypeKind::Int, "System.Int32", Some("int")),
    TypeInfo { aliases: &["int64"], ..v(TypeKind::Long, "System.Int64", Some("long")) },
    // `uint`/`ulong` are not 5.1 accelerators but scripts written for 7 use them; kept as before.
    TypeInfo { aliases: &["uint"], ..v(TypeKind::UInt, "System.UInt32", Some("uint32")) },
    TypeInfo { aliases: &["ulong"], ..v(TypeKind::ULong, "System.UInt64", Some("uint64")) },
    // One floating-point kind stands for both: `[single]` values compute as doubles.
    TypeInfo { aliases: &["float", "single"], ..v(TypeKind::Double, "System.Double", Some("double")) },
    v(TypeKind::Decimal, "System.Decimal", Some("decimal")),
    v(TypeKind::Byte, "System.Byte", Some("byte")),
    t(TypeKind::String, "System.String", Some("string"), OBJ),
    v(TypeKind::Char, "System.Char", Some("char")),
    TypeInfo { aliases: &["boolean"], ..v(TypeKind::Bool, "System.Boolean", Some("bool")) },
    TypeInfo { serializable: false, assembly: Assembly::Automation, ..v(TypeKind::Switch, "System.Management.Automation.SwitchParameter", Some("switch")) },
    v(TypeKind::Guid, "System.Guid", Some("guid")),
    v(TypeKind::DateTime, "System.DateTime", Some("datetime")),
    v(TypeKind::TimeSpan, "System.TimeSpan", Some("timespan")),
    t(TypeKind::Array, "System.Array", Some("array"), OBJ),
    t(TypeKind::Hashtable, "System.Collections.Hashtable", Some("hashtable"), OBJ),
    TypeInfo { aliases: &["ordered"], assembly: Assembly::System, ..t(TypeKind::Ordered, "System.Collections.Specialized.OrderedDictionary", None, OBJ) },
    TypeInfo {
        serializable: false,
        assembly: Assembly::Automation,
        ..t(TypeKind::ScriptBlock, "System.Management.Automation.ScriptBlock", Some("scriptblock"), OBJ)
    },
    TypeInfo { value_type: true, serializable: false, ..t(TypeKind::Void, "System.Void", Some("void"), VT) },
    TypeInfo { assembly: Assembly::System, ..t(TypeKind::Regex, "System.Text.RegularExpressions.Regex", Some("regex"), OBJ) },
    TypeInfo { serializable: false, ..t(TypeKind::Math, "System.Math", None, OBJ) },
    TypeInfo { serializable: false, ..t(TypeKind::Type, "System.Type", Some("type"), "System.Reflection.MemberInfo") },
    TypeInfo { assembly: Assembly::Automation, ..t(TypeKind::ErrorRecord, "System.Management.Automation.ErrorRecord", None, OBJ) },
    t(TypeKind::Exception, "System.Exception", None, OBJ),
    TypeInfo { serializable: false, ..t(TypeKind::Environment, "System.Environment", None, OBJ) },
    TypeInfo { serializable: false, ..t(TypeKind::Convert, "System.Convert", None, OBJ) },
    TypeInfo { serializable: false, ..t(TypeKind::Console, "System.Console", None, OBJ) },
    t(TypeKind::Version, "System.Version", Some("version"), OBJ),
    t(TypeKind::ArrayList, "System.Collections.ArrayList", None, OBJ),
    t(TypeKind::List, "System.Collections.Generic.List`1", None, OBJ),
    t(TypeKind::Dictionary, "System.Collections.Generic.Dictionary`2", None, OBJ),
    TypeInfo { assembly: Assembly::SystemCore, ..t(TypeKind::HashSet, "System.Collections.Generic.HashSet`1", None, OBJ) },
    t(TypeKind::Queue, "System.Collections.Queue", None, OBJ),
    t(TypeKind::Stack, "System.Collections.Stack", None, OBJ),
    t(TypeKind::StringBuilder, "System.Text.StringBuilder", None, OBJ),
    t(TypeKind::Encoding, "System.Text.Encoding", None, OBJ),
    TypeInfo { serializable: false, ..t(TypeKind::Path, "System.IO.Path", None, OBJ) },
    TypeInfo { serializable: false, ..t(TypeKind::SecureString, "System.Security.SecureString", Some("securestring"), OBJ) },
    TypeInfo { assembly: Assembly::Automation, ..t(TypeKind::PSCredential, "System.Management.Automation.PSCredential", Some("pscredential"), OBJ) },
    TypeInfo { assembly: Assembly::System, ..t(TypeKind::NetworkCredential, "System.Net.NetworkCredential", None, OBJ) },
    TypeInfo { serializable: false, ..t(TypeKind::Marshal, "System.Runtime.InteropServices.Marshal", None, OBJ) },
    TypeInfo { assembly: Assembly::System, ..t(TypeKind::IpAddress, "System.Net.IPAddress", Some("ipaddress"), OBJ) },
    TypeInfo { assembly: Assembly::Automation, ..t(TypeKind::Ref, "System.Management.Automation.PSReference", Some("ref"), OBJ) },
    TypeInfo { assembly: Assembly::Automation, ..t(TypeKind::ChoiceDescription, "System.Management.Automation.Host.ChoiceDescription", None, OBJ) },
    TypeInfo { assembly: Assembly::Automation, ..v(TypeKind::HostSize, "System.Management.Automation.Host.Size", None) },
    TypeInfo { assembly: Assembly::Automation, ..v(TypeKind::HostCoordinates, "System.Management.Automation.Host.Coordinates", None) },
    TypeInfo { serializable: false, ..t(TypeKind::XmlDocument, "System.Xml.XmlDocument", Some("xml"), "System.Xml.XmlNode") },
    TypeInfo { serializable: false, ..t(TypeKind::XmlNamespaceManager, "System.Xml.XmlNamespaceManager", None, OBJ) },
    TypeInfo { serializable: false, ..t(TypeKind::XmlNode(super::xml::NODE), super::xml::NODE, None, OBJ) },
    TypeInfo { serializable: false, ..t(TypeKind::XmlNode(super::xml::LINKED), super::xml::LINKED, None, super::xml::NODE) },
    TypeInfo { serializable: false, ..t(TypeKind::XmlNode("System.Xml.XmlElement"), "System.Xml.XmlElement", None, super::xml::LINKED) },
    TypeInfo { serializable: false, ..t(TypeKind::XmlNode("System.Xml.XmlAttribute"), "System.Xml.XmlAttribute", None, super::xml::NODE) },
    TypeInfo { serializable: false, ..t(TypeKind::XmlNode("System.Xml.XmlText"), "System.Xml.XmlText", None, super::xml::LINKED) },
    TypeInfo { serializable: false, ..t(TypeKind::XmlNode("System.Xml.XmlComment"), "System.Xml.XmlComment", None, super::xml::LINKED) },
];

/// The generic forms of the non-generic collections that have one (`Queue` and `Queue[T]`).
fn generic_full(kind: TypeKind) -> Option<&'static str> {
    match kind {
        TypeKind::Queue => Some("System.Collections.Generic.Queue`1"),
        TypeKind::Stack => Some("System.Collections.Generic.Stack`1"),
        _ => None,
    }
}

/// How many type arguments a generic type takes; 0 for the others.
fn arity(full: &str) -> usize {
    full.rsplit_once('`').and_then(|(_, n)| n.parse().ok()).unwrap_or(0)
}

fn info(kind: TypeKind) -> Option<&'static TypeInfo> {
    TYPES.iter().find(|i| i.kind == kind)
}

/// `System.` is optional in a name, as 5.1's resolver tries the name with it prepended.
fn bare(lower: &str) -> &str {
    lower.strip_prefix("system.").unwrap_or(lower)
}

/// Resolves a type name as a script writes it. Generic names arrive as text
/// (`System.Collections.Generic.List[string]`, `Dictionary[string,int]`); a trailing `[]`
/// in the text makes an array type, as `New-Object 'string[]'` writes one.
pub fn resolve(name: &str, is_array: bool) -> Option<TypeRef> {
    resolve_with(name, is_array, &|a| resolve(a, false))
}

/// [`resolve`], with a generic type's arguments resolved by `arg` (so they may name the
/// session's classes and enums: `List[MyClass]`).
pub fn resolve_with(name: &str, is_array: bool, arg: &dyn Fn(&str) -> Option<TypeRef>) -> Option<TypeRef> {
    let name = name.trim();
    if let Some(elem) = name.strip_suffix("[]") {
        return resolve_with(elem, false, arg).map(|t| TypeRef { is_array: true, ..t });
    }
    let mut ty = match generic_parts(name) {
        Some((base, args)) => {
            let args = args.iter().map(|a| arg(a)).collect::<Option<Vec<_>>>()?;
            let lower = base.to_ascii_lowercase();
            let kind = TYPES.iter().map(|i| i.kind).chain([TypeKind::Queue, TypeKind::Stack]).find(|k| {
                let full = generic_full(*k).or_else(|| info(*k).map(|i| i.full)).unwrap_or("");
                arity(full) == args.len() && bare(&full.to_ascii_lowercase()).split('`').next() == Some(bare(&lower))
            })?;
            TypeRef::generic(kind, args)
        }
        None => {
            let lower = name.to_ascii_lowercase();
            let b = bare(&lower);
            match b {
                "management.automation.actionpreference" | "actionpreference" => TypeRef::of(TypeKind::Enum(&ACTION_PREFERENCE)),
                "management.automation.confirmimpact" | "confirmimpact" => TypeRef::of(TypeKind::Enum(&CONFIRM_IMPACT)),
                // Base types scripts test with `-is`, named but never made.
                "valuetype" => TypeRef::foreign(VT),
                "management.automation.pscustomobject" => TypeRef::foreign(PSCUSTOMOBJECT),
                "enum" => TypeRef::foreign("System.Enum"),
                "management.automation.language.parser" => TypeRef::foreign(super::language_parser::PARSER),
                _ => {
                    let i = TYPES.iter().find(|i| {
                        arity(i.full) == 0
                            && (bare(&i.full.to_ascii_lowercase()) == b || i.accelerator.is_some_and(|a| a == lower) || i.aliases.contains(&lower.as_str()))
                    })?;
                    TypeRef::of(i.kind)
                }
            }
        }
    };
    ty.is_array = is_array;
    Some(ty)
}

/// Splits `List[string]` into `List` and `["string"]`; `Dictionary[string,List[int]]` keeps the
/// inner brackets whole. None for a name that is not generic.
fn generic_parts(name: &str) -> Option<(&str, Vec<&str>)> {
    let open = name.find('[')?;
    let inner = name[open..].strip_prefix('[')?.strip_suffix(']')?;
    let mut args = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in inner.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.checked_sub(1)?,
            ',' if depth == 0 => {
                args.push(inner[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    args.push(inner[start..].trim());
    if depth != 0 || args.iter().any(|a| a.is_empty()) {
        return None;
    }
    Some((name[..open].trim(), args))
}

impl TypeRef {
    /// The full name without array brackets or type arguments (`System.Collections.Generic.List`1`).
    fn definition(&self) -> &str {
        if let Some(n) = &self.foreign {
            return n;
        }
        if let TypeKind::Enum(d) = self.kind {
            return d.full_name;
        }
        if !self.args.is_empty() {
            if let Some(g) = generic_full(self.kind) {
                return g;
            }
        }
        info(self.kind).map(|i| i.full).unwrap_or(OBJ)
    }

    fn assembly(&self) -> Assembly {
        match (self.foreign.is_some(), self.kind) {
            (true, _) | (_, TypeKind::Enum(_)) => Assembly::Automation,
            (false, kind) => info(kind).map(|i| i.assembly).unwrap_or(Assembly::Mscorlib),
        }
    }

    /// The .NET `FullName`: `System.Int32`, `System.String[]`, and a generic type's arguments
    /// assembly-qualified (`System.Collections.Generic.List`1[[System.String, mscorlib, …]]`).
    pub fn full_name(&self) -> String {
        let mut s = self.definition().to_string();
        if !self.args.is_empty() {
            let args: Vec<String> = self.args.iter().map(|a| format!("[{}, {}]", a.full_name(), a.assembly().qualified())).collect();
            s = format!("{s}[{}]", args.join(","));
        }
        if self.is_array {
            s.push_str("[]");
        }
        s
    }

    /// .NET's `Type.ToString()`: like the full name, with type arguments unqualified.
    pub fn dotnet_string(&self) -> String {
        let mut s = self.definition().to_string();
        if !self.args.is_empty() {
            s = format!("{s}[{}]", self.args.iter().map(|a| a.dotnet_string()).collect::<Vec<_>>().join(","));
        }
        if self.is_array {
            s.push_str("[]");
        }
        s
    }

    /// The name PowerShell writes for a type (`"$t"`, parameter help): the accelerator where
    /// there is one, `List[string]` for a generic type, else the full name.
    pub fn ps_name(&self) -> String {
        let mut s = if !self.args.is_empty() {
            let def = self.definition();
            let base = def.split('`').next().unwrap_or(def);
            format!("{base}[{}]", self.args.iter().map(|a| a.ps_name()).collect::<Vec<_>>().join(","))
        } else if self.foreign.as_deref() == Some(PSCUSTOMOBJECT) {
            "PSCustomObject".into()
        } else {
            match (&self.foreign, info(self.kind).and_then(|i| i.accelerator)) {
                (None, Some(a)) => a.to_string(),
                _ => self.definition().to_string(),
            }
        };
        if self.is_array {
            s.push_str("[]");
        }
        s
    }

    /// Reflection's `Name`: the last part of the full name (`Int32`, `List`1`, `String[]`).
    pub fn name(&self) -> String {
        let def = self.definition();
        let short = def.rsplit('.').next().unwrap_or(def);
        if self.is_array {
            format!("{short}[]")
        } else {
            short.to_string()
        }
    }

    pub fn namespace(&self) -> String {
        self.definition().rsplit_once('.').map(|(n, _)| n.to_string()).unwrap_or_default()
    }

    /// The base type; None for `System.Object`.
    pub fn base_type(&self) -> Option<TypeRef> {
        if self.is_array {
            return Some(TypeRef::of(TypeKind::Array));
        }
        if let Some(c) = &self.class {
            return Some(c.base_type());
        }
        let base = match (&self.foreign, self.kind) {
            (_, TypeKind::Enum(_)) => "System.Enum",
            (Some(n), _) => match n.as_ref() {
                OBJ => return None,
                n if n.starts_with("System.Text.") && n.ends_with("Encoding") => "System.Text.Encoding",
                "System.RuntimeType" => "System.Reflection.TypeInfo",
                "System.Enum" => VT,
                n => crate::engine::exceptions::base_of(n).unwrap_or(OBJ),
            },
            (None, kind) => info(kind).map(|i| i.base).unwrap_or(OBJ),
        };
        if base.is_empty() {
            return None;
        }
        Some(resolve(base, false).unwrap_or_else(|| TypeRef::foreign(base)))
    }

    pub fn is_value_type(&self) -> bool {
        !self.is_array && (matches!(self.kind, TypeKind::Enum(_)) || (self.foreign.is_none() && info(self.kind).is_some_and(|i| i.value_type)))
    }

    pub fn is_serializable(&self) -> bool {
        if self.is_array {
            return true;
        }
        match &self.foreign {
            // Cmdlets' own output classes are not marked serializable; the engine's enums are.
            Some(n) => !n.starts_with("Microsoft.WindowsAzure") && n.as_ref() != "System.RuntimeType" && n.as_ref() != PSCUSTOMOBJECT,
            None => info(self.kind).is_none_or(|i| i.serializable),
        }
    }
}

/// 5.1's TypeNotFound for a type literal: an array type names its element, and the target is
/// the parser's type-name object (`TypeName`, or `GenericTypeName` for a generic one).
pub fn type_not_found(name: &str) -> ErrorRecord {
    let name = name.trim();
    let name = name.strip_suffix("[]").unwrap_or(name);
    let mut rec =
        ErrorRecord::runtime(format!("Unable to find type [{name}]."), "TypeNotFound", ErrorCategory::InvalidOperation).with_target(&Value::str(name));
    rec.target_type = if generic_parts(name).is_some() { "GenericTypeName" } else { "TypeName" }.into();
    rec
}

/// What `.GetType()` returns for a value.
pub fn type_of(v: &Value) -> TypeRef {
    let of = TypeRef::of;
    match v {
        Value::Null => of(TypeKind::Object),
        Value::Bool(_) => of(TypeKind::Bool),
        Value::Int(_) => of(TypeKind::Int),
        Value::Long(_) => of(TypeKind::Long),
        Value::UInt(_) => of(TypeKind::UInt),
        Value::ULong(_) => of(TypeKind::ULong),
        Value::Double(_) => of(TypeKind::Double),
        Value::Char(_) => of(TypeKind::Char),
        Value::Str(_) => of(TypeKind::String),
        Value::Guid(_) => of(TypeKind::Guid),
        Value::DateTime(_) => of(TypeKind::DateTime),
        Value::TimeSpan(_) => of(TypeKind::TimeSpan),
        Value::Enum(e) => match resolve(e.type_name, false) {
            Some(t) => t,
            None => TypeRef { foreign: Some(Rc::from(e.type_name)), ..of(TypeKind::Foreign) },
        },
        Value::Array(_) => TypeRef::array_of(TypeKind::Object),
        Value::List(l) => l.ty.clone(),
        Value::Hashtable(h) => {
            let h = h.borrow();
            match &h.generic {
                Some(t) => (**t).clone(),
                None if h.ordered => of(TypeKind::Ordered),
                None => of(TypeKind::Hashtable),
            }
        }
        Value::Object(o) => {
            let o = o.borrow();
            if let Some(c) = &o.class {
                return c.type_ref();
            }
            if o.is_custom() {
                return TypeRef::foreign(PSCUSTOMOBJECT);
            }
            let name = o.type_names.first().map(String::as_str).unwrap_or(OBJ);
            resolve(name, false).unwrap_or_else(|| TypeRef::foreign(name))
        }
        Value::ScriptBlock(_) => of(TypeKind::ScriptBlock),
        Value::Type(_) => TypeRef::foreign("System.RuntimeType"),
        Value::Error(_) => of(TypeKind::ErrorRecord),
        Value::Native(n) => super::text::type_of(n),
    }
}

/// `$v -is [T]`: the value's type is T or derives from it.
pub fn value_is(v: &Value, t: &TypeRef) -> bool {
    if v.is_null() {
        return false;
    }
    let own = type_of(v);
    if t.is_array {
        return own.is_array && (t.kind == TypeKind::Object || own == *t);
    }
    match t.kind {
        TypeKind::Object | TypeKind::PSObject => true,
        TypeKind::PSCustomObject => matches!(v, Value::Object(o) if o.borrow().is_custom()),
        TypeKind::Switch => matches!(v, Value::Bool(_)),
        TypeKind::Type => matches!(v, Value::Type(_)),
        // A module's enumeration is known to the session's table, not here: its values are
        // still enums and value types.
        _ if matches!(v, Value::Enum(_)) && matches!(t.full_name().as_str(), "System.Enum" | VT) => true,
        _ => {
            let mut cur = Some(own);
            while let Some(c) = cur {
                if c == *t {
                    return true;
                }
                cur = c.base_type();
            }
            matches!(v, Value::Object(o) if o.borrow().type_names.iter().any(|n| n.eq_ignore_ascii_case(&t.full_name())))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_resolve_with_system_optional_and_accelerators() {
        assert_eq!(resolve("int", false).unwrap().full_name(), "System.Int32");
        assert_eq!(resolve("System.Int32", false).unwrap(), resolve("Int32", false).unwrap());
        assert_eq!(resolve("Collections.ArrayList", false).unwrap().name(), "ArrayList");
        assert!(resolve("ArrayList", false).is_none(), "a namespace other than System is not optional");
        assert!(resolve("System.Net.WebClient", false).is_none());
        assert_eq!(resolve("string[]", false).unwrap().full_name(), "System.String[]");
    }

    #[test]
    fn generic_names_carry_their_arguments() {
        let l = resolve("System.Collections.Generic.List[string]", false).unwrap();
        assert_eq!(l.name(), "List`1");
        assert_eq!(
            l.full_name(),
            "System.Collections.Generic.List`1[[System.String, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089]]"
        );
        assert_eq!(l.ps_name(), "System.Collections.Generic.List[string]");
        let d = resolve("Collections.Generic.Dictionary[string, Collections.Generic.List[int]]", false).unwrap();
        assert_eq!(d.dotnet_string(), "System.Collections.Generic.Dictionary`2[System.String,System.Collections.Generic.List`1[System.Int32]]");
        assert!(resolve("System.Collections.Generic.List[string,int]", false).is_none(), "the arity must match");
        assert!(resolve("System.Collections.Generic.List[nosuch]", false).is_none());
        assert_eq!(resolve("System.Collections.Generic.Queue[int]", false).unwrap().name(), "Queue`1");
    }

    #[test]
    fn types_know_their_base_and_kind() {
        let int = resolve("int", false).unwrap();
        assert_eq!(int.base_type().unwrap().full_name(), "System.ValueType");
        assert!(int.is_value_type());
        assert!(resolve("string", false).unwrap().base_type().unwrap().base_type().is_none());
        assert_eq!(resolve("int", true).unwrap().base_type().unwrap().full_name(), "System.Array");
    }

    #[test]
    fn is_follows_the_base_chain() {
        assert!(value_is(&Value::Int(1), &resolve("ValueType", false).unwrap_or_else(|| TypeRef::foreign("System.ValueType"))));
        assert!(value_is(&Value::Int(1), &resolve("int", false).unwrap()));
        assert!(!value_is(&Value::Int(1), &resolve("string", false).unwrap()));
        assert!(value_is(&Value::array(vec![]), &resolve("array", false).unwrap()));
        assert!(!value_is(&Value::Null, &resolve("object", false).unwrap()));
    }
}
