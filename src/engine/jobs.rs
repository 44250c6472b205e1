//! Background jobs (Start-Job and the Job cmdlets), run deterministically in-process: a job
//! runs, in a runspace of its own that shares only the simulated world and the lab's files,
//! the first time its results are asked for (Wait-Job, Receive-Job, Get-Job, Stop-Job);
//! until then it is `Running`, as a just-started job is. The session installs the
//! [`JobRunner`] that builds such a runspace; the engine keeps the table of jobs.

use std::cell::RefCell;
use std::rc::Rc;

use super::error::ErrorRecord;
use super::value::{PsObject, Value};
use crate::lang::ast::ScriptBlock;

pub const JOB_TYPES: [&str; 3] = ["System.Management.Automation.PSRemotingJob", "System.Management.Automation.Job", "System.Object"];

/// What a job's runspace gave back.
#[derive(Default)]
pub struct JobOutput {
    pub output: Vec<Value>,
    pub errors: Vec<Rc<ErrorRecord>>,
    pub warnings: Vec<String>,
    pub verbose: Vec<String>,
    /// Write-Host text, each piece with whether it ended its line.
    pub host: Vec<(String, bool)>,
    /// A terminating error ended it: the job is Failed.
    pub failed: bool,
}

/// A job that is Rust rather than a script: a cmdlet's own long-running operation, finished
/// (its output made) when the job runs.
pub type NativeJob = Box<dyn FnOnce() -> JobOutput>;

/// Runs a job's script (its text, re-parsed in the new runspace) with its arguments and input.
pub trait JobRunner {
    fn run(&self, init: Option<&str>, script: &str, args: Vec<Value>, input: Vec<Value>) -> JobOutput;
}

pub struct Job {
    pub id: i32,
    pub name: String,
    pub block: Rc<ScriptBlock>,
    /// `-InitializationScript`: run first, in the same runspace.
    pub init: Option<Rc<ScriptBlock>>,
    pub args: Vec<Value>,
    pub input: Vec<Value>,
    /// None until the job has run.
    pub result: Option<JobOutput>,
    /// The Job object scripts hold; its State and HasMoreData follow the job.
    pub object: Value,
    pub stopped: bool,
    /// Whether its results come back serialized (a background job's process) or as the
    /// objects themselves (a cmdlet's own job, run on a thread of the session).
    pub serialized: bool,
    /// Run instead of the script when set.
    pub native: Option<NativeJob>,
}

/// A job a cmdlet starts for itself (`-AsJob`) rather than Start-Job: its own type, job
/// type name and command text; its results are not serialized.
pub struct CmdletJob {
    pub type_name: String,
    pub job_type: String,
    pub command: String,
}

/// What Start-Job was given.
pub struct JobSpec {
    pub name: Option<String>,
    pub block: Rc<ScriptBlock>,
    pub init: Option<Rc<ScriptBlock>>,
    pub args: Vec<Value>,
    pub input: Vec<Value>,
    /// None for Start-Job's background jobs.
    pub cmdlet: Option<CmdletJob>,
    /// A cmdlet job's own completion, run instead of `block`.
    pub native: Option<NativeJob>,
}

/// The session's jobs, in the order they were started.
#[derive(Default)]
pub struct JobTable {
    pub jobs: Vec<Job>,
    next_id: i32,
}

pub type Jobs = Rc<RefCell<JobTable>>;

fn set(object: &Value, name: &str, v: Value) {
    if let Value::Object(o) = object {
        o.borrow_mut().set(name, v);
    }
}

impl JobTable {
    /// A new job, `Running`. Ids go 1, 3, 5…: 5.1 gives each job's child job the next id.
    pub fn start(&mut self, spec: JobSpec, instance: uuid::Uuid, now: Value) -> Value {
        let JobSpec { name, block, init, args, input, cmdlet, native } = spec;
        let id = if self.next_id == 0 { 1 } else { self.next_id };
        self.next_id = id + 2;
        let name = name.unwrap_or_else(|| format!("Job{id}"));
        let mut o = PsObject::typed(JOB_TYPES[0]);
        o.type_names = JOB_TYPES.iter().map(|t| t.to_string()).collect();
        if let Some(c) = &cmdlet {
            o.type_names[0] = c.type_name.clone();
        }
        let command = cmdlet.as_ref().map_or_else(|| block.inner_text().trim().to_string(), |c| c.command.clone());
        o.add_typed("State", "System.Management.Automation.JobState", Value::str("Running"));
        o.add_typed("HasMoreData", "bool", Value::Bool(true));
        o.add_typed("StatusMessage", "string", Value::str(""));
        o.add_typed("Location", "string", Value::str("localhost"));
        o.add_typed("Command", "string", Value::str(&command));
        o.add_typed("InstanceId", "guid", Value::Guid(instance));
        o.add_typed("Id", "int", Value::Int(id));
        o.add_typed("Name", "string", Value::str(&name));
        o.add_typed("PSJobTypeName", "string", Value::str(cmdlet.as_ref().map_or("BackgroundJob", |c| c.job_type.as_str())));
        o.add_typed("PSBeginTime", "System.Nullable[datetime]", now);
        o.add_typed("PSEndTime", "System.Nullable[datetime]", Value::Null);
        let object = Value::object(o);
        let serialized = cmdlet.is_none();
        self.jobs.push(Job { id, name, block, init, args, input, result: None, object: object.clone(), stopped: false, serialized, native });
        object
    }

    /// Runs the job at `index` if it has not run: its state becomes Completed or Failed.
    pub fn run(&mut self, index: usize, runner: &dyn JobRunner, now: Value) {
        let job = &mut self.jobs[index];
        if job.result.is_some() {
            return;
        }
        let out = match job.native.take() {
            Some(native) => native(),
            None => runner.run(job.init.as_ref().map(|b| b.inner_text()), job.block.inner_text(), job.args.clone(), job.input.clone()),
        };
        // A cmdlet's own job fails on the error its operation threw (AzureLongRunningJob's
        // Fail); a script job only on a terminating one.
        let failed = out.failed || (!job.serialized && !out.errors.is_empty());
        let state = if failed { "Failed" } else { "Completed" };
        let more = !(out.output.is_empty() && out.errors.is_empty() && out.warnings.is_empty() && out.verbose.is_empty() && out.host.is_empty());
        set(&job.object, "State", Value::str(state));
        set(&job.object, "HasMoreData", Value::Bool(more));
        set(&job.object, "PSEndTime", now);
        job.result = Some(out);
    }

    /// Stop-Job: a job that has not run never will.
    pub fn stop(&mut self, index: usize, now: Value) {
        let job = &mut self.jobs[index];
        if job.result.is_none() {
            job.result = Some(JobOutput::default());
            job.stopped = true;
            set(&job.object, "State", Value::str("Stopped"));
            set(&job.object, "HasMoreData", Value::Bool(false));
            set(&job.object, "PSEndTime", now);
        }
    }

    /// Receive-Job: the results so far; without `keep` they are gone afterwards.
    pub fn receive(&mut self, index: usize, keep: bool) -> JobOutput {
        let job = &mut self.jobs[index];
        let Some(result) = job.result.as_mut() else { return JobOutput::default() };
        if keep {
            return JobOutput {
                output: result.output.clone(),
                errors: result.errors.clone(),
                warnings: result.warnings.clone(),
                verbose: result.verbose.clone(),
                host: result.host.clone(),
                failed: result.failed,
            };
        }
        set(&job.object, "HasMoreData", Value::Bool(false));
        std::mem::take(result)
    }

    pub fn index_of(&self, object: &Value) -> Option<usize> {
        self.jobs.iter().position(|j| j.object.same_reference(object))
    }
}
