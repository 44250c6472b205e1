//! InModuleScope: a script block run inside a script module's scope, where its private
//! functions and variables are, so a test can reach what the module does not export. The
//! module's scope is the one Import-Module kept for it (whether it exports functions or not). ersim's own modules are Rust and keep no PowerShell scope: a block "in" them runs
//! where it is called.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, EvalResult};

use super::blocks::in_scope;
use super::info;

pub fn command() -> CommandInfo {
    info("InModuleScope", || Box::new(InModuleScope))
        .param(ParamSpec::new("ModuleName", TypeKind::String).mandatory().position(0).help("The loaded module whose scope the block runs in."))
        .param(ParamSpec::new("ScriptBlock", TypeKind::ScriptBlock).mandatory().position(1).help("The code to run there."))
        .param(ParamSpec::new("Parameters", TypeKind::Hashtable).help("Variables the block sees, by name."))
        .synopsis("Runs a script block inside a module's scope.")
        .description("The block sees the module's private functions and script variables; its output is the command's output.")
        .example(
            "A private helper of a script module",
            "Set-Content Tools.psm1 'function Get-Public { 1 }', 'function helper { 42 }', 'Export-ModuleMember -Function Get-Public'; Import-Module .\\Tools.psm1 -Force; InModuleScope Tools { helper }",
            "42, though helper is not exported.",
        )
}

/// The scope of the loaded script module `name`.
pub fn script_scope(interp: &crate::engine::Interp, name: &str) -> Option<crate::engine::runtime::ScopeRef> {
    crate::cmdlets::core::module_scope(interp, name)
}

struct InModuleScope;

impl Cmdlet for InModuleScope {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let name: String = args.opt("ModuleName").unwrap_or_default();
        let Some(Value::ScriptBlock(sb)) = args.get("ScriptBlock").cloned() else { return Ok(()) };
        let script_scope = script_scope(ctx.interp, &name);
        let builtin = ctx.interp.modules.iter().any(|m| m.name.eq_ignore_ascii_case(&name));
        let parent = match (script_scope, builtin) {
            (Some(scope), _) => scope,
            (None, true) => ctx.interp.current.clone(),
            (None, false) => {
                return Err(ctx.terminate(ErrorRecord::new(
                    format!("No modules named '{name}' are currently loaded."),
                    "System.Management.Automation.RuntimeException",
                    ErrorCategory::ObjectNotFound,
                    "ModuleNotLoaded,InModuleScope",
                )))
            }
        };
        let parameters = args.get("Parameters").cloned();
        let out = &mut *ctx.out;
        in_scope(ctx.interp, &parent, |interp| {
            if let Some(p) = &parameters {
                for (k, v) in super::tree::data_variables(p) {
                    interp.set_local(&k, v);
                }
            }
            interp.run_block_here(&sb, None, out)
        })
    }
}
