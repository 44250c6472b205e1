//! The interactive prompt on rustyline: `PS ...> ` prompts, `>> ` for
//! unfinished statements, history kept in a file, Tab completion of command,
//! parameter and variable names, and Ctrl-C that stops the running pipeline.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::Ordering;

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Context, Editor, Helper};

use crate::engine::binder;
use crate::lang::ast::Source;

use super::cli::Outcome;
use super::session::{Session, SessionOptions};

const PROMPT: &str = "PS C:\\Users\\admin> ";

/// What completion knows, refreshed from the session before each prompt.
#[derive(Default)]
pub struct ReplHelper {
    commands: Vec<String>,
    parameters: HashMap<String, Vec<String>>,
    variables: Vec<String>,
}

impl ReplHelper {
    pub fn refresh(&mut self, session: &Session) {
        let interp = &session.interp;
        self.commands.clear();
        self.parameters.clear();
        for info in interp.all_commands() {
            let mut names: Vec<String> = info.params.iter().map(|p| p.name.clone()).collect();
            if info.common_params {
                names.extend(binder::common_parameter_names().into_iter().map(String::from));
            }
            self.parameters.insert(info.name.to_ascii_lowercase(), names);
            self.commands.push(info.name.clone());
        }
        let mut aliases: Vec<(&String, &String)> = interp.aliases.iter().collect();
        aliases.sort();
        for (alias, target) in aliases {
            if let Some(p) = self.parameters.get(&target.to_ascii_lowercase()).cloned() {
                self.parameters.insert(alias.clone(), p);
            }
        }
        self.variables = interp.visible_variables().into_iter().map(|(n, _)| n).collect();
    }

    /// Candidates for the word that ends at `pos`: (start of the word, replacements).
    pub fn candidates(&self, line: &str, pos: usize) -> (usize, Vec<String>) {
        let before = &line[..pos];
        let start = before.rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '{' | '|' | ';' | ',')).map(|i| i + 1).unwrap_or(0);
        let word = &before[start..];
        let lower = word.to_ascii_lowercase();
        if let Some(var) = lower.strip_prefix('$') {
            let matches = self.variables.iter().filter(|v| v.to_ascii_lowercase().starts_with(var)).map(|v| format!("${v}")).collect();
            return (start, matches);
        }
        if let Some(param) = lower.strip_prefix('-') {
            let command = current_command(&before[..start]);
            let params = self.parameters.get(&command.to_ascii_lowercase()).cloned().unwrap_or_default();
            let matches = params.into_iter().filter(|p| p.to_ascii_lowercase().starts_with(param)).map(|p| format!("-{p}")).collect();
            return (start, matches);
        }
        if is_command_position(&before[..start]) {
            let matches = self.commands.iter().filter(|c| c.to_ascii_lowercase().starts_with(&lower)).cloned().collect();
            return (start, matches);
        }
        (start, Vec::new())
    }
}

/// The command name of the pipeline element the cursor is in.
fn current_command(before: &str) -> String {
    let element = before.rsplit(['|', ';', '(', '{']).next().unwrap_or("");
    element.split_whitespace().next().unwrap_or("").to_string()
}

fn is_command_position(before: &str) -> bool {
    let t = before.trim_end();
    t.is_empty() || t.ends_with(['|', ';', '(', '{'])
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (start, matches) = self.candidates(line, pos);
        Ok((start, matches.into_iter().map(|m| Pair { display: m.clone(), replacement: m }).collect()))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}

impl Highlighter for ReplHelper {
    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(&'s self, prompt: &'p str, _default: bool) -> Cow<'b, str> {
        Cow::Borrowed(prompt)
    }
}

impl Validator for ReplHelper {
    fn validate(&self, ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        let src = Source::new(None, ctx.input().to_string());
        Ok(match crate::lang::parse_script(&src) {
            Err(e) if e.incomplete => ValidationResult::Incomplete,
            _ => ValidationResult::Valid(None),
        })
    }
}

impl Helper for ReplHelper {}

fn history_path() -> Option<std::path::PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".local/share")))?;
    Some(base.join("ersim").join("history.txt"))
}

/// Runs the REPL until `exit` or end of input; returns the exit code.
pub fn run(options: SessionOptions, no_logo: bool) -> i32 {
    let mut session = match Session::new(SessionOptions { interactive: true, ..options }) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let mut editor: Editor<ReplHelper, DefaultHistory> = match Editor::new() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("Cannot start the interactive prompt: {e}");
            return 1;
        }
    };
    editor.set_helper(Some(ReplHelper::default()));
    let history = history_path();
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    if !no_logo {
        println!("ersim {} — Windows PowerShell 5.1-compatible host for classic ExpressRoute (simulated Azure).", env!("CARGO_PKG_VERSION"));
        println!("Type Get-Command -Module ExpressRoute to list the cmdlets, exit to leave.\n");
    }
    let mut code = 0;
    loop {
        if let Some(h) = editor.helper_mut() {
            h.refresh(&session);
        }
        match editor.readline(PROMPT) {
            Ok(line) => {
                if line.trim().is_empty() {
                    continue;
                }
                let _ = editor.add_history_entry(line.as_str());
                session.interp.interrupt.store(false, Ordering::SeqCst);
                let src = Source::new(None, line);
                if let Outcome::Exit(c) = session.run(&src, super::cli::run_as_command_line, true) {
                    code = c;
                    break;
                }
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                eprintln!("{e}");
                code = 1;
                break;
            }
        }
    }
    if let Some(h) = &history {
        if let Some(dir) = h.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = editor.save_history(h);
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    fn helper() -> ReplHelper {
        let mut h = ReplHelper { commands: vec!["Get-AzureDedicatedCircuit".into(), "Get-Date".into(), "Write-Host".into()], ..Default::default() };
        h.parameters.insert("get-azurededicatedcircuit".into(), vec!["ServiceKey".into(), "Verbose".into()]);
        h.variables = vec!["ErrorActionPreference".into(), "Error".into()];
        h
    }

    #[test]
    fn completes_commands_parameters_and_variables() {
        let h = helper();
        assert_eq!(h.candidates("get-az", 6), (0, vec!["Get-AzureDedicatedCircuit".to_string()]));
        assert_eq!(h.candidates("Get-AzureDedicatedCircuit -Se", 29).1, vec!["-ServiceKey".to_string()]);
        assert_eq!(h.candidates("$err", 4).1, vec!["$ErrorActionPreference".to_string(), "$Error".to_string()]);
        assert_eq!(h.candidates("1 | get-d", 9).1, vec!["Get-Date".to_string()]);
    }
}
