//! Get-Host: the session's `$Host` object.

use crate::engine::command::{Args, Cmdlet, CommandInfo};
use crate::engine::{Ctx, EvalResult};

pub fn commands() -> Vec<CommandInfo> {
    vec![CommandInfo::cmdlet("Get-Host", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Commands.GetHostCommand", || Box::new(GetHost))
        .outputs("System.Management.Automation.Internal.Host.InternalHost")
        .synopsis("Gets the object that represents the console host.")
        .description("The same object as $Host: its name and version, and UI, whose RawUI describes the window and whose methods write to the console and prompt (PromptForChoice, PromptForCredential, ReadLine).")
        .example("The host's version", "(Get-Host).Version", "5.1.14393.206.")]
}

struct GetHost;

impl Cmdlet for GetHost {
    fn process(&mut self, ctx: &mut Ctx, _args: &Args) -> EvalResult<()> {
        let host = ctx.interp.get_var("Host", Some("global")).unwrap_or(crate::engine::value::Value::Null);
        ctx.emit(host)
    }
}
