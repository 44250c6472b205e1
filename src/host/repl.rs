//! The interactive prompt on rustyline: `PS [subscription] C:\Users\admin> `,
//! `>> ` for each further line of an unfinished statement, history kept in a
//! file, Tab completion that cycles through candidates (names, parameter
//! values, what the world holds), colours and history hints on a terminal,
//! and Ctrl-C that stops the running pipeline.

mod complete;
mod highlight;

use std::borrow::Cow;
use std::io::IsTerminal;
use std::sync::atomic::Ordering;

use rustyline::completion::{Completer, Pair};
use rustyline::config::{CompletionType, Config};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};

use crate::cmdlets::world::WorldHandle;
use crate::lang::ast::Source;

use super::session::{Session, SessionOptions, StateProblem, STATE_UNUSABLE};
use crate::engine::run::Outcome;
use complete::Completion;

/// The prompt: 5.1's `PS C:\Users\admin> ` with the selected subscription in
/// brackets, because every command's result depends on it and the provider
/// side needs switching to another subscription.
fn prompt(subscription: Option<&str>) -> String {
    match subscription {
        Some(s) => format!("PS [{s}] C:\\Users\\admin> "),
        None => "PS C:\\Users\\admin> ".to_string(),
    }
}

const CONTINUATION: &str = ">> ";

pub struct ReplHelper {
    completion: Completion,
    hinter: HistoryHinter,
    /// Colours and hints: only on a terminal, and never with NO_COLOR.
    decorate: bool,
}

impl ReplHelper {
    fn new(decorate: bool) -> ReplHelper {
        ReplHelper { completion: Completion::default(), hinter: HistoryHinter::new(), decorate }
    }

    fn refresh(&mut self, session: &mut Session) {
        self.completion.refresh(&session.interp);
    }
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (start, matches) = self.completion.candidates(line, pos);
        Ok((start, matches.into_iter().map(|m| Pair { display: m.list_text, replacement: m.text }).collect()))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;

    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<String> {
        if self.decorate {
            self.hinter.hint(line, pos, ctx)
        } else {
            None
        }
    }
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if self.decorate {
            Cow::Owned(highlight::highlight(line))
        } else {
            Cow::Borrowed(line)
        }
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.decorate {
            Cow::Owned(highlight::dim(hint))
        } else {
            Cow::Borrowed(hint)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, kind: CmdKind) -> bool {
        self.decorate && kind != CmdKind::MoveCursor
    }
}

/// Statements are finished by the REPL loop (the `>> ` lines), not by the editor.
impl Validator for ReplHelper {}

impl Helper for ReplHelper {}

fn history_path() -> Option<std::path::PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".local/share")))?;
    Some(base.join("ersim").join("history.txt"))
}

/// Whether the text parses only once more lines are added.
fn incomplete(text: &str) -> bool {
    matches!(crate::lang::parse_script(&Source::new(None, text.to_string())), Err(e) if e.incomplete)
}

/// Reads one statement: a line, then `>> ` lines while it is unfinished. An
/// empty `>> ` line submits what there is (its parse error then shows), as
/// in PowerShell's console.
fn read_statement(editor: &mut Editor<ReplHelper, DefaultHistory>, first_prompt: &str) -> Result<String, ReadlineError> {
    let mut text = editor.readline(first_prompt)?;
    while !text.trim().is_empty() && incomplete(&text) {
        let more = editor.readline(CONTINUATION)?;
        if more.trim().is_empty() {
            break;
        }
        text.push('\n');
        text.push_str(&more);
    }
    Ok(text)
}

/// Runs the REPL until `exit` or end of input; returns the exit code.
pub fn run(options: SessionOptions, no_logo: bool) -> i32 {
    let mut session = match Session::new(SessionOptions { interactive: true, ..options }) {
        Ok(s) => s,
        Err(code) => return code,
    };
    // A state file that does not load is shown once, and the prompt starts so that
    // Reset-ErSimState or Import-ErSimState can replace it; a path that is no file at all
    // (a device, a FIFO) leaves nothing to replace.
    let state_problem = match session.state_problem() {
        Some(StateProblem::NotAStateFile(m)) => {
            eprintln!("{m}");
            return STATE_UNUSABLE;
        }
        Some(StateProblem::Unusable(m)) => Some(m),
        None => None,
    };
    let config = Config::builder().completion_type(CompletionType::Circular).auto_add_history(false).build();
    let mut editor: Editor<ReplHelper, DefaultHistory> = match Editor::with_config(config) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("Cannot start the interactive prompt: {e}");
            return 1;
        }
    };
    let decorate = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    editor.set_helper(Some(ReplHelper::new(decorate)));
    let history = history_path();
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    if !no_logo {
        println!("ersim {} — Windows PowerShell 5.1-compatible host for classic ExpressRoute (simulated Azure).", env!("CARGO_PKG_VERSION"));
        println!("Type Get-Help about_ersim to begin, Get-Command -Module ExpressRoute to list the cmdlets, exit to leave.\n");
    }
    if let Some(m) = state_problem {
        eprintln!("{m}\n");
    }
    let mut code = 0;
    loop {
        if let Some(h) = editor.helper_mut() {
            h.refresh(&mut session);
        }
        let subscription = session.interp.extension::<WorldHandle>().and_then(WorldHandle::selected_subscription_name);
        match read_statement(&mut editor, &prompt(subscription.as_deref())) {
            Ok(text) => {
                if text.trim().is_empty() {
                    continue;
                }
                let _ = editor.add_history_entry(text.as_str());
                session.interp.interrupt.store(false, Ordering::SeqCst);
                let src = Source::new(None, text);
                if let Outcome::Exit(c) = session.run_command_line(&src) {
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
mod tests;
