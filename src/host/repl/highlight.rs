//! Syntax colouring of the line being edited, in PSReadLine's default
//! colours: commands yellow, parameters and operators dark gray, strings dark
//! cyan, variables green, numbers white, comments dark green. A light scan,
//! not the parser: it must cope with half-typed input and keep every
//! character in place (only escape codes are added).

const COMMAND: &str = "\x1b[93m";
const PARAMETER: &str = "\x1b[90m";
const STRING: &str = "\x1b[36m";
const VARIABLE: &str = "\x1b[92m";
const NUMBER: &str = "\x1b[97m";
const COMMENT: &str = "\x1b[32m";
const RESET: &str = "\x1b[0m";

pub fn highlight(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() * 2);
    let mut i = 0;
    // A command name is expected at the start and after | ; ( { and the = of an
    // assignment, whose right side is a pipeline (`$x = Get-Date`).
    let mut command_position = true;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        let colour = if c == '#' {
            i = chars.len();
            Some(COMMENT)
        } else if c == '\'' || c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != c {
                i += 1;
            }
            i = (i + 1).min(chars.len());
            command_position = false;
            Some(STRING)
        } else if c == '$' {
            i += 1;
            while i < chars.len() && (chars[i].is_alphanumeric() || matches!(chars[i], '_' | ':' | '?')) {
                i += 1;
            }
            command_position = false;
            Some(VARIABLE)
        } else if c == '-' && chars.get(i + 1).is_some_and(|n| n.is_alphabetic()) {
            i += 1;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == ':') {
                i += 1;
            }
            Some(PARAMETER)
        } else if c.is_ascii_digit() && (i == 0 || !chars[i - 1].is_alphanumeric()) {
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '.') {
                i += 1;
            }
            command_position = false;
            Some(NUMBER)
        } else if "|;(){}=+*/%!<>,".contains(c) {
            i += 1;
            command_position = matches!(c, '|' | ';' | '(' | '{' | '=');
            Some(PARAMETER)
        } else if c.is_whitespace() {
            i += 1;
            None
        } else {
            while i < chars.len() && !chars[i].is_whitespace() && !"|;(){}".contains(chars[i]) {
                i += 1;
            }
            let was_command = command_position;
            command_position = false;
            was_command.then_some(COMMAND)
        };
        let text: String = chars[start..i].iter().collect();
        match colour {
            Some(code) => {
                out.push_str(code);
                out.push_str(&text);
                out.push_str(RESET);
            }
            None => out.push_str(&text),
        }
    }
    out
}

/// Hints from history, dimmed.
pub fn dim(hint: &str) -> String {
    format!("\x1b[2m{hint}{RESET}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(s: &str) -> String {
        regex::Regex::new("\x1b\\[[0-9;]*m").unwrap().replace_all(s, "").to_string()
    }

    #[test]
    fn colours_each_kind_and_keeps_the_text() {
        let line = "Get-AzureDedicatedCircuit -ServiceKey $key | Where-Object { $_.Bandwidth -gt 100 } # mine 'x'";
        let h = highlight(line);
        assert_eq!(strip(&h), line);
        assert!(h.starts_with(&format!("{COMMAND}Get-AzureDedicatedCircuit{RESET}")));
        assert!(h.contains(&format!("{PARAMETER}-ServiceKey{RESET}")));
        assert!(h.contains(&format!("{VARIABLE}$key{RESET}")));
        assert!(h.contains(&format!("{COMMAND}Where-Object{RESET}")));
        assert!(h.contains(&format!("{PARAMETER}-gt{RESET}")));
        assert!(h.contains(&format!("{NUMBER}100{RESET}")));
        assert!(h.contains(&format!("{COMMENT}# mine 'x'{RESET}")));
        assert!(highlight("Write-Host 'a b'").contains(&format!("{STRING}'a b'{RESET}")));
    }

    #[test]
    fn a_command_after_an_assignment_is_a_command() {
        assert!(highlight("$x = Get-Date").contains(&format!("{COMMAND}Get-Date{RESET}")));
        assert!(highlight("$x += 1").contains(&format!("{NUMBER}1{RESET}")));
    }

    #[test]
    fn an_unfinished_string_runs_to_the_end() {
        assert_eq!(strip(&highlight("Write-Host 'Silicon Val")), "Write-Host 'Silicon Val");
    }
}
