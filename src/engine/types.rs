//! Type literals: resolving `[int]`, `[System.Guid]`, `[pscustomobject]` and the
//! enumerations that cmdlets register.

use std::rc::Rc;

use super::value::{TypeKind, TypeRef};

/// An enumeration type. Cmdlet layers declare theirs as statics and register them
/// so that `[Full.Type.Name]` resolves.
#[derive(Debug, PartialEq)]
pub struct EnumDef {
    pub full_name: &'static str,
    pub members: &'static [(&'static str, i64)],
}

impl EnumDef {
    /// Case-insensitive lookup of a member by name or number.
    pub fn parse(&self, text: &str) -> Option<(&'static str, i64)> {
        let t = text.trim();
        if let Some(m) = self.members.iter().find(|(n, _)| n.eq_ignore_ascii_case(t)) {
            return Some(*m);
        }
        let n: i64 = t.parse().ok()?;
        self.members.iter().find(|(_, v)| *v == n).copied()
    }

    pub fn name_of(&self, value: i64) -> Option<&'static str> {
        self.members.iter().find(|(_, v)| *v == value).map(|(n, _)| *n)
    }

    pub fn member_list(&self) -> String {
        self.members.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
    }
}

pub static ACTION_PREFERENCE: EnumDef = EnumDef {
    full_name: "System.Management.Automation.ActionPreference",
    members: &[("SilentlyContinue", 0), ("Stop", 1), ("Continue", 2), ("Inquire", 3), ("Ignore", 4), ("Suspend", 5)],
};

pub static CONFIRM_IMPACT: EnumDef =
    EnumDef { full_name: "System.Management.Automation.ConfirmImpact", members: &[("None", 0), ("Low", 1), ("Medium", 2), ("High", 3)] };

/// The enumerations a session can name: the engine's own, then those its modules brought.
#[derive(Clone)]
pub struct TypeTable {
    enums: Vec<&'static EnumDef>,
}

impl Default for TypeTable {
    fn default() -> TypeTable {
        TypeTable { enums: vec![&ACTION_PREFERENCE, &CONFIRM_IMPACT] }
    }
}

impl TypeTable {
    /// Makes an enumeration resolvable by its full or short name.
    pub fn add(&mut self, def: &'static EnumDef) {
        if !self.enums.iter().any(|d| std::ptr::eq(*d, def)) {
            self.enums.push(def);
        }
    }

    /// Resolves a type name as written in `[...]`: the engine's types, then the enumerations.
    pub fn resolve(&self, name: &str, is_array: bool) -> Option<Rc<TypeRef>> {
        resolve(name, is_array).or_else(|| {
            let def = self
                .enums
                .iter()
                .copied()
                .find(|d| d.full_name.eq_ignore_ascii_case(name) || d.full_name.rsplit('.').next().is_some_and(|short| short.eq_ignore_ascii_case(name)))?;
            Some(Rc::new(TypeRef { kind: TypeKind::Enum(def), is_array }))
        })
    }
}

/// Resolves a type the engine implements, as written in `[...]` (accelerators, full names,
/// `System.` optional); [`TypeTable::resolve`] adds the session's enumerations.
pub fn resolve(name: &str, is_array: bool) -> Option<Rc<TypeRef>> {
    let lower = name.to_ascii_lowercase();
    let bare = lower.strip_prefix("system.").unwrap_or(&lower);
    let kind = match bare {
        "object" => TypeKind::Object,
        "psobject" | "management.automation.psobject" => TypeKind::PSObject,
        "int" | "int32" => TypeKind::Int,
        "long" | "int64" => TypeKind::Long,
        "uint32" | "uint" => TypeKind::UInt,
        "uint64" | "ulong" => TypeKind::ULong,
        "double" | "float" | "single" => TypeKind::Double,
        "decimal" => TypeKind::Decimal,
        "byte" => TypeKind::Byte,
        "string" => TypeKind::String,
        "char" => TypeKind::Char,
        "bool" | "boolean" => TypeKind::Bool,
        "switch" | "management.automation.switchparameter" => TypeKind::Switch,
        "guid" => TypeKind::Guid,
        "datetime" => TypeKind::DateTime,
        "timespan" => TypeKind::TimeSpan,
        "array" => TypeKind::Array,
        "hashtable" | "collections.hashtable" => TypeKind::Hashtable,
        "ordered" | "collections.specialized.ordereddictionary" => TypeKind::Ordered,
        "pscustomobject" | "management.automation.pscustomobject" => TypeKind::PSCustomObject,
        "scriptblock" | "management.automation.scriptblock" => TypeKind::ScriptBlock,
        "void" => TypeKind::Void,
        "regex" | "text.regularexpressions.regex" => TypeKind::Regex,
        "math" => TypeKind::Math,
        "type" => TypeKind::Type,
        "management.automation.errorrecord" => TypeKind::ErrorRecord,
        "exception" | "management.automation.runtimeexception" => TypeKind::Exception,
        "environment" => TypeKind::Environment,
        "convert" => TypeKind::Convert,
        "console" => TypeKind::Console,
        "version" => TypeKind::Version,
        "management.automation.actionpreference" | "actionpreference" => TypeKind::Enum(&ACTION_PREFERENCE),
        "management.automation.confirmimpact" | "confirmimpact" => TypeKind::Enum(&CONFIRM_IMPACT),
        _ => return None,
    };
    Some(Rc::new(TypeRef { kind, is_array }))
}

impl TypeRef {
    /// The .NET full name (`System.Int32`), as `.FullName` and error messages show it.
    pub fn full_name(&self) -> String {
        let base = match self.kind {
            TypeKind::Object => "System.Object",
            TypeKind::Int => "System.Int32",
            TypeKind::Long => "System.Int64",
            TypeKind::UInt => "System.UInt32",
            TypeKind::ULong => "System.UInt64",
            TypeKind::Double => "System.Double",
            TypeKind::Decimal => "System.Decimal",
            TypeKind::Byte => "System.Byte",
            TypeKind::String => "System.String",
            TypeKind::Char => "System.Char",
            TypeKind::Bool => "System.Boolean",
            TypeKind::Switch => "System.Management.Automation.SwitchParameter",
            TypeKind::Guid => "System.Guid",
            TypeKind::DateTime => "System.DateTime",
            TypeKind::TimeSpan => "System.TimeSpan",
            TypeKind::Array => "System.Array",
            TypeKind::Hashtable => "System.Collections.Hashtable",
            TypeKind::Ordered => "System.Collections.Specialized.OrderedDictionary",
            TypeKind::PSCustomObject => "System.Management.Automation.PSObject",
            TypeKind::PSObject => "System.Management.Automation.PSObject",
            TypeKind::ScriptBlock => "System.Management.Automation.ScriptBlock",
            TypeKind::Void => "System.Void",
            TypeKind::Regex => "System.Text.RegularExpressions.Regex",
            TypeKind::Math => "System.Math",
            TypeKind::Type => "System.Type",
            TypeKind::ErrorRecord => "System.Management.Automation.ErrorRecord",
            TypeKind::Exception => "System.Exception",
            TypeKind::Environment => "System.Environment",
            TypeKind::Convert => "System.Convert",
            TypeKind::Console => "System.Console",
            TypeKind::Version => "System.Version",
            TypeKind::Enum(d) => d.full_name,
        };
        if self.is_array {
            format!("{base}[]")
        } else {
            base.to_string()
        }
    }

    /// The short name Get-Member and parameter help use (`int`, `string`, `guid`).
    pub fn short_name(&self) -> String {
        let base = match self.kind {
            TypeKind::Object => "Object".to_string(),
            TypeKind::Int => "int".into(),
            TypeKind::Long => "long".into(),
            TypeKind::UInt => "uint32".into(),
            TypeKind::ULong => "uint64".into(),
            TypeKind::Double => "double".into(),
            TypeKind::Decimal => "decimal".into(),
            TypeKind::Byte => "byte".into(),
            TypeKind::String => "string".into(),
            TypeKind::Char => "char".into(),
            TypeKind::Bool => "bool".into(),
            TypeKind::Switch => "switch".into(),
            TypeKind::Guid => "guid".into(),
            TypeKind::DateTime => "datetime".into(),
            TypeKind::TimeSpan => "timespan".into(),
            TypeKind::Hashtable => "hashtable".into(),
            TypeKind::ScriptBlock => "scriptblock".into(),
            TypeKind::PSCustomObject | TypeKind::PSObject => "psobject".into(),
            _ => super::error::short_type_name(&self.full_name()),
        };
        if self.is_array {
            format!("{base}[]")
        } else {
            base
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_accelerators_and_full_names() {
        assert_eq!(resolve("int", false).unwrap().full_name(), "System.Int32");
        assert_eq!(resolve("System.Guid", false).unwrap().full_name(), "System.Guid");
        assert_eq!(resolve("string", true).unwrap().full_name(), "System.String[]");
        assert!(resolve("System.Net.WebClient", false).is_none());
        assert_eq!(resolve("ActionPreference", false).unwrap().full_name(), "System.Management.Automation.ActionPreference");
    }
}
