//! Import-Module: every module ersim offers is loaded with the session, so importing one
//! (by name, or by the `.psd1` path the documentation uses) succeeds and changes nothing.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::error::ErrorCategory;
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, ErrorRecord, EvalResult};

pub fn commands() -> Vec<CommandInfo> {
    vec![CommandInfo::cmdlet("Import-Module", "Microsoft.PowerShell.Core", "Microsoft.PowerShell.Commands.ImportModuleCommand", || Box::new(ImportModule))
        .param(
            ParamSpec::new("Name", TypeKind::String).array().mandatory().position(0).pipeline().by_name().help("The names or paths of the modules to import."),
        )
        .param(ParamSpec::switch("Force").help("Imports the module again even if it is loaded."))
        .param(ParamSpec::switch("Global").help("Imports the module into the global session state."))
        .param(ParamSpec::switch("PassThru").help("Writes the module's PSModuleInfo (by default nothing is written)."))
        .outputs("System.Management.Automation.PSModuleInfo")
        .synopsis("Loads a module: a script module (.psm1) or manifest (.psd1) from the lab's files; Azure, ExpressRoute and ErSim are built in.")
        .description("A .psm1 runs in a module scope of its own and exports its functions (or those Export-ModuleMember names); a .psd1 loads its NestedModules and RootModule, checks RequiredModules and applies FunctionsToExport. The modules ersim offers (Azure, ExpressRoute, ErSim), by name or as a path to their .psd1 file, are already loaded.")
        .example(
            "The documented import",
            r"Import-Module 'C:\Program Files\WindowsPowerShell\Modules\Azure\5.3.0\ExpressRoute\ExpressRoute.psd1'",
            "Succeeds silently.",
        )
        .example(
            "What a script module exports",
            "Set-Content Tools.psm1 'function Get-Public { 42 }'; (Import-Module .\\Tools.psm1 -PassThru).ExportedFunctions.Keys",
            "Get-Public.",
        )]
}

/// A loaded module's name, or a path whose file is that name with `.psd1`.
fn is_loaded(name: &str, loaded: &[&str]) -> bool {
    let file = name.trim().rsplit(['\\', '/']).next().unwrap_or_default();
    let stem = file.strip_suffix(".psd1").or_else(|| file.strip_suffix(".PSD1")).unwrap_or(file);
    let is_path = file.len() != name.trim().len() || stem.len() != file.len();
    loaded.iter().any(|m| m.eq_ignore_ascii_case(stem)) && (!is_path || file.to_ascii_lowercase().ends_with(".psd1"))
}

struct ImportModule;

impl ImportModule {
    /// With -PassThru, the module just imported (or found loaded), as Get-Module shows it.
    fn pass_through(&self, ctx: &mut Ctx, args: &Args, name: &str) -> EvalResult<()> {
        match super::file_modules::passthru_object(ctx, name) {
            Some(module) if args.switch("PassThru") => ctx.emit(module),
            _ => Ok(()),
        }
    }
}

impl Cmdlet for ImportModule {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let loaded: Vec<&str> = ctx.interp.modules.iter().map(|m| m.name).collect();
        for name in args.get("Name").map(Value::enumerate).unwrap_or_default() {
            let name = name.to_display_string();
            if is_loaded(&name, &loaded) {
                self.pass_through(ctx, args, &name)?;
                continue;
            }
            if super::file_modules::is_module_file(&name) {
                if super::file_modules::import_file(ctx, &name, args.switch("Force"))? {
                    self.pass_through(ctx, args, &name)?;
                }
                continue;
            }
            let record = ErrorRecord::new(
                format!("The specified module '{name}' was not loaded because no valid module file was found in any module directory."),
                "System.IO.FileNotFoundException",
                ErrorCategory::ResourceUnavailable,
                "Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand",
            )
            .with_target(&Value::str(&name));
            ctx.write_error(record)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_paths_and_names_of_loaded_modules_import() {
        let loaded = ["Azure", "ExpressRoute"];
        let is_built_in = |name: &str| is_loaded(name, &loaded);
        assert!(is_built_in("Azure"));
        assert!(is_built_in("expressroute"));
        assert!(is_built_in(r"C:\Program Files (x86)\Microsoft SDKs\Azure\PowerShell\ServiceManagement\Azure\ExpressRoute\ExpressRoute.psd1"));
        assert!(is_built_in(r"C:\Program Files\WindowsPowerShell\Modules\Azure\5.3.0\Azure.psd1"));
        assert!(!is_built_in("AzureRM"));
        assert!(!is_built_in(r"C:\Modules\ExpressRoute.dll"));
        assert!(!is_built_in(r"C:\Modules\Other.psd1"));
    }
}
