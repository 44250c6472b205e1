//! The run's settings, from Invoke-Pester's parameters or from a configuration (a
//! New-PesterConfiguration object or a hashtable of the same sections), and
//! New-PesterConfiguration itself with the commonly used options.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::{Ctx, EvalResult};

use super::info;
use super::invoke::{option, option_bool, option_strings};
use super::report::Verbosity;
use super::run::Filter;

/// The result file formats: NUnit 2.5 by either name, and JUnit 4.
pub const RESULT_FORMATS: [&str; 3] = ["NUnitXml", "NUnit2.5", "JUnitXml"];

#[derive(Debug, Clone)]
pub struct Settings {
    pub paths: Vec<String>,
    /// New-PesterContainer objects (`-Container`, `Run.Container`); they replace the paths.
    pub containers: Vec<Value>,
    pub exclude_paths: Vec<String>,
    pub filter: Filter,
    pub verbosity: Verbosity,
    pub pass_thru: bool,
    pub exit: bool,
    pub result_file: bool,
    pub result_path: String,
    pub result_format: String,
    /// `Should.ErrorAction = 'Continue'`: a failed assertion does not end its test.
    pub should_continue: bool,
    /// `Run.Pester4Scopes` (ersim's own option): tests see their blocks' body variables.
    pub pester4_scopes: bool,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            paths: vec![".".to_string()],
            containers: Vec::new(),
            exclude_paths: Vec::new(),
            filter: Filter::default(),
            verbosity: Verbosity::Normal,
            pass_thru: false,
            exit: false,
            result_file: false,
            result_path: "testResults.xml".to_string(),
            result_format: "NUnitXml".to_string(),
            should_continue: false,
            pester4_scopes: false,
        }
    }
}

fn strings(args: &Args, name: &str) -> Vec<String> {
    args.get(name).map(|v| v.enumerate().iter().map(to_string).collect()).unwrap_or_default()
}

impl Settings {
    pub fn from_args(ctx: &mut Ctx, args: &Args) -> EvalResult<Settings> {
        let mut s = Settings::default();
        if let Some(config) = args.get("Configuration").filter(|v| !v.is_null()).cloned() {
            s.apply(ctx, &config)?;
            return Ok(s);
        }
        if args.has("Path") {
            s.paths = strings(args, "Path");
        }
        s.containers = args.get("Container").map(|v| v.enumerate()).unwrap_or_default();
        s.exclude_paths = strings(args, "ExcludePath");
        s.filter = Filter { tags: strings(args, "TagFilter"), exclude_tags: strings(args, "ExcludeTagFilter"), full_names: strings(args, "FullNameFilter") };
        if let Some(out) = args.string("Output") {
            s.verbosity = Verbosity::parse(&out).unwrap_or(Verbosity::Normal);
        }
        s.pass_thru = args.switch("PassThru");
        if args.switch("CI") {
            s.exit = true;
            s.result_file = true;
        }
        Ok(s)
    }

    fn apply(&mut self, ctx: &mut Ctx, c: &Value) -> EvalResult<()> {
        if let Some(p) = option_strings(c, "Run", "Path") {
            self.paths = p;
        }
        if let Some(v) = option(c, "Run", "Container") {
            self.containers = v.enumerate();
        }
        if let Some(v) = option(c, "Run", "ScriptBlock") {
            self.containers.extend(v.enumerate().into_iter().map(|sb| {
                let mut o = PsObject::typed("Pester.ContainerInfo");
                o.add_note("Type", Value::str("ScriptBlock"));
                o.add_note("Item", sb);
                Value::object(o)
            }));
        }
        if let Some(p) = option_strings(c, "Run", "ExcludePath") {
            self.exclude_paths = p;
        }
        self.exit = option_bool(c, "Run", "Exit").unwrap_or(false);
        self.pass_thru = option_bool(c, "Run", "PassThru").unwrap_or(false);
        self.pester4_scopes = option_bool(c, "Run", "Pester4Scopes").unwrap_or(false);
        self.filter.tags = option_strings(c, "Filter", "Tag").unwrap_or_default();
        self.filter.exclude_tags = option_strings(c, "Filter", "ExcludeTag").unwrap_or_default();
        self.filter.full_names = option_strings(c, "Filter", "FullName").unwrap_or_default();
        if let Some(v) = option(c, "Output", "Verbosity") {
            let text = to_string(&v);
            self.verbosity = Verbosity::parse(&text).ok_or_else(|| {
                ctx.terminate(ErrorRecord::new(
                    format!("Output.Verbosity must be one of None, Normal, Detailed, Diagnostic, but it was '{text}'."),
                    "System.ArgumentException",
                    ErrorCategory::InvalidArgument,
                    "InvalidConfiguration,Invoke-Pester",
                ))
            })?;
        }
        self.result_file = option_bool(c, "TestResult", "Enabled").unwrap_or(false);
        if let Some(p) = option(c, "TestResult", "OutputPath") {
            self.result_path = to_string(&p);
        }
        if let Some(f) = option(c, "TestResult", "OutputFormat") {
            self.result_format = to_string(&f);
        }
        if let Some(a) = option(c, "Should", "ErrorAction") {
            self.should_continue = to_string(&a).eq_ignore_ascii_case("Continue");
        }
        if self.result_file && !RESULT_FORMATS.iter().any(|f| f.eq_ignore_ascii_case(&self.result_format)) {
            return Err(ctx.terminate(ErrorRecord::new(
                format!("TestResult.OutputFormat must be NUnitXml, NUnit2.5 or JUnitXml, but it was '{}'.", self.result_format),
                "System.ArgumentException",
                ErrorCategory::InvalidArgument,
                "InvalidConfiguration,Invoke-Pester",
            )));
        }
        Ok(())
    }
}

/// The sections and options New-PesterConfiguration offers, with their defaults.
fn sections() -> Vec<(&'static str, Vec<(&'static str, Value)>)> {
    let empty = || Value::array(Vec::new());
    vec![
        (
            "Run",
            vec![
                ("Path", Value::array(vec![Value::str(".")])),
                ("ExcludePath", empty()),
                ("ScriptBlock", empty()),
                ("Container", empty()),
                ("Exit", Value::Bool(false)),
                ("PassThru", Value::Bool(false)),
                ("Pester4Scopes", Value::Bool(false)),
            ],
        ),
        ("Filter", vec![("Tag", empty()), ("ExcludeTag", empty()), ("FullName", empty())]),
        ("Output", vec![("Verbosity", Value::str("Normal"))]),
        ("TestResult", vec![("Enabled", Value::Bool(false)), ("OutputFormat", Value::str("NUnitXml")), ("OutputPath", Value::str("testResults.xml"))]),
        ("Should", vec![("ErrorAction", Value::str("Stop"))]),
    ]
}

pub fn command() -> CommandInfo {
    info("New-PesterConfiguration", || Box::new(NewConfiguration))
        .param(ParamSpec::new("Hashtable", TypeKind::Object).position(0).help("Sections and options to set, as @{ Run = @{ Path = '.' } }."))
        .outputs("PesterConfiguration")
        .synopsis("Creates a configuration for Invoke-Pester -Configuration.")
        .description("Sections Run (Path, ExcludePath, ScriptBlock, Container, Exit, PassThru, and ersim's own Pester4Scopes: tests see the variables their Describe and Context bodies set, as under Pester 4), Filter (Tag, ExcludeTag, FullName), Output (Verbosity), TestResult (Enabled, OutputFormat NUnitXml or JUnitXml, OutputPath) and Should (ErrorAction: Stop, or Continue to go on after a failed assertion), each option holding its default until set: $c.Run.Path = 'C:\\tests'.")
        .example("Detailed output", "$c = New-PesterConfiguration; $c.Output.Verbosity = 'Detailed'; $c.Output.Verbosity", "Detailed.")
}

struct NewConfiguration;

impl Cmdlet for NewConfiguration {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let given = args.get("Hashtable").cloned().unwrap_or(Value::Null);
        let mut config = PsObject::typed("PesterConfiguration");
        for (section, options) in sections() {
            let mut o = PsObject::typed(&format!("Pester.{section}Configuration"));
            for (name, default) in options {
                let value = super::tree::member(&given, section).and_then(|s| super::tree::member(&s, name)).unwrap_or(default);
                o.add_note(name, value);
            }
            config.add_note(section, Value::object(o));
        }
        ctx.emit(Value::object(config))
    }
}
