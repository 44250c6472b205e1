//! Properties and methods of values: the .NET members scripts use on strings,
//! collections, dates and objects, member-access enumeration, and the static
//! members of the few types scripts call (`[guid]::NewGuid()`, `[math]::Round()`).

use std::rc::Rc;

use chrono::{Datelike, Timelike};

use super::convert::{self, to_num, to_string};
use super::dotnet::{
    arg_count, collections, convert_class, datetime, enums, environment, math, not_found, path, regex, registry, secure, strings, text, type_object, xml,
};
use super::error::{ErrorCategory, ErrorRecord, EvalResult};
use super::ops;
use super::runtime::Interp;
use super::value::{Native, PsObject, TypeKind, Value};
use crate::lang::ast::Span;

fn arg_str(args: &[Value], i: usize) -> String {
    args.get(i).map(to_string).unwrap_or_default()
}

fn arg_int(args: &[Value], i: usize) -> Option<i64> {
    args.get(i).and_then(to_num).map(|n| n.as_f64() as i64)
}

impl Interp {
    /// `$x.Name`: missing members give `$null`; arrays enumerate their elements' members.
    pub fn get_member(&mut self, v: &Value, name: &str) -> Value {
        let lower = name.to_ascii_lowercase();
        match v {
            Value::Null => Value::Null,
            Value::Object(o) => {
                let o = o.borrow();
                if let Some(p) = o.get(name) {
                    return p.clone();
                }
                if lower == "psobject" {
                    return psobject_view(&o);
                }
                if o.script_members.is_empty() {
                    return Value::Null;
                }
                drop(o);
                // A getter that fails reads as $null here: member access has no error path.
                self.script_property_get(v, name).and_then(Result::ok).unwrap_or(Value::Null)
            }
            Value::Hashtable(h) => {
                let h = h.borrow();
                if let Some(x) = h.get_str(name) {
                    return x.clone();
                }
                match lower.as_str() {
                    "count" => Value::Int(h.len() as i32),
                    "keys" => Value::array(h.keys()),
                    "values" => Value::array(h.values()),
                    _ => Value::Null,
                }
            }
            Value::List(l) if collections::list_property(l, &lower).is_some() => collections::list_property(l, &lower).unwrap_or(Value::Null),
            Value::Array(_) | Value::List(_) => match lower.as_str() {
                "count" | "length" if matches!(v, Value::Array(_)) => Value::Int(v.enumerate().len() as i32),
                "rank" if matches!(v, Value::Array(_)) => Value::Int(1),
                _ => {
                    // Member-access enumeration: each item's member, flattened one level.
                    let items = v.enumerate();
                    let mut out = Vec::new();
                    for i in items {
                        match self.get_member(&i, name) {
                            Value::Null => {}
                            Value::Array(inner) => out.extend(inner.borrow().iter().cloned()),
                            x => out.push(x),
                        }
                    }
                    match out.len() {
                        0 => Value::Null,
                        1 => out.pop().unwrap_or(Value::Null),
                        _ => Value::array(out),
                    }
                }
            },
            Value::Str(s) => match lower.as_str() {
                "length" => Value::Int(s.chars().count() as i32),
                _ => Value::Null,
            },
            Value::DateTime(d) if datetime::property(d, &lower).is_some() => datetime::property(d, &lower).unwrap_or(Value::Null),
            Value::DateTime(d) => match lower.as_str() {
                "year" => Value::Int(d.year()),
                "month" => Value::Int(d.month() as i32),
                "day" => Value::Int(d.day() as i32),
                "hour" => Value::Int(d.hour() as i32),
                "minute" => Value::Int(d.minute() as i32),
                "second" => Value::Int(d.second() as i32),
                "millisecond" => Value::Int((d.nanosecond() / 1_000_000) as i32),
                "dayofyear" => Value::Int(d.ordinal() as i32),
                "date" => Value::DateTime(d.date().and_hms_opt(0, 0, 0).unwrap_or(*d)),
                "ticks" => Value::Long(datetime_ticks(d)),
                "timeofday" => Value::TimeSpan((d.num_seconds_from_midnight() as i64) * 10_000_000),
                "datetime" => Value::str(format!("{} {}", d.format("%A, %B %-d, %Y"), d.format("%-I:%M:%S %p"))),
                _ => Value::Null,
            },
            Value::TimeSpan(t) => {
                let t = *t;
                let secs = t / 10_000_000;
                match lower.as_str() {
                    "ticks" => Value::Long(t),
                    "days" => Value::Int((secs / 86400) as i32),
                    "hours" => Value::Int(((secs / 3600) % 24) as i32),
                    "minutes" => Value::Int(((secs / 60) % 60) as i32),
                    "seconds" => Value::Int((secs % 60) as i32),
                    "milliseconds" => Value::Int(((t / 10_000) % 1000) as i32),
                    "totaldays" => Value::Double(t as f64 / 864_000_000_000.0),
                    "totalhours" => Value::Double(t as f64 / 36_000_000_000.0),
                    "totalminutes" => Value::Double(t as f64 / 600_000_000.0),
                    "totalseconds" => Value::Double(t as f64 / 10_000_000.0),
                    "totalmilliseconds" => Value::Double(t as f64 / 10_000.0),
                    _ => Value::Null,
                }
            }
            Value::Error(e) => match lower.as_str() {
                // The exception object thrown or given to Write-Error, else one made from the record.
                "exception" => match &e.exception_object {
                    Some(x) => x.clone(),
                    None => super::exceptions::exception_value(&e.exception_type, &e.message, &e.exception_properties),
                },
                "categoryinfo" => {
                    let mut o = PsObject::typed("System.Management.Automation.ErrorCategoryInfo");
                    o.add_typed("Category", "System.Management.Automation.ErrorCategory", Value::str(e.category.name()));
                    o.add_typed("Activity", "string", Value::str(&e.activity));
                    o.add_typed("Reason", "string", Value::str(e.exception_short_name()));
                    o.add_typed("TargetName", "string", Value::str(&e.target_name));
                    o.add_typed("TargetType", "string", Value::str(&e.target_type));
                    // ErrorCategoryInfo.ToString() is the error view's CategoryInfo line.
                    o.text = Some(e.category_info());
                    Value::object(o)
                }
                "fullyqualifiederrorid" => Value::str(&e.fqid),
                "targetobject" => e.target_object.clone(),
                "errordetails" => e.error_details.as_ref().map(Value::str).unwrap_or(Value::Null),
                "invocationinfo" => {
                    let mut o = PsObject::typed("System.Management.Automation.InvocationInfo");
                    if let Some(inv) = &e.invocation {
                        o.add_typed("MyCommand", "System.Management.Automation.CommandInfo", inv.command.as_ref().map(Value::str).unwrap_or(Value::Null));
                        o.add_typed("InvocationName", "string", Value::str(&inv.invocation_name));
                        if let Some((src, span)) = &inv.position {
                            let (line, col) = src.line_col(span.start);
                            o.add_typed("ScriptLineNumber", "int", Value::Int(line as i32));
                            o.add_typed("OffsetInLine", "int", Value::Int(col as i32));
                            o.add_typed("ScriptName", "string", Value::str(src.path.clone().unwrap_or_default()));
                            o.add_typed("Line", "string", Value::str(src.line_text(span.start)));
                        }
                    }
                    Value::object(o)
                }
                "scriptstacktrace" => Value::str("at <ScriptBlock>, <No file>: line 1"),
                _ => Value::Null,
            },
            Value::Type(t) => type_object::property(t, &lower).unwrap_or(Value::Null),
            Value::Native(n) => text::property(n, &lower).unwrap_or(Value::Null),
            Value::Bool(b) if lower == "ispresent" => Value::Bool(*b),
            Value::Enum(e) if lower == "value__" => Value::Long(e.value),
            Value::Guid(_)
            | Value::Int(_)
            | Value::Long(_)
            | Value::UInt(_)
            | Value::ULong(_)
            | Value::Double(_)
            | Value::Bool(_)
            | Value::Char(_)
            | Value::Enum(_)
            | Value::ScriptBlock(_) => Value::Null,
        }
    }

    /// `$x.Name = value` on objects and hashtables.
    pub fn set_member(&mut self, target: &Value, name: &str, value: Value) -> Result<(), ErrorRecord> {
        if let Value::Native(n) = target {
            if let Some(r) = text::set_property(n, name, &value) {
                return r;
            }
        }
        match target {
            Value::Hashtable(h) => {
                h.borrow_mut().insert(Value::str(name), value);
                Ok(())
            }
            Value::Object(o) => {
                if o.borrow().script_member(name).is_some() {
                    return self.script_property_set(target, name, value).unwrap_or(Ok(()));
                }
                if o.borrow_mut().set(name, value) {
                    Ok(())
                } else {
                    Err(ErrorRecord::runtime(
                        format!("The property '{name}' cannot be found on this object. Verify that the property exists and can be set."),
                        "PropertyAssignmentException",
                        ErrorCategory::InvalidOperation,
                    ))
                }
            }
            Value::Null => Err(ErrorRecord::runtime(
                format!("The property '{name}' cannot be found on this object. Verify that the property exists and can be set."),
                "PropertyNotFound",
                ErrorCategory::InvalidOperation,
            )),
            other => Err(ErrorRecord::runtime(format!("'{name}' is a ReadOnly property."), "PropertyAssignmentException", ErrorCategory::InvalidOperation)
                .with_target(other)),
        }
    }

    pub fn call_method(&mut self, target: &Value, name: &str, args: Vec<Value>, span: Span) -> EvalResult<Value> {
        let lower = name.to_ascii_lowercase();
        if let Value::Null = target {
            return Err(self.located(
                ErrorRecord::runtime("You cannot call a method on a null-valued expression.", "InvokeMethodOnNull", ErrorCategory::InvalidOperation),
                span,
            ));
        }
        if let Some(v) = self.script_cmdlet_method(target, name, &args, span)? {
            return Ok(v);
        }
        if matches!(target, Value::Object(o) if matches!(o.borrow().script_member(name), Some(super::value::ScriptMember::Method { .. }))) {
            return Ok(self.script_method_call(target, name, args, span)?.unwrap_or(Value::Null));
        }
        if let Value::Object(o) = target {
            let class = o.borrow().class.clone();
            if let Some(class) = class {
                if let Some(v) = self.call_class_method(&class, Some(target), name, args.clone(), span)? {
                    return Ok(v);
                }
            }
        }
        if let Some(v) = self.host_ui_method(target, name, &args, span)? {
            return Ok(v);
        }
        // Methods every object has.
        match lower.as_str() {
            "gettype" if args.is_empty() => {
                // An enumeration of a module or a script is known to the session, not the registry.
                if let Value::Enum(e) = target {
                    if let Some(t) = self.types.resolve(e.type_name, false) {
                        return Ok(Value::Type(t));
                    }
                }
                return Ok(Value::Type(Rc::new(registry::type_of(target))));
            }
            "tostring" if args.is_empty() => return Ok(Value::str(convert::net_to_string(target))),
            "equals" if args.len() == 1 => return Ok(Value::Bool(ops::equals(target, &args[0], true))),
            "gethashcode" if args.is_empty() => return Ok(Value::Int(to_string(target).len() as i32)),
            "foreach" | "where" => {
                if let Some(v) = self.intrinsic_method(target, &lower, &args, span)? {
                    return Ok(v);
                }
            }
            _ => {}
        }
        if let Some(v) = self.error_list_method(target, &lower, &args, span)? {
            return Ok(v);
        }
        if let Some(v) = secure::credential_method(target, &lower) {
            return Ok(v);
        }
        if let Some(v) = super::dotnet::ipaddress::method(target, &lower) {
            return Ok(v);
        }
        let r = match target {
            Value::Str(s) => strings::string_method(s, &lower, name, &args),
            Value::Array(a) => {
                let items = a.borrow().clone();
                match lower.as_str() {
                    // IList's members compare with .NET's Equals: no conversion, `'1'` is not `1`.
                    "contains" if args.len() == 1 => Ok(Value::Bool(items.iter().any(|x| collections::dotnet_equals(x, &args[0])))),
                    "indexof" if args.len() == 1 => {
                        Ok(Value::Int(items.iter().position(|x| collections::dotnet_equals(x, &args[0])).map(|i| i as i32).unwrap_or(-1)))
                    }
                    "clone" => Ok(Value::array(items)),
                    "getvalue" => Ok(arg_int(&args, 0).and_then(|i| items.get(i as usize).cloned()).unwrap_or(Value::Null)),
                    _ => Err(not_found(target, name)),
                }
            }
            Value::Hashtable(h) => return self.dictionary_method(target, h, &lower, name, &args, span),
            Value::List(l) => return self.list_method(target, l, &lower, name, &args, span),
            Value::Native(n) => match &**n {
                Native::Regex(r) => return self.regex_method(target, r, &lower, name, &args, span),
                Native::Xml(x) => return self.xml_method(target, x, &lower, name, &args, span),
                _ => text::method(target, n, &lower, name, &args),
            },
            Value::Type(t) => type_object::method(t, &lower, &args).ok_or_else(|| not_found(target, name)),
            Value::DateTime(d) if datetime::method(d, &lower, name, &args).is_some() => datetime::method(d, &lower, name, &args).unwrap_or(Ok(Value::Null)),
            Value::DateTime(d) => {
                let add = |unit_ticks: f64| -> Result<Value, ErrorRecord> {
                    let n = args.first().and_then(to_num).ok_or_else(|| arg_count(name, args.len()))?.as_f64();
                    Ok(Value::DateTime(*d + chrono::Duration::microseconds((n * unit_ticks / 10.0) as i64)))
                };
                match lower.as_str() {
                    "adddays" => add(864_000_000_000.0),
                    "addhours" => add(36_000_000_000.0),
                    "addminutes" => add(600_000_000.0),
                    "addseconds" => add(10_000_000.0),
                    "addmilliseconds" => add(10_000.0),
                    "addticks" => add(1.0),
                    "add" => match args.first() {
                        Some(Value::TimeSpan(t)) => Ok(Value::DateTime(*d + chrono::Duration::microseconds(t / 10))),
                        _ => Err(arg_count(name, args.len())),
                    },
                    "tostring" => ops::format_value(target, &arg_str(&args, 0)).map(Value::str).map_err(|m| call_error("ToString", &args, &m)),
                    "toshortdatestring" => Ok(Value::str(d.format("%-m/%-d/%Y").to_string())),
                    "tolongdatestring" => Ok(Value::str(d.format("%A, %B %-d, %Y").to_string())),
                    "toshorttimestring" => Ok(Value::str(d.format("%-I:%M %p").to_string())),
                    "tolongtimestring" => Ok(Value::str(d.format("%-I:%M:%S %p").to_string())),
                    "touniversaltime" | "tolocaltime" => Ok(target.clone()),
                    "subtract" => ops::sub(target, args.first().unwrap_or(&Value::Null)),
                    _ => Err(not_found(target, name)),
                }
            }
            Value::Guid(g) if lower == "tostring" => Ok(Value::str(match arg_str(&args, 0).as_str() {
                "N" | "n" => g.simple().to_string(),
                "B" | "b" => format!("{{{}}}", g.hyphenated()),
                _ => g.hyphenated().to_string(),
            })),
            Value::ScriptBlock(sb) if lower == "invoke" || lower == "invokereturnasis" => {
                let sb = sb.clone();
                let items = self.capture(|i, out| i.call_block(&sb, args.clone(), None, out))?;
                Ok(super::value::collapse(items))
            }
            v if v.is_numeric() && lower == "tostring" => {
                ops::format_value(v, &arg_str(&args, 0)).map(Value::str).map_err(|m| call_error("ToString", &args, &m))
            }
            v if v.is_numeric() && lower == "compareto" => Ok(Value::Int(match ops::compare(v, args.first().unwrap_or(&Value::Null), false) {
                Some(std::cmp::Ordering::Less) => -1,
                Some(std::cmp::Ordering::Greater) => 1,
                _ => 0,
            })),
            _ => Err(not_found(target, name)),
        };
        r.map_err(|rec| self.located(rec, span))
    }

    pub fn static_member(&mut self, t: &Value, name: &str, span: Span) -> EvalResult<Value> {
        let Value::Type(ty) = t else {
            return Err(self.located(not_found(t, name), span));
        };
        if let Some(v) = ty.class.as_ref().and_then(|c| c.static_value(name)) {
            return Ok(v);
        }
        let lower = name.to_ascii_lowercase();
        let v = match (ty.kind, lower.as_str()) {
            (TypeKind::Encoding, enc) if text::encoding_static(enc).is_some() => text::encoding_static(enc).unwrap_or(Value::Null),
            (kind, c) if !ty.is_array && math::constant(kind, c).is_some() => math::constant(kind, c).unwrap_or(Value::Null),
            (TypeKind::Path, c) if path::constant(c).is_some() => path::constant(c).unwrap_or(Value::Null),
            (TypeKind::Environment, p) if environment::property(p).is_some() => environment::property(p).unwrap_or(Value::Null),
            (kind, p) if secure::static_property(kind, p).is_some() => secure::static_property(kind, p).unwrap_or(Value::Null),
            (TypeKind::IpAddress, p) if super::dotnet::ipaddress::static_property(p).is_some() => {
                super::dotnet::ipaddress::static_property(p).unwrap_or(Value::Null)
            }
            (TypeKind::String, "empty") => Value::str(""),
            (TypeKind::Guid, "empty") => Value::Guid(uuid::Uuid::nil()),
            (TypeKind::DateTime, "now") | (TypeKind::DateTime, "utcnow") => Value::DateTime(self.clock.now()),
            (TypeKind::DateTime, "today") => Value::DateTime(self.clock.now().date().and_hms_opt(0, 0, 0).unwrap_or_default()),
            (TypeKind::TimeSpan, "zero") => Value::TimeSpan(0),
            (TypeKind::Enum(def), _) => match def.parse(name) {
                Some((n, v)) => Value::enum_value(def.full_name, n, v),
                None => Value::Null,
            },
            _ => Value::Null,
        };
        Ok(v)
    }

    pub fn call_static(&mut self, t: &Value, name: &str, args: Vec<Value>, span: Span) -> EvalResult<Value> {
        let Value::Type(ty) = t else {
            return Err(self.located(not_found(t, name), span));
        };
        if name.eq_ignore_ascii_case("new") {
            if let Some(made) = self.construct_script_type(ty, &args, span) {
                return made;
            }
        }
        if let Some(class) = ty.class.clone().filter(|_| !ty.is_array) {
            if let Some(v) = self.call_class_method(&class, None, name, args.clone(), span)? {
                return Ok(v);
            }
        }
        let lower = name.to_ascii_lowercase();
        let emulated = match (ty.kind, lower.as_str()) {
            (_, "new") => collections::construct(ty, &args)
                .or_else(|| text::construct(ty, &args))
                .or_else(|| regex::construct(ty, &args))
                .or_else(|| secure::construct(ty, &args))
                .or_else(|| super::host_object::construct(ty, &args))
                .or_else(|| xml::construct(ty, &args)),
            (TypeKind::IpAddress, _) if !ty.is_array => super::dotnet::ipaddress::call_static(&lower, name, &args),
            (TypeKind::Marshal, _) => {
                let memory = self.unmanaged_memory();
                secure::marshal(&memory, &lower, name, &args)
            }
            (TypeKind::Array, _) if !ty.is_array => collections::array_static(&lower, name, &args),
            (TypeKind::String, _) if !ty.is_array => strings::string_static(&lower, name, &args),
            (TypeKind::Char, _) if !ty.is_array => strings::char_static(&lower, name, &args),
            (TypeKind::Convert, _) => convert_class::call(&lower, name, &args),
            (TypeKind::Math, _) => math::call(&lower, name, &args),
            (TypeKind::DateTime, _) if !ty.is_array => datetime::call_static(&lower, name, &args),
            (TypeKind::Foreign, _) if ty.full_name() == "System.Enum" => enums::call(&lower, name, &args),
            (TypeKind::Foreign, _) if ty.full_name() == super::dotnet::language_parser::PARSER => super::dotnet::language_parser::call(&lower, &args),
            (TypeKind::Environment, _) => environment::call(&lower, name, &args, &mut self.env),
            (TypeKind::Path, _) => {
                let temp = self.env.get("temp").map(|(_, v)| v.clone()).unwrap_or_default();
                path::call(&lower, name, &args, &temp)
            }
            (TypeKind::Double, _) if !ty.is_array => math::double_static(&lower, name, &args),
            _ => None,
        };
        if let Some(r) = emulated {
            return r.map_err(|rec| self.located(rec, span));
        }
        if ty.kind == TypeKind::Regex && !ty.is_array {
            if let Some(r) = self.regex_static(&lower, name, &args, span) {
                return r;
            }
        }
        let num = |i: usize| args.get(i).and_then(to_num).map(|n| n.as_f64());
        let r: Result<Value, ErrorRecord> = match (ty.kind, lower.as_str()) {
            (TypeKind::Guid, "newguid") => Ok(Value::Guid(self.new_guid())),
            (kind, "tryparse") if args.len() == 2 && !ty.is_array && super::dotnet::reference::has_try_parse(kind) => {
                Ok(super::dotnet::reference::try_parse(kind, &to_string(&args[0]), &args[1]).unwrap_or(Value::Bool(false)))
            }
            (TypeKind::Guid, "parse") => convert::convert(args.first().unwrap_or(&Value::Null), ty).map_err(|m| call_error("Parse", &args, &m)),
            (TypeKind::Int | TypeKind::Long | TypeKind::Double | TypeKind::UInt | TypeKind::DateTime | TypeKind::TimeSpan, "parse") => {
                convert::convert(args.first().unwrap_or(&Value::Null), ty).map_err(|m| call_error("Parse", &args, &m))
            }
            (TypeKind::TimeSpan, f) if f.starts_with("from") => {
                let unit = match f {
                    "fromdays" => 864_000_000_000.0,
                    "fromhours" => 36_000_000_000.0,
                    "fromminutes" => 600_000_000.0,
                    "fromseconds" => 10_000_000.0,
                    "frommilliseconds" => 10_000.0,
                    _ => 1.0,
                };
                num(0).map(|x| Value::TimeSpan((x * unit) as i64)).ok_or_else(|| arg_count(name, args.len()))
            }
            (TypeKind::Console, "writeline") => {
                self.host.write_host(&arg_str(&args, 0), true);
                Ok(Value::Null)
            }
            (TypeKind::Enum(def), "getnames") => Ok(Value::array(def.members.iter().map(|(n, _)| Value::str(n)).collect())),
            _ => Err(ErrorRecord::runtime(
                format!("Method invocation failed because [{}] does not contain a method named '{}'.", ty.full_name(), name),
                "MethodNotFound",
                ErrorCategory::InvalidOperation,
            )),
        };
        r.map_err(|rec| self.located(rec, span))
    }

    /// The unmanaged memory Marshal's functions hand out, made on first use.
    fn unmanaged_memory(&mut self) -> Rc<std::cell::RefCell<secure::Unmanaged>> {
        if self.extension::<Rc<std::cell::RefCell<secure::Unmanaged>>>().is_none() {
            self.add_extension(Rc::new(std::cell::RefCell::new(secure::Unmanaged::default())));
        }
        self.extension::<Rc<std::cell::RefCell<secure::Unmanaged>>>().cloned().unwrap_or_default()
    }

    /// A new GUID: random, unless the layers above installed a deterministic source.
    pub fn new_guid(&mut self) -> uuid::Uuid {
        match self.guid_source.as_mut() {
            Some(f) => f(),
            None => uuid::Uuid::new_v4(),
        }
    }
}

fn call_error(method: &str, args: &[Value], inner: &str) -> ErrorRecord {
    ErrorRecord::runtime(
        format!("Exception calling \"{method}\" with \"{}\" argument(s): \"{inner}\"", args.len()),
        "MethodInvocationException",
        ErrorCategory::NotSpecified,
    )
}

fn datetime_ticks(d: &chrono::NaiveDateTime) -> i64 {
    let epoch = chrono::NaiveDate::from_ymd_opt(1, 1, 1).and_then(|x| x.and_hms_opt(0, 0, 0)).unwrap_or_default();
    (*d - epoch).num_microseconds().unwrap_or(0) * 10
}

/// `.PSObject`: the members view (`.PSObject.Properties`, `.PSObject.TypeNames`).
fn psobject_view(o: &PsObject) -> Value {
    let mut view = PsObject::typed("System.Management.Automation.PSObject");
    let props: Vec<Value> = o
        .props
        .iter()
        .map(|p| {
            let mut info = PsObject::typed(if p.kind == super::value::PropKind::Note {
                "System.Management.Automation.PSNoteProperty"
            } else {
                "System.Management.Automation.PSProperty"
            });
            info.add_typed("Name", "string", Value::str(&p.name));
            info.add_typed("Value", "System.Object", p.value.clone());
            info.add_typed(
                "MemberType",
                "System.Management.Automation.PSMemberTypes",
                Value::str(if p.kind == super::value::PropKind::Note { "NoteProperty" } else { "Property" }),
            );
            info.add_typed("TypeNameOfValue", "string", Value::str(p.value.type_name()));
            Value::object(info)
        })
        .collect();
    view.add_typed("Properties", "System.Management.Automation.PSMemberInfoCollection", Value::array(props));
    view.add_typed("TypeNames", "System.Collections.ObjectModel.Collection", Value::array(o.type_names.iter().map(Value::str).collect()));
    Value::object(view)
}
