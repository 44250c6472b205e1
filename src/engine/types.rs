//! The session's type names: the engine's types (the registry in `dotnet::registry`) and
//! the enumerations that cmdlets register.

use std::rc::Rc;

use super::classes::ClassType;
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

pub static STRING_SPLIT_OPTIONS: EnumDef = EnumDef { full_name: "System.StringSplitOptions", members: &[("None", 0), ("RemoveEmptyEntries", 1)] };

pub static STRING_COMPARISON: EnumDef = EnumDef {
    full_name: "System.StringComparison",
    members: &[
        ("CurrentCulture", 0),
        ("CurrentCultureIgnoreCase", 1),
        ("InvariantCulture", 2),
        ("InvariantCultureIgnoreCase", 3),
        ("Ordinal", 4),
        ("OrdinalIgnoreCase", 5),
    ],
};

/// The enumerations a session can name: the engine's own, then those its modules brought;
/// and the classes and enums its scripts defined.
#[derive(Clone)]
pub struct TypeTable {
    enums: Vec<&'static EnumDef>,
    /// Enums defined by scripts, the `[Flags()]` ones marked.
    script_enums: Vec<(&'static EnumDef, bool)>,
    classes: Vec<Rc<ClassType>>,
}

impl Default for TypeTable {
    fn default() -> TypeTable {
        TypeTable {
            enums: vec![
                &ACTION_PREFERENCE,
                &CONFIRM_IMPACT,
                &STRING_SPLIT_OPTIONS,
                &STRING_COMPARISON,
                &super::dotnet::regex::REGEX_OPTIONS,
                &super::dotnet::math::MIDPOINT_ROUNDING,
                &super::dotnet::datetime::DAY_OF_WEEK,
                &super::dotnet::datetime::DATE_TIME_KIND,
                &super::host_object::CONSOLE_COLOR,
                &super::dotnet::ipaddress::ADDRESS_FAMILY,
            ],
            script_enums: Vec::new(),
            classes: Vec::new(),
        }
    }
}

impl TypeTable {
    /// Makes an enumeration resolvable by its full or short name.
    pub fn add(&mut self, def: &'static EnumDef) {
        if !self.enums.iter().any(|d| std::ptr::eq(*d, def)) {
            self.enums.push(def);
        }
    }

    /// Defines (or redefines) a class of a script.
    pub fn add_class(&mut self, class: Rc<ClassType>) {
        self.classes.retain(|c| !c.name.eq_ignore_ascii_case(&class.name));
        self.script_enums.retain(|(d, _)| !d.full_name.eq_ignore_ascii_case(&class.name));
        self.classes.push(class);
    }

    pub fn class(&self, name: &str) -> Option<Rc<ClassType>> {
        self.classes.iter().find(|c| c.name.eq_ignore_ascii_case(name)).cloned()
    }

    /// Defines (or redefines) an enum of a script.
    pub fn add_script_enum(&mut self, def: &'static EnumDef, flags: bool) {
        self.classes.retain(|c| !c.name.eq_ignore_ascii_case(def.full_name));
        self.script_enums.retain(|(d, _)| !d.full_name.eq_ignore_ascii_case(def.full_name));
        self.script_enums.push((def, flags));
    }

    pub fn script_enum(&self, name: &str) -> Option<&'static EnumDef> {
        self.script_enums.iter().find(|(d, _)| d.full_name.eq_ignore_ascii_case(name)).map(|(d, _)| *d)
    }

    /// Whether an enumeration is a `[Flags()]` one, whose values combine.
    pub fn is_flags(&self, def: &EnumDef) -> bool {
        self.script_enums.iter().any(|(d, flags)| *flags && std::ptr::eq(*d, def))
    }

    /// Resolves a type name as written in `[...]`: the script's classes and enums, the
    /// engine's types, then the modules' enumerations.
    pub fn resolve(&self, name: &str, is_array: bool) -> Option<Rc<TypeRef>> {
        let lookup = name.trim();
        let (lookup, is_array) = match lookup.strip_suffix("[]") {
            Some(elem) => (elem.trim_end(), true),
            None => (lookup, is_array),
        };
        if let Some(c) = self.class(lookup) {
            return Some(Rc::new(TypeRef { is_array, ..c.type_ref() }));
        }
        if let Some(def) = self.script_enum(lookup) {
            return Some(Rc::new(TypeRef { is_array, ..TypeRef::of(TypeKind::Enum(def)) }));
        }
        if let Some(full) = super::exceptions::known_type(lookup).filter(|_| resolve(lookup, false).is_none()) {
            return Some(Rc::new(TypeRef { is_array, ..TypeRef::foreign(full) }));
        }
        let arg = |a: &str| self.resolve(a, false).map(|t| (*t).clone());
        super::dotnet::registry::resolve_with(name, is_array, &arg).map(Rc::new).or_else(|| {
            let def = self
                .enums
                .iter()
                .copied()
                .find(|d| d.full_name.eq_ignore_ascii_case(name) || d.full_name.rsplit('.').next().is_some_and(|short| short.eq_ignore_ascii_case(name)))?;
            Some(Rc::new(TypeRef { is_array, ..TypeRef::of(TypeKind::Enum(def)) }))
        })
    }
}

/// Resolves a type the engine implements, as written in `[...]` (accelerators, full names,
/// `System.` optional, generic names); [`TypeTable::resolve`] adds the session's enumerations.
pub fn resolve(name: &str, is_array: bool) -> Option<Rc<TypeRef>> {
    super::dotnet::registry::resolve(name, is_array).map(Rc::new)
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
