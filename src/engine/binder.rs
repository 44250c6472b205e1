//! Parameter binding as Windows PowerShell 5.1 does it: named arguments (with
//! unambiguous prefixes), then positional ones, then type conversion and
//! validation, then the mandatory check; pipeline input per record, by value
//! and then by property name. Every failure carries 5.1's message text.

use std::rc::Rc;

use crate::lang::ast::Span;

use super::command::{Args, CommandInfo, CommandType, ParamSpec};
use super::convert;
use super::ctx::CommonParams;
use super::error::{ErrorCategory, ErrorRecord, EvalResult, Flow, InvocationInfo};
use super::runtime::Interp;
use super::types;
use super::value::{TypeKind, Value};
use prompt::FieldInput;

/// An evaluated command argument, before binding.
#[derive(Debug, Clone)]
pub enum ArgItem {
    Named { name: String, text: String, value: Option<Value>, span: Span },
    Positional { value: Value, span: Span },
}

pub struct Bound {
    pub args: Args,
    pub common: CommonParams,
    /// Arguments no parameter took (`$args` of a simple function).
    pub remaining: Vec<Value>,
    /// Mandatory parameters left for pipeline input to supply.
    pub deferred: Vec<String>,
}

struct Common {
    name: &'static str,
    alias: &'static str,
    kind: TypeKind,
}

const COMMON: &[Common] = &[
    Common { name: "Verbose", alias: "vb", kind: TypeKind::Switch },
    Common { name: "Debug", alias: "db", kind: TypeKind::Switch },
    Common { name: "ErrorAction", alias: "ea", kind: TypeKind::Enum(&types::ACTION_PREFERENCE) },
    Common { name: "WarningAction", alias: "wa", kind: TypeKind::Enum(&types::ACTION_PREFERENCE) },
    Common { name: "InformationAction", alias: "infa", kind: TypeKind::Enum(&types::ACTION_PREFERENCE) },
    Common { name: "ErrorVariable", alias: "ev", kind: TypeKind::String },
    Common { name: "WarningVariable", alias: "wv", kind: TypeKind::String },
    Common { name: "InformationVariable", alias: "iv", kind: TypeKind::String },
    Common { name: "OutVariable", alias: "ov", kind: TypeKind::String },
    Common { name: "OutBuffer", alias: "ob", kind: TypeKind::Int },
    Common { name: "PipelineVariable", alias: "pv", kind: TypeKind::String },
];

/// The risk mitigation parameters of a command that supports ShouldProcess.
const SHOULD_PROCESS: &[Common] =
    &[Common { name: "WhatIf", alias: "wi", kind: TypeKind::Switch }, Common { name: "Confirm", alias: "cf", kind: TypeKind::Switch }];

/// The common parameters a command takes: the usual ones, and `-WhatIf`/`-Confirm` when it
/// supports ShouldProcess.
fn commons(info: &CommandInfo) -> impl Iterator<Item = &'static Common> {
    let should_process: &'static [Common] = if info.supports_should_process { SHOULD_PROCESS } else { &[] };
    let on = info.common_params;
    COMMON.iter().chain(should_process.iter()).filter(move |_| on)
}

/// The names of the common parameters, for help and completion.
pub fn common_parameter_names() -> Vec<&'static str> {
    COMMON.iter().map(|c| c.name).collect()
}

/// The common parameters a command takes, in 5.1's order, each with its alias and type
/// (`CommandInfo.Parameters` lists them after the command's own).
pub fn common_parameters(info: &CommandInfo) -> Vec<(&'static str, &'static str, TypeKind)> {
    commons(info).map(|c| (c.name, c.alias, c.kind)).collect()
}

#[derive(Clone, Copy)]
enum Target<'a> {
    Declared(&'a ParamSpec),
    Common(&'a Common),
}

impl Target<'_> {
    fn name(&self) -> &str {
        match self {
            Target::Declared(p) => &p.name,
            Target::Common(c) => c.name,
        }
    }
    fn is_switch(&self) -> bool {
        match self {
            Target::Declared(p) => p.is_switch(),
            Target::Common(c) => c.kind == TypeKind::Switch,
        }
    }
}

fn binding_error(
    info: &CommandInfo,
    invocation: &InvocationInfo,
    span: Option<Span>,
    id: &str,
    category: ErrorCategory,
    exception: &str,
    message: String,
) -> Flow {
    let suffix = error_suffix(info);
    let fqid = if suffix.is_empty() { id.to_string() } else { format!("{id},{suffix}") };
    let mut rec = ErrorRecord::new(message, exception, category, fqid);
    rec.activity = info.name.clone();
    let mut inv = invocation.clone();
    if let (Some(span), Some((src, _))) = (span, &invocation.position) {
        inv.position = Some((src.clone(), span));
    }
    rec.invocation = Some(inv);
    Flow::error(rec)
}

/// What a binding error's id ends in: a cmdlet's class, a function's name.
fn error_suffix(info: &CommandInfo) -> String {
    if info.kind == CommandType::Cmdlet {
        info.class_name.clone()
    } else {
        info.name.clone()
    }
}

const PBE: &str = "System.Management.Automation.ParameterBindingException";

fn resolve<'a>(info: &'a CommandInfo, name: &str) -> Result<Target<'a>, Vec<String>> {
    let declared = info.params.iter();
    if let Some(p) = info.params.iter().find(|p| p.matches_name(name)) {
        return Ok(Target::Declared(p));
    }
    if let Some(c) = commons(info).find(|c| c.name.eq_ignore_ascii_case(name) || c.alias.eq_ignore_ascii_case(name)) {
        return Ok(Target::Common(c));
    }
    let lower = name.to_ascii_lowercase();
    let starts = |s: &str| s.to_ascii_lowercase().starts_with(&lower);
    let d: Vec<&ParamSpec> = declared.filter(|p| starts(&p.name) || p.aliases.iter().any(|a| starts(a))).collect();
    let c: Vec<&Common> = commons(info).filter(|c| starts(c.name)).collect();
    match (d.len(), c.len()) {
        (1, _) => Ok(Target::Declared(d[0])),
        (0, 1) => Ok(Target::Common(c[0])),
        (0, 0) => Err(Vec::new()),
        _ => Err(d.iter().map(|p| p.name.clone()).chain(c.iter().map(|c| c.name.to_string())).collect()),
    }
}

/// Binds arguments for one invocation. `has_input` says pipeline input will come,
/// so mandatory parameters it can supply are not missing yet.
pub fn bind(interp: &mut Interp, info: &CommandInfo, items: Vec<ArgItem>, has_input: bool, invocation: &InvocationInfo, position: usize) -> EvalResult<Bound> {
    let mut args = Args::default();
    let mut common = CommonParams::default();
    let mut spans: Vec<(String, Span)> = Vec::new();
    // Each argument keeps its place in the command line, so that what no parameter takes
    // reaches `$args` (or a ValueFromRemainingArguments parameter) in the order it was written.
    let mut positional: Vec<(usize, Value, Span)> = Vec::new();
    let mut unbound: Vec<(usize, Value)> = Vec::new();
    let simple_function = info.kind == CommandType::Function && !info.common_params;
    let remaining_param = info.params.iter().find(|p| p.remaining);
    let mut iter = items.into_iter().enumerate().peekable();
    while let Some((index, item)) = iter.next() {
        match item {
            ArgItem::Positional { value, span } => positional.push((index, value, span)),
            ArgItem::Named { name, text, value, span } => {
                let target = match resolve(info, &name) {
                    Ok(t) => t,
                    Err(candidates) if candidates.is_empty() => {
                        // An unknown `-name` stays unbound (5.1's ReparseUnboundArguments), the value
                        // after it positional: a simple function's `$args`, or a string for a
                        // ValueFromRemainingArguments parameter, gets it.
                        if simple_function || remaining_param.is_some() && info.kind == CommandType::Function {
                            unbound.push((index, Value::str(&text)));
                            if let Some(v) = value {
                                unbound.push((index, v));
                            }
                            continue;
                        }
                        return Err(binding_error(
                            info,
                            invocation,
                            Some(span),
                            "NamedParameterNotFound",
                            ErrorCategory::InvalidArgument,
                            PBE,
                            format!("A parameter cannot be found that matches parameter name '{name}'."),
                        ));
                    }
                    Err(candidates) => {
                        let list: String = candidates.iter().map(|c| format!(" -{c}")).collect();
                        return Err(binding_error(
                            info,
                            invocation,
                            Some(span),
                            "AmbiguousParameter",
                            ErrorCategory::InvalidArgument,
                            PBE,
                            format!("Parameter cannot be processed because the parameter name '{name}' is ambiguous. Possible matches include:{list}."),
                        ));
                    }
                };
                let pname = target.name().to_string();
                if spans.iter().any(|(n, _)| n.eq_ignore_ascii_case(&pname)) {
                    return Err(binding_error(info, invocation, Some(span), "ParameterAlreadyBound", ErrorCategory::InvalidArgument, PBE, format!("Cannot bind parameter because parameter '{pname}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".")));
                }
                let (value, vspan) = match value {
                    Some(v) => (v, span),
                    None if target.is_switch() => (Value::Bool(true), span),
                    None => match iter.peek() {
                        Some((_, ArgItem::Positional { .. })) => match iter.next() {
                            Some((_, ArgItem::Positional { value, span: s })) => (value, s),
                            _ => unreachable!("peeked a positional argument"),
                        },
                        _ => {
                            let ty = match &target {
                                Target::Declared(p) => p.ty.full_name(),
                                Target::Common(c) => super::value::TypeRef::of(c.kind).full_name(),
                            };
                            return Err(binding_error(
                                info,
                                invocation,
                                Some(span),
                                "MissingArgument",
                                ErrorCategory::InvalidArgument,
                                PBE,
                                format!("Missing an argument for parameter '{pname}'. Specify a parameter of type '{ty}' and try again."),
                            ));
                        }
                    },
                };
                spans.push((pname.clone(), vspan));
                match target {
                    Target::Declared(p) => {
                        let v = convert_arg(interp, info, invocation, p, value, vspan)?;
                        args.set_value(&p.name, v);
                    }
                    Target::Common(c) => set_common(&mut common, c, &value, info, invocation, vspan)?,
                }
            }
        }
    }
    // Positional arguments fill positioned parameters in order, within the sets still possible.
    let mut extra: Vec<(usize, Value, Span)> = Vec::new();
    let mut slots = positions::Positions::new(info, &args);
    let mut by_position = Vec::new();
    for (index, value, span) in positional {
        match slots.next() {
            Some(p) => {
                let v = convert_arg(interp, info, invocation, p, value, span)?;
                args.set_value(&p.name, v);
                spans.push((p.name.clone(), span));
                by_position.push(p.name.clone());
            }
            None => extra.push((index, value, span)),
        }
    }
    // 5.1 applies $PSDefaultParameterValues after the positional arguments, so a default can
    // still pick the parameter set and satisfy a mandatory parameter.
    let state = defaults::BindingState { named: &spans, positional: &by_position };
    defaults::apply(interp, info, invocation, &mut args, &mut common, &state)?;
    if !extra.is_empty() || !unbound.is_empty() {
        if remaining_param.is_some() || simple_function {
            unbound.extend(std::mem::take(&mut extra).into_iter().map(|(i, v, _)| (i, v)));
            unbound.sort_by_key(|(i, _)| *i);
        }
        if let Some(p) = remaining_param {
            let values: Vec<Value> = std::mem::take(&mut unbound).into_iter().map(|(_, v)| v).collect();
            args.set_value(&p.name, Value::array(values));
        } else if !extra.is_empty() {
            let (_, v, span) = &extra[0];
            return Err(binding_error(
                info,
                invocation,
                Some(*span),
                "PositionalParameterNotFound",
                ErrorCategory::InvalidArgument,
                PBE,
                format!("A positional parameter cannot be found that accepts argument '{}'.", arg_text(v)),
            ));
        }
    }
    args.set = resolve_set(info, &args).map_err(|_| {
        binding_error(
            info,
            invocation,
            None,
            "AmbiguousParameterSet",
            ErrorCategory::InvalidArgument,
            PBE,
            "Parameter set cannot be resolved using the specified named parameters.".into(),
        )
    })?;
    // Mandatory parameters not given: pipeline input may still supply them.
    let mut deferred = Vec::new();
    let mut missing: Vec<&ParamSpec> = Vec::new();
    for p in info.params.iter().filter(|p| p.mandatory && in_set(p, args.set.as_deref())) {
        if args.has(&p.name) {
            continue;
        }
        if has_input && (p.from_pipeline || p.from_pipeline_by_name) {
            deferred.push(p.name.clone());
        } else {
            missing.push(p);
        }
    }
    if !missing.is_empty() {
        if interp.host.is_interactive() {
            prompt_missing(interp, info, &mut args, &missing, invocation, position)?;
        } else {
            let names: String = missing.iter().map(|p| format!(" {}", p.name)).collect();
            return Err(binding_error(
                info,
                invocation,
                None,
                "MissingMandatoryParameter",
                ErrorCategory::InvalidArgument,
                PBE,
                format!("Cannot process command because of one or more missing mandatory parameters:{names}."),
            ));
        }
    }
    let remaining = unbound.into_iter().map(|(_, v)| v).collect();
    Ok(Bound { args, common, remaining, deferred })
}

/// 5.1's prompt for missing mandatory parameters: a blank line, the caption and
/// message, then one `Name: ` field per parameter (`Name[0]: `... for arrays, an
/// empty line ending the list). Input that does not convert is asked again.
fn prompt_missing(
    interp: &mut Interp,
    info: &CommandInfo,
    args: &mut Args,
    missing: &[&ParamSpec],
    invocation: &InvocationInfo,
    position: usize,
) -> EvalResult<()> {
    interp.host.write_host("", true);
    interp.host.write_prompt_line(&format!("cmdlet {} at command pipeline position {}", info.name, position));
    interp.host.write_prompt_line("Supply values for the following parameters:");
    if missing.iter().any(|p| !p.help.is_empty()) {
        interp.host.write_prompt_line(prompt::PROMPT_HELP);
    }
    let element = |p: &ParamSpec| p.ty.element();
    for p in missing {
        let value = if p.ty.is_array {
            let mut items = Vec::new();
            loop {
                let Some(input) = prompt::read_field(interp, &format!("{}[{}]: ", p.name, items.len()), p) else {
                    return Err(Flow::Interrupted);
                };
                let line = match input {
                    FieldInput::Typed(line) if line.is_empty() => break,
                    FieldInput::Typed(line) | FieldInput::Escaped(line) => line,
                    FieldInput::Null => {
                        items.push(Value::Null);
                        continue;
                    }
                };
                match prompt_convert(interp, &line, &element(p)) {
                    Some(v) => items.push(v),
                    None => continue,
                }
            }
            Value::array(items)
        } else {
            loop {
                let Some(input) = prompt::read_field(interp, &format!("{}: ", p.name), p) else {
                    return Err(Flow::Interrupted);
                };
                let line = match input {
                    FieldInput::Typed(line) | FieldInput::Escaped(line) => line,
                    FieldInput::Null => break Value::Null,
                };
                if let Some(v) = prompt_convert(interp, &line, &element(p)) {
                    break v;
                }
            }
        };
        let v = convert_arg(interp, info, invocation, p, value, Span::default())?;
        args.set_value(&p.name, v);
    }
    Ok(())
}

/// Converts prompt input; on a format error says so (as the console host does) and gives `None`.
fn prompt_convert(interp: &mut Interp, line: &str, ty: &super::value::TypeRef) -> Option<Value> {
    if matches!(ty.kind, TypeKind::Object | TypeKind::String) {
        return Some(Value::str(line));
    }
    match convert::convert(&Value::str(line), ty) {
        Ok(v) => Some(v),
        Err(_) => {
            interp.host.write_prompt_line(&format!("Cannot recognize \"{}\" as a {} due to a format error.", line, ty.full_name()));
            None
        }
    }
}

fn arg_text(v: &Value) -> String {
    v.to_display_string()
}

fn set_common(common: &mut CommonParams, c: &Common, value: &Value, info: &CommandInfo, invocation: &InvocationInfo, span: Span) -> EvalResult<()> {
    let as_pref = |v: &Value| -> EvalResult<String> {
        convert::convert_enum(v, &types::ACTION_PREFERENCE).map(|e| e.to_display_string()).map_err(|m| {
            binding_error(
                info,
                invocation,
                Some(span),
                "CannotConvertArgumentNoMessage",
                ErrorCategory::InvalidArgument,
                PBE,
                format!("Cannot bind parameter '{}'. {m}", c.name),
            )
        })
    };
    match c.name {
        "Verbose" => common.verbose = Some(convert::to_bool(value)),
        "Debug" => common.debug = Some(convert::to_bool(value)),
        "ErrorAction" => common.error_action = Some(as_pref(value)?),
        "WarningAction" => common.warning_action = Some(as_pref(value)?),
        "ErrorVariable" => common.error_variable = Some(value.to_display_string()),
        "OutVariable" => common.out_variable = Some(value.to_display_string()),
        "WhatIf" => common.what_if = Some(convert::to_bool(value)),
        "Confirm" => common.confirm = Some(convert::to_bool(value)),
        _ => {}
    }
    Ok(())
}

/// Converts and validates one argument for a parameter.
fn convert_arg(interp: &mut Interp, info: &CommandInfo, invocation: &InvocationInfo, p: &ParamSpec, value: Value, span: Span) -> EvalResult<Value> {
    let is_function = info.kind == CommandType::Function;
    // A compiled cmdlet's null and empty checks come first; a script parameter's follow its
    // validation attributes (`validate::validate`).
    if (p.mandatory && !is_function) || p.not_null_or_empty {
        let empty_kind = match &value {
            Value::Null if !p.allow_null => Some(("ParameterArgumentValidationErrorNullNotAllowed", "null")),
            Value::Str(s) if s.is_empty() && !p.allow_empty_string => Some(("ParameterArgumentValidationErrorEmptyStringNotAllowed", "an empty string")),
            Value::Array(a) if a.borrow().is_empty() && p.ty.is_array && !p.allow_empty_collection => {
                Some(("ParameterArgumentValidationErrorEmptyArrayNotAllowed", "an empty array"))
            }
            _ => None,
        };
        if let Some((id, what)) = empty_kind {
            let msg = if what == "null" {
                format!("Cannot bind argument to parameter '{}' because it is null.", p.name)
            } else {
                format!("Cannot bind argument to parameter '{}' because it is {what}.", p.name)
            };
            let exc = "System.Management.Automation.ParameterBindingValidationException";
            return Err(binding_error(info, invocation, Some(span), id, ErrorCategory::InvalidData, exc, msg));
        }
    }
    let converted = if p.is_switch() {
        Value::Bool(convert::to_bool(&value))
    } else if p.ty.kind == TypeKind::Object && !p.ty.is_array || is_function && value.is_null() && p.ty.kind != TypeKind::Bool {
        value
    } else {
        let v = if p.ty.is_array && !matches!(value, Value::Array(_)) { Value::array(vec![value.clone()]) } else { value.clone() };
        let simple_string_join = p.ty.kind == TypeKind::String && !p.ty.is_array && matches!(value, Value::Array(_));
        if simple_string_join && is_function && !info.common_params {
            Value::str(value.to_display_string())
        } else if simple_string_join {
            let exc = "System.Management.Automation.ParameterBindingArgumentTransformationException";
            let msg = if is_function {
                format!("Cannot process argument transformation on parameter '{}'. Cannot convert value to type System.String.", p.name)
            } else {
                format!("Cannot bind parameter '{}'. Cannot convert value to type System.String.", p.name)
            };
            let id = if is_function { "ParameterArgumentTransformationError" } else { "CannotConvertArgument" };
            return Err(binding_error(info, invocation, Some(span), id, ErrorCategory::InvalidData, exc, msg));
        } else {
            // Through the interpreter: a script class takes a hashtable's keys as its properties,
            // a script enum any integer.
            let converted = match interp.convert_to(&v, &p.ty, span) {
                Ok(c) => Ok(c),
                Err(Flow::Error(rec)) => Err(rec.message.clone()),
                Err(other) => return Err(other),
            };
            match converted {
                Ok(c) => c,
                Err(m) => {
                    return Err(if is_function {
                        binding_error(
                            info,
                            invocation,
                            Some(span),
                            "ParameterArgumentTransformationError",
                            ErrorCategory::InvalidData,
                            "System.Management.Automation.ParameterBindingArgumentTransformationException",
                            format!("Cannot process argument transformation on parameter '{}'. {m}", p.name),
                        )
                    } else {
                        binding_error(
                            info,
                            invocation,
                            Some(span),
                            "CannotConvertArgumentNoMessage",
                            ErrorCategory::InvalidArgument,
                            PBE,
                            format!("Cannot bind parameter '{}'. {m}", p.name),
                        )
                    });
                }
            }
        }
    };
    if let Some(set) = &p.validate_set {
        for item in converted.enumerate() {
            let text = item.to_display_string();
            if !set.iter().any(|s| s.eq_ignore_ascii_case(&text)) {
                let exc = "System.Management.Automation.ParameterBindingValidationException";
                return Err(binding_error(
                    info,
                    invocation,
                    Some(span),
                    "ParameterArgumentValidationError",
                    ErrorCategory::InvalidData,
                    exc,
                    format!("Cannot validate argument on parameter '{}'. The argument \"{}\" does not belong to the set \"{}\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.", p.name, text, set.join(",")),
                ));
            }
        }
    }
    if p.not_null_or_empty {
        if let Value::Array(a) = &converted {
            if a.borrow().iter().any(|v| v.is_null()) {
                let exc = "System.Management.Automation.ParameterBindingValidationException";
                return Err(binding_error(info, invocation, Some(span), "ParameterArgumentValidationError", ErrorCategory::InvalidData, exc, format!("Cannot validate argument on parameter '{}'. The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again.", p.name)));
            }
        }
    }
    if is_function {
        validate::validate(interp, info, invocation, p, &converted, span)?;
    } else {
        validate::validators(interp, info, invocation, p, &converted, span)?;
    }
    Ok(converted)
}

fn in_set(p: &ParamSpec, set: Option<&str>) -> bool {
    match set {
        None => true,
        Some(s) => p.sets.is_empty() || p.sets.iter().any(|n| n.eq_ignore_ascii_case(s)),
    }
}

/// The first set other than the chosen one that allows every bound argument and has a
/// by-value pipeline parameter this record converts to, with that parameter (compiled
/// cmdlets only: a function's parameters convert with their own attributes).
fn other_set_taking<'a>(info: &'a CommandInfo, base: &Args, obj: &Value) -> Option<(String, &'a ParamSpec)> {
    if info.kind != CommandType::Cmdlet {
        return None;
    }
    let chosen = base.set.as_deref()?;
    let allows = |set: &str| base.values.iter().all(|(n, _)| info.params.iter().find(|p| p.name.eq_ignore_ascii_case(n)).is_none_or(|p| in_set(p, Some(set))));
    info.set_names().into_iter().filter(|s| !s.eq_ignore_ascii_case(chosen) && allows(s)).find_map(|set| {
        let p = info.params.iter().find(|p| {
            p.from_pipeline && !p.sets.is_empty() && in_set(p, Some(&set)) && (p.ty.kind == TypeKind::Object || convert::convert(obj, &p.ty).is_ok())
        })?;
        Some((set, p))
    })
}

/// Picks the parameter set the bound parameters allow; the default set breaks ties.
fn resolve_set(info: &CommandInfo, args: &Args) -> Result<Option<String>, ()> {
    let sets = info.set_names();
    if sets.is_empty() {
        return Ok(None);
    }
    let candidates: Vec<&String> = sets
        .iter()
        .filter(|s| args.values.iter().all(|(n, _)| info.params.iter().find(|p| p.name.eq_ignore_ascii_case(n)).is_none_or(|p| in_set(p, Some(s)))))
        .collect();
    match candidates.len() {
        0 => Err(()),
        1 => Ok(Some(candidates[0].clone())),
        _ => {
            if let Some(d) = &info.default_set {
                if candidates.iter().any(|c| c.eq_ignore_ascii_case(d)) {
                    return Ok(Some(d.clone()));
                }
            }
            // Prefer a set whose mandatory parameters are all bound.
            let complete: Vec<&&String> = candidates
                .iter()
                .filter(|s| info.params.iter().filter(|p| p.mandatory && p.sets.iter().any(|n| n.eq_ignore_ascii_case(s))).all(|p| args.has(&p.name)))
                .collect();
            Ok(Some(complete.first().map(|s| (**s).clone()).unwrap_or_else(|| candidates[0].clone())))
        }
    }
}

/// Binds one pipeline record: by value first, then by property name. `None`
/// when the record bound nothing (the error is already written).
pub fn bind_pipeline(
    interp: &mut Interp,
    info: &CommandInfo,
    base: &Args,
    obj: &Value,
    deferred: &[String],
    invocation: &InvocationInfo,
) -> EvalResult<Option<Args>> {
    let mut args = base.clone();
    let mut bound_any = false;
    // A record's binding errors point at the command it was piped to.
    let at = invocation.position.as_ref().map(|(_, s)| *s).unwrap_or_default();
    for p in info.params.iter().filter(|p| p.from_pipeline && in_set(p, base.set.as_deref())) {
        if base.has(&p.name) {
            continue;
        }
        let v = if p.ty.kind == TypeKind::Object { Ok(obj.clone()) } else { convert::convert(obj, &p.ty) };
        if let Ok(v) = v {
            // A script parameter's validation runs on each record; a failure skips the record.
            let v = if info.kind == CommandType::Function {
                match convert_arg(interp, info, invocation, p, obj.clone(), at) {
                    Ok(v) => v,
                    Err(Flow::Error(rec)) => {
                        interp.report_error(rec);
                        return Ok(None);
                    }
                    Err(e) => return Err(e),
                }
            } else {
                v
            };
            args.set_value(&p.name, v);
            bound_any = true;
            break;
        }
    }
    // Nothing of the chosen set took the record by value: another set the bound arguments
    // allow may (a string piped to `Select-String x`, whose default set wants a -Path), before
    // any binding by property name, as 5.1 binds by value first.
    let mut switched = false;
    if !bound_any && base.set.is_some() {
        if let Some((set, p)) = other_set_taking(info, base, obj) {
            let v = if p.ty.kind == TypeKind::Object { obj.clone() } else { convert::convert(obj, &p.ty).unwrap_or(Value::Null) };
            args.set_value(&p.name, v);
            args.set = Some(set);
            bound_any = true;
            switched = true;
        }
    }
    // By property name: an object's properties, or a .NET value's (a string's Length).
    let by_name_source = match obj {
        Value::Object(_) => true,
        Value::Null | Value::Hashtable(_) | Value::Array(_) => false,
        _ => info.kind == CommandType::Function,
    };
    if by_name_source {
        let set = args.set.clone();
        for p in info.params.iter().filter(|p| p.from_pipeline_by_name && (!switched || in_set(p, set.as_deref()))) {
            if base.has(&p.name) || args.has(&p.name) {
                continue;
            }
            let found = match obj {
                Value::Object(o) => {
                    let o = o.borrow();
                    std::iter::once(&p.name).chain(p.aliases.iter()).find_map(|n| o.get(n).cloned())
                }
                other => std::iter::once(&p.name).chain(p.aliases.iter()).map(|n| interp.get_member(other, n)).find(|v| !v.is_null()),
            };
            if let Some(v) = found {
                let v = match convert_arg(interp, info, invocation, p, v, at) {
                    Ok(v) => v,
                    Err(Flow::Error(rec)) => {
                        interp.report_error(rec);
                        return Ok(None);
                    }
                    Err(e) => return Err(e),
                };
                args.set_value(&p.name, v);
                bound_any = true;
            }
        }
    }
    let takes_input = info.params.iter().any(|p| p.from_pipeline || p.from_pipeline_by_name);
    if !bound_any && takes_input || !takes_input && info.kind == CommandType::Cmdlet {
        let rec = ErrorRecord::new(
            "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.",
            PBE,
            ErrorCategory::InvalidArgument,
            format!("InputObjectNotBound,{}", error_suffix(info)),
        )
        .with_target(obj);
        let mut rec = rec;
        rec.activity = info.name.clone();
        rec.invocation = Some(invocation.clone());
        interp.report_error(Rc::new(rec));
        return Ok(None);
    }
    let missing: Vec<&String> = if switched {
        info.params.iter().filter(|p| p.mandatory && in_set(p, args.set.as_deref()) && !args.has(&p.name)).map(|p| &p.name).collect()
    } else {
        deferred.iter().filter(|n| !args.has(n)).collect()
    };
    if !missing.is_empty() {
        let names: String = missing.iter().map(|n| format!(" {n}")).collect();
        let mut rec = ErrorRecord::new(
            format!("Cannot process command because of one or more missing mandatory parameters:{names}."),
            PBE,
            ErrorCategory::InvalidArgument,
            format!("MissingMandatoryParameter,{}", error_suffix(info)),
        )
        .with_target(obj);
        rec.activity = info.name.clone();
        rec.invocation = Some(invocation.clone());
        interp.report_error(Rc::new(rec));
        return Ok(None);
    }
    Ok(Some(args))
}

mod defaults;
mod function;
mod positions;
mod validate;

pub use function::function_info;
pub use validate::Validator;

mod prompt;

#[cfg(test)]
mod tests;
