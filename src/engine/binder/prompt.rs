//! One field of 5.1's prompt for missing mandatory parameters, read as the console host's
//! `PromptReadInput` reads it: input that starts with `!` is a prompt command
//! (PowerShell's `ConsoleHostUserInterfacePrompt.cs`, `PromptCommandMode`).

use super::super::command::ParamSpec;
use super::super::runtime::Interp;

/// What a field's input is, once prompt commands are handled.
pub(super) enum FieldInput {
    /// A line as typed; an empty one ends a list.
    Typed(String),
    /// `!!text` (the text `!text`) or `!""` (the empty string, which does not end a list).
    Escaped(String),
    /// `!$null`.
    Null,
}

/// The line printed under the prompt's caption when any field has a help message.
pub(super) const PROMPT_HELP: &str = "(Type !? for Help.)";

/// Reads the field until it has input: `!?` shows the parameter's help message (or says
/// there is none) and asks again, as does an unknown `!` command after saying so. `None`
/// when nobody answered (end of input, or Ctrl-C, which the caller tells apart).
pub(super) fn read_field(interp: &mut Interp, prompt: &str, p: &ParamSpec) -> Option<FieldInput> {
    loop {
        let line = interp.host.read_line(prompt)?;
        let Some(command) = line.strip_prefix('!') else { return Some(FieldInput::Typed(line)) };
        if command.starts_with('!') {
            return Some(FieldInput::Escaped(command.to_string()));
        }
        match command {
            "?" if p.help.is_empty() => interp.host.write_prompt_line(&format!("No help is available for {}.", p.name)),
            "?" => interp.host.write_prompt_line(&p.help),
            "\"\"" => return Some(FieldInput::Escaped(String::new())),
            c if c.eq_ignore_ascii_case("$null") => return Some(FieldInput::Null),
            _ => interp.host.write_prompt_line(&format!("\"{line}\" cannot be recognized as a valid Prompt command.")),
        }
    }
}
