//! The DOM's methods scripts call: building (`CreateElement`, `AppendChild`, `InsertBefore`…),
//! attributes (`SetAttribute`, `GetAttribute`, `RemoveAttribute`), queries (`SelectNodes`,
//! `SelectSingleNode` with an XmlNamespaceManager), and the document's `Load`, `LoadXml` and
//! `Save` through the lab's file rules. A failure is .NET's exception text inside 5.1's
//! "Exception calling" record.

use std::cell::RefCell;
use std::rc::Rc;

use super::dom::{Dom, Id, Kind, DOCUMENT, XMLNS};
use super::{node_of, node_value, parse, serialize, xpath, NodeRef, XmlObj};
use crate::engine::convert::{invalid_cast, to_string};
use crate::engine::dotnet::{arg_count, argument_error, method_error, not_found};
use crate::engine::error::{ErrorRecord, EvalResult};
use crate::engine::runtime::Interp;
use crate::engine::value::{TypeRef, Value};
use crate::labfs::{FsError, LabFs, WriteMode};
use crate::lang::ast::Span;

/// An owned copy of a subtree, to build in the same or another document.
struct Copy {
    kind: Kind,
    prefix: String,
    local: String,
    ns: String,
    value: String,
    attrs: Vec<Copy>,
    children: Vec<Copy>,
}

fn copy_of(dom: &Dom, id: Id, deep: bool) -> Copy {
    let n = dom.node(id);
    Copy {
        kind: n.kind,
        prefix: n.prefix.clone(),
        local: n.local.clone(),
        ns: n.ns.clone(),
        value: n.value.clone(),
        attrs: n.attrs.iter().map(|a| copy_of(dom, *a, true)).collect(),
        children: if deep || n.kind == Kind::Attribute { n.children.iter().map(|c| copy_of(dom, *c, true)).collect() } else { Vec::new() },
    }
}

fn build(dom: &mut Dom, c: &Copy) -> Id {
    let id = dom.create(c.kind, &c.prefix, &c.local, &c.ns, &c.value);
    for a in &c.attrs {
        let a = build(dom, a);
        dom.set_attribute_node(id, a);
    }
    for k in &c.children {
        let k = build(dom, k);
        dom.insert(id, k, None);
    }
    id
}

/// Replaces a node's children with those of `from`'s node `at` (Load, LoadXml, InnerXml).
fn replace_children(r: &NodeRef, from: &Dom, at: Id) {
    let copies: Vec<Copy> = from.node(at).children.iter().map(|c| copy_of(from, *c, true)).collect();
    let mut dom = r.dom.borrow_mut();
    for old in dom.node(r.id).children.clone() {
        dom.detach(old);
    }
    for c in &copies {
        let id = build(&mut dom, c);
        dom.insert(r.id, id, None);
    }
}

/// `.InnerXml = text`: the text parsed as the node's content, in its namespace scope.
pub fn set_inner_xml(r: &NodeRef, text: &str) -> Result<(), ErrorRecord> {
    let parsed = if r.kind() == Kind::Document { parse::parse(text) } else { parse::parse_fragment(text) };
    // A setter that throws is 5.1's SetValueInvocationException.
    let parsed = parsed.map_err(|e| {
        ErrorRecord::new(
            format!("Exception setting \"InnerXml\": \"{e}\""),
            "System.Management.Automation.SetValueInvocationException",
            crate::engine::error::ErrorCategory::NotSpecified,
            "ExceptionWhenSetting",
        )
    })?;
    let at = if r.kind() == Kind::Document { DOCUMENT } else { parsed.document_element().unwrap_or(DOCUMENT) };
    replace_children(r, &parsed, at);
    Ok(())
}

const NODE: &str = "System.Xml.XmlNode";

fn node_arg(method: &str, param: &str, v: Option<&Value>) -> Result<NodeRef, ErrorRecord> {
    let v = v.cloned().unwrap_or(Value::Null);
    node_of(&v).ok_or_else(|| argument_error(param, &v, method, &TypeRef::foreign(NODE), &invalid_cast(&v, NODE)))
}

fn str_arg(args: &[Value], i: usize) -> String {
    args.get(i).map(to_string).unwrap_or_default()
}

fn namespaces_arg(method: &str, v: Option<&Value>) -> Result<xpath::Namespaces, ErrorRecord> {
    match v {
        None => Ok(Vec::new()),
        Some(Value::Native(n)) => match &**n {
            crate::engine::value::Native::Xml(XmlObj::NamespaceManager(m)) => Ok(m.borrow().clone()),
            _ => Err(argument_error(
                "nsmgr",
                &Value::Native(n.clone()),
                method,
                &TypeRef::foreign("System.Xml.XmlNamespaceManager"),
                "Specified cast is not valid.",
            )),
        },
        Some(other) => Err(argument_error(
            "nsmgr",
            other,
            method,
            &TypeRef::foreign("System.Xml.XmlNamespaceManager"),
            &invalid_cast(other, "System.Xml.XmlNamespaceManager"),
        )),
    }
}

/// Where a new child may go, as XmlNode.InsertBefore checks it; the message is .NET's.
fn check_insert(r: &NodeRef, child: &NodeRef) -> Result<(), &'static str> {
    if !Rc::ptr_eq(&r.dom, &child.dom) {
        return Err("The node to be inserted is from a different document context.");
    }
    let dom = r.dom.borrow();
    let (parent, kid) = (dom.node(r.id).kind, dom.node(child.id).kind);
    let allowed = match parent {
        Kind::Document => matches!(kid, Kind::Element | Kind::Comment | Kind::ProcessingInstruction | Kind::Declaration | Kind::Whitespace),
        Kind::Element => !matches!(kid, Kind::Document | Kind::Attribute | Kind::Declaration),
        _ => false,
    };
    if !allowed {
        return Err("Cannot insert the node in the specified location.");
    }
    if dom.is_ancestor_or_self(child.id, r.id) {
        return Err("Cannot insert a node or any ancestor of that node as a child of itself.");
    }
    if parent == Kind::Document && kid == Kind::Element && dom.document_element().is_some_and(|e| e != child.id) {
        return Err("This document already has a 'DocumentElement' node.");
    }
    Ok(())
}

/// A new detached node of the document, named `prefix:local` or `local`.
fn new_node_id(r: &NodeRef, kind: Kind, qname: &str, ns: &str, value: &str) -> Id {
    let (prefix, local) = qname.split_once(':').unwrap_or(("", qname));
    let ns = if kind == Kind::Attribute && (prefix == "xmlns" || qname == "xmlns") { XMLNS } else { ns };
    r.dom.borrow_mut().create(kind, prefix, local, ns, value)
}

fn new_node(r: &NodeRef, kind: Kind, qname: &str, ns: &str, value: &str) -> Value {
    node_value(&r.dom, new_node_id(r, kind, qname, ns, value))
}

impl Interp {
    /// A method of an XML node, namespace manager or name table.
    pub fn xml_method(&mut self, target: &Value, x: &XmlObj, lower: &str, name: &str, args: &[Value], span: Span) -> EvalResult<Value> {
        let r = match x {
            XmlObj::Node(r) => r,
            XmlObj::NamespaceManager(m) => return namespace_method(target, m, lower, name, args).map_err(|e| self.located(e, span)),
            XmlObj::NameTable => return Err(self.located(not_found(target, name), span)),
        };
        let result = match (lower, args.len()) {
            ("load", 1) => self.xml_load(r, args),
            ("save", 1) => self.xml_save(r, args),
            _ => node_method(target, r, lower, name, args),
        };
        result.map_err(|e| self.located(e, span))
    }

    fn lab(&self) -> Option<Rc<LabFs>> {
        self.services.get::<Rc<LabFs>>().cloned()
    }

    /// A path .NET resolves: a relative one against the process's directory — the folder
    /// ersim started in — not PowerShell's location, as 5.1 scripts learn the hard way.
    fn dotnet_path(fs: &LabFs, path: &str) -> String {
        let absolute = path.starts_with(['\\', '/']) || path.as_bytes().get(1) == Some(&b':');
        if absolute {
            return path.to_string();
        }
        let start = fs.lab_of_host(fs.start_root()).map(|l| l.to_string()).unwrap_or_else(|| "C:\\Users\\admin".into());
        format!("{}\\{}", start.trim_end_matches('\\'), path.trim_start_matches(".\\").trim_start_matches("./"))
    }

    fn xml_load(&mut self, r: &NodeRef, args: &[Value]) -> Result<Value, ErrorRecord> {
        let fail = |inner: String, id: &str| method_error("Load", args, &inner, id);
        if r.kind() != Kind::Document {
            return Err(not_found(&r.value(), "Load"));
        }
        let fs = self.lab().ok_or_else(|| fail("Access to the path is denied.".into(), "UnauthorizedAccessException"))?;
        let path = Self::dotnet_path(&fs, &str_arg(args, 0));
        let item = fs.resolve(&path).map_err(|e| fs_fail(&fail, &e))?;
        let bytes = fs.read(&item).map_err(|e| fs_fail(&fail, &e))?;
        let parsed = parse::parse(&parse::decode_file(&bytes)).map_err(|e| fail(e, "XmlException"))?;
        replace_children(r, &parsed, DOCUMENT);
        Ok(Value::Null)
    }

    fn xml_save(&mut self, r: &NodeRef, args: &[Value]) -> Result<Value, ErrorRecord> {
        let fail = |inner: String, id: &str| method_error("Save", args, &inner, id);
        if r.kind() != Kind::Document {
            return Err(not_found(&r.value(), "Save"));
        }
        let fs = self.lab().ok_or_else(|| fail("Access to the path is denied.".into(), "UnauthorizedAccessException"))?;
        let path = Self::dotnet_path(&fs, &str_arg(args, 0));
        let item = fs.resolve(&path).map_err(|e| fs_fail(&fail, &e))?;
        let (text, utf16) = {
            let dom = r.dom.borrow();
            let declared =
                dom.node(DOCUMENT).children.iter().find(|c| dom.node(**c).kind == Kind::Declaration).map(|c| dom.node(*c).value.to_ascii_lowercase());
            (serialize::indented(&dom, DOCUMENT), declared.is_some_and(|d| d.contains("encoding=\"utf-16\"")))
        };
        let enc = if utf16 { crate::labfs::encoding::Encoding::Unicode } else { crate::labfs::encoding::Encoding::Utf8 };
        let bytes = crate::labfs::encoding::encode(&text, enc);
        fs.write_bytes(&item, &bytes, WriteMode::Create, self.clock.now()).map_err(|e| fs_fail(&fail, &e))?;
        Ok(Value::Null)
    }
}

fn fs_fail(fail: &dyn Fn(String, &str) -> ErrorRecord, e: &FsError) -> ErrorRecord {
    let id = match e {
        FsError::Denied(_) | FsError::IsDirectory(_) => "UnauthorizedAccessException",
        FsError::NotFound(_) => "FileNotFoundException",
        FsError::NoParent(_) => "DirectoryNotFoundException",
        _ => "IOException",
    };
    fail(e.to_string(), id)
}

fn namespace_method(target: &Value, m: &RefCell<xpath::Namespaces>, lower: &str, name: &str, args: &[Value]) -> Result<Value, ErrorRecord> {
    let prefix = str_arg(args, 0);
    match (lower, args.len()) {
        ("addnamespace", 2) => {
            let uri = str_arg(args, 1);
            let mut m = m.borrow_mut();
            m.retain(|(p, _)| *p != prefix);
            m.push((prefix, uri));
            Ok(Value::Null)
        }
        ("removenamespace", 2) => {
            m.borrow_mut().retain(|(p, u)| !(*p == prefix && *u == str_arg(args, 1)));
            Ok(Value::Null)
        }
        ("lookupnamespace", 1) => Ok(m.borrow().iter().find(|(p, _)| *p == prefix).map(|(_, u)| Value::str(u)).unwrap_or(Value::Null)),
        ("hasnamespace", 1) => Ok(Value::Bool(m.borrow().iter().any(|(p, _)| *p == prefix))),
        ("addnamespace" | "removenamespace" | "lookupnamespace" | "hasnamespace", n) => Err(arg_count(name, n)),
        _ => Err(not_found(target, name)),
    }
}

fn node_method(target: &Value, r: &NodeRef, lower: &str, name: &str, args: &[Value]) -> Result<Value, ErrorRecord> {
    let fail = |inner: &str, id: &str| method_error(name, args, inner, id);
    let is_doc = r.kind() == Kind::Document;
    let is_element = r.kind() == Kind::Element;
    match (lower, args.len()) {
        ("loadxml", 1) if is_doc => {
            let parsed = parse::parse(&str_arg(args, 0)).map_err(|e| fail(&e, "XmlException"))?;
            replace_children(r, &parsed, DOCUMENT);
            Ok(Value::Null)
        }
        ("createelement", 1..=3) if is_doc => Ok(match args.len() {
            3 => new_node(
                r,
                Kind::Element,
                &format!("{}{}{}", str_arg(args, 0), if str_arg(args, 0).is_empty() { "" } else { ":" }, str_arg(args, 1)),
                &str_arg(args, 2),
                "",
            ),
            n => new_node(r, Kind::Element, &str_arg(args, 0), &if n == 2 { str_arg(args, 1) } else { String::new() }, ""),
        }),
        ("createattribute", 1 | 2) if is_doc => Ok(new_node(r, Kind::Attribute, &str_arg(args, 0), &str_arg(args, 1), "")),
        ("createtextnode", 1) if is_doc => Ok(new_node(r, Kind::Text, "", "", &str_arg(args, 0))),
        ("createcomment", 1) if is_doc => Ok(new_node(r, Kind::Comment, "", "", &str_arg(args, 0))),
        ("createcdatasection", 1) if is_doc => Ok(new_node(r, Kind::CData, "", "", &str_arg(args, 0))),
        ("createxmldeclaration", 3) if is_doc => {
            let mut v = format!("version=\"{}\"", str_arg(args, 0));
            for (key, i) in [("encoding", 1), ("standalone", 2)] {
                if !str_arg(args, i).is_empty() {
                    v.push_str(&format!(" {key}=\"{}\"", str_arg(args, i)));
                }
            }
            Ok(new_node(r, Kind::Declaration, "", "xml", &v))
        }
        ("importnode", 2) if is_doc => {
            let from = node_arg(name, "node", args.first())?;
            let deep = crate::engine::convert::to_bool(&args[1]);
            let copy = copy_of(&from.dom.borrow(), from.id, deep);
            let id = build(&mut r.dom.borrow_mut(), &copy);
            Ok(node_value(&r.dom, id))
        }
        ("clonenode", 1) => {
            let copy = copy_of(&r.dom.borrow(), r.id, crate::engine::convert::to_bool(&args[0]));
            let id = build(&mut r.dom.borrow_mut(), &copy);
            Ok(node_value(&r.dom, id))
        }
        ("appendchild" | "prependchild", 1) | ("insertbefore" | "insertafter", 2) | ("replacechild", 2) => insert(r, lower, name, args),
        ("removechild", 1) => {
            let child = node_arg(name, "oldChild", args.first())?;
            let is_child = Rc::ptr_eq(&r.dom, &child.dom) && r.dom.borrow().node(r.id).children.contains(&child.id);
            if !is_child {
                return Err(fail("The node to be removed is not a child of this node.", "ArgumentException"));
            }
            r.dom.borrow_mut().detach(child.id);
            Ok(child.value())
        }
        ("removeall", 0) => {
            let mut dom = r.dom.borrow_mut();
            let n = dom.node(r.id);
            for k in n.children.clone().into_iter().chain(n.attrs.clone()) {
                dom.detach(k);
            }
            Ok(Value::Null)
        }
        ("selectnodes" | "selectsinglenode", 1 | 2) => {
            let ns = namespaces_arg(name, args.get(1))?;
            let found = xpath::select(&r.dom.borrow(), r.id, &str_arg(args, 0), &ns).map_err(|e| fail(&e, "XPathException"))?;
            Ok(if lower == "selectsinglenode" {
                found.first().map(|id| node_value(&r.dom, *id)).unwrap_or(Value::Null)
            } else {
                Value::array(found.into_iter().map(|id| node_value(&r.dom, id)).collect())
            })
        }
        ("getelementsbytagname", 1) => {
            let want = str_arg(args, 0);
            let dom = r.dom.borrow();
            let mut all = Vec::new();
            dom.descendants(r.id, &mut all);
            let hits = all.into_iter().filter(|i| dom.node(*i).kind == Kind::Element && (want == "*" || dom.name(*i) == want));
            Ok(Value::array(hits.map(|i| node_value(&r.dom, i)).collect()))
        }
        ("getattribute", 1) if is_element => {
            let dom = r.dom.borrow();
            Ok(Value::str(dom.attribute(r.id, &str_arg(args, 0)).map(|a| dom.node(a).value.clone()).unwrap_or_default()))
        }
        ("getattribute", 2) if is_element => {
            let dom = r.dom.borrow();
            let (local, ns) = (str_arg(args, 0), str_arg(args, 1));
            let found = dom.node(r.id).attrs.iter().find(|a| dom.node(**a).local == local && dom.node(**a).ns == ns);
            Ok(Value::str(found.map(|a| dom.node(*a).value.clone()).unwrap_or_default()))
        }
        ("hasattribute", 1) if is_element => Ok(Value::Bool(r.dom.borrow().attribute(r.id, &str_arg(args, 0)).is_some())),
        ("getattributenode", 1) if is_element => Ok(r.dom.borrow().attribute(r.id, &str_arg(args, 0)).map(|a| node_value(&r.dom, a)).unwrap_or(Value::Null)),
        ("setattribute", 2 | 3) if is_element => {
            let (qname, ns, value) =
                if args.len() == 3 { (str_arg(args, 0), str_arg(args, 1), str_arg(args, 2)) } else { (str_arg(args, 0), String::new(), str_arg(args, 1)) };
            let existing = r.dom.borrow().attribute(r.id, &qname);
            match existing {
                Some(a) => r.dom.borrow_mut().node_mut(a).value = value,
                None => {
                    let id = new_node_id(r, Kind::Attribute, &qname, &ns, &value);
                    r.dom.borrow_mut().set_attribute_node(r.id, id);
                }
            }
            Ok(if args.len() == 3 { Value::str(str_arg(args, 2)) } else { Value::Null })
        }
        ("setattributenode", 1) if is_element => {
            let attr = node_arg(name, "newAttr", args.first())?;
            if !Rc::ptr_eq(&r.dom, &attr.dom) || attr.kind() != Kind::Attribute {
                return Err(fail("The named node is from a different document context.", "ArgumentException"));
            }
            r.dom.borrow_mut().set_attribute_node(r.id, attr.id);
            Ok(Value::Null)
        }
        ("removeattribute", 1) if is_element => {
            let found = r.dom.borrow().attribute(r.id, &str_arg(args, 0));
            if let Some(a) = found {
                r.dom.borrow_mut().detach(a);
            }
            Ok(Value::Null)
        }
        (
            "loadxml" | "createelement" | "createattribute" | "createtextnode" | "createcomment" | "importnode" | "clonenode" | "appendchild" | "prependchild"
            | "insertbefore" | "insertafter" | "replacechild" | "removechild" | "selectnodes" | "selectsinglenode" | "getattribute" | "setattribute"
            | "removeattribute" | "hasattribute" | "load" | "save",
            n,
        ) if is_doc || is_element => Err(arg_count(name, n)),
        _ => Err(not_found(target, name)),
    }
}

/// AppendChild, PrependChild, InsertBefore, InsertAfter and ReplaceChild: the node moves
/// from wherever it was; the call returns the node inserted (ReplaceChild: the old one).
fn insert(r: &NodeRef, lower: &str, name: &str, args: &[Value]) -> Result<Value, ErrorRecord> {
    let fail = |inner: &str, id: &str| method_error(name, args, inner, id);
    let child = node_arg(name, "newChild", args.first())?;
    let reference = match args.get(1) {
        Some(Value::Null) | None => None,
        Some(v) => Some(node_arg(name, if lower == "replacechild" { "oldChild" } else { "refChild" }, Some(v))?),
    };
    check_insert(r, &child).map_err(|m| fail(m, if m.contains("different document") { "ArgumentException" } else { "InvalidOperationException" }))?;
    let mut dom = r.dom.borrow_mut();
    let kids = dom.node(r.id).children.clone();
    if let Some(rf) = &reference {
        if !Rc::ptr_eq(&rf.dom, &r.dom) || !kids.contains(&rf.id) {
            let m =
                if lower == "replacechild" { "The node to be removed is not a child of this node." } else { "The reference node is not a child of this node." };
            return Err(fail(m, "ArgumentException"));
        }
    }
    let rf = reference.map(|x| x.id);
    let before = match lower {
        "appendchild" => None,
        "prependchild" => kids.first().copied(),
        "insertbefore" => rf,
        "insertafter" => match rf {
            Some(x) => kids.iter().position(|k| *k == x).and_then(|i| kids.get(i + 1).copied()),
            None => kids.first().copied(),
        },
        _ => rf,
    };
    if before == Some(child.id) {
        return Ok(child.value());
    }
    dom.insert(r.id, child.id, before);
    if lower == "replacechild" {
        if let Some(old) = rf {
            dom.detach(old);
            return Ok(node_value(&r.dom, old));
        }
    }
    Ok(child.value())
}
