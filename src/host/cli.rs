//! The command line, pwsh-style: `ersim [-File] script.ps1 [args]`,
//! `ersim -Command text` (or `-` for standard input), or the REPL.

use std::io::{IsTerminal, Read};
use std::rc::Rc;

use crate::engine::binder::ArgItem;
use crate::engine::error::parse_error_record;
use crate::engine::error::{CommandKind, Flow, InvocationInfo};
use crate::engine::Value;
use crate::lang::ast::{Source, Span};

use super::session::{Session, SessionOptions};

#[derive(Debug, Default, PartialEq)]
pub struct Options {
    pub file: Option<String>,
    pub command: Option<String>,
    pub script_args: Vec<String>,
    pub non_interactive: bool,
    pub no_logo: bool,
    pub state_file: Option<String>,
    pub in_memory: bool,
    pub help: bool,
    pub version: bool,
}

pub const USAGE: &str = "\
Usage: ersim [options] [[-File] <script.ps1> [arguments]]
       ersim [options] -Command <text>     (or -Command - to read standard input)
       ersim [options]                      (interactive prompt)

A Windows PowerShell 5.1-compatible host for the classic Azure ExpressRoute
cmdlets, running against a simulated Azure on this machine.

Options (case-insensitive, as pwsh accepts them):
  -File, -f <path>        Run a script; arguments after it go to the script.
  -Command, -c <text>     Run the text; the exit code is 0, or 1 when $? is False.
  -NonInteractive         Never prompt: prompts fail as in Windows PowerShell.
  -NoProfile, -NoLogo     Accepted (ersim loads no profile and prints no logo).
  -StateFile <path>       The simulated world's state file (also ERSIM_STATE).
  -InMemory               Keep no state file: the world lasts for this run only.
  -Version                Print the version.
  -Help, -?               Print this help.
";

/// Parses the command line (without the program name).
pub fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut o = Options::default();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        let flag = a.strip_prefix('-').or_else(|| a.strip_prefix('/')).filter(|_| a.len() > 1).map(str::to_ascii_lowercase);
        let value = |i: usize, name: &str| args.get(i + 1).cloned().ok_or_else(|| format!("Missing an argument for parameter '{name}'."));
        match flag.as_deref() {
            Some("file" | "f") => {
                o.file = Some(value(i, "File")?);
                o.script_args = args[i + 2..].to_vec();
                return Ok(o);
            }
            Some("command" | "c") => {
                o.command = Some(args[i + 1..].join(" "));
                if o.command.as_deref() == Some("") {
                    return Err("Missing an argument for parameter 'Command'.".into());
                }
                return Ok(o);
            }
            Some("noninteractive") => o.non_interactive = true,
            Some("noprofile" | "nop") => {}
            Some("nologo") => o.no_logo = true,
            Some("statefile") => {
                o.state_file = Some(value(i, "StateFile")?);
                i += 1;
            }
            Some("inmemory") => o.in_memory = true,
            Some("help" | "?" | "h") => o.help = true,
            Some("version" | "v") => o.version = true,
            Some(other) if !a.starts_with('/') => return Err(format!("Unknown option '-{other}'. Run 'ersim -Help' for the options.")),
            _ => {
                o.file = Some(a.clone());
                o.script_args = args[i + 1..].to_vec();
                return Ok(o);
            }
        }
        i += 1;
    }
    Ok(o)
}

/// The stack the interpreter runs on. Parsing and evaluation recurse once per nesting
/// level; the main thread's 8 MiB ends a script nested a few hundred levels deep (`{{{...`)
/// with a stack overflow. The memory is reserved, not used, until a script needs it.
pub const STACK_SIZE: usize = 512 << 20;

/// Runs `f` on a thread with [`STACK_SIZE`] of stack.
pub fn with_deep_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| {
        let thread = std::thread::Builder::new().stack_size(STACK_SIZE).spawn_scoped(s, f).expect("start the interpreter thread");
        thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

/// The entry point of the binary; returns the process exit code.
pub fn main() -> i32 {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match parse_args(&args) {
        Ok(o) => o,
        Err(m) => {
            eprintln!("{m}");
            return 64;
        }
    };
    if options.help {
        print!("{USAGE}");
        return 0;
    }
    if options.version {
        println!("ersim {} (Windows PowerShell 5.1 compatible)", env!("CARGO_PKG_VERSION"));
        return 0;
    }
    let stdin_tty = std::io::stdin().is_terminal();
    let session_options =
        SessionOptions { interactive: stdin_tty && !options.non_interactive, state_file: options.state_file.clone(), in_memory: options.in_memory };
    if let Some(file) = &options.file {
        return run_file(file, &options.script_args, session_options);
    }
    match options.command.as_deref() {
        Some("-") => {
            let mut text = String::new();
            if std::io::stdin().read_to_string(&mut text).is_err() {
                eprintln!("Cannot read the command text from standard input.");
                return 1;
            }
            run_command(&text, SessionOptions { interactive: false, ..session_options })
        }
        Some(text) => run_command(text, session_options),
        None if !stdin_tty => {
            let mut text = String::new();
            let _ = std::io::stdin().read_to_string(&mut text);
            run_command(&text, SessionOptions { interactive: false, ..session_options })
        }
        None => super::repl::run(session_options, options.no_logo),
    }
}

/// `-File`: the script's `exit N`, else 0, or 1 after an unhandled terminating error.
pub fn run_file(path: &str, script_args: &[String], options: SessionOptions) -> i32 {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(_) => {
            eprintln!("The argument '{path}' to the -File parameter does not exist. Provide the path to an existing '.ps1' file as an argument to the -File parameter.");
            return 64;
        }
    };
    let full = std::fs::canonicalize(path).map(|p| p.to_string_lossy().to_string()).unwrap_or_else(|_| path.to_string());
    let mut session = match Session::new(options) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let src = Source::new(Some(full.clone()), strip_bom(&text));
    let items = script_arguments(script_args);
    let invocation = InvocationInfo { command: Some(full.clone()), command_kind: CommandKind::ExternalScript, invocation_name: full.clone(), position: None };
    session.interp.script_path = Some(full);
    let outcome = session.run(&src, |interp, sb, out| interp.invoke_block(sb, items, invocation, true, None, out), false);
    match outcome {
        Outcome::Done => 0,
        Outcome::Exit(code) => code,
        Outcome::Failed => 1,
    }
}

/// `-Command`: 0, or 1 when the last statement left `$?` False (or `exit N`).
pub fn run_command(text: &str, options: SessionOptions) -> i32 {
    let mut session = match Session::new(options) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let src = Source::new(None, strip_bom(text));
    let outcome = session.run(&src, |interp, sb, out| run_as_command_line(interp, sb, out), true);
    match outcome {
        Outcome::Done => i32::from(!session.interp.last_success),
        Outcome::Exit(code) => code,
        Outcome::Failed => 1,
    }
}

/// Runs text typed at the prompt or given to -Command: its statements run as one
/// script block whose text is what Write-Error shows as the command.
pub fn run_as_command_line(
    interp: &mut crate::engine::Interp,
    sb: &Rc<crate::lang::ast::ScriptBlock>,
    out: &mut crate::engine::runtime::Emit,
) -> Result<(), Flow> {
    interp.invocation_stack.push(InvocationInfo {
        command: Some(sb.source.text.clone()),
        command_kind: CommandKind::Script,
        invocation_name: String::new(),
        position: None,
    });
    let r = interp.run_top(sb, out);
    interp.invocation_stack.pop();
    r
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

#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Done,
    Exit(i32),
    Failed,
}

impl Session {
    /// Parses and runs a script, reporting parse errors and unhandled errors.
    pub fn run(
        &mut self,
        src: &Rc<Source>,
        exec: impl FnOnce(&mut crate::engine::Interp, &Rc<crate::lang::ast::ScriptBlock>, &mut crate::engine::runtime::Emit) -> Result<(), Flow>,
        from_command: bool,
    ) -> Outcome {
        let sb = match crate::lang::parse_script(src) {
            Ok(sb) => sb,
            Err(e) => {
                let rec = Rc::new(parse_error_record(&e, src, from_command));
                self.interp.record_error(&rec);
                self.interp.host.write_error(&rec);
                return Outcome::Failed;
            }
        };
        self.interp.top_source = Some(src.clone());
        let r = exec(&mut self.interp, &sb, &mut |interp, v| {
            interp.host.output(v);
            Ok(())
        });
        self.interp.host.end_output();
        match r {
            Ok(()) | Err(Flow::Return) | Err(Flow::Break(_)) | Err(Flow::Continue(_)) | Err(Flow::StopUpstream { .. }) => Outcome::Done,
            Err(Flow::Exit(code)) => Outcome::Exit(code),
            Err(Flow::Error(rec)) => {
                self.interp.record_error(&rec);
                self.interp.host.write_error(&rec);
                Outcome::Failed
            }
            Err(Flow::Interrupted) => Outcome::Failed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn flags_are_case_insensitive_and_stop_at_the_script() {
        let o = parse_args(&args(&["-noninteractive", "-InMemory", "x.ps1", "-Name", "a"])).unwrap();
        assert!(o.non_interactive && o.in_memory);
        assert_eq!(o.file.as_deref(), Some("x.ps1"));
        assert_eq!(o.script_args, args(&["-Name", "a"]));
        let o = parse_args(&args(&["-c", "Get-Date;", "1"])).unwrap();
        assert_eq!(o.command.as_deref(), Some("Get-Date; 1"));
        let o = parse_args(&args(&["-StateFile", "s.json", "-File", "y.ps1"])).unwrap();
        assert_eq!((o.state_file.as_deref(), o.file.as_deref()), (Some("s.json"), Some("y.ps1")));
        assert!(parse_args(&args(&["-Bogus"])).is_err());
        assert!(parse_args(&args(&["-File"])).is_err());
    }
}
