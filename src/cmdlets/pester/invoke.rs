//! Invoke-Pester: the `*.Tests.ps1` files of `-Path` found, each discovered (run with the
//! test commands collecting its tree), then each run, the report written on the way, and
//! with `-PassThru` the run's result object. `-CI` (or `Run.Exit`) makes a failed run exit
//! the script with a non-zero code, and writes the NUnit result file.

use std::rc::Rc;

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::{to_bool, to_string};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, EvalResult, Flow};
use crate::labfs::{Item, LabFs};

use super::config::Settings;
use super::containers::{self, Code, Container};
use super::report::{Report, Verbosity};
use super::run::{ContainerResult, Runner};
use super::state::state;
use super::tree::Block;
use super::{info, result, testdrive};

pub fn command() -> CommandInfo {
    info("Invoke-Pester", || Box::new(InvokePester))
        .param(ParamSpec::new("Path", TypeKind::String).array().position(0).alias("Script").help("Test files, or folders searched for *.Tests.ps1 files (the current folder by default)."))
        .param(ParamSpec::new("ExcludePath", TypeKind::String).array().help("Files not to run (wildcards)."))
        .param(ParamSpec::new("TagFilter", TypeKind::String).array().alias("Tag").alias("Tags").help("Runs only the tests with one of these tags (wildcards)."))
        .param(ParamSpec::new("ExcludeTagFilter", TypeKind::String).array().alias("ExcludeTag").help("Leaves out the tests with one of these tags."))
        .param(ParamSpec::new("FullNameFilter", TypeKind::String).array().alias("FullName").help("Runs only the tests whose Describe.Context.It name matches (wildcards)."))
        .param(ParamSpec::new("Output", TypeKind::String).set(&["None", "Normal", "Detailed", "Diagnostic"]).default_text("Normal").help("How much the report shows."))
        .param(ParamSpec::new("Container", TypeKind::Object).array().help("New-PesterContainer objects: files or script blocks, with data for their param() blocks."))
        .param(ParamSpec::new("Configuration", TypeKind::Object).help("A New-PesterConfiguration object or a hashtable of its sections; other parameters are not used with it."))
        .param(ParamSpec::switch("PassThru").help("Writes the run's result object."))
        .param(ParamSpec::switch("CI").help("A failed run exits with a non-zero code, and testResults.xml (NUnit 2.5) is written."))
        .outputs("Pester.Run")
        .synopsis("Runs Pester tests.")
        .description("Pester 5's model: every file is discovered first (Describe and Context bodies run, the tests and setup blocks are collected), then the tests run. The report goes to the information stream as Write-Host text; its times come from ersim's virtual clock, so a run prints the same every time.")
        .example(
            "Run a test file",
            "New-Item C:\\tests -ItemType Directory -Force | Out-Null; Set-Content C:\\tests\\Math.Tests.ps1 \"Describe 'Math' { It 'adds' { 1 + 1 | Should -Be 2 } }\"; Invoke-Pester C:\\tests\\Math.Tests.ps1",
            "Starting discovery in 1 files., the file's [+] line and Tests Passed: 1, Failed: 0, Skipped: 0 NotRun: 0.",
        )
        .example(
            "Counts from the result object",
            "New-Item C:\\tests -ItemType Directory -Force | Out-Null; Set-Content C:\\tests\\Two.Tests.ps1 \"Describe 'Two' { It 'a' { 1 | Should -Be 1 }; It 'b' -Skip { } }\"; (Invoke-Pester C:\\tests\\Two.Tests.ps1 -Output None -PassThru).PassedCount",
            "1.",
        )
}

struct InvokePester;

impl Cmdlet for InvokePester {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let settings = Settings::from_args(ctx, args)?;
        let fs = super::lab(ctx)?;
        let containers = find_containers(ctx, &fs, &settings)?;
        let report = Report { verbosity: settings.verbosity };
        let started = ctx.interp.clock.now();
        let pester = state(ctx.interp);
        pester.continue_on_failure.set(settings.should_continue);
        pester.pester4_scopes.set(settings.pester4_scopes);
        let run = run_containers(ctx, &fs, &containers, &settings, &report);
        pester.continue_on_failure.set(false);
        pester.pester4_scopes.set(false);
        let run = run?;
        let failures = run
            .iter()
            .map(|c| {
                c.tests.iter().filter(|t| t.outcome == super::run::Outcome::Failed).count() + c.failed_blocks.len() + usize::from(c.discovery_error.is_some())
            })
            .sum::<usize>();
        if settings.result_file {
            super::nunit::write(ctx, &fs, &settings, &run, started)?;
        }
        if settings.pass_thru {
            let total = run.iter().map(|c| c.ticks + c.discovery_ticks).sum();
            ctx.emit(result::run_object(&run, total))?;
        }
        if settings.exit && failures > 0 {
            return Err(Flow::Exit(failures.min(255) as i32));
        }
        Ok(())
    }
}

/// The containers a run takes: `-Container`'s, else each file of `-Path` and every
/// `*.Tests.ps1` under each folder named, in name order; a path with nothing there is an
/// error, and the others still run.
fn find_containers(ctx: &mut Ctx, fs: &LabFs, settings: &Settings) -> EvalResult<Vec<Container>> {
    let mut expand = |path: &str| -> EvalResult<Vec<Item>> {
        let item = match fs.resolve(path) {
            Ok(item) if fs.exists(&item) => item,
            _ => {
                ctx.write_error(ErrorRecord::new(
                    format!("Cannot find path '{path}' because it does not exist."),
                    "System.Management.Automation.ItemNotFoundException",
                    ErrorCategory::ObjectNotFound,
                    "PathNotFound,Invoke-Pester",
                ))?;
                return Ok(Vec::new());
            }
        };
        let mut files = Vec::new();
        if fs.is_dir(&item) {
            collect(fs, &item, &mut files);
        } else {
            files.push(item);
        }
        files.retain(|f| !settings.exclude_paths.iter().any(|p| crate::engine::ops::like(&Value::str(f.shown()), &Value::str(p), false)));
        Ok(files)
    };
    if !settings.containers.is_empty() {
        return containers::from_objects(&settings.containers, &mut expand);
    }
    let mut out = Vec::new();
    for path in &settings.paths {
        out.extend(expand(path)?.into_iter().map(|f| Container { code: Code::File(f), data: None }));
    }
    Ok(out)
}

fn collect(fs: &LabFs, folder: &Item, out: &mut Vec<Item>) {
    let Ok(mut entries) = fs.list(folder) else { return };
    entries.sort_by_key(|e| e.item.lab.name().to_ascii_lowercase());
    for e in &entries {
        if !e.is_dir && e.item.lab.name().to_ascii_lowercase().ends_with(".tests.ps1") {
            out.push(e.item.clone());
        }
    }
    for e in entries.iter().filter(|e| e.is_dir) {
        collect(fs, &e.item, out);
    }
}

/// One container as discovery found it.
struct Discovered {
    path: String,
    kind: &'static str,
    root: Option<Block>,
    error: Option<Rc<ErrorRecord>>,
    ticks: i64,
    /// With `Run.Pester4Scopes` the file's test drive already exists in discovery, as
    /// Pester 4 made it before a Describe body ran; it is kept for the file's run.
    drive: Option<testdrive::Drive>,
}

fn ticks_since(ctx: &Ctx, start: chrono::NaiveDateTime) -> i64 {
    (ctx.interp.clock.now() - start).num_microseconds().unwrap_or(0) * 10
}

fn run_containers(ctx: &mut Ctx, fs: &LabFs, containers: &[Container], settings: &Settings, report: &Report) -> EvalResult<Vec<ContainerResult>> {
    let start = ctx.interp.clock.now();
    report.discovery_start(ctx, containers.len())?;
    let mut found = Vec::new();
    for c in containers {
        let t0 = ctx.interp.clock.now();
        let mut drive = settings.pester4_scopes.then(|| testdrive::create(ctx));
        if let Some(d) = drive.as_mut() {
            testdrive::enter(ctx, d);
        }
        let discovered = containers::discover(ctx, fs, c);
        if let Some(d) = drive.as_mut() {
            testdrive::leave(ctx, d);
        }
        let (root, error) = match discovered? {
            Ok(root) => (Some(root), None),
            Err(e) => {
                report.discovery_failed(ctx, &c.name(), &e)?;
                (None, Some(e))
            }
        };
        let kind = if matches!(c.code, Code::File(_)) { "File" } else { "ScriptBlock" };
        found.push(Discovered { path: c.name(), kind, root, error, ticks: ticks_since(ctx, t0), drive });
    }
    let tests: usize = found.iter().filter_map(|d| d.root.as_ref()).map(Block::test_count).sum();
    let selected: usize = found.iter().filter_map(|d| d.root.as_ref()).map(|r| settings.filter.count(r)).sum();
    report.discovery_done(ctx, tests, ticks_since(ctx, start), &settings.filter, selected)?;
    let mut results = Vec::new();
    for d in found {
        let mut result = ContainerResult { path: d.path.clone(), kind: d.kind, discovery_error: d.error, discovery_ticks: d.ticks, ..Default::default() };
        if let Some(root) = &d.root {
            report.container_start(ctx, &d.path)?;
            let mut runner = Runner { filter: &settings.filter, report, result };
            testdrive::around(ctx, d.drive, |ctx| runner.run(ctx, root))?;
            result = runner.result;
        } else if let Some(drive) = d.drive {
            testdrive::remove(ctx, drive);
        }
        report.container_done(ctx, &result)?;
        results.push(result);
    }
    report.summary(ctx, &results, ticks_since(ctx, start))?;
    Ok(results)
}

/// A Describe called outside Invoke-Pester (a test file started directly): the block
/// discovered, then run and reported as Invoke-Pester would with the default settings.
pub fn standalone(ctx: &mut Ctx, root: Block) -> EvalResult<()> {
    let settings = Settings::default();
    let report = Report { verbosity: Verbosity::Normal };
    let path = root_path(ctx);
    report.discovery_start(ctx, 1)?;
    report.discovery_done(ctx, root.test_count(), 0, &settings.filter, 0)?;
    let result = ContainerResult { path, kind: "File", ..Default::default() };
    let mut runner = Runner { filter: &settings.filter, report: &report, result };
    testdrive::around(ctx, None, |ctx| runner.run(ctx, &root))?;
    let result = runner.result;
    report.container_done(ctx, &result)?;
    report.summary(ctx, std::slice::from_ref(&result), result.ticks)
}

/// The file a standalone Describe is in, as the report names it.
fn root_path(ctx: &Ctx) -> String {
    ctx.info.position.as_ref().and_then(|(src, _)| src.path.clone()).unwrap_or_else(|| "<ScriptBlock>".to_string())
}

/// A setting's value from a configuration object or hashtable: the option's `Value` when
/// it is one of New-PesterConfiguration's options, else the value itself.
pub fn option(config: &Value, section: &str, name: &str) -> Option<Value> {
    let s = super::tree::member(config, section)?;
    let v = super::tree::member(&s, name)?;
    let v = match super::tree::member(&v, "Value") {
        Some(inner) if matches!(v, Value::Object(_)) => inner,
        _ => v,
    };
    (!v.is_null()).then_some(v)
}

pub fn option_bool(config: &Value, section: &str, name: &str) -> Option<bool> {
    option(config, section, name).map(|v| to_bool(&v))
}

pub fn option_strings(config: &Value, section: &str, name: &str) -> Option<Vec<String>> {
    option(config, section, name).map(|v| v.enumerate().iter().map(to_string).collect())
}
