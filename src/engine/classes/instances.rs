//! Objects of a script class: made with their properties' initial values, converted to (a
//! hashtable's keys set as properties, one value given to a one-argument constructor), and
//! their typed properties converting what is assigned to them, with 5.1's errors.

use std::rc::Rc;

use crate::lang::ast::Span;

use super::super::convert::{self, to_string};
use super::super::dotnet::registry;
use super::super::error::{ErrorCategory, ErrorRecord, EvalResult, Flow};
use super::super::runtime::Interp;
use super::super::value::{PropKind, Property, PsObject, TypeKind, TypeRef, Value};
use super::ClassType;

impl Interp {
    /// A new object of the class with every instance property at its initial value, before
    /// any constructor runs. The most derived class's properties come first, as .NET lists them.
    pub(super) fn new_instance(&mut self, class: &Rc<ClassType>) -> EvalResult<Value> {
        let mut o = PsObject::typed(&class.name);
        o.type_names = class.type_names();
        o.class = Some(class.clone());
        let obj = Value::object(o);
        for c in class.chain() {
            for p in c.decl.properties.iter().filter(|p| !p.is_static) {
                let v = self.property_initial_value(&c, p, Some(&obj))?;
                let Value::Object(o) = &obj else { continue };
                let mut o = o.borrow_mut();
                if o.has(&p.name) {
                    continue;
                }
                let prop = Property { name: p.name.clone(), value: v, kind: PropKind::Property, type_name: None };
                if p.is_hidden {
                    o.hidden.push(prop);
                } else {
                    o.props.push(prop);
                }
            }
        }
        // An exception's own members follow the class's, as .NET lists a derived type's.
        if let (Some(ex), Value::Object(o)) = (class.exception_base(), &obj) {
            let message = format!("Exception of type '{}' was thrown.", class.name);
            if let Value::Object(made) = super::super::exceptions::exception_value(&ex, &message, &[]) {
                let made = made.borrow();
                let mut o = o.borrow_mut();
                let inherited: Vec<Property> = made.props.iter().filter(|p| !o.has(&p.name)).cloned().collect();
                o.props.extend(inherited);
            }
        }
        Ok(obj)
    }

    /// Converts a value to a type as an assignment or cast does: a script class takes its own
    /// objects, a hashtable of its properties or a value its constructors accept.
    pub fn convert_to(&mut self, v: &Value, ty: &Rc<TypeRef>, span: Span) -> EvalResult<Value> {
        if let TypeKind::Enum(def) = ty.kind {
            if let Some(r) = self.types.script_enum(def.full_name).filter(|d| std::ptr::eq(*d, def)).and_then(|_| self.convert_script_enum(v, def)) {
                return r.map_err(|m| self.cast_error(v, ty, m, span));
            }
        }
        let Some(class) = ty.class.clone().filter(|_| !ty.is_array) else {
            return convert::convert(v, ty).map_err(|m| self.cast_error(v, ty, m, span));
        };
        if v.is_null() || registry::value_is(v, ty) {
            return Ok(v.clone());
        }
        if let Value::Hashtable(h) = v {
            let entries: Vec<(Value, Value)> = h.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            let obj = self.construct(&class, Vec::new(), span)?;
            for (k, value) in entries {
                let name = to_string(&k);
                if class.property(&name).is_none() {
                    let available = self.available_properties(&obj);
                    let inner = format!("The {name} property was not found for the {} object. The available property is: {available}", class.name);
                    return Err(self.object_creation_error(&class, &inner, span));
                }
                if let Err(Flow::Error(rec)) = self.set_class_property(&obj, &class, &name, value, span) {
                    return Err(self.object_creation_error(&class, &rec.message, span));
                }
            }
            return Ok(obj);
        }
        // LanguagePrimitives converts through a constructor that takes the value's own type.
        let mut takes_value = false;
        for c in class.constructors().filter(|c| c.params.len() == 1) {
            takes_value |= match &c.params[0].type_name {
                None => true,
                Some(t) => registry::value_is(v, &*self.resolve_type(t)?),
            };
        }
        if takes_value {
            return self.construct(&class, vec![v.clone()], span);
        }
        Err(self.cast_error(v, ty, convert::invalid_cast(v, &class.name), span))
    }

    fn object_creation_error(&self, class: &ClassType, inner: &str, span: Span) -> Flow {
        let rec =
            ErrorRecord::runtime(format!("Cannot create object of type \"{}\". {inner}", class.name), "ObjectCreationError", ErrorCategory::InvalidArgument);
        self.located(rec, span)
    }

    /// `[Name <Type>] , [Name <Type>]`, as LanguagePrimitives lists an object's properties.
    fn available_properties(&mut self, obj: &Value) -> String {
        let Value::Object(o) = obj else { return String::new() };
        let o = o.borrow();
        let class = o.class.clone();
        let names: Vec<String> = o.props.iter().map(|p| p.name.clone()).collect();
        drop(o);
        names
            .iter()
            .map(|n| {
                let declared = class.as_ref().and_then(|c| c.property(n)).and_then(|(c, i)| c.decl.properties[i].ty.clone());
                let ty = declared.and_then(|t| self.resolve_type(&t).ok()).map(|t| t.full_name()).unwrap_or_else(|| "System.Object".into());
                format!("[{n} <{ty}>]")
            })
            .collect::<Vec<_>>()
            .join(" , ")
    }

    /// Sets a property of a class's object, converting to its declared type; a failed
    /// conversion is 5.1's `Exception setting "Name"`.
    pub(crate) fn set_class_property(&mut self, obj: &Value, class: &Rc<ClassType>, name: &str, value: Value, span: Span) -> EvalResult<()> {
        let Some((owner, i)) = class.property(name) else {
            return Err(self.located(property_not_found(name), span));
        };
        let value = match owner.decl.properties[i].ty.clone() {
            None => value,
            Some(t) => {
                let ty = self.resolve_type(&t)?;
                match self.convert_to(&value, &ty, span) {
                    Ok(v) => v,
                    Err(Flow::Error(rec)) => {
                        let text = format!("Exception setting \"{name}\": \"{}\"", rec.message);
                        let rec = ErrorRecord::new(
                            text,
                            "System.Management.Automation.SetValueInvocationException",
                            ErrorCategory::NotSpecified,
                            "ExceptionWhenSetting",
                        );
                        return Err(self.located(rec, span));
                    }
                    Err(other) => return Err(other),
                }
            }
        };
        if let Value::Object(o) = obj {
            o.borrow_mut().set(name, value);
        }
        self.refresh_text(obj)
    }

    /// `[Class]::Static = value`, converted to the property's type.
    pub(crate) fn set_class_static(&mut self, class: &Rc<ClassType>, name: &str, value: Value, span: Span) -> EvalResult<bool> {
        let Some((owner, i)) = class.static_owner(name) else { return Ok(false) };
        let p = &owner.decl.properties[i];
        let value = match p.ty.clone() {
            None => value,
            Some(t) => {
                let ty = self.resolve_type(&t)?;
                self.convert_to(&value, &ty, span)?
            }
        };
        let declared = p.name.clone();
        let mut statics = owner.statics.borrow_mut();
        match statics.iter_mut().find(|(n, _)| *n == declared) {
            Some(slot) => slot.1 = value,
            None => statics.push((declared, value)),
        }
        Ok(true)
    }

    /// The text of an object whose class overrides `ToString()`; None for any other value.
    pub fn class_to_string(&mut self, v: &Value) -> EvalResult<Option<String>> {
        let Value::Object(o) = v else { return Ok(None) };
        let Some(class) = o.borrow().class.clone() else { return Ok(None) };
        if !class.overrides_to_string() {
            return Ok(None);
        }
        let r = self.call_class_method(&class, Some(v), "ToString", Vec::new(), Span::default())?;
        Ok(r.map(|v| to_string(&v)))
    }

    /// Keeps the text of an object whose class overrides `ToString()` up to date after it was
    /// made or changed through its class, for the formatter (which runs no script code).
    pub(super) fn refresh_text(&mut self, obj: &Value) -> EvalResult<()> {
        let Value::Object(o) = obj else { return Ok(()) };
        let Some(class) = o.borrow().class.clone() else { return Ok(()) };
        if class.rendering.get() || !class.overrides_to_string() {
            return Ok(());
        }
        class.rendering.set(true);
        let r = self.class_to_string(obj);
        class.rendering.set(false);
        // A ToString() that fails leaves no text: the formatter shows the class's name, and
        // nothing the script did fails for it (5.1 calls ToString only when it shows the object).
        match r {
            Ok(text) => o.borrow_mut().text = text,
            Err(Flow::Interrupted) => return Err(Flow::Interrupted),
            Err(_) => o.borrow_mut().text = None,
        }
        Ok(())
    }
}

fn property_not_found(name: &str) -> ErrorRecord {
    ErrorRecord::runtime(
        format!("The property '{name}' cannot be found on this object. Verify that the property exists and can be set."),
        "PropertyAssignmentException",
        ErrorCategory::InvalidOperation,
    )
}
