//! XML text into a [`Dom`], as `XmlDocument.LoadXml` and `[xml]` read it with
//! PreserveWhitespace off: quick-xml tokenizes, and this file keeps what .NET's reader
//! checks itself (one root, matching end tags, declared prefixes, no text at the root) so
//! each failure gets the XmlException text and `Line L, position P.` that .NET reports.

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use quick_xml::XmlVersion;

use std::collections::HashMap;

use super::dom::{Dom, Id, Kind, DOCUMENT, XMLNS, XML_NS};
use crate::labfs::encoding::{self, Encoding};

/// The text of a file an XML reader loads: by its BOM, else the declaration's encoding, else
/// UTF-8 — .NET's rule, not 5.1's text files' Windows-1252.
pub fn decode_file(bytes: &[u8]) -> String {
    if let Some((enc, len)) = encoding::bom(bytes) {
        return encoding::decode_named(&bytes[len..], enc);
    }
    let head: String = bytes.iter().take(200).take_while(|b| **b != b'>').map(|b| char::from(*b)).collect();
    let declared = head.strip_prefix("<?xml").and_then(|d| {
        let at = d.find("encoding")?;
        let rest = d[at + 8..].trim_start().strip_prefix('=')?.trim_start();
        let quote = rest.chars().next()?;
        rest[1..].split(quote).next().map(str::to_ascii_lowercase)
    });
    let enc = match declared.as_deref() {
        Some("utf-16" | "unicode") => Encoding::Unicode,
        Some("windows-1252" | "iso-8859-1" | "latin1") => Encoding::Ansi,
        Some("us-ascii" | "ascii") => Encoding::Ascii,
        _ => Encoding::Utf8,
    };
    encoding::decode_named(bytes, enc)
}

/// Where a position in the text is, as XmlException counts it (1-based).
fn line_pos(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map(|l| l.chars().count()).unwrap_or(0) + 1;
    (line, col)
}

fn at(text: &str, offset: usize, message: &str) -> String {
    let (l, p) = line_pos(text, offset);
    format!("{message} Line {l}, position {p}.")
}

fn utf8(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The deepest nesting ersim reads: each level is a frame of the recursive walks over the
/// tree (InnerText, OuterXml, XPath), so a document nested without end would otherwise end
/// the process on a stack overflow. No real configuration comes near it.
pub const MAX_DEPTH: usize = 10_000;

/// The namespace prefixes in scope while parsing: each prefix's URIs, innermost last, so a
/// lookup does not walk up the tree (which made deep documents quadratic).
#[derive(Default)]
struct Scope {
    bindings: HashMap<String, Vec<String>>,
}

impl Scope {
    fn lookup(&self, prefix: &str) -> Option<String> {
        match prefix {
            "xml" => Some(XML_NS.into()),
            "xmlns" => Some(XMLNS.into()),
            p => match self.bindings.get(p).and_then(|v| v.last()) {
                Some(uri) => Some(uri.clone()),
                None if p.is_empty() => Some(String::new()),
                None => None,
            },
        }
    }

    fn declare(&mut self, prefix: &str, uri: &str) {
        self.bindings.entry(prefix.to_string()).or_default().push(uri.to_string());
    }

    fn leave(&mut self, declared: &[String]) {
        for p in declared {
            if let Some(v) = self.bindings.get_mut(p) {
                v.pop();
            }
        }
    }
}

fn split_name(q: &str) -> (&str, &str) {
    match q.split_once(':') {
        Some((p, l)) => (p, l),
        None => ("", q),
    }
}

/// Parses a document; the error is .NET's message.
pub fn parse(text: &str) -> Result<Dom, String> {
    parse_in(text, false)
}

/// Parses element content (`.InnerXml = text`): the nodes land under the document
/// element of the result, and several elements or bare text are allowed.
pub fn parse_fragment(text: &str) -> Result<Dom, String> {
    parse_in(text, true)
}

fn parse_in(text: &str, fragment: bool) -> Result<Dom, String> {
    let mut dom = Dom::new();
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = false;
    reader.config_mut().allow_unmatched_ends = true;
    // Open elements with the offset of their name and the prefixes they declare; a
    // fragment's holder is open from the start.
    let mut open: Vec<(Id, usize, Vec<String>)> = Vec::new();
    let mut scope = Scope::default();
    let holder = if fragment { dom.create(Kind::Element, "", "fragment", "", "") } else { DOCUMENT };
    if fragment {
        dom.insert(DOCUMENT, holder, None);
        open.push((holder, 0, Vec::new()));
    }
    let mut pending = String::new();
    let mut pending_at = 0usize;
    loop {
        let start = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                let pos = reader.error_position() as usize;
                let ids: Vec<Id> = open[usize::from(fragment)..].iter().map(|(id, _, _)| *id).collect();
                return Err(syntax_error(text, pos, &e, &ids, &dom));
            }
        };
        let parent = open.last().map(|(id, _, _)| *id).unwrap_or(DOCUMENT);
        if !matches!(event, Event::Text(_) | Event::GeneralRef(_)) {
            flush_text(&mut dom, parent, &mut pending, pending_at, text, open.is_empty())?;
        }
        match event {
            Event::Start(_) | Event::Empty(_) if open.is_empty() && dom.document_element().is_some() => {
                return Err(at(text, start + 1, "There are multiple root elements."));
            }
            Event::Start(e) => {
                if open.len() >= MAX_DEPTH {
                    return Err(at(text, start + 1, &format!("The document is nested more than {MAX_DEPTH} elements deep, deeper than ersim reads.")));
                }
                let (id, declared) = element(&mut dom, &mut scope, parent, &e, text, start)?;
                open.push((id, start + 1, declared));
            }
            Event::Empty(e) => {
                let (_, declared) = element(&mut dom, &mut scope, parent, &e, text, start)?;
                scope.leave(&declared);
            }
            Event::End(e) => {
                let name = utf8(e.name().as_ref());
                let Some((id, name_at, declared)) = open.pop().filter(|(id, _, _)| !fragment || *id != holder) else {
                    return Err(at(text, start + 2, "Unexpected end tag."));
                };
                scope.leave(&declared);
                if dom.name(id) != name {
                    let (l, p) = line_pos(text, name_at);
                    return Err(at(
                        text,
                        start + 2,
                        &format!("The '{}' start tag on line {l} position {p} does not match the end tag of '{name}'.", dom.name(id)),
                    ));
                }
            }
            Event::Text(t) => {
                if pending.is_empty() {
                    pending_at = start;
                }
                pending.push_str(&utf8(&t).replace("\r\n", "\n"));
            }
            Event::GeneralRef(r) => {
                if pending.is_empty() {
                    pending_at = start;
                }
                let name = utf8(&r);
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c,
                    Ok(None) => match name.as_str() {
                        "lt" => '<',
                        "gt" => '>',
                        "amp" => '&',
                        "apos" => '\'',
                        "quot" => '"',
                        _ => return Err(at(text, start + 1, &format!("Reference to undeclared entity '{name}'."))),
                    },
                    Err(_) => return Err(at(text, start + 2, "Invalid syntax for a decimal numeric entity reference.")),
                };
                pending.push(c);
            }
            Event::CData(c) => {
                let id = dom.create(Kind::CData, "", "", "", &utf8(&c));
                dom.insert(parent, id, None);
            }
            Event::Comment(c) => {
                let id = dom.create(Kind::Comment, "", "", "", &utf8(&c));
                dom.insert(parent, id, None);
            }
            Event::Decl(d) => {
                if start != 0 {
                    return Err(at(text, start + 2, "Unexpected XML declaration. The XML declaration must be the first node in the document, and no white space characters are allowed to appear before it."));
                }
                let mut value = format!("version=\"{}\"", d.version().map(|v| utf8(&v)).unwrap_or_else(|_| "1.0".into()));
                if let Some(Ok(e)) = d.encoding() {
                    value.push_str(&format!(" encoding=\"{}\"", utf8(&e)));
                }
                if let Some(Ok(s)) = d.standalone() {
                    value.push_str(&format!(" standalone=\"{}\"", utf8(&s)));
                }
                let id = dom.create(Kind::Declaration, "", "xml", "", &value);
                dom.insert(DOCUMENT, id, None);
            }
            Event::PI(p) => {
                let id = dom.create(Kind::ProcessingInstruction, "", &utf8(p.target()), "", utf8(p.content()).trim());
                dom.insert(parent, id, None);
            }
            // A DTD's declarations are not kept: nothing ersim loads has one.
            Event::DocType(_) => {}
            Event::Eof => break,
        }
    }
    if fragment {
        open.remove(0);
    }
    if !open.is_empty() {
        let names: Vec<String> = open.iter().map(|(id, _, _)| dom.name(*id)).collect();
        return Err(at(text, text.len(), &format!("Unexpected end of file has occurred. The following elements are not closed: {}.", names.join(", "))));
    }
    if dom.document_element().is_none() && !fragment {
        return Err("Root element is missing.".into());
    }
    Ok(dom)
}

/// Text gathered between markup becomes one text node; whitespace alone is dropped (the
/// reader ignores whitespace); other text at the root is .NET's root-level error.
fn flush_text(dom: &mut Dom, parent: Id, pending: &mut String, offset: usize, text: &str, at_root: bool) -> Result<(), String> {
    if pending.is_empty() {
        return Ok(());
    }
    let t = std::mem::take(pending);
    if t.chars().all(|c| matches!(c, ' ' | '\t' | '\r' | '\n')) {
        return Ok(());
    }
    if at_root {
        let lead = t.len() - t.trim_start().len();
        return Err(at(text, offset + lead, "Data at the root level is invalid."));
    }
    let id = dom.create(Kind::Text, "", "", "", &t);
    dom.insert(parent, id, None);
    Ok(())
}

/// An element and its attributes; its namespace declarations enter `scope` (the prefixes
/// declared are returned, to leave the scope when the element ends).
fn element(dom: &mut Dom, scope: &mut Scope, parent: Id, e: &BytesStart, text: &str, start: usize) -> Result<(Id, Vec<String>), String> {
    let qname = utf8(e.name().as_ref());
    let (prefix, local) = split_name(&qname);
    let id = dom.create(Kind::Element, prefix, local, "", "");
    dom.insert(parent, id, None);
    let mut declared = Vec::new();
    let mut attrs = e.attributes();
    attrs.with_checks(true);
    for a in attrs {
        let a = a.map_err(|err| attribute_error(text, start, &err))?;
        let name = utf8(a.key.as_ref());
        let value = a.normalized_value(XmlVersion::Implicit1_0).map_err(|_| at(text, start + 1, "An error occurred while parsing EntityName."))?.into_owned();
        let (p, l) = split_name(&name);
        let declares = p == "xmlns" || (p.is_empty() && l == "xmlns");
        if declares {
            let bound = if p.is_empty() { "" } else { l };
            scope.declare(bound, &value);
            declared.push(bound.to_string());
        }
        let attr = dom.create(Kind::Attribute, p, l, if declares { XMLNS } else { "" }, &value);
        dom.set_attribute_node(id, attr);
    }
    let undeclared = |p: &str| at(text, start + 1, &format!("'{p}' is an undeclared prefix."));
    let ns = scope.lookup(prefix).ok_or_else(|| undeclared(prefix))?;
    dom.node_mut(id).ns = ns;
    for a in dom.node(id).attrs.clone() {
        let p = dom.node(a).prefix.clone();
        if !p.is_empty() && p != "xmlns" {
            let ns = scope.lookup(&p).ok_or_else(|| undeclared(&p))?;
            dom.node_mut(a).ns = ns;
        }
    }
    Ok((id, declared))
}

/// An attribute the tokenizer refused; its positions count from the byte after `<`.
fn attribute_error(text: &str, start: usize, err: &quick_xml::events::attributes::AttrError) -> String {
    use quick_xml::events::attributes::AttrError;
    let at_byte = |pos: usize| start + 1 + pos;
    let rest = |pos: usize| text.get(at_byte(pos)..).unwrap_or_default();
    let unexpected = |pos: usize, expected: &str| {
        let c = rest(pos).chars().next().map(String::from).unwrap_or_default();
        at(text, at_byte(pos), &format!("'{c}' is an unexpected token. The expected token is {expected}."))
    };
    match err {
        AttrError::Duplicated(pos, _) => {
            let name: String = rest(*pos).chars().take_while(|c| !c.is_whitespace() && *c != '=').collect();
            at(text, at_byte(*pos), &format!("'{name}' is a duplicate attribute name."))
        }
        AttrError::ExpectedEq(pos) => unexpected(*pos, "'='"),
        AttrError::ExpectedValue(pos) | AttrError::UnquotedValue(pos) | AttrError::ExpectedQuote(pos, _) => unexpected(*pos, r#"'"' or '''"#),
    }
}

fn syntax_error(text: &str, pos: usize, err: &quick_xml::Error, open: &[Id], dom: &Dom) -> String {
    let names: Vec<String> = open.iter().map(|id| dom.name(*id)).collect();
    match err {
        quick_xml::Error::Syntax(_) if names.is_empty() => at(text, text.len(), "Unexpected end of file has occurred."),
        quick_xml::Error::Syntax(_) => {
            at(text, text.len(), &format!("Unexpected end of file has occurred. The following elements are not closed: {}.", names.join(", ")))
        }
        _ => at(text, pos + 1, "Data at the root level is invalid."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_attributes_text_and_namespaces_are_kept_as_the_dom_has_them() {
        let dom =
            parse("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<a xmlns=\"urn:x\" xmlns:p=\"urn:p\" k='v &amp; w'>\r\n  <p:b>t&lt;1</p:b>\r\n  <c/>\r\n</a>")
                .unwrap();
        let root = dom.document_element().unwrap();
        assert_eq!(dom.node(root).ns, "urn:x");
        assert_eq!(dom.node(root).attrs.len(), 3);
        assert_eq!(dom.node(dom.attribute(root, "k").unwrap()).value, "v & w");
        let b = dom.node(root).children[0];
        assert_eq!((dom.name(b), dom.node(b).ns.as_str()), ("p:b".to_string(), "urn:p"));
        assert_eq!(dom.inner_text(b), "t<1");
        assert_eq!(dom.node(root).children.len(), 2, "whitespace between elements is dropped");
    }

    #[test]
    fn malformed_text_gets_the_xml_exception_text_and_position() {
        assert_eq!(parse("<a>").unwrap_err(), "Unexpected end of file has occurred. The following elements are not closed: a. Line 1, position 4.");
        assert_eq!(parse("<a></b>").unwrap_err(), "The 'a' start tag on line 1 position 2 does not match the end tag of 'b'. Line 1, position 6.");
        assert_eq!(parse("<a/><b/>").unwrap_err(), "There are multiple root elements. Line 1, position 6.");
        assert_eq!(parse("hello").unwrap_err(), "Data at the root level is invalid. Line 1, position 1.");
        assert_eq!(parse("").unwrap_err(), "Root element is missing.");
        assert_eq!(parse("<p:a/>").unwrap_err(), "'p' is an undeclared prefix. Line 1, position 2.");
        assert_eq!(parse(r#"<a k="1" k="2"/>"#).unwrap_err(), "'k' is a duplicate attribute name. Line 1, position 10.");
        assert_eq!(parse("<aé k=1/>").unwrap_err(), r#"'1' is an unexpected token. The expected token is '"' or '''. Line 1, position 7."#);
        assert_eq!(parse("<a k/>").unwrap_err(), "'/' is an unexpected token. The expected token is '='. Line 1, position 5.");
        assert_eq!(parse("<a xmlns:p='urn:p'><p:b/></a><p:c/>").unwrap_err(), "There are multiple root elements. Line 1, position 31.");
        assert_eq!(parse("<r><a xmlns:p='urn:p'/><p:b/></r>").unwrap_err(), "'p' is an undeclared prefix. Line 1, position 25.");
        let deep = format!("{}{}", "<a>".repeat(MAX_DEPTH + 1), "</a>".repeat(MAX_DEPTH + 1));
        assert!(parse(&deep).unwrap_err().starts_with("The document is nested more than 10000 elements deep"));
    }

    #[test]
    fn a_file_is_read_by_its_bom_then_its_declaration_then_as_utf8() {
        assert_eq!(decode_file(&[0xff, 0xfe, b'<', 0, b'a', 0, b'/', 0, b'>', 0]), "<a/>");
        assert_eq!(decode_file("<a>é</a>".as_bytes()), "<a>é</a>");
        assert_eq!(decode_file(b"<?xml version=\"1.0\" encoding=\"windows-1252\"?><a>\xe9</a>"), "<?xml version=\"1.0\" encoding=\"windows-1252\"?><a>é</a>");
    }
}
