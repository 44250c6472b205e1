//! `Should -HaveParameter`: a command's parameter checked against its metadata (the same
//! declaration Get-Command and Get-Help read): present, of a type, mandatory, with aliases.

use crate::engine::convert::to_string;
use crate::engine::value::Value;
use crate::engine::{Ctx, EvalResult};

use super::should_ops::Check;
use super::tree::member;

pub fn check(ctx: &mut Ctx, c: &Check, b: &str) -> EvalResult<Result<Option<Value>, String>> {
    let command = match &c.actual {
        Value::Str(s) => s.to_string(),
        other => member(other, "Name").map(|v| to_string(&v)).unwrap_or_else(|| to_string(other)),
    };
    let name = c.args.string("ParameterName").unwrap_or_else(|| to_string(&c.expected));
    let info = ctx.interp.resolve_command(&command);
    let param = info.as_ref().and_then(|i| i.params.iter().find(|p| p.matches_name(&name)).cloned());
    if c.not {
        return Ok(match param {
            Some(_) => Err(format!("Expected command {command} to not have a parameter {name},{b} but it did.")),
            None => Ok(None),
        });
    }
    let want_type = c.args.get("Type").filter(|v| !v.is_null()).map(|v| match v {
        Value::Type(t) => t.ps_name(),
        other => to_string(other).trim_start_matches('[').trim_end_matches(']').to_string(),
    });
    let mandatory = c.args.switch("Mandatory");
    let aliases: Vec<String> = c.args.get("Alias").map(|v| v.enumerate().iter().map(to_string).collect()).unwrap_or_default();
    let mut wanted = format!("Expected command {command} to have a parameter {name}");
    if mandatory {
        wanted.push_str(", which is mandatory");
    }
    if let Some(t) = &want_type {
        wanted.push_str(&format!(", of type [{t}]"));
    }
    for a in &aliases {
        wanted.push_str(&format!(", with alias '{a}'"));
    }
    let Some(p) = param else {
        return Ok(Err(format!("{wanted},{b} but the parameter is missing.")));
    };
    let mut wrong = Vec::new();
    if mandatory && !p.mandatory {
        wrong.push("it wasn't mandatory".to_string());
    }
    if let Some(t) = &want_type {
        let has = p.ty.ps_name();
        let full = p.ty.full_name();
        if !has.eq_ignore_ascii_case(t) && !full.eq_ignore_ascii_case(t) && !full.eq_ignore_ascii_case(&format!("System.{t}")) {
            wrong.push(format!("it was of type [{has}]"));
        }
    }
    for a in &aliases {
        if !p.aliases.iter().any(|x| x.eq_ignore_ascii_case(a)) {
            wrong.push(format!("it didn't have an alias '{a}'"));
        }
    }
    Ok(if wrong.is_empty() { Ok(None) } else { Err(format!("{wanted},{b} but {}.", wrong.join(" and "))) })
}
