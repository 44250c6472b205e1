//! A session: the interpreter with every cmdlet registered, the console host,
//! and the simulated world the cmdlets act on.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::cmdlets;
use crate::cmdlets::world::WorldHandle;
use crate::engine::binder::ArgItem;
use crate::engine::error::{CommandKind, InvocationInfo};
use crate::engine::history::SessionHistory;
use crate::engine::host::PromptPrefix;
use crate::engine::jobs::JobRunner;
use crate::engine::limits::{check_input_file, read_input_file, InputFileError};
use crate::engine::redirect::RedirectionFiles;
use crate::engine::run::{Outcome, RunAs};
use crate::engine::views::ViewTable;
use crate::engine::{Clock, Interp, Value};
use crate::labfs::{Config as LabConfig, DriveRoot, LabFs};
use crate::lang::ast::{Source, Span};

use super::console::{ConsoleHost, Echo, LineReader};

#[derive(Debug, Clone, Default)]
pub struct SessionOptions {
    pub interactive: bool,
    pub state_file: Option<String>,
    pub in_memory: bool,
    pub drive_root: Option<String>,
    pub allow_paths: Vec<String>,
    /// The folder shown as `C:\Users\admin`; the current directory when not given (the
    /// fuzz targets give a scratch folder, so generated scripts write nothing of value).
    pub start_dir: Option<PathBuf>,
}

pub struct Session {
    pub interp: Interp,
}

/// The screen buffer's width: the terminal's, or 120 columns (the buffer of a
/// default Windows console) when output is not a terminal.
pub fn screen_width() -> usize {
    screen_size().0
}

/// The terminal's columns and rows, or 5.1's default window (120 × 50) off a terminal.
pub fn screen_size() -> (usize, usize) {
    if std::io::stdout().is_terminal() {
        if let Some((terminal_size::Width(w), terminal_size::Height(h))) = terminal_size::terminal_size() {
            return (w as usize, h as usize);
        }
    }
    (120, 50)
}

/// Prompts (Read-Host, confirmations, missing parameters) read through a line editor in
/// raw mode, so Ctrl-C arrives as a key, not as SIGINT: it cancels the prompt and stops
/// the pipeline, as 5.1's ReadLine throws PipelineStoppedException. A cooked read carried
/// on after `^C`, and the next Enter took the default Yes. The flag `interrupt` is the
/// interpreter's, so the caller of the prompt sees the stop.
fn terminal_reader(interrupt: Arc<AtomicBool>) -> LineReader {
    let mut editor: Option<rustyline::Editor<super::repl::Masking, rustyline::history::DefaultHistory>> = None;
    Box::new(move |prompt: &str, echo: Echo| {
        if editor.is_none() {
            editor = rustyline::Editor::new().ok();
        }
        let ed = editor.as_mut()?;
        ed.set_helper(Some(super::repl::Masking(echo == Echo::Masked)));
        // The mask is drawn by the highlighter, which the editor runs only with colours on.
        let mode = if echo == Echo::Masked { rustyline::ColorMode::Forced } else { rustyline::ColorMode::Enabled };
        rustyline::config::Configurer::set_color_mode(ed, mode);
        match ed.readline(prompt) {
            Ok(line) => Some(line),
            Err(rustyline::error::ReadlineError::Interrupted) => {
                interrupt.store(true, Ordering::SeqCst);
                None
            }
            Err(_) => None,
        }
    })
}

impl Session {
    /// A session writing to the process's standard output and error. Fails with
    /// the exit code to use when the world cannot be opened.
    pub fn new(options: SessionOptions) -> Result<Session, i32> {
        Session::with_io(options, Box::new(std::io::stdout()), Box::new(std::io::stderr()), None)
    }

    /// A session with chosen streams and prompt reader (tests, the REPL).
    pub fn with_io(options: SessionOptions, out: Box<dyn std::io::Write>, err: Box<dyn std::io::Write>, reader: Option<LineReader>) -> Result<Session, i32> {
        let world = cmdlets::world::WorldHandle::open(options.state_file.as_ref().map(PathBuf::from), options.in_memory).map_err(|message| {
            eprintln!("{message}");
            2
        })?;
        let clock: Rc<dyn Clock> = Rc::new(world.clone());
        let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        let buffer_width = screen_width();
        // One table of views for Format-Table and for the console's Out-Default.
        let views = ViewTable::default();
        let interrupt = Arc::new(AtomicBool::new(false));
        let mut host = ConsoleHost::new(out, err, buffer_width, clock.clone(), views.clone()).with_color(color).stop_on_closed_output(interrupt.clone());
        if options.interactive {
            host = host.interactive(reader.unwrap_or_else(|| terminal_reader(interrupt.clone())));
        }
        let mut interp = Interp::new(Box::new(host));
        interp.interrupt = interrupt;
        // The console's prompt is at level 0; a Suspend's nested prompt raises it.
        let _ = interp.set_var("NestedPromptLevel", Some("global"), Value::Int(0));
        interp.views = views;
        // Ctrl-C stops the running pipeline (the REPL keeps its session; a script ends).
        let interrupt = interp.interrupt.clone();
        let _ = ctrlc::set_handler(move || interrupt.store(true, Ordering::SeqCst));
        let fs = Rc::new(lab_fs(&options, &world));
        populate(&mut interp, &world, fs.clone(), buffer_width);
        // Start-Job's runspaces: the same world and files, nothing else of this session.
        let jobs: Rc<dyn JobRunner> = Rc::new(super::jobs::Runner { world, fs, width: buffer_width });
        interp.add_extension(jobs);
        if options.interactive {
            interp.add_extension(Rc::new(SessionHistory::default()));
        }
        interp.add_extension(PromptPrefix(Box::new(prompt_prefix)));
        Ok(Session { interp })
    }
}

/// The prompt before its `>` signs: 5.1's `PS C:\Users\admin` (the current location) with
/// the selected subscription in brackets, because every command's result depends on it and
/// the provider side needs switching to another subscription.
pub fn prompt_prefix(interp: &Interp) -> String {
    let location = interp.extension::<Rc<LabFs>>().map_or_else(|| "C:\\Users\\admin".to_string(), |fs| fs.location().to_string());
    match interp.extension::<WorldHandle>().and_then(WorldHandle::selected_subscription_name) {
        Some(s) => format!("PS [{s}] {location}"),
        None => format!("PS {location}"),
    }
}

/// What every runspace of the session has (the console's, and each job's): the world's
/// clock and ids, every module, the lab's file system with `$PWD`, `>` through Out-File,
/// and `$Host` for a console `width` columns wide.
pub(super) fn populate(interp: &mut Interp, world: &WorldHandle, fs: Rc<LabFs>, width: usize) {
    let clock: Rc<dyn Clock> = Rc::new(world.clone());
    interp.clock = clock;
    interp.output_width = width.saturating_sub(1);
    interp.define_host(width);
    let ids = world.clone();
    interp.guid_source = Some(Box::new(move || ids.next_guid()));
    for module in cmdlets::modules() {
        interp.load_module(module);
    }
    // `$PWD` is the start location's PathInfo, as Set-Location keeps it.
    let _ = interp.set_var("PWD", Some("global"), cmdlets::core::files::path_info(&fs.location()));
    // Views that print paths (MatchInfo's) show them relative to where the session is.
    let here = fs.clone();
    interp.views.set_location_source(Rc::new(move || here.location().to_string()));
    // `>` and `>>` write through the lab's file system, laid out as Out-File lays out.
    let redirection: Rc<dyn RedirectionFiles> = Rc::new(cmdlets::core::files::RedirectionWriter(fs.clone()));
    interp.add_extension(redirection);
    interp.add_extension(fs);
    interp.add_extension(world.clone());
}

/// The session's file system: the start directory is where ersim was started; the lab drive
/// is `-DriveRoot`, else a folder beside the state file (`state.json` → `state-drive`), else
/// (in memory) a temporary folder.
fn lab_fs(options: &SessionOptions, world: &WorldHandle) -> LabFs {
    let drive = match (&options.drive_root, world.store().path()) {
        (Some(dir), _) => DriveRoot::Dir(PathBuf::from(dir)),
        (None, Some(state)) => {
            let stem = state.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "state".into());
            DriveRoot::Dir(state.with_file_name(format!("{stem}-drive")))
        }
        (None, None) => DriveRoot::Temporary,
    };
    let start = options.start_dir.clone().or_else(|| std::env::current_dir().ok()).unwrap_or_else(|| PathBuf::from("."));
    LabFs::new(LabConfig { start, drive, allow: options.allow_paths.iter().map(PathBuf::from).collect() })
}

/// `-File`: the script's `exit N`, else 0, or 1 after an unhandled terminating error.
pub fn run_file(path: &str, script_args: &[String], options: SessionOptions) -> i32 {
    let bytes = match read_script(path) {
        Ok(b) => b,
        Err(message) => {
            eprintln!("{message}");
            return 64;
        }
    };
    let session = match Session::new(options) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let script = session.locate(path);
    let (text, mangled) = match session.interp.extension::<Rc<LabFs>>() {
        Some(fs) => fs.decode_text(&script.host, &bytes),
        None => (crate::labfs::encoding::decode(&bytes).text, false),
    };
    let mut session = match session.usable_for(&text) {
        Ok(s) => s,
        Err(code) => return code,
    };
    if mangled {
        session.interp.host.write_warning(&crate::labfs::encoding::mangled_utf8_warning(&script.shown));
    }
    session.run_located(&script, &text, script_args).file_exit_code()
}

/// Where the `-File` script is: on this machine, and as its own errors, `$PSCommandPath`
/// and `$MyInvocation` name it — its lab path (`C:\Users\admin\main.ps1`) when it is in
/// the start directory or the lab drive, else the machine path, which the lab has no drive for.
struct ScriptLocation {
    host: PathBuf,
    shown: String,
}

impl Session {
    /// Runs the text of the script file at `path` as `-File` does: its own script scope,
    /// `$PSScriptRoot`, and `-Name value` words bound to its parameters.
    pub fn run_script_text(&mut self, path: &str, text: &str, script_args: &[String]) -> Outcome {
        let script = self.locate(path);
        self.run_located(&script, text, script_args)
    }

    fn locate(&self, path: &str) -> ScriptLocation {
        let host = std::fs::canonicalize(path).unwrap_or_else(|_| PathBuf::from(path));
        let lab = self.interp.extension::<Rc<LabFs>>().and_then(|fs| fs.lab_of_host(&host));
        let shown = lab.map_or_else(|| host.to_string_lossy().into_owned(), |l| l.to_string());
        ScriptLocation { host, shown }
    }

    fn run_located(&mut self, script: &ScriptLocation, text: &str, script_args: &[String]) -> Outcome {
        let shown = script.shown.clone();
        let src = Source::new(Some(shown.clone()), strip_bom(text));
        let args = script_arguments(script_args);
        let invocation =
            InvocationInfo { command: Some(shown.clone()), command_kind: CommandKind::ExternalScript, invocation_name: shown.clone(), position: None };
        if let (Some(fs), Some(folder)) = (self.interp.extension::<Rc<LabFs>>(), script.host.parent()) {
            fs.enter_script(folder);
        }
        self.interp.script_path = Some(shown);
        self.interp.run_top_level(&src, RunAs::File { args, invocation })
    }
}

/// The bytes of the `-File` script, or what to say: 5.1's message when there is no file,
/// another when there is one that cannot be read (a device, a folder, too large). The text
/// is read from them as 5.1 reads a script: by its BOM, else as Windows-1252.
fn read_script(path: &str) -> Result<Vec<u8>, String> {
    match read_input_file(Path::new(path)) {
        Ok(bytes) => Ok(bytes),
        Err(InputFileError::Missing) => Err(format!(
            "The argument '{path}' to the -File parameter does not exist. Provide the path to an existing '.ps1' file as an argument to the -File parameter."
        )),
        Err(e) => Err(format!("Cannot read the script file '{path}': {e}.")),
    }
}

/// Exit code of a run refused because its state cannot be used (as when it cannot be opened).
pub const STATE_UNUSABLE: i32 = 2;

/// Why the session's state cannot be used, before anything runs.
pub enum StateProblem {
    /// The path is no file to read whole (a device such as `/dev/zero`, a FIFO, too large):
    /// nothing, not even Reset-ErSimState, may act on it.
    NotAStateFile(String),
    /// The file is there but unreadable, corrupt or from a newer ersim: Reset-ErSimState and
    /// Import-ErSimState can still replace it.
    Unusable(String),
}

impl Session {
    /// The session for running `script`, or [`STATE_UNUSABLE`] after printing the store's
    /// error once: a script must not run against a world it cannot read, where every cmdlet
    /// would fail and the script still exit 0. A script that only replaces the state
    /// (`Reset-ErSimState`, `Import-ErSimState`) runs: that is how CI recovers.
    pub fn usable_for(self, script: &str) -> Result<Session, i32> {
        match self.state_problem() {
            None => Ok(self),
            Some(StateProblem::Unusable(_)) if only_replaces_state(script) => Ok(self),
            Some(StateProblem::NotAStateFile(m) | StateProblem::Unusable(m)) => {
                eprintln!("{m}");
                Err(STATE_UNUSABLE)
            }
        }
    }

    /// Checks the state file (nothing to check in memory): a regular file below the input
    /// cap, checked before it is read, then one that loads.
    pub fn state_problem(&self) -> Option<StateProblem> {
        let world = self.interp.extension::<WorldHandle>()?;
        if let Some(path) = world.store().path() {
            match check_input_file(path) {
                Ok(()) | Err(InputFileError::Missing) => {}
                Err(e) => {
                    return Some(StateProblem::NotAStateFile(format!(
                        "The state file {} cannot be used: {e}. Choose another state file with -StateFile.",
                        path.display()
                    )))
                }
            }
        }
        world.read(|_| ()).err().map(|rec| StateProblem::Unusable(rec.message.clone()))
    }
}

/// Whether every statement of `script` is a call of a command that replaces the state.
fn only_replaces_state(script: &str) -> bool {
    use crate::lang::ast::{PipelineElement, StatementKind};
    let src = Source::new(None, strip_bom(script));
    let Ok(block) = crate::lang::parse_script(&src) else { return false };
    let statements = block.end.as_deref().unwrap_or_default();
    let replaces = |kind: &StatementKind| match kind {
        StatementKind::Pipeline(p) => match p.elements.as_slice() {
            [PipelineElement::Command(c)] => {
                let name = src.text.get(c.name.span.start..c.name.span.end).unwrap_or_default();
                ["Reset-ErSimState", "Import-ErSimState"].iter().any(|n| n.eq_ignore_ascii_case(name))
            }
            _ => false,
        },
        _ => false,
    };
    block.begin.is_none() && block.process.is_none() && !statements.is_empty() && statements.iter().all(|s| replaces(&s.kind))
}

/// `-Command`: 0, or 1 when the last statement left `$?` False (or `exit N`).
pub fn run_command(text: &str, options: SessionOptions) -> i32 {
    let mut session = match Session::new(options).and_then(|s| s.usable_for(text)) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let src = Source::new(None, strip_bom(text));
    let outcome = session.run_command_line(&src);
    match outcome {
        Outcome::Done => i32::from(!session.interp.last_success),
        Outcome::Exit(code) => code,
        Outcome::Failed => 1,
    }
}

fn strip_bom(text: &str) -> String {
    text.strip_prefix('\u{feff}').unwrap_or(text).to_string()
}

/// Command-line words for a script: `-Name` words are parameter names, the rest values.
fn script_arguments(args: &[String]) -> Vec<ArgItem> {
    args.iter()
        .map(|a| match a.strip_prefix('-').filter(|n| n.starts_with(|c: char| c.is_alphabetic())) {
            Some(name) => {
                let (name, value) = match name.split_once(':') {
                    Some((n, v)) => (n.to_string(), Some(Value::str(v))),
                    None => (name.to_string(), None),
                };
                ArgItem::Named { text: a.clone(), name, value, span: Span::default() }
            }
            None => ArgItem::Positional { value: argument_value(a), span: Span::default() },
        })
        .collect()
}

/// Numbers on the command line arrive as numbers, as pwsh passes them.
fn argument_value(a: &str) -> Value {
    match crate::engine::convert::parse_number(a) {
        Some(n) if !a.trim().is_empty() => n,
        _ => Value::str(a),
    }
}

impl Session {
    /// Runs text as the prompt and -Command do: one script block in the global scope.
    pub fn run_command_line(&mut self, src: &Rc<Source>) -> Outcome {
        self.interp.run_top_level(src, RunAs::CommandLine)
    }

    /// Runs a line typed at the prompt and records it in the session's history (Get-History)
    /// with its outcome and its times on the virtual clock.
    pub fn run_prompt_line(&mut self, src: &Rc<Source>) -> Outcome {
        let start = self.interp.clock.now();
        let outcome = self.run_command_line(src);
        let status = if self.interp.interrupt.load(Ordering::SeqCst) {
            "Stopped"
        } else if matches!(outcome, Outcome::Failed) || !self.interp.last_success {
            "Failed"
        } else {
            "Completed"
        };
        if let Some(history) = self.interp.extension::<Rc<SessionHistory>>() {
            history.add(src.text.trim_end(), status, start, self.interp.clock.now());
        }
        outcome
    }
}
