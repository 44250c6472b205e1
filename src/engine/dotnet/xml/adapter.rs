//! PowerShell's XmlNodeAdapter (CoreAdapter.cs) over the DOM: a node's attributes and
//! child nodes are its properties, grouped by local name case-insensitively (repeated
//! elements give an array), each simplified to its text when it holds only text; the .NET
//! properties (`Name`, `InnerText`, `ChildNodes`…) answer when no child or attribute has
//! the name. Out-Default shows the adapted properties only, as 5.1 does.

use super::dom::{Dom, Id, Kind, DOCUMENT, XMLNS};
use super::{node_value, serialize, NodeRef, XmlObj};
use crate::engine::convert::to_string;
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::{PsObject, Value};

/// The adapted properties of a node: each name (its first spelling) with its nodes.
pub fn adapted(dom: &Dom, id: Id) -> Vec<(String, Vec<Id>)> {
    let n = dom.node(id);
    let mut groups: Vec<(String, Vec<Id>)> = Vec::new();
    let members = n.attrs.iter().chain(n.children.iter().filter(|c| dom.node(**c).kind != Kind::Whitespace));
    for m in members {
        let name = dom.local_name(*m);
        match groups.iter_mut().find(|(g, _)| g.eq_ignore_ascii_case(&name)) {
            Some((_, list)) => list.push(*m),
            None => groups.push((name, vec![*m])),
        }
    }
    groups
}

/// GetNodeObject: a text node, a node without attributes holding no more than one text
/// node, or an attribute, is its text; anything else stays a node.
fn node_object(r: &NodeRef, id: Id) -> Value {
    let dom = r.dom.borrow();
    let n = dom.node(id);
    let simple = match n.kind {
        Kind::Text | Kind::Attribute => true,
        _ if !n.attrs.is_empty() => false,
        _ => n.children.is_empty() || (n.children.len() == 1 && dom.node(n.children[0]).kind == Kind::Text),
    };
    if simple {
        Value::str(dom.inner_text(id))
    } else {
        node_value(&r.dom, id)
    }
}

fn group_value(r: &NodeRef, ids: &[Id]) -> Value {
    match ids {
        [one] => node_object(r, *one),
        many => Value::array(many.iter().map(|i| node_object(r, *i)).collect()),
    }
}

/// `$node.Name`: an adapted property, else the .NET property.
pub fn property(x: &XmlObj, lower: &str) -> Option<Value> {
    let r = match x {
        XmlObj::Node(r) => r,
        XmlObj::NamespaceManager(m) => {
            return match lower {
                "defaultnamespace" => Some(Value::str(m.borrow().iter().find(|(p, _)| p.is_empty()).map(|(_, u)| u.clone()).unwrap_or_default())),
                "nametable" => Some(Value::Native(std::rc::Rc::new(crate::engine::value::Native::Xml(XmlObj::NameTable)))),
                _ => None,
            }
        }
        XmlObj::NameTable => return None,
    };
    let groups = adapted(&r.dom.borrow(), r.id);
    if let Some((_, ids)) = groups.iter().find(|(g, _)| g.eq_ignore_ascii_case(lower)) {
        return Some(group_value(r, ids));
    }
    dotnet_property(r, lower)
}

fn opt_node(r: &NodeRef, id: Option<Id>) -> Value {
    id.map(|i| node_value(&r.dom, i)).unwrap_or(Value::Null)
}

fn dotnet_property(r: &NodeRef, lower: &str) -> Option<Value> {
    let dom = r.dom.borrow();
    let n = dom.node(r.id);
    let siblings = || n.parent.filter(|_| n.kind != Kind::Attribute).map(|p| dom.node(p).children.clone()).unwrap_or_default();
    let sibling = |step: isize| {
        let s = siblings();
        let i = s.iter().position(|x| *x == r.id)? as isize + step;
        usize::try_from(i).ok().and_then(|i| s.get(i).copied())
    };
    let decl = |key: &str| -> Value {
        let pat = format!("{key}=\"");
        Value::str(n.value.split(&pat).nth(1).and_then(|s| s.split('"').next()).unwrap_or_default())
    };
    Some(match lower {
        "name" => Value::str(dom.name(r.id)),
        "localname" => Value::str(dom.local_name(r.id)),
        "namespaceuri" => Value::str(&n.ns),
        "prefix" => Value::str(&n.prefix),
        "nodetype" => Value::enum_value("System.Xml.XmlNodeType", n.kind.node_type().0, n.kind.node_type().1),
        "parentnode" if n.kind == Kind::Attribute => Value::Null,
        "parentnode" => opt_node(r, n.parent),
        "ownerelement" if n.kind == Kind::Attribute => opt_node(r, n.parent),
        "childnodes" => Value::array(n.children.iter().map(|c| node_value(&r.dom, *c)).collect()),
        "firstchild" => opt_node(r, n.children.first().copied()),
        "lastchild" => opt_node(r, n.children.last().copied()),
        "nextsibling" => opt_node(r, sibling(1)),
        "previoussibling" => opt_node(r, sibling(-1)),
        "attributes" if n.kind == Kind::Element => Value::array(n.attrs.iter().map(|a| node_value(&r.dom, *a)).collect()),
        "attributes" => Value::Null,
        "innertext" => Value::str(dom.inner_text(r.id)),
        "innerxml" => Value::str(serialize::inner_xml(&dom, r.id)),
        "outerxml" => Value::str(serialize::outer_xml(&dom, r.id)),
        "value" | "data" => match n.kind {
            Kind::Element | Kind::Document => Value::Null,
            _ => Value::str(&n.value),
        },
        "haschildnodes" => Value::Bool(!n.children.is_empty()),
        "hasattributes" => Value::Bool(!n.attrs.is_empty()),
        "isempty" if n.kind == Kind::Element => Value::Bool(n.children.is_empty()),
        "ownerdocument" if n.kind == Kind::Document => Value::Null,
        "ownerdocument" => node_value(&r.dom, DOCUMENT),
        "documentelement" if n.kind == Kind::Document => opt_node(r, dom.document_element()),
        "nametable" if n.kind == Kind::Document => Value::Native(std::rc::Rc::new(crate::engine::value::Native::Xml(XmlObj::NameTable))),
        "preservewhitespace" if n.kind == Kind::Document => Value::Bool(false),
        "version" | "encoding" | "standalone" if n.kind == Kind::Declaration => decl(lower),
        "specified" if n.kind == Kind::Attribute => Value::Bool(true),
        _ => return None,
    })
}

fn set_error(id: &str, message: String) -> ErrorRecord {
    ErrorRecord::runtime(message, id, ErrorCategory::InvalidOperation)
}

/// `$node.Name = value`: an adapted property takes the value's text when it is one node
/// holding text at most (PropertySet); the .NET properties InnerText, InnerXml and Value
/// are settable; anything else is 5.1's error.
pub fn set_property(x: &XmlObj, name: &str, value: &Value) -> Option<Result<(), ErrorRecord>> {
    let XmlObj::Node(r) = x else { return None };
    let text = to_string(value);
    let groups = adapted(&r.dom.borrow(), r.id);
    if let Some((g, ids)) = groups.into_iter().find(|(g, _)| g.eq_ignore_ascii_case(name)) {
        // SetValueException, with the adapter's id for the reason the node cannot take text.
        let restricted = |why: &str| {
            ErrorRecord::new(
                format!("Cannot set \"{g}\" because only strings can be used as values to set XmlNode properties."),
                "System.Management.Automation.SetValueException",
                ErrorCategory::NotSpecified,
                why,
            )
        };
        let [id] = ids[..] else { return Some(Err(restricted("XmlNodeSetRestrictionsMoreThanOneNode"))) };
        let mut dom = r.dom.borrow_mut();
        let n = dom.node(id);
        let settable = match n.kind {
            Kind::Text | Kind::Attribute => true,
            _ if !n.attrs.is_empty() => false,
            _ => n.children.is_empty() || (n.children.len() == 1 && dom.node(n.children[0]).kind == Kind::Text),
        };
        if !settable {
            let why = if n.attrs.is_empty() { "XmlNodeSetRestrictionsUnknownNodeType" } else { "XmlNodeSetRestrictionsNodeWithAttributes" };
            return Some(Err(restricted(why)));
        }
        dom.set_inner_text(id, &text);
        return Some(Ok(()));
    }
    let lower = name.to_ascii_lowercase();
    let kind = r.kind();
    match (lower.as_str(), kind) {
        ("innertext", _) | ("value", Kind::Attribute | Kind::Text | Kind::CData | Kind::Comment | Kind::Whitespace | Kind::ProcessingInstruction) => {
            r.dom.borrow_mut().set_inner_text(r.id, &text);
            Some(Ok(()))
        }
        ("innerxml", Kind::Element | Kind::Document) => Some(super::methods::set_inner_xml(r, &text)),
        ("preservewhitespace", Kind::Document) => Some(Ok(())),
        _ => Some(Err(set_error(
            "PropertyAssignmentException",
            format!("The property '{name}' cannot be found on this object. Verify that the property exists and can be set."),
        ))),
    }
}

/// What Out-Default draws for an XML object: its adapted properties, as a table or a list
/// by the usual rules; an element in a namespace carries 5.1's `Type#ns#local` type name.
pub fn display(x: &XmlObj) -> Value {
    let XmlObj::Node(r) = x else {
        let mut o = PsObject::typed(&super::type_of(x).full_name());
        if let Some(v) = property(x, "defaultnamespace") {
            o.add_typed("DefaultNamespace", "string", v);
        }
        return Value::object(o);
    };
    let (groups, kind, ns, local) = {
        let dom = r.dom.borrow();
        let n = dom.node(r.id);
        (adapted(&dom, r.id), n.kind, n.ns.clone(), n.local.clone())
    };
    let mut o = PsObject::typed(kind.class());
    o.type_names = type_names(kind, &ns, &local);
    for (name, ids) in groups {
        o.add_note(&name, group_value(r, &ids));
    }
    Value::object(o)
}

fn type_names(kind: Kind, ns: &str, local: &str) -> Vec<String> {
    let mut names = vec![kind.class().to_string()];
    if matches!(kind, Kind::Element | Kind::Text | Kind::CData | Kind::Comment | Kind::ProcessingInstruction | Kind::Declaration | Kind::Whitespace) {
        names.push("System.Xml.XmlLinkedNode".into());
    }
    names.push("System.Xml.XmlNode".into());
    names.push("System.Object".into());
    if !ns.is_empty() && ns != XMLNS {
        names.insert(0, format!("{}#{ns}#{local}", kind.class()));
    }
    names
}
