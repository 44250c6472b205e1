//! The command line, pwsh-style: `ersim [-File] script.ps1 [args]`,
//! `ersim -Command text` (or `-` for standard input), or the REPL.

use std::io::{IsTerminal, Read};

use super::session::{run_command, run_file, SessionOptions};

#[derive(Debug, Default, PartialEq)]
pub struct Options {
    pub file: Option<String>,
    pub command: Option<String>,
    pub script_args: Vec<String>,
    pub non_interactive: bool,
    pub no_logo: bool,
    pub state_file: Option<String>,
    pub in_memory: bool,
    /// `-DriveRoot DIR`: the lab drive's folder.
    pub drive_root: Option<String>,
    /// `-AllowPath DIR`, each time it is given.
    pub allow_paths: Vec<String>,
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
  -InMemory               Keep no state file: the world lasts for this run only
                          (and the lab drive is a temporary folder, removed at exit).
  -DriveRoot <dir>        The lab drive: where C:\\ (but C:\\Users\\admin) and the other
                          drive letters live. By default a folder beside the state file.
  -AllowPath <dir>        Let scripts read and write in this folder too (repeatable).
                          Scripts reach only the start directory (C:\\Users\\admin), the
                          script's folder, these folders and the lab drive.
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
            Some("driveroot") => {
                o.drive_root = Some(value(i, "DriveRoot")?);
                i += 1;
            }
            Some("allowpath") => {
                o.allow_paths.push(value(i, "AllowPath")?);
                i += 1;
            }
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
    let session_options = SessionOptions {
        interactive: stdin_tty && !options.non_interactive,
        state_file: options.state_file.clone(),
        in_memory: options.in_memory,
        drive_root: options.drive_root.clone(),
        allow_paths: options.allow_paths.clone(),
        start_dir: None,
    };
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
        let o = parse_args(&args(&["-AllowPath", "/data", "-driveroot", "lab", "-allowpath", "/in", "-c", "1"])).unwrap();
        assert_eq!((o.allow_paths, o.drive_root.as_deref()), (args(&["/data", "/in"]), Some("lab")));
        assert!(parse_args(&args(&["-AllowPath"])).is_err());
        assert!(parse_args(&args(&["-Bogus"])).is_err());
        assert!(parse_args(&args(&["-File"])).is_err());
    }
}
