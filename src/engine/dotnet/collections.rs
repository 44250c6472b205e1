//! The collection classes scripts build: `ArrayList`, `Generic.List[T]`, `HashSet[T]`,
//! `Queue`, `Stack` (a [`ListObj`]) and `Generic.Dictionary[K,V]` (a [`Hashtable`] that
//! carries its type), with .NET's members, its element conversions and its exception texts.

use std::cmp::Ordering;

use super::registry::type_of;
use super::{arg_count, argument_error, method_error, not_found};
use crate::engine::convert::{convert, to_num};
use crate::engine::error::{ErrorRecord, EvalResult, Flow};
use crate::engine::ops;
use crate::engine::runtime::Interp;
use crate::engine::value::{Hashtable, ListObj, PsObject, TypeKind, TypeRef, Value};
use crate::lang::ast::Span;

/// The front of a queue, the top of a stack (the borrow ends before the caller changes it).
fn first_item(l: &ListObj) -> Option<Value> {
    l.items.borrow().first().cloned()
}

fn is_collection(kind: TypeKind) -> bool {
    matches!(kind, TypeKind::ArrayList | TypeKind::List | TypeKind::HashSet | TypeKind::Queue | TypeKind::Stack)
}

/// `New-Object T` / `[T]::new(...)` for a collection type: empty, with a capacity, or filled
/// from a collection (a Stack pushes the items, so the last is on top).
pub fn construct(ty: &TypeRef, args: &[Value]) -> Option<Result<Value, ErrorRecord>> {
    if ty.is_array {
        return None;
    }
    if ty.kind == TypeKind::Dictionary {
        return Some(match args.len() {
            0 => Ok(Value::hashtable(Hashtable::dictionary(ty.clone()))),
            1 if to_num(&args[0]).is_some() => Ok(Value::hashtable(Hashtable::dictionary(ty.clone()))),
            n => Err(arg_count("new", n)),
        });
    }
    if !is_collection(ty.kind) {
        return None;
    }
    Some(match args {
        [] => Ok(Value::list(ty.clone(), Vec::new())),
        [Value::Int(_) | Value::Long(_) | Value::Double(_)] => Ok(Value::list(ty.clone(), Vec::new())),
        [items] => fill(ty, &items.enumerate()).map_err(|m| method_error("new", args, &m, "PSInvalidCastException")),
        _ => Err(arg_count("new", args.len())),
    })
}

/// A collection of type `ty` holding `items`, each converted to its element type.
fn fill(ty: &TypeRef, items: &[Value]) -> Result<Value, String> {
    let mut out: Vec<Value> = Vec::with_capacity(items.len());
    for i in items {
        let x = match ty.args.first() {
            Some(elem) => convert(i, elem)?,
            None => i.clone(),
        };
        if ty.kind == TypeKind::HashSet && out.iter().any(|o| dotnet_equals(o, &x)) {
            continue;
        }
        out.push(x);
    }
    if ty.kind == TypeKind::Stack {
        out.reverse();
    }
    Ok(Value::list(ty.clone(), out))
}

/// `[T]$value` for a collection type: the same object when it already is one, else a new
/// collection filled from the value's items.
pub fn convert_to(v: &Value, ty: &TypeRef) -> Result<Value, String> {
    if type_of(v) == *ty {
        return Ok(v.clone());
    }
    if v.is_null() {
        return Ok(Value::Null);
    }
    let items = match v {
        Value::Hashtable(_) => return Err(invalid_cast(v, ty)),
        other => other.enumerate(),
    };
    // 5.1 reports the whole value as not convertible, not the element that failed.
    fill(ty, &items).map_err(|_| invalid_cast(v, ty))
}

fn invalid_cast(v: &Value, ty: &TypeRef) -> String {
    crate::engine::convert::invalid_cast(v, &ty.dotnet_string())
}

/// `Object.Equals` as a .NET collection uses it: same type and value, strings ordinally —
/// no PowerShell conversion (`[ArrayList]` holding `1` does not contain `'1'`).
pub fn dotnet_equals(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Null, _) | (_, Value::Null) => false,
        (Value::Str(x), Value::Str(y)) => x == y,
        _ if a.is_scalar() || matches!(a, Value::Guid(_) | Value::DateTime(_) | Value::TimeSpan(_)) => type_of(a) == type_of(b) && ops::equals(a, b, true),
        _ => a.same_reference(b),
    }
}

/// The default comparer's order for `Sort()`: numbers by value, strings as the culture orders
/// them (case-insensitive first, lower case before upper on a tie).
fn dotnet_compare(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => {
            let folded = x.to_lowercase().cmp(&y.to_lowercase());
            folded.then_with(|| y.as_ref().cmp(x.as_ref()))
        }
        _ => ops::compare(a, b, false).unwrap_or(Ordering::Equal),
    }
}

/// `$list.Count` and the other properties of a collection object.
pub fn list_property(l: &ListObj, lower: &str) -> Option<Value> {
    let n = l.items.borrow().len() as i32;
    Some(match lower {
        "count" => Value::Int(n),
        "capacity" if matches!(l.ty.kind, TypeKind::ArrayList | TypeKind::List) => Value::Int(capacity(n)),
        "isreadonly" if l.ty.kind != TypeKind::Queue && l.ty.kind != TypeKind::Stack => Value::Bool(false),
        "isfixedsize" if l.ty.kind == TypeKind::ArrayList => Value::Bool(false),
        "issynchronized" => Value::Bool(false),
        _ => return None,
    })
}

/// .NET grows a list's array by doubling from 4.
fn capacity(n: i32) -> i32 {
    if n == 0 {
        return 0;
    }
    let mut c = 4;
    while c < n {
        c *= 2;
    }
    c
}

impl Interp {
    /// A method of a collection object; None when the collection has no such method.
    pub fn list_method(&mut self, target: &Value, l: &ListObj, lower: &str, name: &str, args: &[Value], span: Span) -> EvalResult<Value> {
        let elem = l.ty.args.first().cloned();
        // An argument converted to the element type, with 5.1's text when it does not convert.
        let item = |i: usize, param: &str| -> Result<Value, ErrorRecord> {
            let v = args.get(i).cloned().unwrap_or(Value::Null);
            match &elem {
                Some(t) => convert(&v, t).map_err(|inner| argument_error(param, &v, name, t, &inner)),
                None => Ok(v),
            }
        };
        let index = |i: usize| -> Option<i64> { args.get(i).and_then(to_num).map(|n| n.as_f64() as i64) };
        let kind = l.ty.kind;
        let len = l.items.borrow().len();
        let out_of_range = |param: &str| {
            method_error(
                name,
                args,
                &format!("Index was out of range. Must be non-negative and less than the size of the collection.\r\nParameter name: {param}"),
                "ArgumentOutOfRangeException",
            )
        };
        let r = match (lower, args.len()) {
            ("add", 1) if kind != TypeKind::Queue && kind != TypeKind::Stack => {
                let x = item(0, "item").map_err(|r| self.located(r, span))?;
                if kind == TypeKind::HashSet {
                    if l.items.borrow().iter().any(|o| dotnet_equals(o, &x)) {
                        return Ok(Value::Bool(false));
                    }
                    l.items.borrow_mut().push(x);
                    return Ok(Value::Bool(true));
                }
                l.items.borrow_mut().push(x);
                // ArrayList.Add answers the new item's index; List[T].Add answers nothing.
                if kind == TypeKind::ArrayList {
                    Value::Int(len as i32)
                } else {
                    Value::Null
                }
            }
            ("addrange", 1) if matches!(kind, TypeKind::ArrayList | TypeKind::List) => {
                let mut xs = Vec::new();
                for v in args[0].enumerate() {
                    xs.push(match &elem {
                        Some(t) => convert(&v, t).map_err(|inner| self.located(argument_error("collection", &args[0], name, &l.ty, &inner), span))?,
                        None => v,
                    });
                }
                l.items.borrow_mut().extend(xs);
                Value::Null
            }
            ("unionwith", 1) if kind == TypeKind::HashSet => {
                for v in args[0].enumerate() {
                    let x = match &elem {
                        Some(t) => convert(&v, t).map_err(|inner| self.located(argument_error("other", &args[0], name, &l.ty, &inner), span))?,
                        None => v,
                    };
                    if !l.items.borrow().iter().any(|o| dotnet_equals(o, &x)) {
                        l.items.borrow_mut().push(x);
                    }
                }
                Value::Null
            }
            ("insert", 2) if matches!(kind, TypeKind::ArrayList | TypeKind::List) => {
                let x = item(1, "item").map_err(|r| self.located(r, span))?;
                match index(0).filter(|i| (0..=len as i64).contains(i)) {
                    Some(i) => l.items.borrow_mut().insert(i as usize, x),
                    None => {
                        return Err(self.method_failure(
                            method_error(name, args, "Index must be within the bounds of the List.\r\nParameter name: index", "ArgumentOutOfRangeException"),
                            span,
                        ))
                    }
                }
                Value::Null
            }
            ("remove", 1) if matches!(kind, TypeKind::ArrayList | TypeKind::List | TypeKind::HashSet) => {
                let x = item(0, "item").map_err(|r| self.located(r, span))?;
                let pos = l.items.borrow().iter().position(|o| dotnet_equals(o, &x));
                if let Some(p) = pos {
                    l.items.borrow_mut().remove(p);
                }
                if kind == TypeKind::ArrayList {
                    Value::Null
                } else {
                    Value::Bool(pos.is_some())
                }
            }
            ("removeat", 1) if matches!(kind, TypeKind::ArrayList | TypeKind::List) => match index(0).filter(|i| (0..len as i64).contains(i)) {
                Some(i) => {
                    l.items.borrow_mut().remove(i as usize);
                    Value::Null
                }
                None => return Err(self.method_failure(out_of_range("index"), span)),
            },
            ("removerange", 2) if matches!(kind, TypeKind::ArrayList | TypeKind::List) => {
                let range = index_range(index(0), index(1), len).ok_or_else(|| self.method_failure(range_error(name, args), span))?;
                l.items.borrow_mut().drain(range);
                Value::Null
            }
            ("getrange", 2) if matches!(kind, TypeKind::ArrayList | TypeKind::List) => {
                let range = index_range(index(0), index(1), len).ok_or_else(|| self.method_failure(range_error(name, args), span))?;
                Value::list(l.ty.clone(), l.items.borrow()[range].to_vec())
            }
            ("contains", 1) => {
                let x = item(0, "item").map_err(|r| self.located(r, span))?;
                Value::Bool(l.items.borrow().iter().any(|o| dotnet_equals(o, &x)))
            }
            ("indexof" | "lastindexof", 1) if matches!(kind, TypeKind::ArrayList | TypeKind::List) => {
                let x = item(0, "item").map_err(|r| self.located(r, span))?;
                let items = l.items.borrow();
                let pos = if lower == "indexof" { items.iter().position(|o| dotnet_equals(o, &x)) } else { items.iter().rposition(|o| dotnet_equals(o, &x)) };
                Value::Int(pos.map(|p| p as i32).unwrap_or(-1))
            }
            ("sort", 0) if matches!(kind, TypeKind::ArrayList | TypeKind::List) => {
                l.items.borrow_mut().sort_by(dotnet_compare);
                Value::Null
            }
            ("reverse", 0) if matches!(kind, TypeKind::ArrayList | TypeKind::List) => {
                l.items.borrow_mut().reverse();
                Value::Null
            }
            ("clear", 0) => {
                l.items.borrow_mut().clear();
                Value::Null
            }
            ("toarray", 0) => Value::array(l.items.borrow().clone()),
            ("clone", 0) if kind != TypeKind::List && kind != TypeKind::HashSet => Value::list(l.ty.clone(), l.items.borrow().clone()),
            ("enqueue", 1) if kind == TypeKind::Queue => {
                let x = item(0, "item").map_err(|r| self.located(r, span))?;
                l.items.borrow_mut().push(x);
                Value::Null
            }
            ("push", 1) if kind == TypeKind::Stack => {
                let x = item(0, "item").map_err(|r| self.located(r, span))?;
                l.items.borrow_mut().insert(0, x);
                Value::Null
            }
            ("dequeue" | "peek", 0) if kind == TypeKind::Queue => match first_item(l) {
                Some(x) => {
                    if lower == "dequeue" {
                        l.items.borrow_mut().remove(0);
                    }
                    x
                }
                None => return Err(self.method_failure(method_error(name, args, "Queue empty.", "InvalidOperationException"), span)),
            },
            ("pop" | "peek", 0) if kind == TypeKind::Stack => match first_item(l) {
                Some(x) => {
                    if lower == "pop" {
                        l.items.borrow_mut().remove(0);
                    }
                    x
                }
                None => return Err(self.method_failure(method_error(name, args, "Stack empty.", "InvalidOperationException"), span)),
            },
            // Predicates: a script block stands for the delegate, `$args[0]`/`$_` the item.
            ("exists" | "find" | "findall" | "findindex" | "removeall" | "trueforall", 1) if kind == TypeKind::List => {
                let Value::ScriptBlock(sb) = &args[0] else {
                    return Err(self.method_failure(argument_error("match", &args[0], name, &TypeRef::foreign("System.Predicate`1"), ""), span));
                };
                let items = l.items.borrow().clone();
                let mut hits = Vec::new();
                for (i, x) in items.iter().enumerate() {
                    let got = self.capture(|me, out| me.call_block(sb, vec![x.clone()], Some(x.clone()), out))?;
                    if crate::engine::convert::to_bool(&crate::engine::value::collapse(got)) {
                        hits.push(i);
                    }
                }
                match lower {
                    "exists" => Value::Bool(!hits.is_empty()),
                    "trueforall" => Value::Bool(hits.len() == items.len()),
                    "find" => hits.first().map(|i| items[*i].clone()).unwrap_or(Value::Null),
                    "findindex" => Value::Int(hits.first().map(|i| *i as i32).unwrap_or(-1)),
                    "findall" => Value::list(l.ty.clone(), hits.iter().map(|i| items[*i].clone()).collect()),
                    _ => {
                        let kept: Vec<Value> = items.iter().enumerate().filter(|(i, _)| !hits.contains(i)).map(|(_, x)| x.clone()).collect();
                        *l.items.borrow_mut() = kept;
                        Value::Int(hits.len() as i32)
                    }
                }
            }
            _ => {
                let known = [
                    "add", "addrange", "insert", "remove", "removeat", "contains", "indexof", "sort", "reverse", "clear", "toarray", "enqueue", "dequeue",
                    "push", "pop", "peek",
                ];
                if known.contains(&lower) && self.list_has(kind, lower) {
                    return Err(self.method_failure(arg_count(name, args.len()), span));
                }
                return Err(self.method_failure(not_found(target, name), span));
            }
        };
        Ok(r)
    }

    fn list_has(&self, kind: TypeKind, lower: &str) -> bool {
        match lower {
            "enqueue" | "dequeue" => kind == TypeKind::Queue,
            "push" | "pop" => kind == TypeKind::Stack,
            "peek" => matches!(kind, TypeKind::Queue | TypeKind::Stack),
            "add" => !matches!(kind, TypeKind::Queue | TypeKind::Stack),
            "remove" => matches!(kind, TypeKind::ArrayList | TypeKind::List | TypeKind::HashSet),
            "contains" | "clear" | "toarray" => true,
            _ => matches!(kind, TypeKind::ArrayList | TypeKind::List),
        }
    }

    /// A method of a hashtable, an ordered dictionary or a `Generic.Dictionary`.
    pub fn dictionary_method(
        &mut self,
        target: &Value,
        h: &std::cell::RefCell<Hashtable>,
        lower: &str,
        name: &str,
        args: &[Value],
        span: Span,
    ) -> EvalResult<Value> {
        let generic = h.borrow().generic.clone();
        // A Dictionary converts keys and values to K and V; a hashtable takes them as they are.
        let typed = |i: usize, param: &str| -> Result<Value, ErrorRecord> {
            let v = args.get(i).cloned().unwrap_or(Value::Null);
            match generic.as_ref().and_then(|g| g.args.get(i.min(1))) {
                Some(t) => convert(&v, t).map_err(|inner| argument_error(param, &v, name, t, &inner)),
                None => Ok(v),
            }
        };
        let r = match (lower, args.len()) {
            ("containskey" | "contains", 1) => {
                let k = typed(0, "key").map_err(|r| self.located(r, span))?;
                Value::Bool(h.borrow().contains(&k))
            }
            ("containsvalue", 1) => Value::Bool(h.borrow().values().iter().any(|v| ops::equals(v, &args[0], true))),
            ("add", 2) => {
                let (k, v) = (typed(0, "key").map_err(|r| self.located(r, span))?, typed(1, "value").map_err(|r| self.located(r, span))?);
                if k.is_null() {
                    return Err(self.method_failure(method_error(name, args, "Key cannot be null.\r\nParameter name: key", "ArgumentNullException"), span));
                }
                if h.borrow().contains(&k) {
                    let text = if generic.is_some() {
                        "An item with the same key has already been added.".to_string()
                    } else {
                        let shown = crate::engine::convert::to_string(&k);
                        format!("Item has already been added. Key in dictionary: '{shown}'  Key being added: '{shown}'")
                    };
                    return Err(self.method_failure(method_error(name, args, &text, "ArgumentException"), span));
                }
                h.borrow_mut().insert(k, v);
                Value::Null
            }
            ("remove", 1) => {
                let k = typed(0, "key").map_err(|r| self.located(r, span))?;
                let removed = h.borrow_mut().remove(&k);
                if generic.is_some() {
                    Value::Bool(removed)
                } else {
                    Value::Null
                }
            }
            ("clear", 0) => {
                let fresh = match &generic {
                    Some(t) => Hashtable::dictionary((**t).clone()),
                    None => Hashtable::new(h.borrow().ordered),
                };
                *h.borrow_mut() = fresh;
                Value::Null
            }
            ("clone", 0) if generic.is_none() => {
                let mut c = Hashtable::new(h.borrow().ordered);
                for (k, v) in h.borrow().iter() {
                    c.insert(k.clone(), v.clone());
                }
                Value::hashtable(c)
            }
            ("getenumerator", 0) => Value::array(h.borrow().iter().map(|(k, v)| entry(generic.as_deref(), k, v)).collect()),
            ("trygetvalue", 2) if generic.is_some() => {
                // The second argument is a [ref]; without one the value is only tested.
                let k = typed(0, "key").map_err(|r| self.located(r, span))?;
                Value::Bool(h.borrow().contains(&k))
            }
            _ => {
                let known = ["containskey", "contains", "containsvalue", "add", "remove", "clear", "getenumerator"];
                if known.contains(&lower) {
                    return Err(self.method_failure(arg_count(name, args.len()), span));
                }
                return Err(self.method_failure(not_found(target, name), span));
            }
        };
        Ok(r)
    }

    fn method_failure(&self, rec: ErrorRecord, span: Span) -> Flow {
        self.located(rec, span)
    }
}

/// One entry of a dictionary as it enumerates: a hashtable's DictionaryEntry (Name, Key,
/// Value) or a Dictionary's KeyValuePair (Key, Value).
pub fn entry(generic: Option<&TypeRef>, k: &Value, v: &Value) -> Value {
    match generic {
        Some(g) => {
            let pair = TypeRef { kind: TypeKind::Foreign, foreign: Some(std::rc::Rc::from("System.Collections.Generic.KeyValuePair`2")), ..g.clone() };
            let mut e = PsObject::typed(&pair.full_name());
            e.add_typed("Key", "TKey", k.clone());
            e.add_typed("Value", "TValue", v.clone());
            Value::object(e)
        }
        None => {
            let mut e = PsObject::typed("System.Collections.DictionaryEntry");
            e.add_typed("Name", "System.Object", k.clone());
            e.add_typed("Key", "System.Object", k.clone());
            e.add_typed("Value", "System.Object", v.clone());
            Value::object(e)
        }
    }
}

/// `$list[i] = value`: a list's item replaced, converted to a List[T]'s element type.
pub fn set_item(l: &ListObj, i: &Value, value: Value) -> Result<(), ErrorRecord> {
    let value = match l.ty.args.first() {
        Some(t) if l.ty.kind == TypeKind::List => convert(&value, t).map_err(|inner| argument_error("value", &value, "set_Item", t, &inner))?,
        _ => value,
    };
    let len = l.items.borrow().len();
    match to_num(i).map(|n| n.as_f64() as i64).filter(|n| (0..len as i64).contains(n)) {
        Some(n) if matches!(l.ty.kind, TypeKind::ArrayList | TypeKind::List) => {
            l.items.borrow_mut()[n as usize] = value;
            Ok(())
        }
        Some(_) => Err(ErrorRecord::runtime(
            format!("Unable to index into an object of type {}.", l.ty.full_name()),
            "CannotIndex",
            crate::engine::error::ErrorCategory::InvalidOperation,
        )),
        None => Err(method_error(
            "set_Item",
            &[i.clone(), value],
            "Index was out of range. Must be non-negative and less than the size of the collection.\r\nParameter name: index",
            "ArgumentOutOfRangeException",
        )),
    }
}

/// `[array]::Reverse/Sort/IndexOf/LastIndexOf/Exists/CreateInstance`: the arrays are shared,
/// so Reverse and Sort change the caller's array in place, as .NET's do.
pub fn array_static(lower: &str, name: &str, args: &[Value]) -> Option<Result<Value, ErrorRecord>> {
    let arr = || match args.first() {
        Some(v) => v.as_list().ok_or_else(|| argument_error("array", v, name, &TypeRef::of(TypeKind::Array), &invalid_cast(v, &TypeRef::of(TypeKind::Array)))),
        None => Err(arg_count(name, 0)),
    };
    Some(match (lower, args.len()) {
        ("reverse", 1) => arr().map(|a| {
            a.borrow_mut().reverse();
            Value::Null
        }),
        ("sort", 1) => arr().map(|a| {
            a.borrow_mut().sort_by(dotnet_compare);
            Value::Null
        }),
        ("indexof" | "lastindexof", 2) => arr().map(|a| {
            let a = a.borrow();
            let pos = if lower == "indexof" { a.iter().position(|o| dotnet_equals(o, &args[1])) } else { a.iter().rposition(|o| dotnet_equals(o, &args[1])) };
            Value::Int(pos.map(|p| p as i32).unwrap_or(-1))
        }),
        ("createinstance", 2) => match (&args[0], to_num(&args[1]).map(|n| n.as_f64() as i64)) {
            (Value::Type(t), Some(n)) if n >= 0 => {
                if let Err(rec) = crate::engine::limits::check_elements(n as usize) {
                    return Some(Err(rec));
                }
                // Each element is the type's zero value: 0, $false, or $null for a reference type.
                let zero = if t.is_value_type() { convert(&Value::Null, t).unwrap_or(Value::Null) } else { Value::Null };
                Ok(Value::array(vec![zero; n as usize]))
            }
            _ => Err(method_error(name, args, "Non-negative number required.\r\nParameter name: length", "ArgumentOutOfRangeException")),
        },
        ("reverse" | "sort" | "indexof" | "lastindexof" | "createinstance", n) => Err(arg_count(name, n)),
        _ => return None,
    })
}

/// `GetRange`/`RemoveRange`'s `(index, count)` as a range of a list of `len` items, `None` when
/// it does not fit (.NET's ArgumentException).
fn index_range(index: Option<i64>, count: Option<i64>, len: usize) -> Option<std::ops::Range<usize>> {
    let (i, n) = (usize::try_from(index?).ok()?, usize::try_from(count?).ok()?);
    (i.checked_add(n)? <= len).then_some(i..i + n)
}

fn range_error(name: &str, args: &[Value]) -> ErrorRecord {
    method_error(
        name,
        args,
        "Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.",
        "ArgumentException",
    )
}
