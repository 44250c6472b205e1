//! Invoke-Command, local and remote. Run locally (`-ScriptBlock` alone) it runs the block in
//! a new scope (or the caller's with `-NoNewScope`) with `-ArgumentList` and the piped
//! objects as `$input`, as 5.1's InProcess set does. Asked to reach a computer or a session,
//! it fails per computer as 5.1 fails to connect: ersim's lab reaches no network.

use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::error::ErrorCategory;
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, ErrorRecord, EvalResult};

use super::gather::{gather, Finish};

pub fn commands() -> Vec<CommandInfo> {
    vec![CommandInfo::cmdlet("Invoke-Command", "Microsoft.PowerShell.Core", "Microsoft.PowerShell.Commands.InvokeCommandCommand", || gather(InvokeCommand))
        // One position per parameter: the block is first in every set (5.1 puts a computer
        // name first in the remote sets; scripts name -ComputerName).
        .param(ParamSpec::new("ScriptBlock", TypeKind::ScriptBlock).mandatory().position(0).alias("Command").help("The commands to run."))
        .param(ParamSpec::switch("NoNewScope").in_set("InProcess").help("Runs in the caller's scope, so variables it sets stay."))
        .param(ParamSpec::new("ComputerName", TypeKind::String).array().alias("Cn").in_set("ComputerName").help("Remote computers (the lab reaches none)."))
        .param(ParamSpec::new("Session", TypeKind::Object).array().in_set("Session").help("Remote sessions (the lab has none)."))
        .param(ParamSpec::new("Credential", TypeKind::Object).help("The account for the remote computers."))
        .param(ParamSpec::new("ArgumentList", TypeKind::Object).array().alias("Args").help("Values for the block's parameters or $args."))
        .param(ParamSpec::new("InputObject", TypeKind::PSObject).pipeline().help("Objects the block reads as $input."))
        .param(ParamSpec::switch("AsJob").help("Runs as a background job (remote only)."))
        .param(ParamSpec::switch("HideComputerName").alias("HCN").help("Leaves out PSComputerName."))
        .param(ParamSpec::new("ThrottleLimit", TypeKind::Int).help("How many connections at once."))
        .default_set("InProcess")
        .synopsis("Runs commands here, or on remote computers.")
        .description("Locally the block runs in a new scope with -ArgumentList as its arguments and piped objects as $input. Remote computers and sessions cannot be reached from the offline lab: each is a connection error.")
        .example("Run a block with arguments", "Invoke-Command -ScriptBlock { param($a, $b) $a + $b } -ArgumentList 2, 3", "5.")]
}

struct InvokeCommand;

impl Finish for InvokeCommand {
    fn finish(&mut self, ctx: &mut Ctx, args: &Args, input: Vec<Value>) -> EvalResult<()> {
        if let Some(computers) = args.get("ComputerName") {
            for computer in computers.enumerate().iter().map(Value::to_display_string) {
                ctx.write_error(cannot_connect(&computer))?;
            }
            return Ok(());
        }
        if args.has("Session") {
            let rec = ErrorRecord::new(
                "Cannot validate argument on parameter 'Session'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.",
                "System.Management.Automation.ParameterBindingValidationException",
                ErrorCategory::InvalidData,
                "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.InvokeCommandCommand",
            );
            return Err(ctx.terminate(rec));
        }
        let Some(Value::ScriptBlock(sb)) = args.get("ScriptBlock").cloned() else { return Ok(()) };
        let block_args = args.get("ArgumentList").map(Value::enumerate).unwrap_or_default();
        // Output streams on as the block writes it.
        if args.switch("NoNewScope") {
            if input.is_empty() {
                return ctx.interp.run_block_here(&sb, None, ctx.out);
            }
            for item in input {
                ctx.interp.run_block_here(&sb, Some(item), ctx.out)?;
            }
            return Ok(());
        }
        ctx.interp.invoke_block_with_input(&sb, block_args, input, ctx.out)
    }
}

/// 5.1's failed WinRM connection, one per computer, named in brackets.
fn cannot_connect(computer: &str) -> ErrorRecord {
    ErrorRecord::new(
        format!("[{computer}] Connecting to remote server {computer} failed with the following error message : ersim is an offline lab and reaches no network. For more information, see the about_Remote_Troubleshooting Help topic."),
        "System.Management.Automation.Remoting.PSRemotingTransportException",
        ErrorCategory::OpenError,
        "CannotConnect,PSSessionStateBroken",
    )
    .with_target(&Value::str(computer))
    .from_computer(computer)
}
