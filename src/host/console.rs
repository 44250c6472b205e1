//! The console host: Out-Default formatting to standard output, errors in
//! 5.1's NormalView on standard error, the VERBOSE:/WARNING:/DEBUG: streams,
//! and prompts answered from the terminal.

use std::io::Write;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::engine::error::ErrorRecord;
use crate::engine::host::TranscriptSink;
use crate::engine::value::Value;
use crate::engine::views::ViewTable;
use crate::engine::{Clock, Host};
use crate::format::{error_view, Formatter};

mod wrap;

/// Reads one line after showing a prompt; `None` at end of input.
/// How a prompt's answer shows while it is typed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Echo {
    Plain,
    /// Each character shows as `*` (a password, a secure string).
    Masked,
}

pub type LineReader = Box<dyn FnMut(&str, Echo) -> Option<String>>;

pub struct ConsoleHost {
    out: Box<dyn Write>,
    err: Box<dyn Write>,
    formatter: Formatter,
    views: ViewTable,
    width: usize,
    interactive: bool,
    color: bool,
    clock: Rc<dyn Clock>,
    reader: Option<LineReader>,
    /// Set when standard output closes (the reading end of a pipe went away, as after
    /// `| head -3`): the interpreter's interrupt flag, so the pipeline stops at once
    /// instead of spinning on writes that fail.
    stop_on_closed_output: Option<Arc<AtomicBool>>,
    out_closed: bool,
    /// Start-Transcript's copy of every line shown, output and errors alike.
    transcript: Option<TranscriptSink>,
    /// Text of the line being written without a line break yet, for the transcript.
    partial: String,
}

impl ConsoleHost {
    /// A host for a screen buffer `buffer_width` columns wide; like 5.1's console
    /// host it formats output one column narrower.
    /// Out-Default draws the types `views` holds views for with them.
    pub fn new(out: Box<dyn Write>, err: Box<dyn Write>, buffer_width: usize, clock: Rc<dyn Clock>, views: ViewTable) -> ConsoleHost {
        ConsoleHost {
            out,
            err,
            formatter: Formatter::new(buffer_width.saturating_sub(1), views.clone()),
            views,
            width: buffer_width,
            interactive: false,
            color: false,
            clock,
            reader: None,
            stop_on_closed_output: None,
            out_closed: false,
            transcript: None,
            partial: String::new(),
        }
    }

    /// Stops the running pipeline through `interrupt` when standard output closes.
    pub fn stop_on_closed_output(mut self, interrupt: Arc<AtomicBool>) -> ConsoleHost {
        self.stop_on_closed_output = Some(interrupt);
        self
    }

    /// Writes to standard output and flushes, so a closed output shows at once; after it
    /// closed, nothing more is tried.
    fn put(&mut self, text: &str, newline: bool) {
        self.transcribe(text, newline);
        if self.out_closed {
            return;
        }
        let written = if newline { writeln!(self.out, "{text}") } else { write!(self.out, "{text}") }.and_then(|()| self.out.flush());
        if let Err(e) = written {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                self.out_closed = true;
                if let Some(stop) = &self.stop_on_closed_output {
                    stop.store(true, Ordering::SeqCst);
                }
            }
        }
    }

    /// Lets prompts (Read-Host, confirmations, missing parameters) read from `reader`.
    pub fn interactive(mut self, reader: LineReader) -> ConsoleHost {
        self.interactive = true;
        self.reader = Some(reader);
        self
    }

    /// Colours warnings, verbose text and Write-Host colours (terminals only).
    pub fn with_color(mut self, color: bool) -> ConsoleHost {
        self.color = color;
        self
    }

    fn now_ms(&self) -> i64 {
        self.clock.now().and_utc().timestamp_millis()
    }

    /// Copies shown text to the transcript, line by line, without colour codes.
    fn transcribe(&mut self, text: &str, newline: bool) {
        if self.transcript.is_none() {
            return;
        }
        self.partial.push_str(text);
        if newline {
            let line = std::mem::take(&mut self.partial);
            if let Some(sink) = self.transcript.as_mut() {
                for l in line.split('\n') {
                    sink(l);
                }
            }
        }
    }

    fn write_lines(&mut self, lines: Vec<String>) {
        for l in lines {
            self.put(&l, true);
        }
    }

    fn colored_line(&mut self, prefix: &str, text: &str) {
        let line = format!("{prefix}{text}");
        if self.color {
            self.transcribe(&line, true);
            let transcript = self.transcript.take();
            self.put(&format!("\x1b[33m{line}\x1b[0m"), true);
            self.transcript = transcript;
        } else {
            self.put(&line, true);
        }
    }
}

impl Host for ConsoleHost {
    fn output(&mut self, value: Value) {
        let now = self.now_ms();
        self.formatter.push(&value, now);
        let lines = self.formatter.take_lines();
        self.write_lines(lines);
    }

    fn end_output(&mut self) {
        self.formatter.end_group();
        let lines = self.formatter.take_lines();
        self.write_lines(lines);
        let _ = self.out.flush();
        // The next output is laid out for the terminal as it is then: a window resized
        // between two commands gets tables and wrapping that fit it.
        let width = super::session::screen_width();
        if width != self.width {
            self.width = width;
            self.formatter = Formatter::new(width.saturating_sub(1), self.views.clone());
        }
    }

    fn write_host(&mut self, text: &str, newline: bool) {
        self.put(text, newline);
    }

    fn clear_screen(&mut self) {
        // Only the interactive console is a screen: cursor home, clear the window and the
        // scroll-back, as 5.1's Clear-Host resets the whole buffer.
        if self.interactive && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
            self.put("\x1b[H\x1b[2J\x1b[3J", false);
        }
    }

    fn write_verbose(&mut self, text: &str) {
        self.colored_line("VERBOSE: ", text);
    }

    fn write_warning(&mut self, text: &str) {
        self.colored_line("WARNING: ", text);
    }

    fn write_debug(&mut self, text: &str) {
        self.colored_line("DEBUG: ", text);
    }

    fn write_error(&mut self, record: &ErrorRecord) {
        let _ = self.out.flush();
        let text = error_view::render(record, self.width);
        self.transcribe(&text, true);
        if self.color {
            let _ = writeln!(self.err, "\x1b[91m{text}\x1b[0m");
        } else {
            let _ = writeln!(self.err, "{text}");
        }
        let _ = self.err.flush();
    }

    fn write_error_line(&mut self, text: &str) {
        let _ = self.out.flush();
        self.transcribe(text, true);
        let _ = if self.color { writeln!(self.err, "\x1b[91m{text}\x1b[0m") } else { writeln!(self.err, "{text}") };
        let _ = self.err.flush();
    }

    fn read_line(&mut self, prompt: &str) -> Option<String> {
        let _ = self.out.flush();
        self.reader.as_mut().and_then(|r| r(prompt, Echo::Plain))
    }

    fn read_secret(&mut self, prompt: &str) -> Option<String> {
        let _ = self.out.flush();
        self.reader.as_mut().and_then(|r| r(prompt, Echo::Masked))
    }

    fn is_interactive(&self) -> bool {
        self.interactive
    }

    fn start_transcript(&mut self, sink: TranscriptSink) -> bool {
        self.transcript = Some(sink);
        true
    }

    fn stop_transcript(&mut self) -> Option<TranscriptSink> {
        self.transcript.take()
    }

    fn write_prompt_line(&mut self, text: &str) {
        for line in wrap::wrap_to_window(text, self.width) {
            self.put(&line, true);
        }
    }
}
