//! The variable cmdlets: Get-, Set-, New-, Clear- and Remove-Variable with `-Scope`
//! (Global, Script, Local or a number), `-Option` (ReadOnly, Constant, Private, AllScope),
//! `-Force`, `-ValueOnly`, `-PassThru`, wildcard names, `-Include`/`-Exclude`, and 5.1's errors.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::error::ErrorCategory;
use crate::engine::ops;
use crate::engine::runtime::{ScopeRef, VarOptions};
use crate::engine::types::EnumDef;
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::{Ctx, ErrorRecord, EvalResult};

use super::utility::proper_case;

const UTILITY: &str = "Microsoft.PowerShell.Utility";

/// `System.Management.Automation.ScopedItemOptions`.
pub static SCOPED_ITEM_OPTIONS: EnumDef = EnumDef {
    full_name: "System.Management.Automation.ScopedItemOptions",
    members: &[("None", 0), ("ReadOnly", 1), ("Constant", 2), ("Private", 4), ("AllScope", 8), ("Unspecified", 16)],
};

fn scope_param() -> ParamSpec {
    ParamSpec::new("Scope", TypeKind::String).help("Global, Script, Local, or a number of scopes up (0 is the current one).")
}

fn include_param() -> ParamSpec {
    ParamSpec::new("Include", TypeKind::String).array().wildcards().help("Only the variables whose names match one of these (wildcards allowed).")
}

fn exclude_param() -> ParamSpec {
    ParamSpec::new("Exclude", TypeKind::String).array().wildcards().help("Leaves out the variables whose names match one of these (wildcards allowed).")
}

pub fn commands() -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("Get-Variable", UTILITY, "Microsoft.PowerShell.Commands.GetVariableCommand", || Box::new(GetVariable))
            .param(ParamSpec::new("Name", TypeKind::String).array().position(0).wildcards().help("Variable names (wildcards allowed)."))
            .param(ParamSpec::switch("ValueOnly").help("Writes only the values."))
            .param(include_param())
            .param(exclude_param())
            .param(scope_param())
            .synopsis("Gets variables of the current scope.")
            .description("Writes PSVariable objects (Name, Value) for the matching variables, of one scope with -Scope.")
            .example("A variable's value", "Get-Variable ErrorActionPreference -ValueOnly", "Continue."),
        CommandInfo::cmdlet("Set-Variable", UTILITY, "Microsoft.PowerShell.Commands.SetVariableCommand", || Box::new(SetVariable { create_only: false }))
            .param(ParamSpec::new("Name", TypeKind::String).array().mandatory().position(0).help("The variable names."))
            .param(ParamSpec::new("Value", TypeKind::Object).position(1).pipeline().help("The value."))
            .param(scope_param())
            .param(ParamSpec::enumeration("Option", &SCOPED_ITEM_OPTIONS).help("ReadOnly, Constant, Private or AllScope."))
            .param(ParamSpec::switch("Force").help("Changes a ReadOnly variable too."))
            .param(ParamSpec::switch("PassThru").help("Writes the variable."))
            .synopsis("Sets a variable's value.")
            .description("Creates the variable if needed; a ReadOnly variable changes only with -Force, a Constant one never.")
            .example("Set a variable", "Set-Variable -Name Region -Value 'Silicon Valley'", "Same as $Region = 'Silicon Valley'."),
        CommandInfo::cmdlet("New-Variable", UTILITY, "Microsoft.PowerShell.Commands.NewVariableCommand", || Box::new(SetVariable { create_only: true }))
            .param(ParamSpec::new("Name", TypeKind::String).mandatory().position(0).help("The variable name."))
            .param(ParamSpec::new("Value", TypeKind::Object).position(1).pipeline().help("The value."))
            .param(scope_param())
            .param(ParamSpec::enumeration("Option", &SCOPED_ITEM_OPTIONS).help("ReadOnly, Constant, Private or AllScope."))
            .param(ParamSpec::switch("Force").help("Replaces a variable that exists."))
            .param(ParamSpec::switch("PassThru").help("Writes the variable."))
            .synopsis("Creates a variable.")
            .description("Fails if the variable exists in the scope, unless -Force.")
            .example("A constant", "New-Variable -Name Limit -Value 10 -Option Constant", "$Limit can no longer be changed or removed."),
        CommandInfo::cmdlet("Clear-Variable", UTILITY, "Microsoft.PowerShell.Commands.ClearVariableCommand", || Box::new(ClearVariable))
            .param(ParamSpec::new("Name", TypeKind::String).array().mandatory().position(0).wildcards().help("The variable names (wildcards allowed)."))
            .param(include_param())
            .param(exclude_param())
            .param(scope_param())
            .param(ParamSpec::switch("Force").help("Clears a ReadOnly variable too."))
            .param(ParamSpec::switch("PassThru").help("Writes the variables."))
            .synopsis("Deletes the value of a variable.")
            .description("The variable stays, holding $null.")
            .example("Clear a variable", "$Region = 'Silicon Valley'\nClear-Variable Region", "Afterwards $Region is $null."),
        CommandInfo::cmdlet("Remove-Variable", UTILITY, "Microsoft.PowerShell.Commands.RemoveVariableCommand", || Box::new(RemoveVariable))
            .param(ParamSpec::new("Name", TypeKind::String).array().mandatory().position(0).wildcards().help("The variable names (wildcards allowed)."))
            .param(include_param())
            .param(exclude_param())
            .param(scope_param())
            .param(ParamSpec::switch("Force").help("Removes a ReadOnly variable too."))
            .synopsis("Deletes variables.")
            .description("Removes the variables from the scope that defines them (or the scope given).")
            .example("Remove a variable", "$Region = 'Silicon Valley'\nRemove-Variable Region", "Afterwards $Region is $null."),
    ]
}

/// The scope `-Scope` names; an unknown one ends the command with 5.1's argument error.
fn scope_arg(ctx: &mut Ctx, args: &Args) -> EvalResult<Option<ScopeRef>> {
    match args.string("Scope") {
        None => Ok(None),
        Some(s) => ctx.interp.scope_named(&s).map(Some).map_err(|mut rec| {
            rec.fqid = format!("{},{}", rec.fqid, ctx.command.class_name);
            ctx.terminate(rec)
        }),
    }
}

fn options_arg(args: &Args) -> Option<VarOptions> {
    let bits = match args.get("Option")? {
        Value::Enum(e) => e.value,
        _ => 0,
    };
    Some(VarOptions { read_only: bits & 1 != 0, constant: bits & 2 != 0, private: bits & 4 != 0, all_scope: bits & 8 != 0 })
}

pub(super) fn psvariable(name: &str, value: Value) -> Value {
    let mut o = PsObject::typed("System.Management.Automation.PSVariable");
    o.add_typed("Name", "string", Value::str(proper_case(name)));
    o.add_typed("Value", "System.Object", value);
    Value::object(o)
}

fn not_found(name: &str, class: &str) -> ErrorRecord {
    ErrorRecord::new(
        format!("Cannot find a variable with the name '{name}'."),
        "System.Management.Automation.ItemNotFoundException",
        ErrorCategory::ObjectNotFound,
        format!("VariableNotFound,Microsoft.PowerShell.Commands.{class}"),
    )
    .with_target(&Value::str(name))
}

/// The variables `patterns` name (in `scope`, or visible from the current one); a plain
/// name that matches none is VariableNotFound, written as a non-terminating error.
fn matching(ctx: &mut Ctx, args: &Args, scope: Option<&ScopeRef>, class: &str) -> EvalResult<Vec<(String, Value)>> {
    let patterns: Vec<String> = args.get("Name").map(|v| v.enumerate().iter().map(to_string).collect()).unwrap_or_else(|| vec!["*".into()]);
    let list = |name: &str| -> Vec<String> { args.get(name).map(|v| v.enumerate().iter().map(to_string).collect()).unwrap_or_default() };
    let (include, exclude) = (list("Include"), list("Exclude"));
    let like = |n: &str, p: &String| ops::like(&Value::str(n), &Value::str(p), false);
    let vars = ctx.interp.variables_of(scope);
    let mut out = Vec::new();
    for p in &patterns {
        let matched: Vec<(String, Value)> = vars.iter().filter(|(n, _)| like(n, p)).cloned().collect();
        if matched.is_empty() && !p.contains(['*', '?']) {
            ctx.write_error(not_found(p, class))?;
        }
        // -Include and -Exclude filter what the names found; what they leave out is no error.
        out.extend(matched.into_iter().filter(|(n, _)| (include.is_empty() || include.iter().any(|p| like(n, p))) && !exclude.iter().any(|p| like(n, p))));
    }
    Ok(out)
}

struct GetVariable;

impl Cmdlet for GetVariable {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let scope = scope_arg(ctx, args)?;
        for (name, value) in matching(ctx, args, scope.as_ref(), "GetVariableCommand")? {
            let v = if args.switch("ValueOnly") { value } else { psvariable(&name, value) };
            ctx.emit(v)?;
        }
        Ok(())
    }
}

/// Set-Variable, and New-Variable (`create_only`): a variable that exists is 5.1's
/// VariableAlreadyExists unless -Force.
struct SetVariable {
    create_only: bool,
}

impl Cmdlet for SetVariable {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let scope = match scope_arg(ctx, args)? {
            Some(s) => s,
            None => ctx.interp.current.clone(),
        };
        let value = args.get("Value").cloned().unwrap_or(Value::Null);
        let force = args.switch("Force");
        for name in args.get("Name").map(|v| v.enumerate()).unwrap_or_default().iter().map(to_string) {
            if self.create_only && !force && scope.borrow().vars.contains_key(&name.to_ascii_lowercase()) {
                let rec = ErrorRecord::new(
                    format!("A variable with name '{name}' already exists."),
                    "System.Management.Automation.SessionStateException",
                    ErrorCategory::ResourceExists,
                    "VariableAlreadyExists,Microsoft.PowerShell.Commands.NewVariableCommand",
                )
                .with_target(&Value::str(&name));
                ctx.write_error(rec)?;
                continue;
            }
            if let Err(flow) = ctx.interp.set_variable_in(&scope, &name, value.clone(), options_arg(args), force) {
                match flow {
                    crate::engine::Flow::Error(rec) => {
                        let mut rec = (*rec).clone();
                        rec.fqid = format!(
                            "{},Microsoft.PowerShell.Commands.{}",
                            rec.fqid,
                            if self.create_only { "NewVariableCommand" } else { "SetVariableCommand" }
                        );
                        ctx.write_error(rec)?;
                        continue;
                    }
                    other => return Err(other),
                }
            }
            if args.switch("PassThru") {
                ctx.emit(psvariable(&name, value.clone()))?;
            }
        }
        Ok(())
    }
}

struct ClearVariable;

impl Cmdlet for ClearVariable {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let scope = scope_arg(ctx, args)?;
        for (name, _) in matching(ctx, args, scope.as_ref(), "ClearVariableCommand")? {
            let target = match &scope {
                Some(s) => s.clone(),
                None => ctx.interp.scope_defining(&name).unwrap_or_else(|| ctx.interp.current.clone()),
            };
            match ctx.interp.set_variable_in(&target, &name, Value::Null, None, args.switch("Force")) {
                Ok(()) if args.switch("PassThru") => ctx.emit(psvariable(&name, Value::Null))?,
                Ok(()) => {}
                Err(crate::engine::Flow::Error(rec)) => {
                    let mut rec = (*rec).clone();
                    rec.fqid = format!("{},Microsoft.PowerShell.Commands.ClearVariableCommand", rec.fqid);
                    ctx.write_error(rec)?;
                }
                Err(other) => return Err(other),
            }
        }
        Ok(())
    }
}

struct RemoveVariable;

impl Cmdlet for RemoveVariable {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let scope = scope_arg(ctx, args)?;
        for (name, _) in matching(ctx, args, scope.as_ref(), "RemoveVariableCommand")? {
            let target = match &scope {
                Some(s) => s.clone(),
                None => ctx.interp.scope_defining(&name).unwrap_or_else(|| ctx.interp.current.clone()),
            };
            match ctx.interp.remove_variable_in(&target, &name, args.switch("Force")) {
                Ok(_) => {}
                Err(crate::engine::Flow::Error(rec)) => {
                    let mut rec = (*rec).clone();
                    rec.fqid = format!("{},Microsoft.PowerShell.Commands.RemoveVariableCommand", rec.fqid);
                    ctx.write_error(rec)?;
                }
                Err(other) => return Err(other),
            }
        }
        Ok(())
    }
}
