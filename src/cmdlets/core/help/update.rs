//! Update-Help: every module's help is built into ersim (generated from the same metadata
//! the binder reads), so no module has a HelpInfoUri to download from; nor has a module
//! imported from a file of the lab (ersim reads no HelpInfoURI from a manifest). 5.1 answers
//! that case in two ways: a bare `Update-Help` skips such modules without a word, and naming
//! one gives its HelpInfoUriNotFound error, all the named modules in one record.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::error::ErrorCategory;
use crate::engine::ops;
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, ErrorRecord, EvalResult};

use super::super::commands_info::strings;
use super::CORE;

const FQID_SUFFIX: &str = ",Microsoft.PowerShell.Commands.UpdateHelpCommand";

pub fn command() -> CommandInfo {
    CommandInfo::cmdlet("Update-Help", CORE, "Microsoft.PowerShell.Commands.UpdateHelpCommand", || Box::new(UpdateHelp { named: Vec::new() }))
        .param(ParamSpec::new("Module", TypeKind::String).array().position(0).by_name().alias("Name").help("The modules whose help to update (wildcards allowed). Without it, every module."))
        .param(ParamSpec::new("UICulture", TypeKind::String).array().help("The cultures of the help to download."))
        .param(ParamSpec::switch("Force").help("Updates even when the help was updated in the last 24 hours."))
        .param(ParamSpec::switch("Recurse").help("Looks for help files in the subfolders of -SourcePath."))
        .synopsis("Downloads newer help for modules; in ersim every module's help is built in.")
        .description(
            "Windows PowerShell 5.1 downloads help from the HelpInfoUri of each module's manifest. ersim's help is generated from the commands themselves and is always current, so no module has a HelpInfoUri: Update-Help without -Module does nothing, as 5.1 does for such modules, and naming a module gives 5.1's error that the module does not support updatable help.\n\nGet-Help shows the help at once.",
        )
        .example("Nothing to download", "Update-Help", "Returns without output: the help is already here.")
}

struct UpdateHelp {
    /// The modules named so far that have no updatable help, reported together at the end.
    named: Vec<String>,
}

impl Cmdlet for UpdateHelp {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let patterns = strings(args, "Module");
        if patterns.is_empty() {
            return Ok(());
        }
        // The modules of the session: ersim's own and those imported from files.
        let mut modules: Vec<String> = ctx.interp.modules.iter().map(|m| m.name.to_string()).collect();
        modules.extend(super::super::file_modules::loaded_names(ctx));
        for pattern in patterns {
            let found: Vec<String> = modules.iter().filter(|name| ops::like(&Value::str(name), &Value::str(&pattern), false)).cloned().collect();
            if found.is_empty() {
                let rec = ErrorRecord::new(
                    format!("No PowerShell modules were found that match the following pattern: {pattern}. Verify the pattern and then try the command again."),
                    "System.Exception",
                    ErrorCategory::InvalidArgument,
                    format!("ModuleNotFound{FQID_SUFFIX}"),
                )
                .with_target(&Value::str(&pattern));
                ctx.write_error(rec)?;
            }
            self.named.extend(found);
        }
        Ok(())
    }

    fn end(&mut self, ctx: &mut Ctx) -> EvalResult<()> {
        if self.named.is_empty() {
            return Ok(());
        }
        self.named.sort_by_key(|n| n.to_ascii_lowercase());
        self.named.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        let mut rec = ErrorRecord::new(
            format!(
                "Failed to update Help for the module(s) : \r\n'{}'\r\nThe Update-Help command failed because the specified module does not support updatable help. Use Get-Help -Online or look online for help for the commands in this module.",
                self.named.join(", ")
            ),
            "System.Exception",
            ErrorCategory::NotSpecified,
            format!("HelpInfoUriNotFound{FQID_SUFFIX}"),
        );
        // 5.1's target is the relative Uri "HelpInfoUri".
        rec.target_name = "HelpInfoUri".into();
        rec.target_type = "Uri".into();
        ctx.write_error(rec)
    }
}
