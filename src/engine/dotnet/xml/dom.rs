//! The node tree of a `System.Xml.XmlDocument`, shaped as .NET's DOM is rather than as a
//! Rust XML tree: namespace declarations are attributes (`xmlns:x` shows in `.Attributes`
//! and in the adapter's properties), prefixes stay as written, a declaration is a node, and
//! a removed node lives on detached (a script may hold it and append it elsewhere).

/// A node's index in its document's arena; the document itself is node 0.
pub type Id = usize;

pub const DOCUMENT: Id = 0;
pub const XMLNS: &str = "http://www.w3.org/2000/xmlns/";
pub const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Document,
    Element,
    Attribute,
    Text,
    CData,
    Comment,
    ProcessingInstruction,
    Declaration,
    Whitespace,
}

impl Kind {
    /// The `XmlNodeType` member `.NodeType` shows: its name and value.
    pub fn node_type(self) -> (&'static str, i64) {
        match self {
            Kind::Document => ("Document", 9),
            Kind::Element => ("Element", 1),
            Kind::Attribute => ("Attribute", 2),
            Kind::Text => ("Text", 3),
            Kind::CData => ("CDATA", 4),
            Kind::Comment => ("Comment", 8),
            Kind::ProcessingInstruction => ("ProcessingInstruction", 7),
            Kind::Declaration => ("XmlDeclaration", 17),
            Kind::Whitespace => ("Whitespace", 13),
        }
    }

    /// The .NET class of a node of this kind.
    pub fn class(self) -> &'static str {
        match self {
            Kind::Document => "System.Xml.XmlDocument",
            Kind::Element => "System.Xml.XmlElement",
            Kind::Attribute => "System.Xml.XmlAttribute",
            Kind::Text => "System.Xml.XmlText",
            Kind::CData => "System.Xml.XmlCDataSection",
            Kind::Comment => "System.Xml.XmlComment",
            Kind::ProcessingInstruction => "System.Xml.XmlProcessingInstruction",
            Kind::Declaration => "System.Xml.XmlDeclaration",
            Kind::Whitespace => "System.Xml.XmlWhitespace",
        }
    }

    /// Text-like nodes: their value is their text, and InnerText concatenates them.
    pub fn is_text(self) -> bool {
        matches!(self, Kind::Text | Kind::CData | Kind::Whitespace)
    }
}

#[derive(Clone, Debug)]
pub struct Node {
    pub kind: Kind,
    pub prefix: String,
    /// The local name of an element or attribute, the target of a processing instruction.
    pub local: String,
    pub ns: String,
    /// The text of a text, comment or PI node, an attribute's value, a declaration's text.
    pub value: String,
    pub parent: Option<Id>,
    pub children: Vec<Id>,
    pub attrs: Vec<Id>,
}

#[derive(Debug)]
pub struct Dom {
    nodes: Vec<Node>,
}

impl Default for Dom {
    fn default() -> Dom {
        Dom::new()
    }
}

impl Dom {
    pub fn new() -> Dom {
        Dom { nodes: vec![blank(Kind::Document)] }
    }

    pub fn node(&self, id: Id) -> &Node {
        &self.nodes[id]
    }

    pub fn node_mut(&mut self, id: Id) -> &mut Node {
        &mut self.nodes[id]
    }

    /// A new node, detached.
    pub fn create(&mut self, kind: Kind, prefix: &str, local: &str, ns: &str, value: &str) -> Id {
        let mut n = blank(kind);
        n.prefix = prefix.to_string();
        n.local = local.to_string();
        n.ns = ns.to_string();
        n.value = value.to_string();
        self.nodes.push(n);
        self.nodes.len() - 1
    }

    /// The qualified name `.Name` shows: `prefix:local`, or `#text` and its kin.
    pub fn name(&self, id: Id) -> String {
        let n = self.node(id);
        match n.kind {
            Kind::Element | Kind::Attribute if !n.prefix.is_empty() => format!("{}:{}", n.prefix, n.local),
            Kind::Element | Kind::Attribute | Kind::ProcessingInstruction => n.local.clone(),
            _ => self.local_name(id),
        }
    }

    pub fn local_name(&self, id: Id) -> String {
        let n = self.node(id);
        match n.kind {
            Kind::Document => "#document".into(),
            Kind::Text => "#text".into(),
            Kind::CData => "#cdata-section".into(),
            Kind::Comment => "#comment".into(),
            Kind::Whitespace => "#whitespace".into(),
            Kind::Declaration => "xml".into(),
            _ => n.local.clone(),
        }
    }

    pub fn document_element(&self) -> Option<Id> {
        self.node(DOCUMENT).children.iter().copied().find(|c| self.node(*c).kind == Kind::Element)
    }

    pub fn is_ancestor_or_self(&self, ancestor: Id, mut id: Id) -> bool {
        loop {
            if id == ancestor {
                return true;
            }
            match self.node(id).parent {
                Some(p) => id = p,
                None => return false,
            }
        }
    }

    /// Takes a node out of its parent (or its element, for an attribute).
    pub fn detach(&mut self, id: Id) {
        if let Some(p) = self.nodes[id].parent.take() {
            let parent = &mut self.nodes[p];
            parent.children.retain(|c| *c != id);
            parent.attrs.retain(|c| *c != id);
        }
    }

    /// Puts `child` into `parent` before the child at `index` (at the end when `None`).
    pub fn insert(&mut self, parent: Id, child: Id, before: Option<Id>) {
        self.detach(child);
        let at = before.and_then(|b| self.nodes[parent].children.iter().position(|c| *c == b));
        let list = &mut self.nodes[parent].children;
        match at {
            Some(i) => list.insert(i, child),
            None => list.push(child),
        }
        self.nodes[child].parent = Some(parent);
    }

    /// Sets an attribute node on an element, replacing one of the same name.
    pub fn set_attribute_node(&mut self, element: Id, attr: Id) {
        let name = self.name(attr);
        let ns = self.node(attr).ns.clone();
        if let Some(old) = self.nodes[element].attrs.iter().copied().find(|a| self.name(*a) == name && self.node(*a).ns == ns) {
            if old == attr {
                return;
            }
            self.detach(old);
        }
        self.detach(attr);
        self.nodes[element].attrs.push(attr);
        self.nodes[attr].parent = Some(element);
    }

    /// The attribute of an element named `name` (its qualified name), as GetAttribute finds it.
    pub fn attribute(&self, element: Id, name: &str) -> Option<Id> {
        self.node(element).attrs.iter().copied().find(|a| self.name(*a) == name)
    }

    /// `.InnerText`: the text of the node and everything under it.
    pub fn inner_text(&self, id: Id) -> String {
        let n = self.node(id);
        match n.kind {
            Kind::Text | Kind::CData | Kind::Whitespace | Kind::Comment | Kind::ProcessingInstruction | Kind::Attribute | Kind::Declaration => n.value.clone(),
            _ => {
                let mut out = String::new();
                self.collect_text(id, &mut out);
                out
            }
        }
    }

    fn collect_text(&self, id: Id, out: &mut String) {
        for c in &self.node(id).children {
            let n = self.node(*c);
            if n.kind.is_text() {
                out.push_str(&n.value);
            } else if n.kind == Kind::Element {
                self.collect_text(*c, out);
            }
        }
    }

    /// Setting `.InnerText`: one text node holds it (an empty one too, so the element
    /// serializes as `<a></a>`, as .NET's does).
    pub fn set_inner_text(&mut self, id: Id, text: &str) {
        match self.node(id).kind {
            Kind::Element | Kind::Document => {
                let kids = self.node(id).children.clone();
                if let [only] = kids[..] {
                    if self.node(only).kind == Kind::Text {
                        self.nodes[only].value = text.to_string();
                        return;
                    }
                }
                for k in kids {
                    self.detach(k);
                }
                let t = self.create(Kind::Text, "", "", "", text);
                self.insert(id, t, None);
            }
            _ => self.nodes[id].value = text.to_string(),
        }
    }

    /// The namespace URI a prefix stands for at an element ("" for none), as the xmlns
    /// attributes in scope declare it.
    pub fn lookup_namespace(&self, mut id: Id, prefix: &str) -> Option<String> {
        if prefix == "xml" {
            return Some(XML_NS.into());
        }
        if prefix == "xmlns" {
            return Some(XMLNS.into());
        }
        loop {
            let n = self.node(id);
            if n.kind == Kind::Element {
                for a in &n.attrs {
                    let a = self.node(*a);
                    let declares = if prefix.is_empty() { a.prefix.is_empty() && a.local == "xmlns" } else { a.prefix == "xmlns" && a.local == prefix };
                    if declares {
                        return Some(a.value.clone());
                    }
                }
            }
            match n.parent {
                Some(p) => id = p,
                None => return if prefix.is_empty() { Some(String::new()) } else { None },
            }
        }
    }

    /// Nodes in document order under `id` (not `id` itself), elements and their content.
    pub fn descendants(&self, id: Id, out: &mut Vec<Id>) {
        for c in &self.node(id).children {
            out.push(*c);
            self.descendants(*c, out);
        }
    }
}

fn blank(kind: Kind) -> Node {
    Node { kind, prefix: String::new(), local: String::new(), ns: String::new(), value: String::new(), parent: None, children: Vec::new(), attrs: Vec::new() }
}
