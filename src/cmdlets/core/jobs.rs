//! Start-Job, Get-Job, Wait-Job, Receive-Job, Stop-Job and Remove-Job over the engine's
//! job table (`engine::jobs`): 5.1's parameters, the Job view, its ids (1, 3, 5… — each
//! job's child takes the id between) and its errors. Received objects come back as 5.1's
//! deserialized copies (`Deserialized.` type names, PSComputerName, RunspaceId,
//! PSShowComputerName); strings and numbers come back as they are.

use std::rc::Rc;

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::error::ErrorCategory;
use crate::engine::jobs::{JobRunner, JobSpec, JobTable, Jobs, JOB_TYPES};
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::views::{TableView, ViewColumn};
use crate::engine::{Ctx, ErrorRecord, EvalResult, Flow};

use super::gather::{gather, Finish};

const CORE: &str = "Microsoft.PowerShell.Core";

fn class(name: &str) -> String {
    format!("Microsoft.PowerShell.Commands.{name}Command")
}

/// `-Job`/`-Id`/`-Name`, the ways every job cmdlet but Start-Job names its jobs.
fn selecting(c: CommandInfo, job_set: &str) -> CommandInfo {
    c.param(ParamSpec::new("Job", TypeKind::Object).array().mandatory().position(0).pipeline().by_name().in_set(job_set).help("The job objects."))
        .param(ParamSpec::new("Id", TypeKind::Int).array().mandatory().position(0).by_name().in_set("SessionIdParameterSet").help("The jobs with these ids."))
        .param(
            ParamSpec::new("Name", TypeKind::String)
                .array()
                .mandatory()
                .position(0)
                .by_name()
                .in_set("NameParameterSet")
                .help("The jobs with these names (wildcards allowed)."),
        )
}

pub fn commands() -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("Start-Job", CORE, &class("StartJob"), || gather(StartJob))
            .param(ParamSpec::new("ScriptBlock", TypeKind::ScriptBlock).mandatory().position(0).alias("Command").help("The commands the job runs."))
            .param(ParamSpec::new("Name", TypeKind::String).help("The job's name (default JobN)."))
            .param(ParamSpec::new("ArgumentList", TypeKind::Object).array().alias("Args").help("Values for the block's parameters or $args."))
            .param(ParamSpec::new("InputObject", TypeKind::PSObject).pipeline().help("Objects the job reads as $input."))
            .param(ParamSpec::new("InitializationScript", TypeKind::ScriptBlock).position(1).help("Commands run before the job's."))
            .param(ParamSpec::new("Credential", TypeKind::Object).help("The account the job runs as (the lab's own)."))
            .outputs("System.Management.Automation.PSRemotingJob")
            .synopsis("Starts a background job.")
            .description("The job runs in a runspace of its own, which shares the simulated world and the lab's files but none of this session's variables or functions. ersim runs it, deterministically, when its results are first asked for (Wait-Job, Receive-Job, Get-Job).")
            .example("Provision in the background", "$job = Start-Job { param($n) \"circuit $n\" } -ArgumentList 1; Receive-Job $job -Wait", "circuit 1."),
        CommandInfo::cmdlet("Get-Job", CORE, &class("GetJob"), || Box::new(GetJob))
            .param(ParamSpec::new("Id", TypeKind::Int).array().position(0).by_name().in_set("SessionIdParameterSet").help("The jobs with these ids."))
            .param(ParamSpec::new("Name", TypeKind::String).array().mandatory().position(0).by_name().in_set("NameParameterSet").help("The jobs with these names (wildcards allowed)."))
            .param(ParamSpec::new("State", TypeKind::String).mandatory().by_name().in_set("StateParameterSet").set(&STATES).help("The jobs in this state."))
            .default_set("SessionIdParameterSet")
            .outputs("System.Management.Automation.Job")
            .synopsis("Gets the session's background jobs.")
            .description("Lists the jobs started in this session, running any that have not run yet.")
            .example("The jobs and their states", "Start-Job { 1 } | Out-Null; Get-Job", "Job1, Completed."),
        selecting(CommandInfo::cmdlet("Wait-Job", CORE, &class("WaitJob"), || Box::new(WaitJob)), "JobParameterSet")
            .param(ParamSpec::new("Timeout", TypeKind::Int).alias("TimeoutSec").help("The most seconds to wait (every job finishes at once here)."))
            .param(ParamSpec::switch("Any").help("Returns when any job finishes."))
            .param(ParamSpec::switch("Force").help("Also waits for suspended jobs."))
            .default_set("JobParameterSet")
            .outputs("System.Management.Automation.Job")
            .synopsis("Waits until background jobs finish.")
            .description("Runs the jobs that have not run and writes the job objects.")
            .example("Wait for a job", "Start-Job { 'done' } | Wait-Job | Receive-Job", "done."),
        selecting(CommandInfo::cmdlet("Receive-Job", CORE, &class("ReceiveJob"), || Box::new(ReceiveJob)), "Location")
            .param(ParamSpec::switch("Keep").help("Keeps the results, so they can be received again."))
            .param(ParamSpec::switch("Wait").help("Waits for the jobs to finish first."))
            .param(ParamSpec::switch("AutoRemoveJob").help("Removes the jobs after receiving them (with -Wait)."))
            .param(ParamSpec::switch("WriteJobInResults").help("Writes the job objects before their results."))
            .default_set("Location")
            .outputs("System.Management.Automation.PSObject")
            .synopsis("Gets the results of background jobs.")
            .description("Writes what the jobs wrote: their output (objects as deserialized copies, as from another runspace), errors as this command's errors, warnings and verbose lines. Without -Keep the results are gone afterwards.")
            .example("Collect a job's output", "$j = Start-Job { 1..3 }; Receive-Job $j -Wait", "1, 2, 3."),
        selecting(CommandInfo::cmdlet("Stop-Job", CORE, &class("StopJob"), || Box::new(StopJob)), "Job")
            .param(ParamSpec::switch("PassThru").help("Writes the stopped jobs."))
            .default_set("Job")
            .outputs("System.Management.Automation.Job")
            .synopsis("Stops background jobs.")
            .description("A job that has not run yet never will; it is Stopped with no results.")
            .example("Stop a job", "$j = Start-Job { 1 }; Stop-Job $j; $j.State", "Stopped."),
        selecting(CommandInfo::cmdlet("Remove-Job", CORE, &class("RemoveJob"), || Box::new(RemoveJob)), "JobParameterSet")
            .param(ParamSpec::switch("Force").alias("F").help("Removes jobs that have not finished."))
            .default_set("JobParameterSet")
            .should_process()
            .synopsis("Deletes background jobs.")
            .description("Removes finished jobs from the session; one not finished needs -Force (or Stop-Job first).")
            .example("Clean up", "Start-Job { 1 } | Wait-Job | Remove-Job", "No job is left."),
    ]
}

const STATES: [&str; 11] =
    ["NotStarted", "Running", "Completed", "Failed", "Stopped", "Blocked", "Suspended", "Disconnected", "Suspending", "Stopping", "AtBreakpoint"];

/// Get-Job's table (PowerShellCore.format.ps1xml's Job view).
pub fn job_view() -> TableView {
    TableView::new(
        JOB_TYPES[1],
        vec![
            ViewColumn::property("Id", 6),
            ViewColumn::property("Name", 15),
            ViewColumn::property("PSJobTypeName", 15),
            ViewColumn::property("State", 13),
            ViewColumn::property("HasMoreData", 15),
            ViewColumn::property("Location", 20),
            ViewColumn::property("Command", 25),
        ],
    )
}

fn jobs(ctx: &mut Ctx) -> Jobs {
    if ctx.interp.extension::<Jobs>().is_none() {
        ctx.interp.add_extension(Rc::new(std::cell::RefCell::new(JobTable::default())));
    }
    ctx.interp.extension::<Jobs>().cloned().unwrap_or_default()
}

fn runner(ctx: &mut Ctx) -> Result<Rc<dyn JobRunner>, Flow> {
    match ctx.interp.extension::<Rc<dyn JobRunner>>() {
        Some(r) => Ok(r.clone()),
        None => Err(ctx.terminate(ErrorRecord::new(
            "This session cannot run background jobs.",
            "System.InvalidOperationException",
            ErrorCategory::InvalidOperation,
            "NoJobRunner",
        ))),
    }
}

fn now(ctx: &Ctx) -> Value {
    Value::DateTime(ctx.interp.clock.now())
}

/// The indexes of the jobs the arguments name, with 5.1's error for each id or name that
/// names none (non-terminating).
fn selected(ctx: &mut Ctx, args: &Args, table: &Jobs) -> EvalResult<Vec<usize>> {
    let t = table.borrow();
    let mut out = Vec::new();
    if let Some(objects) = args.get("Job") {
        // A number or a name given positionally names a job as -Id or -Name would (5.1 binds
        // it to those parameters; ersim's binder offers position 0 to -Job first).
        for o in objects.enumerate() {
            match &o {
                Value::Int(n) => out.extend(t.jobs.iter().position(|j| j.id == *n)),
                Value::Str(s) => out.extend(t.jobs.iter().position(|j| j.name.eq_ignore_ascii_case(s))),
                other => out.extend(t.index_of(other)),
            }
        }
    } else if let Some(ids) = args.get("Id") {
        for id in ids.enumerate() {
            let n = match id {
                Value::Int(n) => n,
                other => to_string(&other).parse().unwrap_or(-1),
            };
            match t.jobs.iter().position(|j| j.id == n) {
                Some(i) => out.push(i),
                None => {
                    let rec = ErrorRecord::new(
                        format!("The command cannot find a job with the job ID {n}. Verify the value of the Id parameter and then try the command again."),
                        "System.ArgumentException",
                        ErrorCategory::ObjectNotFound,
                        format!("JobWithSpecifiedSessionIdNotFound,{}", ctx.command.class_name),
                    )
                    .with_target(&Value::Int(n));
                    ctx.write_error(rec)?;
                }
            }
        }
    } else if let Some(names) = args.get("Name") {
        for name in names.enumerate().iter().map(to_string) {
            let re = crate::engine::ops::wildcard_regex(&name, false);
            let found: Vec<usize> = t.jobs.iter().enumerate().filter(|(_, j)| re.is_match(&j.name)).map(|(i, _)| i).collect();
            if found.is_empty() && !crate::cmdlets::core::files::has_wildcard(&name) {
                let rec = ErrorRecord::new(
                    format!("The command cannot find the job because the job name {name} was not found. Verify the value of the Name parameter, and then try the command again."),
                    "System.ArgumentException",
                    ErrorCategory::ObjectNotFound,
                    format!("JobWithSpecifiedNameNotFound,{}", ctx.command.class_name),
                )
                .with_target(&Value::str(&name));
                ctx.write_error(rec)?;
            }
            out.extend(found);
        }
    } else {
        out.extend(0..t.jobs.len());
    }
    Ok(out)
}

fn run_all(ctx: &mut Ctx, table: &Jobs, indexes: &[usize]) -> EvalResult<()> {
    if indexes.iter().all(|i| table.borrow().jobs[*i].result.is_some()) {
        return Ok(());
    }
    let runner = runner(ctx)?;
    for i in indexes {
        let now = now(ctx);
        table.borrow_mut().run(*i, runner.as_ref(), now);
    }
    Ok(())
}

/// Files a new job in the session's table and gives back its Job object: Start-Job's, and
/// the jobs cmdlets start for themselves (`-AsJob`).
pub fn start_job(ctx: &mut Ctx, spec: JobSpec) -> Value {
    let table = jobs(ctx);
    let instance = ctx.interp.new_guid();
    let now = now(ctx);
    let mut t = table.borrow_mut();
    t.start(spec, instance, now)
}

struct StartJob;

impl Finish for StartJob {
    fn finish(&mut self, ctx: &mut Ctx, args: &Args, input: Vec<Value>) -> EvalResult<()> {
        let Some(Value::ScriptBlock(block)) = args.get("ScriptBlock").cloned() else { return Ok(()) };
        let block_args = args.get("ArgumentList").map(Value::enumerate).unwrap_or_default();
        let init = match args.get("InitializationScript") {
            Some(Value::ScriptBlock(b)) => Some(b.clone()),
            _ => None,
        };
        let spec = JobSpec { name: args.string("Name"), block, init, args: block_args, input, cmdlet: None, native: None };
        let object = start_job(ctx, spec);
        ctx.emit(object)
    }
}

struct GetJob;

impl Cmdlet for GetJob {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let table = jobs(ctx);
        let indexes = selected(ctx, args, &table)?;
        run_all(ctx, &table, &indexes)?;
        let state = args.string("State");
        let objects: Vec<Value> = indexes
            .iter()
            .map(|i| table.borrow().jobs[*i].object.clone())
            .filter(|o| {
                state
                    .as_ref()
                    .is_none_or(|s| matches!(o, Value::Object(x) if x.borrow().get("State").map(to_string).is_some_and(|t| t.eq_ignore_ascii_case(s))))
            })
            .collect();
        ctx.emit_all(objects)
    }
}

struct WaitJob;

impl Cmdlet for WaitJob {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let table = jobs(ctx);
        let indexes = selected(ctx, args, &table)?;
        run_all(ctx, &table, &indexes)?;
        let objects: Vec<Value> = indexes.iter().map(|i| table.borrow().jobs[*i].object.clone()).collect();
        if args.switch("Any") {
            return ctx.emit_all(objects.into_iter().take(1).collect());
        }
        ctx.emit_all(objects)
    }
}

struct ReceiveJob;

impl Cmdlet for ReceiveJob {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let table = jobs(ctx);
        let indexes = selected(ctx, args, &table)?;
        // A job that has not run yet has nothing to give unless waited for — except that
        // here it runs now: ersim's jobs finish as soon as anything looks at them.
        run_all(ctx, &table, &indexes)?;
        for i in &indexes {
            if args.switch("WriteJobInResults") {
                let object = table.borrow().jobs[*i].object.clone();
                ctx.emit(object)?;
            }
            let result = table.borrow_mut().receive(*i, args.switch("Keep"));
            for w in &result.warnings {
                ctx.write_warning(w)?;
            }
            for v in &result.verbose {
                ctx.write_verbose(v)?;
            }
            for (text, newline) in &result.host {
                ctx.write_host(text, *newline)?;
            }
            let instance = match &table.borrow().jobs[*i].object {
                Value::Object(o) => o.borrow().get("InstanceId").cloned().unwrap_or(Value::Null),
                _ => Value::Null,
            };
            let serialized = table.borrow().jobs[*i].serialized;
            for v in result.output {
                ctx.emit(if serialized { deserialized(v, &instance) } else { v })?;
            }
            for e in result.errors {
                let mut rec = (*e).clone();
                rec.origin = Some("localhost".into());
                ctx.write_error(rec)?;
            }
        }
        if args.switch("AutoRemoveJob") && args.switch("Wait") {
            let mut t = table.borrow_mut();
            let mut sorted = indexes.clone();
            sorted.sort_unstable_by(|a, b| b.cmp(a));
            for i in sorted {
                t.jobs.remove(i);
            }
        }
        Ok(())
    }
}

/// An object that crossed from the job's runspace: a property bag named `Deserialized.T`
/// with the three notes 5.1's remoting adds. Strings, numbers and other primitives stay.
fn deserialized(v: Value, runspace: &Value) -> Value {
    let Value::Object(o) = &v else { return v };
    let o = o.borrow();
    // A property bag: no class (and no hidden members) survives serialization.
    let mut copy = PsObject::typed("System.Object");
    copy.type_names = o.type_names.iter().map(|t| format!("Deserialized.{t}")).collect();
    copy.props = o.props.clone();
    copy.text = o.text.clone();
    copy.add_typed("PSComputerName", "string", Value::str("localhost"));
    copy.add_typed("RunspaceId", "guid", runspace.clone());
    copy.add_typed("PSShowComputerName", "bool", Value::Bool(false));
    Value::object(copy)
}

struct StopJob;

impl Cmdlet for StopJob {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let table = jobs(ctx);
        let indexes = selected(ctx, args, &table)?;
        for i in &indexes {
            let now = now(ctx);
            table.borrow_mut().stop(*i, now);
        }
        if args.switch("PassThru") {
            let objects: Vec<Value> = indexes.iter().map(|i| table.borrow().jobs[*i].object.clone()).collect();
            return ctx.emit_all(objects);
        }
        Ok(())
    }
}

struct RemoveJob;

impl Cmdlet for RemoveJob {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let table = jobs(ctx);
        let indexes = selected(ctx, args, &table)?;
        let mut remove = Vec::new();
        for i in indexes {
            let (id, command, finished) = {
                let t = table.borrow();
                let j = &t.jobs[i];
                (j.id, j.block.inner_text().trim().to_string(), j.result.is_some())
            };
            if !finished && !args.switch("Force") {
                let rec = ErrorRecord::new(
                    // An ArgumentException naming its parameter: .NET adds the name on a line of its own.
                    format!("The command cannot remove the job with the job ID {id} because the job is not finished. To remove the job, first stop the job, or use the Force parameter.\r\nParameter name: Job"),
                    "System.ArgumentException",
                    ErrorCategory::InvalidOperation,
                    format!("JobObjectNotFinishedCannotBeRemoved,{}", ctx.command.class_name),
                )
                .with_target(&table.borrow().jobs[i].object.clone());
                ctx.write_error(rec)?;
                continue;
            }
            if ctx.should_process(&format!("Remote Command: {command}, associated with the job that has an ID of \"{id}\"."), "Remove")? {
                remove.push(i);
            }
        }
        remove.sort_unstable_by(|a, b| b.cmp(a));
        let mut t = table.borrow_mut();
        for i in remove {
            t.jobs.remove(i);
        }
        Ok(())
    }
}
