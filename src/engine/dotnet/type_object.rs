//! Type objects (`[int]`, `$x.GetType()`): the reflection members scripts read and the
//! object Out-Default draws with DotNetTypes.format.ps1xml's `System.RuntimeType` table.

use crate::engine::value::{PsObject, TypeKind, TypeRef, Value};

fn ty(t: Option<TypeRef>) -> Value {
    t.map(|t| Value::Type(std::rc::Rc::new(t))).unwrap_or(Value::Null)
}

/// A property of a type object; None for a name it does not have.
pub fn property(t: &TypeRef, lower: &str) -> Option<Value> {
    Some(match lower {
        "name" => Value::str(t.name()),
        "fullname" => Value::str(t.full_name()),
        "namespace" => Value::str(t.namespace()),
        "basetype" => ty(t.base_type()),
        "isarray" => Value::Bool(t.is_array),
        "isvaluetype" => Value::Bool(t.is_value_type()),
        "isenum" => Value::Bool(!t.is_array && (matches!(t.kind, TypeKind::Enum(_)))),
        "isclass" => Value::Bool(!t.is_value_type()),
        "isinterface" | "isabstract" | "issealed" if t.is_array => Value::Bool(lower == "issealed"),
        "isinterface" => Value::Bool(false),
        "ispublic" | "isvisible" => Value::Bool(true),
        "isserializable" => Value::Bool(t.is_serializable()),
        "isgenerictype" | "isconstructedgenerictype" => Value::Bool(!t.is_array && !t.args.is_empty()),
        "generictypearguments" => Value::array(if t.is_array { Vec::new() } else { t.args.iter().map(|a| ty(Some(a.clone()))).collect() }),
        "underlyingsystemtype" => ty(Some(t.clone())),
        "assemblyqualifiedname" => Value::str(t.full_name()),
        _ => return None,
    })
}

/// A method of a type object; None for one it does not have.
pub fn method(t: &TypeRef, lower: &str, args: &[Value]) -> Option<Value> {
    Some(match (lower, args.len()) {
        ("tostring", 0) => Value::str(t.dotnet_string()),
        ("getelementtype", 0) => {
            if t.is_array {
                ty(Some(t.element()))
            } else {
                Value::Null
            }
        }
        ("getgenericarguments", 0) => property(t, "generictypearguments")?,
        ("isinstanceoftype", 1) => Value::Bool(super::registry::value_is(&args[0], t)),
        ("getenumnames", 0) => match t.kind {
            TypeKind::Enum(d) => Value::array(d.members.iter().map(|(n, _)| Value::str(n)).collect()),
            _ => return None,
        },
        _ => return None,
    })
}

/// The object Out-Default draws for a type: IsPublic, IsSerial, Name, BaseType.
pub fn display(t: &TypeRef) -> Value {
    let mut o = PsObject::typed("System.RuntimeType");
    o.add_typed("IsPublic", "bool", Value::Bool(true));
    o.add_typed("IsSerial", "bool", Value::Bool(t.is_serializable()));
    o.add_typed("Name", "string", Value::str(t.name()));
    o.add_typed("BaseType", "type", t.base_type().map(|b| Value::str(b.full_name())).unwrap_or(Value::Null));
    o.add_typed("FullName", "string", Value::str(t.full_name()));
    o.add_typed("Namespace", "string", Value::str(t.namespace()));
    Value::object(o)
}
