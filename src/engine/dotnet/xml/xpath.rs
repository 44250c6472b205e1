//! XPath 1.0, the language of .NET's `SelectNodes`, `SelectSingleNode` and Select-Xml, over
//! the [`Dom`]. Written here rather than taken from a crate: the maintained Rust XPath
//! engine (xee-xpath) implements XPath 3.1, whose typing differs from 1.0 (comparisons of
//! node-sets, a name without a prefix never matching the default namespace stays the same,
//! but errors and number formatting do not) and brings ICU's two hundred crates.

use std::collections::HashMap;

use super::dom::{Dom, Id, Kind};

/// What a query's prefixes stand for (an XmlNamespaceManager's table).
pub type Namespaces = Vec<(String, String)>;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Name(String),
    Str(String),
    Num(f64),
    Op(&'static str),
}

#[derive(Debug, Clone)]
enum Expr {
    Root,
    Path(Box<Expr>, Vec<Step>),
    Steps(Vec<Step>),
    Filter(Box<Expr>, Vec<Expr>),
    Bin(&'static str, Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
    Str(String),
    Num(f64),
    Call(String, Vec<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Axis {
    Child,
    Descendant,
    DescendantOrSelf,
    Parent,
    Ancestor,
    AncestorOrSelf,
    Itself,
    Attribute,
    FollowingSibling,
    PrecedingSibling,
}

#[derive(Debug, Clone)]
enum Test {
    Name(String, String),
    AnyIn(String),
    Any,
    Text,
    Node,
    Comment,
}

#[derive(Debug, Clone)]
struct Step {
    axis: Axis,
    test: Test,
    preds: Vec<Expr>,
}

#[derive(Debug, Clone)]
enum Val {
    Nodes(Vec<Id>),
    Str(String),
    Num(f64),
    Bool(bool),
}

fn invalid(q: &str) -> String {
    format!("'{q}' has an invalid token.")
}

fn lex(q: &str) -> Result<Vec<Tok>, String> {
    let c: Vec<char> = q.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        if ch.is_whitespace() {
            i += 1;
            continue;
        }
        if ch == '"' || ch == '\'' {
            let end = c[i + 1..].iter().position(|x| *x == ch).ok_or_else(|| "This is an unclosed string.".to_string())?;
            out.push(Tok::Str(c[i + 1..i + 1 + end].iter().collect()));
            i += end + 2;
            continue;
        }
        if ch.is_ascii_digit() || (ch == '.' && c.get(i + 1).is_some_and(char::is_ascii_digit)) {
            let s: String = c[i..].iter().take_while(|x| x.is_ascii_digit() || **x == '.').collect();
            i += s.chars().count();
            out.push(Tok::Num(s.parse().map_err(|_| invalid(q))?));
            continue;
        }
        if ch.is_alphabetic() || ch == '_' {
            let mut s: String = c[i..].iter().take_while(|x| x.is_alphanumeric() || matches!(x, '_' | '-' | '.')).collect();
            i += s.chars().count();
            // A prefix: `p:name` or `p:*`, not the axis separator `::`.
            if c.get(i) == Some(&':') && c.get(i + 1) != Some(&':') {
                if c.get(i + 1) == Some(&'*') {
                    s.push_str(":*");
                    i += 2;
                } else {
                    let rest: String = c[i + 1..].iter().take_while(|x| x.is_alphanumeric() || matches!(x, '_' | '-' | '.')).collect();
                    if rest.is_empty() {
                        return Err(invalid(q));
                    }
                    i += 1 + rest.chars().count();
                    s = format!("{s}:{rest}");
                }
            }
            out.push(Tok::Name(s));
            continue;
        }
        let two: String = c[i..c.len().min(i + 2)].iter().collect();
        let op = ["//", "::", "..", "!=", "<=", ">="].into_iter().find(|o| *o == two);
        if let Some(op) = op {
            out.push(Tok::Op(op));
            i += 2;
            continue;
        }
        let op =
            ["/", "(", ")", "[", "]", "@", ",", "|", "+", "-", "=", "<", ">", "*", "."].into_iter().find(|o| o.starts_with(ch)).ok_or_else(|| invalid(q))?;
        out.push(Tok::Op(op));
        i += 1;
    }
    Ok(out)
}

struct Parser<'a> {
    toks: Vec<Tok>,
    at: usize,
    q: &'a str,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at)
    }

    fn is_op(&self, op: &str) -> bool {
        matches!(self.peek(), Some(Tok::Op(o)) if *o == op)
    }

    fn is_name(&self, n: &str) -> bool {
        matches!(self.peek(), Some(Tok::Name(x)) if x == n)
    }

    fn eat(&mut self, op: &str) -> bool {
        if self.is_op(op) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, op: &str) -> Result<(), String> {
        if self.eat(op) {
            Ok(())
        } else {
            Err(invalid(self.q))
        }
    }

    fn binary(&mut self, ops: &[&'static str], next: fn(&mut Self) -> Result<Expr, String>) -> Result<Expr, String> {
        let mut left = next(self)?;
        loop {
            let op = ops.iter().find(|o| if o.chars().all(char::is_alphabetic) { self.is_name(o) } else { self.is_op(o) });
            let Some(op) = op else { return Ok(left) };
            self.at += 1;
            left = Expr::Bin(op, Box::new(left), Box::new(next(self)?));
        }
    }

    fn or(&mut self) -> Result<Expr, String> {
        self.binary(&["or"], Self::and)
    }
    fn and(&mut self) -> Result<Expr, String> {
        self.binary(&["and"], Self::equality)
    }
    fn equality(&mut self) -> Result<Expr, String> {
        self.binary(&["=", "!="], Self::relational)
    }
    fn relational(&mut self) -> Result<Expr, String> {
        self.binary(&["<=", ">=", "<", ">"], Self::additive)
    }
    fn additive(&mut self) -> Result<Expr, String> {
        self.binary(&["+", "-"], Self::multiplicative)
    }
    fn multiplicative(&mut self) -> Result<Expr, String> {
        self.binary(&["*", "div", "mod"], Self::unary)
    }

    fn unary(&mut self) -> Result<Expr, String> {
        if self.eat("-") {
            return Ok(Expr::Neg(Box::new(self.unary()?)));
        }
        self.binary(&["|"], Self::path)
    }

    fn path(&mut self) -> Result<Expr, String> {
        if self.eat("/") {
            let starts_step = matches!(self.peek(), Some(Tok::Name(_))) || self.is_op("*") || self.is_op("@") || self.is_op(".") || self.is_op("..");
            if !starts_step {
                return Ok(Expr::Root);
            }
            return Ok(Expr::Path(Box::new(Expr::Root), self.steps()?));
        }
        if self.eat("//") {
            let mut steps = vec![descendant_or_self()];
            steps.extend(self.steps()?);
            return Ok(Expr::Path(Box::new(Expr::Root), steps));
        }
        let primary = match self.peek().cloned() {
            Some(Tok::Str(s)) => Some(Expr::Str(s)),
            Some(Tok::Num(n)) => Some(Expr::Num(n)),
            Some(Tok::Op("(")) => None,
            Some(Tok::Name(n)) if matches!(self.toks.get(self.at + 1), Some(Tok::Op("("))) && !matches!(n.as_str(), "text" | "node" | "comment") => {
                Some(Expr::Call(n, Vec::new()))
            }
            _ => return Ok(Expr::Steps(self.steps()?)),
        };
        let mut e = match primary {
            Some(Expr::Call(name, _)) => {
                self.at += 2;
                let mut args = Vec::new();
                if !self.eat(")") {
                    loop {
                        args.push(self.or()?);
                        if self.eat(")") {
                            break;
                        }
                        self.expect(",")?;
                    }
                }
                Expr::Call(name, args)
            }
            Some(lit) => {
                self.at += 1;
                lit
            }
            None => {
                self.at += 1;
                let inner = self.or()?;
                self.expect(")")?;
                inner
            }
        };
        let mut preds = Vec::new();
        while self.eat("[") {
            preds.push(self.or()?);
            self.expect("]")?;
        }
        if !preds.is_empty() {
            e = Expr::Filter(Box::new(e), preds);
        }
        if self.eat("/") {
            return Ok(Expr::Path(Box::new(e), self.steps()?));
        }
        if self.eat("//") {
            let mut steps = vec![descendant_or_self()];
            steps.extend(self.steps()?);
            return Ok(Expr::Path(Box::new(e), steps));
        }
        Ok(e)
    }

    fn steps(&mut self) -> Result<Vec<Step>, String> {
        let mut steps = vec![self.step()?];
        loop {
            if self.eat("/") {
                steps.push(self.step()?);
            } else if self.eat("//") {
                steps.push(descendant_or_self());
                steps.push(self.step()?);
            } else {
                return Ok(steps);
            }
        }
    }

    fn step(&mut self) -> Result<Step, String> {
        if self.eat(".") {
            return Ok(Step { axis: Axis::Itself, test: Test::Node, preds: Vec::new() });
        }
        if self.eat("..") {
            return Ok(Step { axis: Axis::Parent, test: Test::Node, preds: Vec::new() });
        }
        let mut axis = Axis::Child;
        if self.eat("@") {
            axis = Axis::Attribute;
        } else if let (Some(Tok::Name(n)), Some(Tok::Op("::"))) = (self.peek().cloned(), self.toks.get(self.at + 1)) {
            axis = match n.as_str() {
                "child" => Axis::Child,
                "descendant" => Axis::Descendant,
                "descendant-or-self" => Axis::DescendantOrSelf,
                "parent" => Axis::Parent,
                "ancestor" => Axis::Ancestor,
                "ancestor-or-self" => Axis::AncestorOrSelf,
                "self" => Axis::Itself,
                "attribute" => Axis::Attribute,
                "following-sibling" => Axis::FollowingSibling,
                "preceding-sibling" => Axis::PrecedingSibling,
                _ => return Err(invalid(self.q)),
            };
            self.at += 2;
        }
        let test = match self.peek().cloned() {
            Some(Tok::Op("*")) => Test::Any,
            Some(Tok::Name(n)) if matches!(self.toks.get(self.at + 1), Some(Tok::Op("("))) => {
                self.at += 2;
                self.expect_close()?;
                self.at -= 1;
                match n.as_str() {
                    "text" => Test::Text,
                    "node" => Test::Node,
                    "comment" => Test::Comment,
                    _ => return Err(invalid(self.q)),
                }
            }
            Some(Tok::Name(n)) => match n.split_once(':') {
                Some((p, "*")) => Test::AnyIn(p.to_string()),
                Some((p, l)) => Test::Name(p.to_string(), l.to_string()),
                None => Test::Name(String::new(), n),
            },
            _ => return Err(invalid(self.q)),
        };
        self.at += 1;
        let mut preds = Vec::new();
        while self.eat("[") {
            preds.push(self.or()?);
            self.expect("]")?;
        }
        Ok(Step { axis, test, preds })
    }

    fn expect_close(&mut self) -> Result<(), String> {
        self.expect(")")
    }
}

fn descendant_or_self() -> Step {
    Step { axis: Axis::DescendantOrSelf, test: Test::Node, preds: Vec::new() }
}

fn compile(q: &str) -> Result<Expr, String> {
    let mut p = Parser { toks: lex(q)?, at: 0, q };
    if p.toks.is_empty() {
        return Err("Expression must evaluate to a node-set.".into());
    }
    let e = p.or()?;
    if p.at != p.toks.len() {
        return Err(invalid(q));
    }
    Ok(e)
}

struct Eval<'a> {
    dom: &'a Dom,
    ns: &'a Namespaces,
    order: HashMap<Id, usize>,
}

/// The nodes a query selects from `context`, in document order; the error is .NET's text.
pub fn select(dom: &Dom, context: Id, query: &str, ns: &Namespaces) -> Result<Vec<Id>, String> {
    let e = compile(query)?;
    check_prefixes(&e, ns)?;
    let mut top = context;
    while let Some(p) = dom.node(top).parent {
        top = p;
    }
    let mut order = HashMap::new();
    number(dom, top, &mut order);
    let ev = Eval { dom, ns, order };
    match ev.eval(&e, context, 1, 1)? {
        Val::Nodes(n) => Ok(n),
        _ => Err("Expression must evaluate to a node-set.".into()),
    }
}

fn number(dom: &Dom, id: Id, order: &mut HashMap<Id, usize>) {
    order.insert(id, order.len());
    for a in &dom.node(id).attrs {
        order.insert(*a, order.len());
    }
    for c in &dom.node(id).children {
        number(dom, *c, order);
    }
}

fn check_prefixes(e: &Expr, ns: &Namespaces) -> Result<(), String> {
    let need = "Namespace Manager or XsltContext needed. This query has a prefix, variable, or user-defined function.";
    let steps_ok = |steps: &[Step]| -> Result<(), String> {
        for s in steps {
            if let Test::Name(p, _) | Test::AnyIn(p) = &s.test {
                if !p.is_empty() && !ns.iter().any(|(k, _)| k == p) {
                    return Err(need.into());
                }
            }
            for pr in &s.preds {
                check_prefixes(pr, ns)?;
            }
        }
        Ok(())
    };
    match e {
        Expr::Path(a, steps) => {
            check_prefixes(a, ns)?;
            steps_ok(steps)
        }
        Expr::Steps(steps) => steps_ok(steps),
        Expr::Filter(a, preds) => {
            check_prefixes(a, ns)?;
            preds.iter().try_for_each(|p| check_prefixes(p, ns))
        }
        Expr::Bin(_, a, b) => {
            check_prefixes(a, ns)?;
            check_prefixes(b, ns)
        }
        Expr::Neg(a) => check_prefixes(a, ns),
        Expr::Call(_, args) => args.iter().try_for_each(|a| check_prefixes(a, ns)),
        _ => Ok(()),
    }
}

fn num_of(s: &str) -> f64 {
    s.trim().parse().unwrap_or(f64::NAN)
}

/// XPath's number-to-string: integers without a point, NaN and Infinity by name.
fn num_text(n: f64) -> String {
    if n.is_nan() {
        "NaN".into()
    } else if n.is_infinite() {
        if n > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

impl Eval<'_> {
    fn string_of_node(&self, id: Id) -> String {
        self.dom.inner_text(id)
    }

    fn string(&self, v: &Val) -> String {
        match v {
            Val::Nodes(n) => n.first().map(|id| self.string_of_node(*id)).unwrap_or_default(),
            Val::Str(s) => s.clone(),
            Val::Num(n) => num_text(*n),
            Val::Bool(b) => b.to_string(),
        }
    }

    fn number(&self, v: &Val) -> f64 {
        match v {
            Val::Num(n) => *n,
            Val::Bool(b) => f64::from(u8::from(*b)),
            other => num_of(&self.string(other)),
        }
    }

    fn boolean(&self, v: &Val) -> bool {
        match v {
            Val::Nodes(n) => !n.is_empty(),
            Val::Str(s) => !s.is_empty(),
            Val::Num(n) => *n != 0.0 && !n.is_nan(),
            Val::Bool(b) => *b,
        }
    }

    fn sort(&self, nodes: &mut Vec<Id>) {
        nodes.sort_by_key(|n| self.order.get(n).copied().unwrap_or(usize::MAX));
        nodes.dedup();
    }

    fn eval(&self, e: &Expr, ctx: Id, pos: usize, size: usize) -> Result<Val, String> {
        Ok(match e {
            Expr::Root => {
                let mut top = ctx;
                while let Some(p) = self.dom.node(top).parent {
                    top = p;
                }
                Val::Nodes(vec![top])
            }
            Expr::Str(s) => Val::Str(s.clone()),
            Expr::Num(n) => Val::Num(*n),
            Expr::Neg(a) => Val::Num(-self.number(&self.eval(a, ctx, pos, size)?)),
            Expr::Steps(steps) => Val::Nodes(self.steps(vec![ctx], steps)?),
            Expr::Path(start, steps) => match self.eval(start, ctx, pos, size)? {
                Val::Nodes(n) => Val::Nodes(self.steps(n, steps)?),
                _ => return Err("Expression must evaluate to a node-set.".into()),
            },
            Expr::Filter(start, preds) => match self.eval(start, ctx, pos, size)? {
                Val::Nodes(mut n) => {
                    for p in preds {
                        n = self.filter(n, p)?;
                    }
                    Val::Nodes(n)
                }
                _ => return Err("Expression must evaluate to a node-set.".into()),
            },
            Expr::Bin(op, a, b) => self.binary(op, a, b, ctx, pos, size)?,
            Expr::Call(name, args) => self.call(name, args, ctx, pos, size)?,
        })
    }

    fn binary(&self, op: &str, a: &Expr, b: &Expr, ctx: Id, pos: usize, size: usize) -> Result<Val, String> {
        let l = self.eval(a, ctx, pos, size)?;
        if op == "or" && self.boolean(&l) {
            return Ok(Val::Bool(true));
        }
        if op == "and" && !self.boolean(&l) {
            return Ok(Val::Bool(false));
        }
        let r = self.eval(b, ctx, pos, size)?;
        Ok(match op {
            "or" | "and" => Val::Bool(self.boolean(&r)),
            "|" => match (l, r) {
                (Val::Nodes(mut x), Val::Nodes(y)) => {
                    x.extend(y);
                    self.sort(&mut x);
                    Val::Nodes(x)
                }
                _ => return Err("Expression must evaluate to a node-set.".into()),
            },
            "+" | "-" | "*" | "div" | "mod" => {
                let (x, y) = (self.number(&l), self.number(&r));
                Val::Num(match op {
                    "+" => x + y,
                    "-" => x - y,
                    "*" => x * y,
                    "div" => x / y,
                    _ => x % y,
                })
            }
            _ => Val::Bool(self.compare(op, &l, &r)),
        })
    }

    /// XPath 1.0's comparisons: a node-set compares by any of its nodes' strings.
    fn compare(&self, op: &str, l: &Val, r: &Val) -> bool {
        let atoms = |v: &Val| -> Vec<Val> {
            match v {
                Val::Nodes(n) => n.iter().map(|id| Val::Str(self.string_of_node(*id))).collect(),
                other => vec![other.clone()],
            }
        };
        let relational = !matches!(op, "=" | "!=");
        let one = |a: &Val, b: &Val| -> bool {
            if relational || matches!(a, Val::Num(_)) || matches!(b, Val::Num(_)) {
                if !relational && (matches!(a, Val::Bool(_)) || matches!(b, Val::Bool(_))) {
                    return (self.boolean(a) == self.boolean(b)) == (op == "=");
                }
                let (x, y) = (self.number(a), self.number(b));
                return match op {
                    "=" => x == y,
                    "!=" => x != y,
                    "<" => x < y,
                    "<=" => x <= y,
                    ">" => x > y,
                    _ => x >= y,
                };
            }
            if matches!(a, Val::Bool(_)) || matches!(b, Val::Bool(_)) {
                return (self.boolean(a) == self.boolean(b)) == (op == "=");
            }
            (self.string(a) == self.string(b)) == (op == "=")
        };
        if let (Val::Bool(_), Val::Nodes(_)) | (Val::Nodes(_), Val::Bool(_)) = (l, r) {
            return one(&Val::Bool(self.boolean(l)), &Val::Bool(self.boolean(r)));
        }
        let (la, ra) = (atoms(l), atoms(r));
        la.iter().any(|a| ra.iter().any(|b| one(a, b)))
    }

    fn call(&self, name: &str, args: &[Expr], ctx: Id, pos: usize, size: usize) -> Result<Val, String> {
        let arg = |i: usize| -> Result<Val, String> {
            match args.get(i) {
                Some(a) => self.eval(a, ctx, pos, size),
                None => Ok(Val::Nodes(vec![ctx])),
            }
        };
        let s = |i: usize| -> Result<String, String> { arg(i).map(|v| self.string(&v)) };
        let first_node = |i: usize| -> Result<Option<Id>, String> {
            match arg(i)? {
                Val::Nodes(n) => Ok(n.first().copied()),
                _ => Err("Expression must evaluate to a node-set.".into()),
            }
        };
        Ok(match name {
            "position" => Val::Num(pos as f64),
            "last" => Val::Num(size as f64),
            "count" => match arg(0)? {
                Val::Nodes(n) => Val::Num(n.len() as f64),
                _ => return Err("Expression must evaluate to a node-set.".into()),
            },
            "name" => Val::Str(first_node(0)?.map(|n| if self.dom.node(n).kind.is_text() { String::new() } else { self.dom.name(n) }).unwrap_or_default()),
            "local-name" => Val::Str(
                first_node(0)?
                    .map(|n| if matches!(self.dom.node(n).kind, Kind::Element | Kind::Attribute) { self.dom.node(n).local.clone() } else { String::new() })
                    .unwrap_or_default(),
            ),
            "namespace-uri" => Val::Str(first_node(0)?.map(|n| self.dom.node(n).ns.clone()).unwrap_or_default()),
            "string" => Val::Str(s(0)?),
            "number" => Val::Num(self.number(&arg(0)?)),
            "boolean" => Val::Bool(self.boolean(&arg(0)?)),
            "not" => Val::Bool(!self.boolean(&arg(0)?)),
            "true" => Val::Bool(true),
            "false" => Val::Bool(false),
            "concat" => Val::Str((0..args.len()).map(s).collect::<Result<String, String>>()?),
            "contains" => Val::Bool(s(0)?.contains(&s(1)?)),
            "starts-with" => Val::Bool(s(0)?.starts_with(&s(1)?)),
            "string-length" => Val::Num(s(0)?.chars().count() as f64),
            "normalize-space" => Val::Str(s(0)?.split_whitespace().collect::<Vec<_>>().join(" ")),
            "substring-before" => {
                let (a, b) = (s(0)?, s(1)?);
                Val::Str(a.find(&b).map(|i| a[..i].to_string()).unwrap_or_default())
            }
            "substring-after" => {
                let (a, b) = (s(0)?, s(1)?);
                Val::Str(a.find(&b).map(|i| a[i + b.len()..].to_string()).unwrap_or_default())
            }
            "substring" => {
                let text: Vec<char> = s(0)?.chars().collect();
                let from = self.number(&arg(1)?).round();
                let to = if args.len() > 2 { from + self.number(&arg(2)?).round() } else { f64::INFINITY };
                Val::Str(text.iter().enumerate().filter(|(i, _)| (*i as f64 + 1.0) >= from && ((*i as f64) + 1.0) < to).map(|(_, c)| c).collect())
            }
            "translate" => {
                let (a, from, to) = (s(0)?, s(1)?.chars().collect::<Vec<_>>(), s(2)?.chars().collect::<Vec<_>>());
                Val::Str(
                    a.chars()
                        .filter_map(|c| match from.iter().position(|f| *f == c) {
                            Some(i) => to.get(i).copied(),
                            None => Some(c),
                        })
                        .collect(),
                )
            }
            "sum" => match arg(0)? {
                Val::Nodes(n) => Val::Num(n.iter().map(|id| num_of(&self.string_of_node(*id))).sum()),
                _ => return Err("Expression must evaluate to a node-set.".into()),
            },
            "floor" => Val::Num(self.number(&arg(0)?).floor()),
            "ceiling" => Val::Num(self.number(&arg(0)?).ceil()),
            "round" => Val::Num(self.number(&arg(0)?).round()),
            _ => return Err("Namespace Manager or XsltContext needed. This query has a prefix, variable, or user-defined function.".into()),
        })
    }

    fn steps(&self, mut nodes: Vec<Id>, steps: &[Step]) -> Result<Vec<Id>, String> {
        for step in steps {
            let mut next = Vec::new();
            for n in &nodes {
                let mut found: Vec<Id> = self.axis(*n, step.axis).into_iter().filter(|c| self.matches(*c, step)).collect();
                for p in &step.preds {
                    found = self.filter(found, p)?;
                }
                next.extend(found);
            }
            self.sort(&mut next);
            nodes = next;
        }
        Ok(nodes)
    }

    fn filter(&self, nodes: Vec<Id>, pred: &Expr) -> Result<Vec<Id>, String> {
        let size = nodes.len();
        let mut out = Vec::new();
        for (i, n) in nodes.into_iter().enumerate() {
            let keep = match self.eval(pred, n, i + 1, size)? {
                Val::Num(x) => x == (i + 1) as f64,
                v => self.boolean(&v),
            };
            if keep {
                out.push(n);
            }
        }
        Ok(out)
    }

    /// The nodes on an axis, in the axis's own order (reverse axes nearest first).
    fn axis(&self, n: Id, axis: Axis) -> Vec<Id> {
        let node = self.dom.node(n);
        let siblings = || node.parent.map(|p| self.dom.node(p).children.clone()).unwrap_or_default();
        match axis {
            Axis::Child => node.children.clone(),
            Axis::Attribute => node.attrs.iter().copied().filter(|a| !self.dom.node(*a).ns.ends_with("/xmlns/")).collect(),
            Axis::Itself => vec![n],
            Axis::Parent => node.parent.into_iter().collect(),
            Axis::Descendant | Axis::DescendantOrSelf => {
                let mut out = if axis == Axis::DescendantOrSelf { vec![n] } else { Vec::new() };
                self.dom.descendants(n, &mut out);
                out
            }
            Axis::Ancestor | Axis::AncestorOrSelf => {
                let mut out = if axis == Axis::AncestorOrSelf { vec![n] } else { Vec::new() };
                let mut at = node.parent;
                while let Some(p) = at {
                    out.push(p);
                    at = self.dom.node(p).parent;
                }
                out
            }
            Axis::FollowingSibling => {
                let s = siblings();
                s.iter().position(|x| *x == n).map(|i| s[i + 1..].to_vec()).unwrap_or_default()
            }
            Axis::PrecedingSibling => {
                let s = siblings();
                s.iter().position(|x| *x == n).map(|i| s[..i].iter().rev().copied().collect()).unwrap_or_default()
            }
        }
    }

    fn matches(&self, id: Id, step: &Step) -> bool {
        let n = self.dom.node(id);
        let principal = if step.axis == Axis::Attribute { Kind::Attribute } else { Kind::Element };
        let uri = |p: &str| -> String {
            if p.is_empty() {
                String::new()
            } else {
                self.ns.iter().find(|(k, _)| k == p).map(|(_, v)| v.clone()).unwrap_or_default()
            }
        };
        match &step.test {
            Test::Node => true,
            Test::Text => n.kind.is_text(),
            Test::Comment => n.kind == Kind::Comment,
            Test::Any => n.kind == principal,
            Test::AnyIn(p) => n.kind == principal && n.ns == uri(p),
            // A name without a prefix is in no namespace, also where a default one is declared.
            Test::Name(p, l) => n.kind == principal && n.local == *l && n.ns == uri(p),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse;
    use super::*;

    fn names(xml: &str, q: &str, ns: &Namespaces) -> Result<Vec<String>, String> {
        let dom = parse(xml).unwrap();
        Ok(select(&dom, 0, q, ns)?.into_iter().map(|id| format!("{}={}", dom.name(id), dom.inner_text(id))).collect())
    }

    const DOC: &str = "<r><i k='1'>a</i><i k='2'>b</i><g><i k='3'>c</i></g></r>";

    #[test]
    fn paths_predicates_and_functions_select_in_document_order() {
        let none = Vec::new();
        assert_eq!(names(DOC, "//i", &none).unwrap(), ["i=a", "i=b", "i=c"]);
        assert_eq!(names(DOC, "/r/i[@k='2']", &none).unwrap(), ["i=b"]);
        assert_eq!(names(DOC, "/r/i[last()]", &none).unwrap(), ["i=b"]);
        assert_eq!(names(DOC, "//i[. = 'c']/..", &none).unwrap(), ["g=c"]);
        assert_eq!(names(DOC, "//i[@k > 1 and contains(., 'c')]", &none).unwrap(), ["i=c"]);
        assert_eq!(names(DOC, "//@k", &none).unwrap(), ["k=1", "k=2", "k=3"]);
        assert_eq!(names(DOC, "/r/g | /r/i[1]", &none).unwrap(), ["i=a", "g=c"]);
        assert_eq!(names(DOC, "count(//i)", &none).unwrap_err(), "Expression must evaluate to a node-set.");
        assert_eq!(names(DOC, "//i[", &none).unwrap_err(), "'//i[' has an invalid token.");
    }

    #[test]
    fn a_default_namespace_needs_a_prefix_from_the_manager() {
        let xml = "<c xmlns='urn:n'><s name='a'/></c>";
        assert!(names(xml, "//s", &Vec::new()).unwrap().is_empty());
        let ns = vec![("n".to_string(), "urn:n".to_string())];
        assert_eq!(names(xml, "//n:s/@name", &ns).unwrap(), ["name=a"]);
        assert!(names(xml, "//x:s", &ns).unwrap_err().starts_with("Namespace Manager or XsltContext needed."));
    }
}
