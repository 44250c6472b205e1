//! A script function's metadata from its param block and attributes, as 5.1's
//! `Compiler.GetParameterMetaData` builds it.

use std::rc::Rc;

use crate::lang::ast::{Attribute, Expr, ExprKind, ScriptBlock, UnaryOp};

use super::super::command::{CommandInfo, CommandType, Help, ParamSpec};
use super::super::types::{TypeTable, CONFIRM_IMPACT};
use super::super::value::{TypeKind, TypeRef, Value};
use super::Validator;

/// Metadata of a script function from its param block and attributes.
pub fn function_info(name: &str, body: &Rc<ScriptBlock>, _is_filter: bool, types: &TypeTable) -> CommandInfo {
    let advanced = body.is_advanced();
    let binding = body.attributes.iter().find(|a| a.name.eq_ignore_ascii_case("CmdletBinding"));
    let named = |key: &str| binding.and_then(|a| a.named.iter().find(|(k, _)| k.eq_ignore_ascii_case(key))).map(|(_, v)| v.as_ref());
    let positional_binding = named("PositionalBinding").is_none_or(|v| v.is_none_or(const_truthy));
    // Any explicit Position or ParameterSetName turns off the positions by declaration order.
    let mut custom_set = false;
    let mut params = Vec::new();
    for p in body.params.iter().flatten() {
        let ty = p.type_name.as_ref().and_then(|t| types.resolve(&t.name, t.is_array)).unwrap_or_else(|| Rc::new(TypeRef::of(TypeKind::Object)));
        let mut spec = ParamSpec::new(&p.name, TypeKind::Object);
        spec.ty = ty;
        for a in &p.attributes {
            if a.name.eq_ignore_ascii_case("Parameter") {
                custom_set |= parameter_attribute(&mut spec, a);
            } else {
                other_attribute(&mut spec, a);
            }
        }
        params.push(spec);
    }
    CommandInfo {
        name: name.to_string(),
        kind: CommandType::Function,
        module: String::new(),
        class_name: String::new(),
        params,
        default_set: named("DefaultParameterSetName").flatten().and_then(const_str),
        help: Help::default(),
        output_types: Vec::new(),
        factory: None,
        common_params: advanced,
        implicit_positions: positional_binding && !custom_set,
        supports_should_process: named("SupportsShouldProcess").is_some_and(|v| v.is_none_or(const_truthy)),
        script_file: None,
        module_scope: None,
        confirm_impact: named("ConfirmImpact").flatten().and_then(const_str).and_then(|s| CONFIRM_IMPACT.parse(&s)).map_or(2, |(_, v)| v),
    }
}

/// `[Parameter(...)]`; says whether it names a Position or a ParameterSetName.
fn parameter_attribute(spec: &mut ParamSpec, a: &Attribute) -> bool {
    let mut custom = false;
    for (k, v) in &a.named {
        let truthy = v.as_ref().map(const_truthy).unwrap_or(true);
        match k.to_ascii_lowercase().as_str() {
            "mandatory" => spec.mandatory = truthy,
            "valuefrompipeline" => spec.from_pipeline = truthy,
            "valuefrompipelinebypropertyname" => spec.from_pipeline_by_name = truthy,
            "valuefromremainingarguments" => spec.remaining = truthy,
            "position" => {
                spec.position = v.as_ref().and_then(const_int).map(|i| i as usize);
                custom = true;
            }
            "parametersetname" => {
                if let Some(s) = v.as_ref().and_then(const_str) {
                    custom |= !s.eq_ignore_ascii_case("__AllParameterSets");
                    spec.sets.push(s);
                }
            }
            "helpmessage" => spec.help = v.as_ref().and_then(const_str).unwrap_or_default(),
            _ => {}
        }
    }
    custom
}

/// Validation, Allow* and Alias attributes; other attributes (OutputType…) change no binding.
fn other_attribute(spec: &mut ParamSpec, a: &Attribute) {
    let pos = |i: usize| a.positional.get(i).and_then(const_value);
    let int = |i: usize| a.positional.get(i).and_then(const_int);
    match a.name.to_ascii_lowercase().as_str() {
        "validateset" => spec.validate_set = Some(a.positional.iter().filter_map(const_str).collect()),
        "validatenotnull" => spec.validators.push(Validator::NotNull),
        "validatenotnullorempty" => spec.validators.push(Validator::NotNullOrEmpty),
        "validaterange" => {
            if let (Some(min), Some(max)) = (pos(0), pos(1)) {
                spec.validators.push(Validator::Range(min, max));
            }
        }
        "validatelength" => {
            if let (Some(min), Some(max)) = (int(0), int(1)) {
                spec.validators.push(Validator::Length(min, max));
            }
        }
        "validatecount" => {
            if let (Some(min), Some(max)) = (int(0), int(1)) {
                spec.validators.push(Validator::Count(min, max));
            }
        }
        "validatepattern" => {
            if let Some(p) = a.positional.first().and_then(const_str) {
                spec.validators.push(Validator::Pattern(p));
            }
        }
        "validatescript" => {
            if let Some(Expr { kind: ExprKind::ScriptBlock(sb), .. }) = a.positional.first() {
                spec.validators.push(Validator::Script(sb.clone()));
            }
        }
        "allownull" => spec.allow_null = true,
        "allowemptystring" => spec.allow_empty_string = true,
        "allowemptycollection" => spec.allow_empty_collection = true,
        "alias" => spec.aliases.extend(a.positional.iter().filter_map(const_str)),
        _ => {}
    }
}

fn const_value(e: &Expr) -> Option<Value> {
    match &e.kind {
        ExprKind::Int(i) => Some(i32::try_from(*i).map(Value::Int).unwrap_or(Value::Long(*i))),
        ExprKind::Long(i) => Some(Value::Long(*i)),
        ExprKind::Double(d) => Some(Value::Double(*d)),
        ExprKind::Str(s) | ExprKind::Bare(s) => Some(Value::str(s)),
        ExprKind::Unary { op: UnaryOp::Neg, operand } => match const_value(operand)? {
            Value::Int(i) => Some(Value::Int(-i)),
            Value::Long(i) => Some(Value::Long(-i)),
            Value::Double(d) => Some(Value::Double(-d)),
            _ => None,
        },
        _ => None,
    }
}

fn const_str(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Str(s) | ExprKind::Bare(s) => Some(s.clone()),
        ExprKind::Int(i) | ExprKind::Long(i) => Some(i.to_string()),
        _ => None,
    }
}

fn const_int(e: &Expr) -> Option<i64> {
    match const_value(e)? {
        Value::Int(i) => Some(i64::from(i)),
        Value::Long(i) => Some(i),
        _ => None,
    }
}

fn const_truthy(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Variable { name, .. } => !name.eq_ignore_ascii_case("false"),
        ExprKind::Int(i) | ExprKind::Long(i) => *i != 0,
        _ => true,
    }
}
