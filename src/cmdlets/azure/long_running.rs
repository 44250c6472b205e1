//! `-AsJob` on the Resource Manager cmdlets (AzureRMCmdlet's long-running operations): the
//! cmdlet, instead of running, starts an AzureLongRunningJob that runs the same command,
//! with the same arguments, on the session's world, and writes the job. The job runs when
//! it is first waited for or looked at, as every ersim job does (`engine/jobs.rs`); its
//! results are the cmdlet's own objects, as Receive-Job gives them back in Az.

use std::rc::Rc;

use crate::cmdlets::core::start_job;
use crate::engine::command::{Args, ParamSpec};
use crate::engine::jobs::{CmdletJob, JobSpec, NativeJob};
use crate::engine::value::{Hashtable, Value};
use crate::engine::{Ctx, EvalResult};
use crate::lang::ast::Source;

/// Az's job class (its PSJobTypeName is the generic class's name, docs' Get-Job sample).
const JOB_TYPE_NAME: &str = "Microsoft.Azure.Commands.Common.AzureLongRunningJob`1";
const JOB_TYPE: &str = "AzureLongRunningJob`1";

/// The `-AsJob` switch, as the help tables give it.
pub fn as_job_param() -> ParamSpec {
    ParamSpec::switch("AsJob").help("Run cmdlet in the background")
}

/// The job's name: `Long Running Operation for '<cmdlet>' on resource '<Name>'` when the
/// command names its resource, else without the resource (AzureRMCmdlet's
/// ImplementationBackgroundJobDescription).
fn job_name(command: &str, args: &Args) -> String {
    match args.string("Name").filter(|n| !n.trim().is_empty()) {
        Some(name) => format!("Long Running Operation for '{command}' on resource '{name}'"),
        None => format!("Long Running Operation for '{command}'"),
    }
}

/// Starts the job that runs this invocation without `-AsJob`, and writes it.
pub fn start(ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
    start_with(ctx, args, None)
}

/// Writes the job of an operation the cmdlet has already sent: `finish` waits for it (on the
/// world's clock) and gives the job's output.
pub fn start_native(ctx: &mut Ctx, args: &Args, finish: NativeJob) -> EvalResult<()> {
    start_with(ctx, args, Some(finish))
}

fn start_with(ctx: &mut Ctx, args: &Args, native: Option<NativeJob>) -> EvalResult<()> {
    let command = ctx.command.name.clone();
    let mut bound = Hashtable::new(false);
    for (name, value) in args.values.iter().filter(|(n, _)| !n.eq_ignore_ascii_case("AsJob")) {
        bound.insert(Value::str(name), value.clone());
    }
    // The job's runspace re-reads this text; the arguments travel as the objects they are.
    let text = format!("param($bound) {command} @bound");
    let source = Rc::new(Source::new(None, text));
    let Ok(block) = crate::lang::parse_script(&source) else { return Ok(()) };
    let spec = JobSpec {
        name: Some(job_name(&command, args)),
        block,
        init: None,
        args: vec![Value::hashtable(bound)],
        input: Vec::new(),
        cmdlet: Some(CmdletJob { type_name: JOB_TYPE_NAME.into(), job_type: JOB_TYPE.into(), command }),
        native,
    };
    let job = start_job(ctx, spec);
    ctx.emit(job)
}
