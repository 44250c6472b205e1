//! Calling a class's constructors and methods: the overload chosen by the number of arguments
//! and then by how well their types fit, the arguments converted to the parameters' types,
//! `$this` and the parameters defined in a new scope below the class's, and only `return`'s
//! value coming back (what a method's statements write is dropped, as in 5.1).

use std::rc::Rc;

use crate::lang::ast::{Expr, ExprKind, MethodDecl, PipelineElement, Span, StatementKind};

use super::super::convert::to_string;
use super::super::dotnet::registry;
use super::super::error::{ErrorCategory, ErrorRecord, EvalResult, Flow};
use super::super::runtime::{Interp, ScopeRef, Variable};
use super::super::value::{TypeKind, TypeRef, Value};
use super::ClassType;

impl Interp {
    /// `[Class]::new(args)` and `New-Object Class`: the object, its base classes' constructors
    /// run before its own.
    pub fn construct(&mut self, class: &Rc<ClassType>, args: Vec<Value>, span: Span) -> EvalResult<Value> {
        // A property initializer may make an object of its own class: bounded as calls are.
        self.enter_member()?;
        let r = self.new_instance(class).and_then(|obj| self.run_constructor(class, &obj, args, span).map(|()| obj));
        let r = r.and_then(|obj| self.refresh_text(&obj).map(|()| obj));
        self.call_depth -= 1;
        r
    }

    /// `[T]::new(args)` and `New-Object T` for the types scripts make that are no emulated .NET
    /// type: a script class, an exception. None for any other type.
    pub fn construct_script_type(&mut self, ty: &TypeRef, args: &[Value], span: Span) -> Option<EvalResult<Value>> {
        if ty.is_array {
            return None;
        }
        if let Some(class) = &ty.class {
            return Some(self.construct(class, args.to_vec(), span));
        }
        let full = ty.full_name();
        super::super::exceptions::known_type(&full).map(|t| Ok(super::super::exceptions::construct(t, args)))
    }

    fn run_constructor(&mut self, class: &Rc<ClassType>, this: &Value, args: Vec<Value>, span: Span) -> EvalResult<()> {
        let ctors: Vec<&MethodDecl> = class.constructors().collect();
        if ctors.is_empty() {
            // The default constructor .NET gives a class that declares none.
            if !args.is_empty() {
                return Err(self.located(no_overload("new", args.len()), span));
            }
            return match class.base.clone() {
                Some(b) => self.run_constructor(&b, this, Vec::new(), span),
                None => Ok(()),
            };
        }
        let Some(ctor) = self.choose_overload(&ctors, &args)? else {
            return Err(self.located(no_overload("new", args.len()), span));
        };
        let scope = self.method_scope(class, ctor, Some(this), args, span)?;
        let base_args = match &ctor.base_args {
            Some(exprs) => {
                let saved = std::mem::replace(&mut self.current, scope.clone());
                let r: EvalResult<Vec<Value>> = exprs.iter().map(|e| self.eval_expr(e)).collect();
                self.current = saved;
                r?
            }
            None => Vec::new(),
        };
        if let Some(base) = class.base.clone() {
            self.run_constructor(&base, this, base_args, span)?;
        } else if let (Some(message), Value::Object(o), true) = (base_args.first(), this, class.exception_base().is_some()) {
            // An exception's constructor takes the message.
            o.borrow_mut().set("Message", Value::str(to_string(message)));
        }
        self.run_member_body(class, scope, &ctor.body).map(|_| ())
    }

    /// A method of the class or its bases (instance methods when `this` is given, else static
    /// ones); None when no method has that name, so the members every object has still answer.
    pub fn call_class_method(&mut self, class: &Rc<ClassType>, this: Option<&Value>, name: &str, args: Vec<Value>, span: Span) -> EvalResult<Option<Value>> {
        let chain = class.chain();
        // An override hides the base's method of the same signature: the most derived is first.
        let mut found: Vec<(&Rc<ClassType>, &MethodDecl)> = Vec::new();
        for c in &chain {
            for m in c.methods().filter(|m| m.is_static == this.is_none() && m.name.eq_ignore_ascii_case(name)) {
                if !found.iter().any(|(owner, f)| !Rc::ptr_eq(owner, c) && same_signature(f, m)) {
                    found.push((c, m));
                }
            }
        }
        if found.is_empty() {
            return Ok(None);
        }
        let decls: Vec<&MethodDecl> = found.iter().map(|(_, m)| *m).collect();
        let Some(method) = self.choose_overload(&decls, &args)? else {
            return Err(self.located(no_overload(name, args.len()), span));
        };
        let owner = found.iter().find(|(_, m)| std::ptr::eq(*m, method)).map(|(c, _)| (*c).clone()).unwrap_or_else(|| class.clone());
        let scope = self.method_scope(&owner, method, this, args, span)?;
        let result = self.run_member_body(&owner, scope, &method.body)?;
        if let Some(t) = this {
            self.refresh_text(t)?;
        }
        match &method.return_type {
            None => Ok(Some(Value::Null)),
            Some(t) => {
                let ty = self.resolve_type(t)?;
                if ty.kind == TypeKind::Void {
                    return Ok(Some(Value::Null));
                }
                self.convert_to(&result, &ty, span).map(Some)
            }
        }
    }

    /// `([Base]$this).M()`: a method called on a class's object cast to one of its bases runs
    /// that base's method, not the override (how a class calls the method it overrides). The
    /// base is a class, or None for a .NET type (`[object]`).
    pub(crate) fn base_method_class(&self, target: &Expr, value: &Value) -> Option<Option<Rc<ClassType>>> {
        if !matches!(value, Value::Object(o) if o.borrow().class.is_some()) {
            return None;
        }
        let mut e = target;
        while let ExprKind::Paren(s) = &e.kind {
            let StatementKind::Pipeline(p) = &s.kind else { return None };
            let [PipelineElement::Expr(inner)] = p.elements.as_slice() else { return None };
            e = inner;
        }
        let ExprKind::Cast { ty, .. } = &e.kind else { return None };
        let t = self.resolve_type(ty).ok().filter(|t| !t.is_array)?;
        registry::value_is(value, &t).then(|| t.class.clone())
    }

    /// The overload whose parameters take the arguments best: of the right count, each argument
    /// converting, exact types preferred.
    fn choose_overload<'m>(&mut self, candidates: &[&'m MethodDecl], args: &[Value]) -> EvalResult<Option<&'m MethodDecl>> {
        let mut best: Option<(usize, &MethodDecl)> = None;
        for m in candidates.iter().filter(|m| m.params.len() == args.len()) {
            let mut score = 0;
            let mut fits = true;
            for (p, a) in m.params.iter().zip(args) {
                let Some(t) = &p.type_name else { continue };
                let ty = self.resolve_type(t)?;
                if registry::value_is(a, &ty) {
                    score += 2;
                } else if self.convert_to(a, &ty, Span::default()).is_ok() {
                    score += 1;
                } else {
                    fits = false;
                }
            }
            if fits && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, m));
            }
        }
        // With no overload that converts, the count alone decides, and the conversion's
        // error is the one reported.
        Ok(best.map(|(_, m)| m).or_else(|| candidates.iter().copied().find(|m| m.params.len() == args.len())))
    }

    /// The scope a method runs in, below the class's: `$this` and the converted arguments.
    fn method_scope(&mut self, class: &Rc<ClassType>, m: &MethodDecl, this: Option<&Value>, args: Vec<Value>, span: Span) -> EvalResult<ScopeRef> {
        let scope = self.new_scope(&class.scope, false);
        if let Some(t) = this {
            scope.borrow_mut().vars.insert("this".into(), Variable { value: t.clone(), constraint: None, options: Default::default() });
        }
        for (p, a) in m.params.iter().zip(args) {
            let (value, constraint) = match &p.type_name {
                None => (a, None),
                Some(t) => {
                    let ty = self.resolve_type(t)?;
                    match self.convert_to(&a, &ty, span) {
                        Ok(v) => (v, Some(ty)),
                        Err(Flow::Error(rec)) => {
                            let text = format!(
                                "Cannot convert argument \"{}\", with value: \"{}\", for \"{}\" to type \"{}\": \"{}\"",
                                p.name,
                                to_string(&a),
                                m.name,
                                ty.dotnet_string(),
                                rec.message
                            );
                            let rec = ErrorRecord::new(text, METHOD_EXCEPTION, ErrorCategory::NotSpecified, "MethodArgumentConversionInvalidCastArgument");
                            return Err(self.located(rec, span));
                        }
                        Err(other) => return Err(other),
                    }
                }
            };
            scope.borrow_mut().vars.insert(p.name.to_ascii_lowercase(), Variable { value, constraint, options: Default::default() });
        }
        Ok(scope)
    }
}

const METHOD_EXCEPTION: &str = "System.Management.Automation.MethodException";

/// 5.1's MethodCountCouldNotFindBest.
fn no_overload(name: &str, count: usize) -> ErrorRecord {
    super::super::dotnet::arg_count(name, count)
}

/// Two methods take the same parameters: an override hides its base's method.
fn same_signature(a: &MethodDecl, b: &MethodDecl) -> bool {
    let ty = |p: &crate::lang::ast::Param| p.type_name.as_ref().map(|t| (t.name.to_ascii_lowercase(), t.is_array));
    a.params.len() == b.params.len() && a.params.iter().zip(&b.params).all(|(x, y)| ty(x) == ty(y))
}
