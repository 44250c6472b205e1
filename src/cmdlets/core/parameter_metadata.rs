//! `CommandInfo.Parameters`: the command's parameters, then the common ones, as a
//! `Dictionary[string, ParameterMetadata]` keyed case-insensitively, each with its type,
//! aliases, parameter sets and attributes, as 5.1's ParameterMetadata reports them.

use std::rc::Rc;

use crate::engine::binder;
use crate::engine::command::{CommandInfo, ParamSpec};
use crate::engine::value::{Hashtable, PsObject, TypeKind, TypeRef, Value};

const ALL_SETS: &str = "__AllParameterSets";
/// What `Position` reads for a parameter that takes none (`int.MinValue`).
const NO_POSITION: i32 = i32::MIN;

fn dictionary_of(value_type: &str) -> Hashtable {
    let ty = TypeRef::generic(TypeKind::Dictionary, vec![TypeRef::of(TypeKind::String), TypeRef::foreign(value_type)]);
    Hashtable::dictionary_ignoring_case(ty)
}

fn strings(items: &[String]) -> Value {
    Value::array(items.iter().map(Value::str).collect())
}

/// One parameter as the attributes and sets of its declaration.
struct Declared<'a> {
    name: &'a str,
    ty: TypeRef,
    aliases: Vec<String>,
    sets: Vec<String>,
    spec: Option<&'a ParamSpec>,
}

impl Declared<'_> {
    fn flag(&self, f: impl Fn(&ParamSpec) -> bool) -> Value {
        Value::Bool(self.spec.is_some_and(f))
    }

    fn position(&self) -> Value {
        Value::Int(self.spec.and_then(|p| p.position).map_or(NO_POSITION, |n| n as i32))
    }

    fn set_metadata(&self) -> Value {
        let mut o = PsObject::typed("System.Management.Automation.ParameterSetMetadata");
        o.add_typed("Position", "int", self.position());
        o.add_typed("IsMandatory", "bool", self.flag(|p| p.mandatory));
        o.add_typed("ValueFromPipeline", "bool", self.flag(|p| p.from_pipeline));
        o.add_typed("ValueFromPipelineByPropertyName", "bool", self.flag(|p| p.from_pipeline_by_name));
        o.add_typed("ValueFromRemainingArguments", "bool", self.flag(|p| p.remaining));
        o.add_typed("HelpMessage", "string", Value::str(self.spec.map(|p| p.help.as_str()).unwrap_or_default()));
        o.add_typed("HelpMessageBaseName", "string", Value::Null);
        o.add_typed("HelpMessageResourceId", "string", Value::Null);
        Value::object(o)
    }

    fn parameter_attribute(&self, set: &str) -> Value {
        let mut o = PsObject::typed("System.Management.Automation.ParameterAttribute");
        o.add_typed("Position", "int", self.position());
        o.add_typed("ParameterSetName", "string", Value::str(set));
        o.add_typed("Mandatory", "bool", self.flag(|p| p.mandatory));
        o.add_typed("ValueFromPipeline", "bool", self.flag(|p| p.from_pipeline));
        o.add_typed("ValueFromPipelineByPropertyName", "bool", self.flag(|p| p.from_pipeline_by_name));
        o.add_typed("ValueFromRemainingArguments", "bool", self.flag(|p| p.remaining));
        o.add_typed("HelpMessage", "string", Value::Null);
        o.add_typed("DontShow", "bool", Value::Bool(false));
        o.add_typed("TypeId", "type", Value::Type(Rc::new(TypeRef::foreign("System.Management.Automation.ParameterAttribute"))));
        Value::object(o)
    }

    fn attributes(&self) -> Value {
        let mut out: Vec<Value> = self.sets.iter().map(|s| self.parameter_attribute(s)).collect();
        let attribute = |name: &str, props: Vec<(&str, &'static str, Value)>| {
            let mut o = PsObject::typed(name);
            for (n, t, v) in props {
                o.add_typed(n, t, v);
            }
            o.add_typed("TypeId", "type", Value::Type(Rc::new(TypeRef::foreign(name))));
            Value::object(o)
        };
        if !self.aliases.is_empty() {
            out.push(attribute(
                "System.Management.Automation.AliasAttribute",
                vec![("AliasNames", "System.Collections.Generic.IList[string]", strings(&self.aliases))],
            ));
        }
        if let Some(p) = self.spec {
            if let Some(set) = &p.validate_set {
                out.push(attribute(
                    "System.Management.Automation.ValidateSetAttribute",
                    vec![("ValidValues", "System.Collections.Generic.IList[string]", strings(set)), ("IgnoreCase", "bool", Value::Bool(true))],
                ));
            }
            if p.not_null_or_empty {
                out.push(attribute("System.Management.Automation.ValidateNotNullOrEmptyAttribute", Vec::new()));
            }
            for (flag, name) in [
                (p.allow_null, "System.Management.Automation.AllowNullAttribute"),
                (p.allow_empty_string, "System.Management.Automation.AllowEmptyStringAttribute"),
                (p.allow_empty_collection, "System.Management.Automation.AllowEmptyCollectionAttribute"),
            ] {
                if flag {
                    out.push(attribute(name, Vec::new()));
                }
            }
        }
        Value::array(out)
    }

    fn metadata(&self) -> Value {
        let mut sets = dictionary_of("System.Management.Automation.ParameterSetMetadata");
        for s in &self.sets {
            sets.insert(Value::str(s), self.set_metadata());
        }
        let mut o = PsObject::typed("System.Management.Automation.ParameterMetadata");
        o.add_typed("Name", "string", Value::str(self.name));
        o.add_typed("ParameterType", "type", Value::Type(Rc::new(self.ty.clone())));
        o.add_typed("ParameterSets", "System.Collections.Generic.Dictionary[string,System.Management.Automation.ParameterSetMetadata]", Value::hashtable(sets));
        o.add_typed("IsDynamic", "bool", Value::Bool(false));
        o.add_typed("Aliases", "System.Collections.ObjectModel.Collection[string]", strings(&self.aliases));
        o.add_typed("Attributes", "System.Collections.ObjectModel.Collection[System.Attribute]", self.attributes());
        o.add_typed("SwitchParameter", "bool", Value::Bool(self.ty.kind == TypeKind::Switch && !self.ty.is_array));
        Value::object(o)
    }
}

/// The value of a command object's `Parameters` property.
pub fn parameters(info: &CommandInfo) -> Value {
    let mut dict = dictionary_of("System.Management.Automation.ParameterMetadata");
    for p in &info.params {
        let sets = if p.sets.is_empty() { vec![ALL_SETS.to_string()] } else { p.sets.clone() };
        let d = Declared { name: &p.name, ty: (*p.ty).clone(), aliases: p.aliases.clone(), sets, spec: Some(p) };
        dict.insert(Value::str(&p.name), d.metadata());
    }
    for (name, alias, kind) in binder::common_parameters(info) {
        let d = Declared { name, ty: TypeRef::of(kind), aliases: vec![alias.to_string()], sets: vec![ALL_SETS.to_string()], spec: None };
        dict.insert(Value::str(name), d.metadata());
    }
    Value::hashtable(dict)
}
