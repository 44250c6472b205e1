//! The interactive prompt on rustyline: `PS [subscription] C:\Users\admin> `,
//! `>> ` for each further line of an unfinished statement, history kept in a
//! file, Tab completion (names, members, parameter values, what the world holds:
//! Tab completes as far as the candidates agree, a second Tab or Ctrl+Space lists
//! them under the line, as PSReadLine's MenuComplete does), colours and history hints
//! on a terminal, and Ctrl-C that stops the running pipeline.

mod complete;
mod highlight;
mod screen;
mod second_tab;

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::io::IsTerminal;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use rustyline::completion::{Completer, Pair};
use rustyline::config::{CompletionType, Config, Configurer};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{
    Cmd, ColorMode, ConditionalEventHandler, Context, Editor, Event, EventContext, EventHandler, Helper, KeyCode, KeyEvent, Modifiers, RepeatCount,
};

use crate::engine::host::prompt_text;
use crate::engine::host_object::follow_window;
use crate::lang::ast::Source;

use super::console::{Echo, LineReader};
use super::session::{Session, SessionOptions, StateProblem, STATE_UNUSABLE};
use crate::engine::run::Outcome;
use complete::Completion;
use second_tab::{Offer, SecondTab, SharedScreen};

const CONTINUATION: &str = ">> ";

pub struct ReplHelper {
    completion: Completion,
    hinter: HistoryHinter,
    /// Colours and hints: only on a terminal, and never with NO_COLOR.
    decorate: bool,
    /// Set while a prompt (Read-Host, a confirmation) reads through the editor: the answer
    /// is not a command, so nothing completes, colours or hints it.
    answering: bool,
    /// Set while a secret is typed: each character shows as `*`.
    masking: bool,
    /// Set by Ctrl-C (see [`CancelLine`]); [`read_line`] turns the line it ended into an
    /// interruption.
    cancelled: Arc<AtomicBool>,
    /// The editor's last drawing, as the editor hands its parts to this helper, and the
    /// last completion offered: what a resize and a completion list need to know of the
    /// screen (see `screen`).
    screen: SharedScreen,
}

impl ReplHelper {
    fn new(decorate: bool) -> ReplHelper {
        ReplHelper {
            completion: Completion::default(),
            hinter: HistoryHinter::new(),
            decorate,
            answering: false,
            masking: false,
            cancelled: Arc::new(AtomicBool::new(false)),
            screen: SharedScreen::default(),
        }
    }

    fn screen(&self) -> std::sync::MutexGuard<'_, second_tab::Screen> {
        self.screen.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Notes what the editor is drawing: the line and the cursor's place in it.
    fn drawing(&self, line: &str, pos: usize) {
        let mut screen = self.screen();
        if screen.drawn.line != line {
            screen.drawn.line = line.to_string();
        }
        screen.drawn.pos = pos;
    }

    fn decorating(&self) -> bool {
        self.decorate && !self.answering
    }

    fn refresh(&mut self, session: &mut Session) {
        self.completion.refresh(&session.interp);
    }
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        if self.answering {
            return Ok((pos, Vec::new()));
        }
        let (start, matches) = self.completion.candidates(line, pos);
        let pairs: Vec<Pair> = matches.into_iter().map(|m| Pair { display: m.list_text, replacement: m.text }).collect();
        let offered = pairs.iter().map(|p| (p.replacement.clone(), p.display.clone()));
        self.screen().offer = Some(Offer::new(line, start, pos, offered));
        Ok((start, pairs))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;

    /// The editor asks for the hint first when it draws the line again, before it erases
    /// the old drawing: after a resize, this is where the screen is made ready for it.
    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<String> {
        let columns = super::session::screen_size().0;
        let hint = if self.decorating() { self.hinter.hint(line, pos, ctx) } else { None };
        {
            let mut screen = self.screen();
            if let Some(fix) = screen::after_resize(&screen.drawn, columns) {
                screen::emit(&fix);
            }
            screen.drawn.columns = columns;
            screen.drawn.hint = hint.clone().unwrap_or_default();
        }
        self.drawing(line, pos);
        hint
    }
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, pos: usize) -> Cow<'l, str> {
        self.drawing(line, pos);
        if self.masking {
            Cow::Owned(mask(line))
        } else if self.decorating() {
            Cow::Owned(highlight::highlight(line))
        } else {
            Cow::Borrowed(line)
        }
    }

    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(&'s self, prompt: &'p str, _default: bool) -> Cow<'b, str> {
        let mut screen = self.screen();
        if screen.drawn.prompt != prompt {
            screen.drawn.prompt = prompt.to_string();
        }
        Cow::Borrowed(prompt)
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        self.screen().drawn.hint = hint.to_string();
        if self.decorate {
            Cow::Owned(highlight::dim(hint))
        } else {
            Cow::Borrowed(hint)
        }
    }

    /// Told of every edit and cursor move, also those the editor draws without a full
    /// redraw.
    fn highlight_char(&self, line: &str, pos: usize, kind: CmdKind) -> bool {
        self.drawing(line, pos);
        self.masking || self.decorating() && kind != CmdKind::MoveCursor
    }
}

/// A secret as the console shows it: one `*` per character.
fn mask(line: &str) -> String {
    "*".repeat(line.chars().count())
}

/// The helper of a prompt read outside the REPL (a `-File` script at a terminal): nothing
/// but the masking of secrets.
pub struct Masking(pub bool);

impl Highlighter for Masking {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if self.0 {
            Cow::Owned(mask(line))
        } else {
            Cow::Borrowed(line)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.0
    }
}

impl Completer for Masking {
    type Candidate = Pair;
}
impl Hinter for Masking {
    type Hint = String;
}
impl Validator for Masking {}
impl Helper for Masking {}

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

/// Whether a line ends in a backtick: the escaped newline continues the statement.
fn continues(text: &str) -> bool {
    text.ends_with('`')
}

/// Reads one statement: a line, then `>> ` lines while it is unfinished or ends in a
/// backtick. As in PSReadLine, an empty `>> ` line does not end an unfinished statement
/// (a blank line inside a block is part of it); Ctrl-C abandons it.
fn read_statement(editor: &SharedEditor, first_prompt: &str) -> Result<String, ReadlineError> {
    let mut text = read_line(&mut editor.borrow_mut(), first_prompt)?;
    while !text.trim().is_empty() && (continues(&text) || incomplete(&text)) {
        let more = read_line(&mut editor.borrow_mut(), CONTINUATION)?;
        text.push('\n');
        text.push_str(&more);
    }
    Ok(text)
}

type SharedEditor = Rc<RefCell<Editor<ReplHelper, DefaultHistory>>>;

/// Ctrl-C ends the line as Enter does, marked cancelled. The editor's own interruption
/// leaves the history hint drawn after the abandoned text and drops the keys typed after
/// it; ending the line redraws it without the hint (as PSReadLine leaves a cancelled
/// line) and keeps what was typed ahead for the next prompt.
struct CancelLine(Arc<AtomicBool>);

impl ConditionalEventHandler for CancelLine {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, _: &EventContext<'_>) -> Option<Cmd> {
        self.0.store(true, Ordering::SeqCst);
        Some(Cmd::AcceptLine)
    }
}

/// One line from the editor; a line Ctrl-C ended is [`ReadlineError::Interrupted`].
fn read_line(ed: &mut Editor<ReplHelper, DefaultHistory>, prompt: &str) -> Result<String, ReadlineError> {
    if let Some(h) = ed.helper() {
        // A new line starts a new drawing, at the window's width now.
        let columns = super::session::screen_size().0;
        *h.screen() = second_tab::Screen { drawn: screen::Drawn { prompt: prompt.to_string(), columns, ..Default::default() }, offer: None };
    }
    let line = ed.readline(prompt);
    let cancelled = ed.helper().is_some_and(|h| h.cancelled.swap(false, Ordering::SeqCst));
    if cancelled {
        return Err(ReadlineError::Interrupted);
    }
    line
}

/// Prompts (Read-Host, confirmations, missing parameters) read through the REPL's own
/// editor, so input typed ahead that it holds (a paste, keys a script sends) reaches the
/// prompt that asks for it. Ctrl-C sets `interrupt`, the interpreter's flag, so the
/// pipeline stops (see `session::terminal_reader`).
fn prompt_reader(editor: SharedEditor, interrupt: Rc<OnceCell<Arc<AtomicBool>>>) -> LineReader {
    Box::new(move |prompt: &str, echo: Echo| {
        // The editor is free whenever a command runs: the REPL holds it only while reading.
        let mut ed = editor.try_borrow_mut().ok()?;
        let answering = |ed: &mut Editor<ReplHelper, DefaultHistory>, on: bool| {
            if let Some(h) = ed.helper_mut() {
                h.answering = on;
                h.masking = on && echo == Echo::Masked;
            }
        };
        answering(&mut ed, true);
        // Masking is drawn by the highlighter, which the editor runs only with colours on.
        let mode = if echo == Echo::Masked { ColorMode::Forced } else { ColorMode::Enabled };
        ed.set_color_mode(mode);
        let line = read_line(&mut ed, prompt);
        ed.set_color_mode(ColorMode::Enabled);
        answering(&mut ed, false);
        match line {
            Ok(line) => Some(line),
            Err(ReadlineError::Interrupted) => {
                if let Some(flag) = interrupt.get() {
                    flag.store(true, Ordering::SeqCst);
                }
                None
            }
            Err(_) => None,
        }
    })
}

/// Runs the REPL until `exit` or end of input; returns the exit code.
pub fn run(options: SessionOptions, no_logo: bool) -> i32 {
    let config = Config::builder().completion_type(CompletionType::List).auto_add_history(false).build();
    let editor: SharedEditor = match Editor::with_config(config) {
        Ok(e) => Rc::new(RefCell::new(e)),
        Err(e) => {
            eprintln!("Cannot start the interactive prompt: {e}");
            return 1;
        }
    };
    let decorate = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let helper = ReplHelper::new(decorate);
    // A terminal sends Ctrl+Space as NUL, which the editor reads as Ctrl+@.
    for key in [KeyEvent::from('\t'), KeyEvent(KeyCode::Char('@'), Modifiers::CTRL)] {
        let second_tab = EventHandler::Conditional(Box::new(SecondTab(helper.screen.clone())));
        editor.borrow_mut().bind_sequence(key, second_tab);
    }
    let cancel = EventHandler::Conditional(Box::new(CancelLine(helper.cancelled.clone())));
    editor.borrow_mut().bind_sequence(KeyEvent::ctrl('c'), cancel);
    editor.borrow_mut().set_helper(Some(helper));
    let interrupt = Rc::new(OnceCell::new());
    let reader = prompt_reader(editor.clone(), interrupt.clone());
    let options = SessionOptions { interactive: true, ..options };
    let mut session = match Session::with_io(options, Box::new(std::io::stdout()), Box::new(std::io::stderr()), Some(reader)) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let _ = interrupt.set(session.interp.interrupt.clone());
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
    let history = history_path();
    if let Some(h) = &history {
        if let Some(dir) = h.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = editor.borrow_mut().load_history(h);
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
        if let Some(h) = editor.borrow_mut().helper_mut() {
            h.refresh(&mut session);
        }
        match read_statement(&editor, &prompt_text(&session.interp, 0)) {
            Ok(text) => {
                if text.trim().is_empty() {
                    continue;
                }
                // Appended at once, merged under the file's lock with what other sessions
                // appended: closing the terminal loses nothing, and two sessions never
                // overwrite each other's lines.
                let _ = editor.borrow_mut().add_history_entry(text.as_str());
                if let Some(h) = editor.borrow_mut().helper_mut() {
                    h.completion.remember_names(&text);
                }
                if let Some(h) = &history {
                    let _ = editor.borrow_mut().append_history(h);
                }
                session.interp.interrupt.store(false, Ordering::SeqCst);
                // What cmdlets lay out themselves (Format-Table, Get-Help) fits the window
                // as it is now, and `$Host.UI.RawUI` tells its size; the console host follows
                // it for Out-Default.
                let (columns, rows) = super::session::screen_size();
                session.interp.output_width = columns.saturating_sub(1);
                if let Some(host) = session.interp.get_var("Host", Some("global")) {
                    follow_window(&host, columns, rows);
                }
                let src = Source::new(None, text);
                if let Outcome::Exit(c) = session.run_prompt_line(&src) {
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
    code
}

#[cfg(test)]
mod tests;
