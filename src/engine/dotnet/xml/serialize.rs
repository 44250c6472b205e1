//! A node as text, as .NET's XmlTextWriter writes it: `OuterXml`/`InnerXml` on one line
//! (an empty element is `<a />`, with the space), and `Save`'s indented form (two spaces a
//! level, CRLF, an element holding text written on one line — the writer's mixed content).
//! Each call starts a new writer, which knows no namespace around the node: an element in
//! a default namespace declared above it is written with its own `xmlns`, as .NET writes it.

use super::dom::{Dom, Id, Kind};

pub fn outer_xml(dom: &Dom, id: Id) -> String {
    let mut out = String::new();
    write(dom, id, None, &[], &mut out);
    out
}

pub fn inner_xml(dom: &Dom, id: Id) -> String {
    let n = dom.node(id);
    match n.kind {
        Kind::Attribute => escape(&n.value, true),
        Kind::Element | Kind::Document => {
            let mut out = String::new();
            for c in &n.children {
                write(dom, *c, None, &[], &mut out);
            }
            out
        }
        _ => String::new(),
    }
}

/// The document as `Save` writes it.
pub fn indented(dom: &Dom, id: Id) -> String {
    let mut out = String::new();
    if dom.node(id).kind == Kind::Document {
        for (i, c) in dom.node(id).children.iter().enumerate() {
            if i > 0 {
                out.push_str("\r\n");
            }
            write(dom, *c, Some(0), &[], &mut out);
        }
    } else {
        write(dom, id, Some(0), &[], &mut out);
    }
    out
}

fn newline(out: &mut String, depth: usize) {
    out.push_str("\r\n");
    out.push_str(&"  ".repeat(depth));
}

/// Writes one node; `depth` is `Some` while the writer indents; `scope` holds the prefixes
/// (`""` the default) the text around it declares.
fn write(dom: &Dom, id: Id, depth: Option<usize>, scope: &[(String, String)], out: &mut String) {
    let n = dom.node(id);
    match n.kind {
        Kind::Document => {
            for c in &n.children {
                write(dom, *c, depth, &[], out);
            }
        }
        Kind::Element => {
            out.push('<');
            out.push_str(&dom.name(id));
            // The namespaces this start tag declares, then those it uses without a
            // declaration in the text around it: .NET's writer adds the missing ones after
            // the attributes (`xmlns=""` too, for an element made in no namespace).
            let mut inner: Vec<(String, String)> = scope.to_vec();
            for a in &n.attrs {
                let a = dom.node(*a);
                if a.prefix == "xmlns" || (a.prefix.is_empty() && a.local == "xmlns") {
                    let p = if a.prefix.is_empty() { String::new() } else { a.local.clone() };
                    inner.retain(|(k, _)| *k != p);
                    inner.push((p, a.value.clone()));
                }
            }
            let mut missing: Vec<(String, String)> = Vec::new();
            let mut need = |prefix: &str, ns: &str, inner: &mut Vec<(String, String)>| {
                let known = inner.iter().rev().find(|(k, _)| k == prefix).map(|(_, v)| v.as_str()).unwrap_or("");
                if known != ns && prefix != "xml" && prefix != "xmlns" {
                    inner.push((prefix.to_string(), ns.to_string()));
                    missing.push((prefix.to_string(), ns.to_string()));
                }
            };
            need(&n.prefix, &n.ns, &mut inner);
            for a in &n.attrs {
                let a = dom.node(*a);
                if !a.prefix.is_empty() {
                    need(&a.prefix, &a.ns, &mut inner);
                }
            }
            for a in &n.attrs {
                out.push(' ');
                out.push_str(&dom.name(*a));
                out.push_str("=\"");
                out.push_str(&escape(&dom.node(*a).value, true));
                out.push('"');
            }
            for (p, ns) in &missing {
                let name = if p.is_empty() { "xmlns".to_string() } else { format!("xmlns:{p}") };
                out.push_str(&format!(" {name}=\"{}\"", escape(ns, true)));
            }
            if n.children.is_empty() {
                out.push_str(" />");
                return;
            }
            out.push('>');
            let mixed = n.children.iter().any(|c| dom.node(*c).kind.is_text());
            let depth_in = if mixed { None } else { depth.map(|d| d + 1) };
            for c in &n.children {
                if let Some(d) = depth_in {
                    newline(out, d);
                }
                write(dom, *c, depth_in, &inner, out);
            }
            if let (Some(d), false) = (depth, mixed) {
                newline(out, d);
            }
            out.push_str("</");
            out.push_str(&dom.name(id));
            out.push('>');
        }
        Kind::Attribute => {
            out.push_str(&dom.name(id));
            out.push_str("=\"");
            out.push_str(&escape(&n.value, true));
            out.push('"');
        }
        Kind::Text | Kind::Whitespace => out.push_str(&escape(&n.value, false)),
        Kind::CData => {
            out.push_str("<![CDATA[");
            out.push_str(&n.value);
            out.push_str("]]>");
        }
        Kind::Comment => {
            out.push_str("<!--");
            out.push_str(&n.value);
            out.push_str("-->");
        }
        Kind::ProcessingInstruction => {
            out.push_str("<?");
            out.push_str(&n.local);
            if !n.value.is_empty() {
                out.push(' ');
                out.push_str(&n.value);
            }
            out.push_str("?>");
        }
        Kind::Declaration => {
            out.push_str("<?xml ");
            out.push_str(&n.value);
            out.push_str("?>");
        }
    }
}

/// .NET's escaping: `&`, `<` and `>` always, `"` inside an attribute's quotes.
pub fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}
