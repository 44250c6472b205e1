//! The host's prompts as 5.1's ConsoleHostUserInterface draws them.
//!
//! PromptForChoice, for every choice the host offers (`$Host.UI.PromptForChoice`,
//! ShouldProcess's confirmation, ShouldContinue): a blank line and the caption, the message,
//! then `[Y] Yes  [N] No  [?] Help (default is "Y"): ` — each item moved to a new line when it
//! would pass the window width − 1 — read until an answer names a choice by its label or its
//! `&` hotkey. PromptForCredential (Get-Credential, `$Host.UI.PromptForCredential`): the
//! caption and message, `User: ` until a name is typed, `Password for user X: ` masked.

use super::ctx::non_interactive;
use super::dotnet::secure;
use super::runtime::Interp;
use super::value::Value;
use super::Flow;

/// One choice: its label (`&Yes`: Y is the hotkey) and its help text.
pub struct Choice {
    pub label: String,
    pub help: String,
}

impl Choice {
    pub fn new(label: &str, help: &str) -> Choice {
        Choice { label: label.to_string(), help: help.to_string() }
    }
}

/// HostUIHelperMethods.BuildHotkeysAndPlainLabels: the letter after `&` (upper case) and the
/// label without the `&`; a label with no `&` has no hotkey.
pub fn hotkey_and_label(label: &str) -> (String, String) {
    match label.find('&') {
        Some(at) => {
            let rest = &label[at + 1..];
            let hotkey = rest.chars().next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
            (hotkey.trim().to_string(), format!("{}{rest}", &label[..at]).trim().to_string())
        }
        None => (String::new(), label.to_string()),
    }
}

/// DetermineChoicePicked: a full label first (the least ambiguous), then a hotkey.
pub fn choice_picked(response: &str, keys: &[(String, String)]) -> Option<usize> {
    keys.iter()
        .position(|(_, label)| label.to_lowercase() == response.to_lowercase())
        .or_else(|| keys.iter().position(|(hotkey, _)| !hotkey.is_empty() && hotkey.eq_ignore_ascii_case(response)))
}

/// The choice line's items, placed as WriteChoiceHelper places them: an item that would pass
/// `max` cells starts a new line (written without its trailing spaces). The last line is
/// the one the answer is typed on.
pub fn choice_lines(keys: &[(String, String)], default: Option<usize>, max: usize) -> Vec<String> {
    let mut items: Vec<String> = keys.iter().map(|(hotkey, label)| format!("[{hotkey}] {label}  ")).collect();
    items.push("[?] Help ".to_string());
    if let Some(d) = default {
        let (hotkey, label) = &keys[d];
        items.push(format!("(default is \"{}\"): ", if hotkey.is_empty() { label } else { hotkey }));
    }
    let mut lines = vec![String::new()];
    let mut len = 0;
    for item in items {
        let cells = item.chars().count();
        if len + cells > max {
            let trimmed = item.trim_end().to_string();
            len = cells;
            lines.push(trimmed);
        } else {
            len += cells;
            if let Some(last) = lines.last_mut() {
                last.push_str(&item);
            }
        }
    }
    lines
}

impl Interp {
    /// Asks until a choice is picked; its index. `Err`: the NonInteractive error when nobody
    /// can answer, or `Flow::Interrupted` after Ctrl-C (the pipeline stops, no default is taken).
    pub fn prompt_for_choice(&mut self, caption: &str, message: &str, choices: &[Choice], default: Option<usize>) -> Result<usize, Flow> {
        if !self.host.is_interactive() {
            return Err(Flow::error(non_interactive()));
        }
        if !caption.is_empty() {
            self.host.write_host("", true);
            self.host.write_prompt_line(caption);
        }
        for line in message.split('\n').filter(|_| !message.is_empty()) {
            self.host.write_prompt_line(line);
        }
        let keys: Vec<(String, String)> = choices.iter().map(|c| hotkey_and_label(&c.label)).collect();
        let default = default.filter(|d| *d < keys.len());
        loop {
            let mut lines = choice_lines(&keys, default, self.output_width);
            let prompt = lines.pop().unwrap_or_default();
            for line in lines {
                self.host.write_host(&line, true);
            }
            let Some(answer) = self.host.read_line(&prompt) else {
                self.check_interrupt()?;
                return Err(Flow::error(non_interactive()));
            };
            if answer.is_empty() {
                match default {
                    Some(d) => return Ok(d),
                    None => continue,
                }
            }
            if answer.trim() == "?" {
                for ((hotkey, label), choice) in keys.iter().zip(choices) {
                    let key = if hotkey.is_empty() { label } else { hotkey };
                    self.host.write_prompt_line(&format!("{key} - {}", choice.help));
                }
                continue;
            }
            if let Some(i) = choice_picked(answer.trim(), &keys) {
                return Ok(i);
            }
        }
    }
}

impl Interp {
    /// A credential typed at the console; `Ok(None)` when the prompt was abandoned (end of
    /// input), `Err` with the NonInteractive error when nobody can answer, or
    /// `Flow::Interrupted` after Ctrl-C.
    pub fn prompt_for_credential(&mut self, caption: &str, message: &str, user: &str) -> Result<Option<Value>, Flow> {
        if !self.host.is_interactive() {
            return Err(Flow::error(non_interactive()));
        }
        if !caption.is_empty() {
            self.host.write_host("", true);
            self.host.write_prompt_line(caption);
        }
        if !message.is_empty() {
            self.host.write_prompt_line(message);
        }
        let mut user = user.to_string();
        while user.is_empty() {
            match self.host.read_line("User: ") {
                Some(u) => user = u,
                None => {
                    self.check_interrupt()?;
                    return Ok(None);
                }
            }
        }
        let Some(password) = self.host.read_secret(&format!("Password for user {user}: ")) else {
            self.check_interrupt()?;
            return Ok(None);
        };
        self.host.write_host("", true);
        Ok(Some(secure::credential(&user, secure::secure_value(&password))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(labels: &[&str]) -> Vec<(String, String)> {
        labels.iter().map(|l| hotkey_and_label(l)).collect()
    }

    #[test]
    fn hotkeys_come_from_the_ampersand() {
        assert_eq!(hotkey_and_label("&Yes"), ("Y".into(), "Yes".into()));
        assert_eq!(hotkey_and_label("Yes to &all"), ("A".into(), "Yes to all".into()));
        assert_eq!(hotkey_and_label("Maybe"), (String::new(), "Maybe".into()));
    }

    #[test]
    fn a_full_label_wins_over_a_hotkey() {
        let k = keys(&["&No", "N&o way", "&Yes"]);
        assert_eq!(choice_picked("no way", &k), Some(1));
        assert_eq!(choice_picked("o", &k), Some(1));
        assert_eq!(choice_picked("n", &k), Some(0));
        assert_eq!(choice_picked("x", &k), None);
    }

    #[test]
    fn the_line_wraps_item_by_item() {
        let k = keys(&["&Yes", "Yes to &All", "&No", "No to &All", "&Suspend"]);
        let one = choice_lines(&k, Some(0), 119);
        assert_eq!(one, ["[Y] Yes  [A] Yes to All  [N] No  [A] No to All  [S] Suspend  [?] Help (default is \"Y\"): "]);
        let two = choice_lines(&k, Some(0), 59);
        // The item that starts a line loses its trailing spaces, so the next one follows it
        // directly: 5.1's narrow consoles show `[S] Suspend[?] Help`.
        assert_eq!(two, ["[Y] Yes  [A] Yes to All  [N] No  [A] No to All  ", "[S] Suspend[?] Help (default is \"Y\"): "]);
        assert!(choice_lines(&k, None, 119)[0].ends_with("[?] Help "));
    }
}
