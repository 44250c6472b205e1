//! A small XML Schema validator for the result-file tests, written because no established
//! pure-Rust XSD validator exists (see docs/fidelity-pester.md). It covers exactly the XSD constructs the NUnit 2.5 and
//! JUnit 4 schemas (and ones like them) use: top-level and local elements, element refs, named
//! and anonymous complex types (mixed or not), sequence/choice/all with minOccurs/maxOccurs,
//! attributes with `use`, and the built-in simple types listed in `simple_ok`. Anything else
//! in a schema is refused when it loads, so a schema can never be checked only in part.

use std::collections::HashMap;

use roxmltree::{Document, Node};

const XS: &str = "http://www.w3.org/2001/XMLSchema";
const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

#[derive(Clone, Debug)]
enum TypeRef {
    Builtin(String),
    Named(String),
    Anonymous(Box<Complex>),
}

#[derive(Clone, Debug)]
struct Element {
    name: String,
    ty: TypeRef,
}

#[derive(Clone, Debug)]
enum Term {
    Local(Element),
    Ref(String),
    Sequence(Vec<Particle>),
    Choice(Vec<Particle>),
    All(Vec<Particle>),
}

#[derive(Clone, Debug)]
struct Particle {
    term: Term,
    min: usize,
    /// `None` is `unbounded`.
    max: Option<usize>,
}

#[derive(Clone, Debug)]
struct Attribute {
    name: String,
    ty: String,
    required: bool,
}

#[derive(Clone, Debug, Default)]
struct Complex {
    mixed: bool,
    content: Option<Particle>,
    attributes: Vec<Attribute>,
}

pub struct Schema {
    elements: HashMap<String, Element>,
    types: HashMap<String, Complex>,
}

fn xs_children<'a, 'i>(n: Node<'a, 'i>) -> impl Iterator<Item = Node<'a, 'i>> {
    n.children().filter(|c| c.is_element()).inspect(|c| {
        assert_eq!(c.tag_name().namespace(), Some(XS), "not an XSD element: {:?}", c.tag_name());
    })
}

fn builtin(qname: &str) -> TypeRef {
    match qname.strip_prefix("xs:") {
        Some(local) => TypeRef::Builtin(local.to_string()),
        None => TypeRef::Named(qname.to_string()),
    }
}

fn occurs(n: Node) -> (usize, Option<usize>) {
    let min = n.attribute("minOccurs").map_or(1, |v| v.parse().expect("a minOccurs number"));
    let max = match n.attribute("maxOccurs") {
        Some("unbounded") => None,
        Some(v) => Some(v.parse().expect("a maxOccurs number")),
        None => Some(1),
    };
    (min, max)
}

fn element_decl(n: Node) -> Element {
    let name = n.attribute("name").expect("an element has a name").to_string();
    let ty = match (n.attribute("type"), xs_children(n).find(|c| c.tag_name().name() == "complexType")) {
        (Some(t), None) => builtin(t),
        (None, Some(c)) => TypeRef::Anonymous(Box::new(complex(c))),
        other => panic!("element {name}: unsupported type declaration {other:?}"),
    };
    Element { name, ty }
}

fn particle(n: Node) -> Particle {
    let (min, max) = occurs(n);
    let group = |n: Node| xs_children(n).map(particle).collect();
    let term = match n.tag_name().name() {
        "element" => match n.attribute("ref") {
            Some(r) => Term::Ref(r.to_string()),
            None => Term::Local(element_decl(n)),
        },
        "sequence" => Term::Sequence(group(n)),
        "choice" => Term::Choice(group(n)),
        "all" => Term::All(group(n)),
        other => panic!("unsupported particle xs:{other}"),
    };
    Particle { term, min, max }
}

fn complex(n: Node) -> Complex {
    let mut c = Complex { mixed: n.attribute("mixed") == Some("true"), ..Default::default() };
    for child in xs_children(n) {
        match child.tag_name().name() {
            "sequence" | "choice" | "all" => c.content = Some(particle(child)),
            "attribute" => c.attributes.push(Attribute {
                name: child.attribute("name").expect("an attribute has a name").to_string(),
                ty: child.attribute("type").and_then(|t| t.strip_prefix("xs:")).expect("a built-in attribute type").to_string(),
                required: child.attribute("use") == Some("required"),
            }),
            other => panic!("unsupported in a complexType: xs:{other}"),
        }
    }
    c
}

impl Schema {
    pub fn parse(text: &str) -> Schema {
        let doc = Document::parse(text).expect("the schema is well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.attribute("targetNamespace"), None, "only no-namespace schemas are supported");
        let mut schema = Schema { elements: HashMap::new(), types: HashMap::new() };
        for n in xs_children(root) {
            match n.tag_name().name() {
                "element" => {
                    let e = element_decl(n);
                    schema.elements.insert(e.name.clone(), e);
                }
                "complexType" => {
                    let name = n.attribute("name").expect("a top-level type has a name").to_string();
                    schema.types.insert(name, complex(n));
                }
                other => panic!("unsupported at the top of a schema: xs:{other}"),
            }
        }
        schema
    }

    /// Validates a whole document; the error names the element path and what is wrong.
    pub fn validate(&self, xml: &str) -> Result<(), String> {
        let doc = Document::parse(xml).map_err(|e| format!("not well-formed: {e}"))?;
        let root = doc.root_element();
        let name = root.tag_name().name();
        let decl = self.elements.get(name).filter(|_| root.tag_name().namespace().is_none());
        let decl = decl.ok_or_else(|| format!("the root element <{name}> is not declared"))?;
        self.element(root, &decl.ty, &format!("/{name}"))
    }

    fn complex_of<'s>(&'s self, ty: &'s TypeRef) -> Option<&'s Complex> {
        match ty {
            TypeRef::Builtin(_) => None,
            TypeRef::Named(n) => Some(self.types.get(n).unwrap_or_else(|| panic!("type {n} is not declared"))),
            TypeRef::Anonymous(c) => Some(c),
        }
    }

    fn element(&self, node: Node, ty: &TypeRef, path: &str) -> Result<(), String> {
        let children: Vec<Node> = node.children().filter(|c| c.is_element()).collect();
        let text: String = node.children().filter(|c| c.is_text()).filter_map(|c| c.text()).collect();
        let Some(c) = self.complex_of(ty) else {
            let TypeRef::Builtin(simple) = ty else { unreachable!() };
            if let Some(child) = children.first() {
                return Err(format!("{path}: a {simple} element has no child elements, found <{}>", child.tag_name().name()));
            }
            return simple_ok(simple, &text).map_err(|e| format!("{path}: {e}"));
        };
        if !c.mixed && !text.trim().is_empty() {
            return Err(format!("{path}: text is not allowed here: {:?}", text.trim()));
        }
        for a in node.attributes() {
            if a.namespace() == Some(XSI) {
                continue;
            }
            let decl = c.attributes.iter().find(|d| a.namespace().is_none() && d.name == a.name());
            let decl = decl.ok_or_else(|| format!("{path}: the attribute {} is not declared", a.name()))?;
            simple_ok(&decl.ty, a.value()).map_err(|e| format!("{path}/@{}: {e}", a.name()))?;
        }
        if let Some(missing) = c.attributes.iter().find(|d| d.required && node.attribute(d.name.as_str()).is_none()) {
            return Err(format!("{path}: the required attribute {} is missing", missing.name));
        }
        let names: Vec<&str> = children.iter().map(|n| if n.tag_name().namespace().is_none() { n.tag_name().name() } else { "{namespaced}" }).collect();
        let ends = match &c.content {
            Some(p) => self.ends(p, &names, 0),
            None => vec![0],
        };
        if !ends.contains(&names.len()) {
            let reached = ends.iter().copied().max().unwrap_or(0);
            return Err(match names.get(reached) {
                Some(n) => format!("{path}: the child <{n}> (number {}) is not allowed there", reached + 1),
                None => format!("{path}: the content ends before a required element"),
            });
        }
        for (i, child) in children.iter().enumerate() {
            let name = names[i];
            let decl = c.content.as_ref().and_then(|p| self.find(p, name)).expect("a matched child has a declaration");
            self.element(*child, &decl.ty, &format!("{path}/{name}[{}]", i + 1))?;
        }
        Ok(())
    }

    fn resolve<'s>(&'s self, term: &'s Term) -> Option<&'s Element> {
        match term {
            Term::Local(e) => Some(e),
            Term::Ref(r) => Some(self.elements.get(r).unwrap_or_else(|| panic!("element ref {r} is not declared"))),
            _ => None,
        }
    }

    /// The declaration a child of this name matched: the schemas give each name one type
    /// within a content model.
    fn find<'s>(&'s self, p: &'s Particle, name: &str) -> Option<&'s Element> {
        match &p.term {
            Term::Sequence(ps) | Term::Choice(ps) | Term::All(ps) => ps.iter().find_map(|q| self.find(q, name)),
            t => self.resolve(t).filter(|e| e.name == name),
        }
    }

    /// Every position the particle can end at when it starts matching at `start`.
    fn ends(&self, p: &Particle, names: &[&str], start: usize) -> Vec<usize> {
        let mut all = Vec::new();
        let mut frontier = vec![start];
        let mut count = 0;
        loop {
            if count >= p.min {
                all.extend(frontier.iter().copied());
            }
            if p.max.is_some_and(|m| count >= m) || frontier.is_empty() {
                break;
            }
            let mut next: Vec<usize> = frontier.iter().flat_map(|&s| self.once(&p.term, names, s)).collect();
            next.sort_unstable();
            next.dedup();
            // A repetition that consumes nothing cannot reach anything new; past the minimum, stop.
            if count >= p.min && next.iter().all(|n| frontier.contains(n)) {
                break;
            }
            frontier = next;
            count += 1;
        }
        all.sort_unstable();
        all.dedup();
        all
    }

    fn once(&self, term: &Term, names: &[&str], start: usize) -> Vec<usize> {
        match term {
            Term::Sequence(ps) => ps.iter().fold(vec![start], |starts, q| {
                let mut next: Vec<usize> = starts.iter().flat_map(|&s| self.ends(q, names, s)).collect();
                next.sort_unstable();
                next.dedup();
                next
            }),
            Term::Choice(ps) => ps.iter().flat_map(|q| self.ends(q, names, start)).collect(),
            Term::All(ps) => self.all(ps, names, start, &mut vec![false; ps.len()]),
            t => {
                let e = self.resolve(t).expect("an element term");
                if names.get(start) == Some(&e.name.as_str()) {
                    vec![start + 1]
                } else {
                    Vec::new()
                }
            }
        }
    }

    /// xs:all: each member at most once (its maxOccurs is 1), in any order; the required ones
    /// must all appear.
    fn all(&self, ps: &[Particle], names: &[&str], start: usize, used: &mut Vec<bool>) -> Vec<usize> {
        let mut out = Vec::new();
        if ps.iter().zip(used.iter()).all(|(p, &u)| u || p.min == 0) {
            out.push(start);
        }
        for i in 0..ps.len() {
            if used[i] {
                continue;
            }
            used[i] = true;
            for s in self.once(&ps[i].term, names, start).into_iter().filter(|&s| s > start) {
                out.extend(self.all(ps, names, s, used));
            }
            used[i] = false;
        }
        out
    }
}

fn digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_date(s: &str) -> bool {
    let p: Vec<&str> = s.split('-').collect();
    p.len() == 3 && digits(p[0], 4) && digits(p[1], 2) && digits(p[2], 2)
}

fn is_time(s: &str) -> bool {
    let s = s.trim_end_matches('Z');
    let (hms, frac) = s.split_once('.').unwrap_or((s, "0"));
    let p: Vec<&str> = hms.split(':').collect();
    p.len() == 3 && p.iter().all(|x| digits(x, 2)) && !frac.is_empty() && frac.bytes().all(|b| b.is_ascii_digit())
}

/// Checks a value against the built-in simple types these schemas name.
fn simple_ok(ty: &str, v: &str) -> Result<(), String> {
    let v_trim = v.trim();
    let integer = |s: &str| {
        let body = s.strip_prefix(['+', '-']).unwrap_or(s);
        !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit())
    };
    let ok = match ty {
        "string" => true,
        "int" | "integer" => integer(v_trim) && (ty == "integer" || v_trim.parse::<i32>().is_ok()),
        "nonNegativeInteger" => integer(v_trim) && !v_trim.starts_with('-'),
        "decimal" => {
            let body = v_trim.strip_prefix(['+', '-']).unwrap_or(v_trim);
            let (whole, frac) = body.split_once('.').unwrap_or((body, ""));
            !(whole.is_empty() && frac.is_empty()) && whole.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
        }
        "boolean" => matches!(v_trim, "true" | "false" | "1" | "0"),
        "date" => is_date(v_trim),
        "time" => is_time(v_trim),
        "dateTime" => v_trim.split_once('T').is_some_and(|(d, t)| is_date(d) && is_time(t)),
        other => panic!("unsupported simple type xs:{other}"),
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{v:?} is not a valid xs:{ty}"))
    }
}
