//! `System.Xml`: `[xml]` documents and their nodes with PowerShell's XML adapter
//! (`adapter.rs`), the DOM's methods (`methods.rs`), XPath 1.0 (`xpath.rs`), parsing
//! (`parse.rs`, quick-xml's tokenizer under .NET's checks and messages) and writing
//! (`serialize.rs`). A node value is a handle — its document and its index — so two
//! handles on one node are one object, as references to a .NET node are.

pub mod adapter;
pub mod dom;
pub mod methods;
pub mod parse;
pub mod serialize;
pub mod xpath;

use std::cell::RefCell;
use std::rc::Rc;

use dom::{Dom, Id, Kind, DOCUMENT};

use crate::engine::convert::{net_to_string, to_string};
use crate::engine::value::{Native, TypeKind, TypeRef, Value};

pub const NODE: &str = "System.Xml.XmlNode";
pub const LINKED: &str = "System.Xml.XmlLinkedNode";

/// The System.Xml objects a script holds.
#[derive(Debug)]
pub enum XmlObj {
    Node(NodeRef),
    /// An XmlNamespaceManager: the prefixes a script added, in order.
    NamespaceManager(RefCell<xpath::Namespaces>),
    /// A document's XmlNameTable, which only serves to make a namespace manager.
    NameTable,
}

/// One node of one document.
#[derive(Debug, Clone)]
pub struct NodeRef {
    pub dom: Rc<RefCell<Dom>>,
    pub id: Id,
}

impl NodeRef {
    pub fn kind(&self) -> Kind {
        self.dom.borrow().node(self.id).kind
    }

    pub fn at(&self, id: Id) -> NodeRef {
        NodeRef { dom: self.dom.clone(), id }
    }

    pub fn value(&self) -> Value {
        node_value(&self.dom, self.id)
    }
}

pub fn node_value(dom: &Rc<RefCell<Dom>>, id: Id) -> Value {
    Value::Native(Rc::new(Native::Xml(XmlObj::Node(NodeRef { dom: dom.clone(), id }))))
}

/// A new document holding `dom`.
pub fn document(dom: Dom) -> Value {
    node_value(&Rc::new(RefCell::new(dom)), DOCUMENT)
}

/// The node a value holds, if it is one.
pub fn node_of(v: &Value) -> Option<NodeRef> {
    match v {
        Value::Native(n) => match &**n {
            Native::Xml(XmlObj::Node(r)) => Some(r.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// Two handles on the same node are the same object.
pub fn same_node(a: &XmlObj, b: &XmlObj) -> bool {
    matches!((a, b), (XmlObj::Node(x), XmlObj::Node(y)) if Rc::ptr_eq(&x.dom, &y.dom) && x.id == y.id)
}

pub fn type_of(x: &XmlObj) -> TypeRef {
    match x {
        XmlObj::Node(r) if r.kind() == Kind::Document => TypeRef::of(TypeKind::XmlDocument),
        XmlObj::Node(r) => super::registry::resolve(r.kind().class(), false).unwrap_or_else(|| TypeRef::foreign(r.kind().class())),
        XmlObj::NamespaceManager(_) => TypeRef::of(TypeKind::XmlNamespaceManager),
        XmlObj::NameTable => TypeRef::foreign("System.Xml.NameTable"),
    }
}

/// ToString: PowerShell's XmlNode code method gives the node's LocalName.
pub fn to_text(x: &XmlObj) -> String {
    match x {
        XmlObj::Node(r) => r.dom.borrow().local_name(r.id),
        XmlObj::NamespaceManager(_) => "System.Xml.XmlNamespaceManager".into(),
        XmlObj::NameTable => "System.Xml.NameTable".into(),
    }
}

/// `[xml]value`: the value's text (an array's lines joined with newlines, as
/// LanguagePrimitives.ConvertToXml joins them) loaded as a document.
pub fn convert(v: &Value) -> Result<Value, String> {
    if let Some(r) = node_of(v) {
        if r.kind() == Kind::Document {
            return Ok(v.clone());
        }
    }
    let text = match v {
        Value::Array(_) | Value::List(_) => v.enumerate().iter().map(to_string).collect::<Vec<_>>().join("\n"),
        other => to_string(other),
    };
    let shown = match v {
        Value::Array(_) | Value::List(_) => net_to_string(v),
        other => to_string(other),
    };
    parse::parse(&text).map(document).map_err(|inner| format!("Cannot convert value \"{shown}\" to type \"System.Xml.XmlDocument\". Error: \"{inner}\""))
}

/// `[System.Xml.XmlElement]value` and the other node classes: a node of the class (or one
/// derived from it) is itself; anything else does not convert.
pub fn convert_node(v: &Value, ty: &TypeRef) -> Result<Value, String> {
    if super::registry::value_is(v, ty) {
        return Ok(v.clone());
    }
    Err(crate::engine::convert::invalid_cast(v, &ty.full_name()))
}

/// `New-Object System.Xml.XmlDocument`, `[xml]::new()`, `New-Object Xml.XmlNamespaceManager $x.NameTable`.
pub fn construct(ty: &TypeRef, args: &[Value]) -> Option<Result<Value, crate::engine::error::ErrorRecord>> {
    if ty.is_array {
        return None;
    }
    match ty.kind {
        TypeKind::XmlDocument if args.is_empty() => Some(Ok(document(Dom::new()))),
        TypeKind::XmlNamespaceManager if args.len() == 1 => Some(Ok(Value::Native(Rc::new(Native::Xml(XmlObj::NamespaceManager(RefCell::new(Vec::new()))))))),
        TypeKind::XmlDocument | TypeKind::XmlNamespaceManager => Some(Err(super::arg_count("new", args.len()))),
        _ => None,
    }
}

/// A document from the text of an XML file or string; the error is .NET's message.
pub fn load_text(text: &str) -> Result<Value, String> {
    parse::parse(text).map(document)
}

/// `SelectNodes(query)` on a node value with these prefixes; `None` when it is no node.
pub fn select_nodes(v: &Value, query: &str, ns: &xpath::Namespaces) -> Option<Result<Vec<Value>, String>> {
    let r = node_of(v)?;
    let found = xpath::select(&r.dom.borrow(), r.id, query, ns);
    Some(found.map(|ids| ids.into_iter().map(|id| node_value(&r.dom, id)).collect()))
}
