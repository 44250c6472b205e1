//! `enum Name { ... }` as an enumeration of the session's type table, beside the modules'.
//! The table holds enumerations as `&'static EnumDef` (the modules declare theirs as
//! statics), so a script's is leaked once per distinct definition: running the same
//! definition again finds the one already made.

use crate::lang::ast::EnumDecl;

use super::super::error::{parse_error_record, EvalResult, Flow};
use super::super::runtime::Interp;
use super::super::types::EnumDef;
use super::super::value::{TypeKind, TypeRef, Value};

impl Interp {
    /// Defines (or redefines) an enum, working out its members' values: a given one is a
    /// constant expression, the others count on from the one before.
    pub(crate) fn define_enum(&mut self, decl: &EnumDecl) -> EvalResult<()> {
        let mut values = Vec::with_capacity(decl.members.len());
        let mut next = 0i64;
        for m in &decl.members {
            let value = match &m.value {
                Some(e) => {
                    let v = self.eval_expr(e)?;
                    match &v {
                        Value::Enum(x) => x.value,
                        other => {
                            let long = std::rc::Rc::new(TypeRef::of(TypeKind::Long));
                            match self.convert_to(other, &long, e.span)? {
                                Value::Long(n) => n,
                                _ => next,
                            }
                        }
                    }
                }
                None => next,
            };
            if i32::try_from(value).is_err() {
                return Err(enum_error(decl, crate::lang::enumerator_value_too_large(m.span)));
            }
            values.push((m.name.as_str(), value));
            next = value + 1;
        }
        let same = |d: &EnumDef| {
            d.full_name.eq_ignore_ascii_case(&decl.name)
                && d.members.len() == values.len()
                && d.members.iter().zip(&values).all(|((n, v), (m, w))| n == m && v == w)
        };
        let def = match self.types.script_enum(&decl.name).filter(|d| same(d)) {
            Some(d) => d,
            None => {
                let members: Vec<(&'static str, i64)> = values.iter().map(|(n, v)| (&*Box::leak(n.to_string().into_boxed_str()), *v)).collect();
                let full_name: &'static str = Box::leak(decl.name.clone().into_boxed_str());
                Box::leak(Box::new(EnumDef { full_name, members: Box::leak(members.into_boxed_slice()) }))
            }
        };
        self.types.add_script_enum(def, decl.flags);
        Ok(())
    }
}

/// A value that is no Int32 is 5.1's parse error, reported before the script runs.
fn enum_error(decl: &EnumDecl, e: crate::lang::ParseError) -> Flow {
    Flow::error(parse_error_record(&e, &decl.source, decl.source.path.is_none()))
}

/// The text of a script enum's value as .NET's `Enum.ToString` gives it: the member's name; for
/// a `[Flags()]` enum the names of the members it combines, lowest first; else the number.
fn value_name(def: &EnumDef, flags: bool, value: i64) -> String {
    if let Some(n) = def.name_of(value) {
        return n.to_string();
    }
    if flags && value != 0 {
        let mut members: Vec<&(&str, i64)> = def.members.iter().filter(|(_, v)| *v != 0).collect();
        members.sort_by_key(|(_, v)| std::cmp::Reverse(*v));
        let mut rest = value;
        let mut names = Vec::new();
        for (n, v) in members {
            if rest & v == *v {
                names.push(*n);
                rest &= !v;
            }
        }
        if rest == 0 {
            names.reverse();
            return names.join(", ");
        }
    }
    value.to_string()
}

impl Interp {
    /// Converts to a script's enum as .NET does: any integer is a value of it, and a `[Flags()]`
    /// enum takes a comma list of names. None leaves other values to the common conversion.
    pub(crate) fn convert_script_enum(&self, v: &Value, def: &'static EnumDef) -> Option<Result<Value, String>> {
        let flags = self.types.is_flags(def);
        let named = |value: i64| Value::enum_value(def.full_name, &value_name(def, flags, value), value);
        match v {
            Value::Int(_) | Value::Long(_) | Value::UInt(_) => {
                let n = super::super::convert::to_num(v)?.as_f64() as i64;
                Some(Ok(named(n)))
            }
            Value::Enum(e) if e.type_name != def.full_name => Some(Ok(named(e.value))),
            Value::Str(s) if flags && s.contains(',') => {
                let mut total = 0;
                for part in s.split(',') {
                    match super::super::convert::convert_enum(&Value::str(part.trim()), def) {
                        Ok(Value::Enum(e)) => total |= e.value,
                        Ok(_) => {}
                        Err(m) => return Some(Err(m)),
                    }
                }
                Some(Ok(named(total)))
            }
            _ => None,
        }
    }
}

impl Interp {
    /// `-band`, `-bor` and `-bxor` with a script enum's value on the left give a value of that
    /// enum, as .NET's operators on an enum type do.
    pub(crate) fn of_enum_operand(&self, left: &Value, result: Value) -> Value {
        let Value::Enum(e) = left else { return result };
        match self.types.script_enum(e.type_name).and_then(|def| self.convert_script_enum(&result, def)) {
            Some(Ok(v)) => v,
            _ => result,
        }
    }
}
