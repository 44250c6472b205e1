//! PowerShell classes and script enums (5.0): a `class` statement becomes a [`ClassType`] in
//! the session's type table. A script's classes and enums are defined before its first
//! statement runs, as 5.1 compiles them with the script, so a class is usable above its
//! definition; one inside a function is defined when its statement runs.
//!
//! `instances.rs` makes and converts objects of a class; `methods.rs` runs its methods and
//! constructors; `script_enums.rs` turns an `enum` into an enumeration.

mod instances;
mod methods;
mod script_enums;

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

use crate::lang::ast::{ClassDecl, EnumDecl, MethodDecl, PropertyDecl, ScriptBlock, Statement, StatementKind, TypeName};

use super::error::{parse_error_record, EvalResult, Flow};
use super::runtime::{Interp, ScopeRef};
use super::value::{TypeKind, TypeRef, Value};

/// A class defined by a script: its declaration, its base class, the values of its static
/// properties and the scope its methods run below (the one it was defined in).
pub struct ClassType {
    pub name: String,
    pub base: Option<Rc<ClassType>>,
    /// The .NET type at the root of the chain when it is not `System.Object`: its names
    /// follow the classes' in the object's type names (`class E : InvalidOperationException`).
    dotnet_base: Option<Rc<TypeRef>>,
    pub decl: Rc<ClassDecl>,
    statics: RefCell<Vec<(String, Value)>>,
    scope: ScopeRef,
    /// Set while the class's `ToString()` runs to refresh an object's text, so that the
    /// methods it calls do not start another refresh.
    rendering: Cell<bool>,
}

impl fmt::Debug for ClassType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "class {}", self.name)
    }
}

impl ClassType {
    /// The type object `[Name]` stands for.
    pub fn type_ref(self: &Rc<Self>) -> TypeRef {
        TypeRef { class: Some(self.clone()), ..TypeRef::foreign(&self.name) }
    }

    /// This class and its bases, most derived first.
    pub fn chain(self: &Rc<Self>) -> Vec<Rc<ClassType>> {
        let mut out = vec![self.clone()];
        while let Some(b) = out.last().and_then(|c| c.base.clone()) {
            out.push(b);
        }
        out
    }

    /// The type names an instance lists: the class, its bases, `System.Object`.
    pub fn type_names(self: &Rc<Self>) -> Vec<String> {
        let chain = self.chain();
        let mut names: Vec<String> = chain.iter().map(|c| c.name.clone()).collect();
        let mut base = chain.last().and_then(|c| c.dotnet_base.as_deref().cloned());
        while let Some(b) = base {
            names.push(b.full_name());
            base = b.base_type();
        }
        if names.last().is_none_or(|n| n != "System.Object") {
            names.push("System.Object".to_string());
        }
        names
    }

    /// The base type reflection gives: the base class, the .NET base, or `System.Object`.
    pub fn base_type(&self) -> TypeRef {
        match (&self.base, &self.dotnet_base) {
            (Some(b), _) => b.type_ref(),
            (None, Some(t)) => (**t).clone(),
            (None, None) => TypeRef::of(TypeKind::Object),
        }
    }

    /// The exception type at the root of the chain, for a class that derives from one.
    pub fn exception_base(self: &Rc<Self>) -> Option<String> {
        let root = self.chain().last()?.dotnet_base.clone()?;
        super::exceptions::known_type(&root.full_name()).map(str::to_string)
    }

    /// An instance property (own or inherited) by name.
    pub fn property(self: &Rc<Self>, name: &str) -> Option<(Rc<ClassType>, usize)> {
        self.chain().into_iter().find_map(|c| {
            let i = c.decl.properties.iter().position(|p| !p.is_static && p.name.eq_ignore_ascii_case(name))?;
            Some((c, i))
        })
    }

    /// The class (this or a base) that holds a static property, and its name as declared.
    fn static_owner(self: &Rc<Self>, name: &str) -> Option<(Rc<ClassType>, usize)> {
        self.chain().into_iter().find_map(|c| {
            let i = c.decl.properties.iter().position(|p| p.is_static && p.name.eq_ignore_ascii_case(name))?;
            Some((c, i))
        })
    }

    pub fn static_value(self: &Rc<Self>, name: &str) -> Option<Value> {
        let (owner, i) = self.static_owner(name)?;
        let declared = &owner.decl.properties[i].name;
        let v = owner.statics.borrow().iter().find(|(n, _)| n == declared).map(|(_, v)| v.clone());
        Some(v.unwrap_or(Value::Null))
    }

    fn methods(&self) -> impl Iterator<Item = &MethodDecl> {
        self.decl.methods.iter().filter(|m| !m.is_ctor)
    }

    /// Whether the class or a base overrides `ToString()`.
    fn overrides_to_string(self: &Rc<Self>) -> bool {
        self.chain().iter().any(|c| c.methods().any(|m| !m.is_static && m.params.is_empty() && m.name.eq_ignore_ascii_case("ToString")))
    }

    fn constructors(&self) -> impl Iterator<Item = &MethodDecl> {
        self.decl.methods.iter().filter(|m| m.is_ctor && !m.is_static)
    }
}

impl Interp {
    /// Defines the classes and enums among a script's own statements before it runs. A base
    /// class or a member's type may be defined further down the same script.
    pub fn define_script_types(&mut self, sb: &ScriptBlock) -> EvalResult<()> {
        let stmts = [&sb.begin, &sb.process, &sb.end].into_iter().flatten().flat_map(|b| b.iter());
        let decls: Vec<&Statement> = stmts.filter(|s| matches!(s.kind, StatementKind::Class(_) | StatementKind::Enum(_))).collect();
        if decls.is_empty() {
            return Ok(());
        }
        let batch: Vec<String> = decls
            .iter()
            .map(|s| match &s.kind {
                StatementKind::Class(c) => c.name.clone(),
                StatementKind::Enum(e) => e.name.clone(),
                _ => String::new(),
            })
            .collect();
        // An enum's value may name another enum's member defined further down: each pass
        // defines those it can, until none is left or a pass makes no progress.
        let mut enums: Vec<&Rc<EnumDecl>> = decls.iter().filter_map(|s| if let StatementKind::Enum(e) = &s.kind { Some(e) } else { None }).collect();
        while !enums.is_empty() {
            let before = enums.len();
            let mut first_error = None;
            let mut left = Vec::new();
            for e in enums {
                if let Err(err) = self.define_enum(e) {
                    first_error.get_or_insert(err);
                    left.push(e);
                }
            }
            if let Some(err) = first_error.filter(|_| left.len() == before) {
                return Err(err);
            }
            enums = left;
        }
        let mut pending: Vec<&Rc<ClassDecl>> = decls.iter().filter_map(|s| if let StatementKind::Class(c) = &s.kind { Some(c) } else { None }).collect();
        while !pending.is_empty() {
            let ready = pending
                .iter()
                .position(|c| c.base.as_ref().is_none_or(|b| self.resolve_type(b).is_ok() || !batch.iter().any(|n| n.eq_ignore_ascii_case(&b.name))));
            // No class is ready when bases name each other: the first one's base is not found.
            let c = pending.remove(ready.unwrap_or(0));
            self.define_class(c, &batch)?;
        }
        Ok(())
    }

    /// Defines a class (again, if its statement runs again after a change), checking that
    /// every type it names exists: 5.1 reports a missing one as a parse error.
    pub fn define_class(&mut self, decl: &Rc<ClassDecl>, batch: &[String]) -> EvalResult<()> {
        if self.types.class(&decl.name).is_some_and(|c| Rc::ptr_eq(&c.decl, decl)) {
            return Ok(());
        }
        // The base is a class of a script or a .NET type (`System.Exception` and its family
        // are the ones whose members ersim emulates).
        let (base, dotnet_base) = match &decl.base {
            None => (None, None),
            Some(b) => match self.types.class(&b.name) {
                Some(c) => (Some(c), None),
                None => match self.resolve_type(b) {
                    Ok(t) if t.kind == TypeKind::Object => (None, None),
                    Ok(t) => (None, Some(t)),
                    Err(_) => return Err(type_not_found(decl, b)),
                },
            },
        };
        // A member may name the class itself or one defined beside it, also as a generic
        // argument (`[List[C]] f()` in class C), before either exists.
        let is_script_type = |n: &str| n.eq_ignore_ascii_case(&decl.name) || batch.iter().any(|b| b.eq_ignore_ascii_case(n));
        let names = |t: &TypeName| t.name.split(['[', ']', ',']).map(str::trim).any(is_script_type);
        let member_types = decl
            .properties
            .iter()
            .filter_map(|p| p.ty.as_ref())
            .chain(decl.methods.iter().flat_map(|m| m.return_type.iter().chain(m.params.iter().filter_map(|p| p.type_name.as_ref()))));
        for t in member_types {
            if !names(t) && self.resolve_type(t).is_err() {
                return Err(type_not_found(decl, t));
            }
        }
        let class = Rc::new(ClassType {
            name: decl.name.clone(),
            base,
            dotnet_base,
            decl: decl.clone(),
            statics: RefCell::new(Vec::new()),
            scope: self.current.clone(),
            rendering: Cell::new(false),
        });
        self.types.add_class(class.clone());
        for p in decl.properties.iter().filter(|p| p.is_static) {
            let v = self.property_initial_value(&class, p, None)?;
            class.statics.borrow_mut().push((p.name.clone(), v));
        }
        Ok(())
    }

    /// The value a property starts with: its initializer, or its type's default (0 for a
    /// number, `$false` for a bool, `$null` for a reference type).
    fn property_initial_value(&mut self, class: &Rc<ClassType>, p: &PropertyDecl, this: Option<&Value>) -> EvalResult<Value> {
        let v = match &p.default {
            Some(e) => {
                let scope = self.new_scope(&class.scope, false);
                if let Some(t) = this {
                    scope.borrow_mut().vars.insert("this".into(), super::runtime::Variable { value: t.clone(), constraint: None, options: Default::default() });
                }
                let saved = std::mem::replace(&mut self.current, scope);
                let saved_src = self.current_source.replace(class.decl.source.clone());
                let r = self.eval_expr(e);
                self.current_source = saved_src;
                self.current = saved;
                r?
            }
            None => Value::Null,
        };
        match &p.ty {
            None => Ok(v),
            Some(t) => {
                let ty = self.resolve_type(t)?;
                if v.is_null() && !ty.is_value_type() {
                    return Ok(Value::Null);
                }
                self.convert_to(&v, &ty, p.span)
            }
        }
    }

    /// A class statement that runs: defined unless its script already defined it.
    pub(super) fn run_class_statement(&mut self, decl: &Rc<ClassDecl>) -> EvalResult<()> {
        self.define_class(decl, std::slice::from_ref(&decl.name))
    }

    /// One level deeper into methods and constructors, refused past 5.1's call depth.
    fn enter_member(&mut self) -> EvalResult<()> {
        if self.call_depth >= super::runtime::MAX_CALL_DEPTH {
            return Err(Flow::error(super::error::ErrorRecord::runtime(
                "The script failed due to call depth overflow.",
                "CallDepthOverflow",
                super::error::ErrorCategory::InvalidOperation,
            )));
        }
        self.call_depth += 1;
        Ok(())
    }

    /// Runs statements of a method or constructor body; what they write is dropped.
    fn run_member_body(&mut self, class: &Rc<ClassType>, scope: ScopeRef, body: &[Statement]) -> EvalResult<Value> {
        self.enter_member()?;
        let saved = std::mem::replace(&mut self.current, scope);
        let saved_src = self.current_source.replace(class.decl.source.clone());
        let r = self.exec_statements(body, &mut |_, _| Ok(()));
        self.call_depth -= 1;
        self.current_source = saved_src;
        self.current = saved;
        let returned = self.method_result.take();
        match r {
            Ok(()) | Err(Flow::Return) => Ok(returned.unwrap_or(Value::Null)),
            Err(e) => Err(e),
        }
    }
}

/// 5.1's TypeNotFound parse error for a type a class names, shown at the name inside the brackets.
fn type_not_found(decl: &ClassDecl, t: &TypeName) -> Flow {
    let inner = if decl.source.text.get(t.span.start..t.span.start + 1) == Some("[") { t.span.start + 1 } else { t.span.start };
    let e = crate::lang::type_not_found(&t.name, crate::lang::ast::Span::new(inner, inner + t.name.len()));
    Flow::error(parse_error_record(&e, &decl.source, decl.source.path.is_none()))
}

/// Whether a type is one a script class stands for.
pub fn is_class(t: &TypeRef) -> bool {
    t.kind == TypeKind::Foreign && t.class.is_some()
}

/// Members by name with what Get-Member shows as their definition (a type, or signatures).
pub type MemberDefinitions = Vec<(String, String)>;

impl Interp {
    /// What Get-Member shows of a class's object: each instance property's type, and each
    /// instance method with its overloads (`int Add(int a), int Add(int a, int b)`), own and
    /// inherited, an override hiding its base's.
    pub fn class_members(&self, class: &Rc<ClassType>) -> (MemberDefinitions, MemberDefinitions) {
        let type_text = |t: Option<&TypeName>| match t {
            Some(t) => self.resolve_type(t).map(|r| r.ps_name()).unwrap_or_else(|_| t.name.clone()),
            None => "System.Object".to_string(),
        };
        let mut properties = Vec::new();
        let mut methods: Vec<(String, Vec<String>)> = Vec::new();
        for c in class.chain() {
            for p in c.decl.properties.iter().filter(|p| !p.is_static && !p.is_hidden) {
                if !properties.iter().any(|(n, _): &(String, String)| n.eq_ignore_ascii_case(&p.name)) {
                    properties.push((p.name.clone(), type_text(p.ty.as_ref())));
                }
            }
            for m in c.methods().filter(|m| !m.is_static && !m.is_hidden) {
                let ret = m.return_type.as_ref().map_or_else(|| "void".to_string(), |t| type_text(Some(t)));
                let params: Vec<String> = m.params.iter().map(|p| format!("{} {}", type_text(p.type_name.as_ref()), p.name)).collect();
                let signature = format!("{ret} {}({})", m.name, params.join(", "));
                match methods.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(&m.name)) {
                    Some((_, overloads)) if overloads.iter().any(|o| o.ends_with(&format!("({})", params.join(", ")))) => {}
                    Some((_, overloads)) => overloads.push(signature),
                    None => methods.push((m.name.clone(), vec![signature])),
                }
            }
        }
        (properties, methods.into_iter().map(|(n, o)| (n, o.join(", "))).collect())
    }
}
