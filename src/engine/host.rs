//! The `Host` trait: where the interpreter's text goes and where prompts are
//! answered. The layer above implements it; the engine formats nothing.

use super::error::ErrorRecord;
use super::value::Value;
use super::Interp;

/// The prompt's text before its `>` signs (5.1's default prompt function shows the current
/// location; ersim's console adds the selected subscription), lent by the host as a
/// service so that a Suspend's nested prompt shows what the outer one shows.
pub struct PromptPrefix(pub Box<dyn Fn(&Interp) -> String>);

/// 5.1's prompt at `level` (`$NestedPromptLevel`): the prefix, then one `>` more than the
/// level, then a space.
pub fn prompt_text(interp: &Interp, level: usize) -> String {
    let prefix = interp.extension::<PromptPrefix>().map_or_else(|| "PS C:\\Users\\admin".to_string(), |p| (p.0)(interp));
    format!("{prefix}{} ", ">".repeat(level + 1))
}

/// Where the interpreter's text goes. The host owns Out-Default formatting and
/// the error view, so the engine never formats anything itself.
pub trait Host {
    /// One object from a top-level pipeline, for Out-Default.
    fn output(&mut self, value: Value);
    /// The end of the top-level Out-Default (end of a script or of a REPL line).
    fn end_output(&mut self);
    /// Write-Host text; `newline` ends the line.
    fn write_host(&mut self, text: &str, newline: bool);
    fn write_verbose(&mut self, text: &str);
    fn write_warning(&mut self, text: &str);
    fn write_debug(&mut self, text: &str);
    fn write_error(&mut self, record: &ErrorRecord);
    /// A line typed by the user, or `None` when there is nobody to ask.
    fn read_line(&mut self, prompt: &str) -> Option<String>;
    /// `$Host.UI.WriteErrorLine`: a line on the console's error output, outside every stream.
    fn write_error_line(&mut self, text: &str) {
        self.write_host(text, true);
    }
    /// A secret typed by the user (Read-Host -AsSecureString, a password): a console echoes
    /// `*` for each character, as 5.1's ReadLineAsSecureString does.
    fn read_secret(&mut self, prompt: &str) -> Option<String> {
        self.read_line(prompt)
    }
    /// Whether prompts can be answered (a terminal and not -NonInteractive).
    fn is_interactive(&self) -> bool;
    /// A line of a prompt's text (caption, message, help), which a console host
    /// word-wraps to its window as 5.1's `WrapToCurrentWindowWidth` does.
    fn write_prompt_line(&mut self, text: &str) {
        self.write_host(text, true);
    }
    /// Clear-Host: empties the console's window and scroll-back. A host whose output is no
    /// console (a file, a pipe) leaves it alone, as text written there cannot be taken back.
    fn clear_screen(&mut self) {}
    /// Start-Transcript: from now on every line the host shows is also given to `sink`.
    /// `false` when this host keeps no transcript.
    fn start_transcript(&mut self, _sink: TranscriptSink) -> bool {
        false
    }
    /// Stop-Transcript: the sink given last, if a transcript was running.
    fn stop_transcript(&mut self) -> Option<TranscriptSink> {
        None
    }
}

/// Where a transcript's lines go (each without its line break).
pub type TranscriptSink = Box<dyn FnMut(&str)>;
