//! 5.1's `WrapToCurrentWindowWidth`, which the console host applies to prompt captions,
//! messages and help: words (runs of non-spaces, and runs of spaces) fill each line up to
//! the window width − 1; a word that does not fit starts the next line, while spaces that do
//! not fit fill the line exactly and carry the rest over. A word longer than the width is
//! cut into pieces that fit. Tabs count as spaces; newlines end lines.
//! (PowerShell's `ConsoleHostUserInterface.cs`: `WrapText`, `ChopTextIntoWords`, `AddWord`.)

use crate::format::cell::{display_width, take_width};

/// `text` as the lines the console shows in a window `window_width` columns wide.
pub fn wrap_to_window(text: &str, window_width: usize) -> Vec<String> {
    let max = window_width.saturating_sub(1);
    if text.is_empty() || max == 0 {
        return vec![text.to_string()];
    }
    let mut lines = Vec::new();
    for source_line in text.replace('\t', " ").split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in words(source_line, max) {
            let w = display_width(&word);
            if used + w <= max {
                line.push_str(&word);
                used += w;
            } else if !word.starts_with(' ') {
                lines.push(std::mem::replace(&mut line, word));
                used = w;
            } else {
                let fill = max - used;
                line.push_str(&word[..fill]);
                lines.push(std::mem::take(&mut line));
                line.push_str(&word[fill..]);
                used = w - fill;
            }
        }
        lines.push(line);
    }
    lines
}

/// The runs of spaces and of other characters in `line`, each cut to at most `max` cells.
fn words(line: &str, max: usize) -> Vec<String> {
    let mut runs: Vec<String> = Vec::new();
    for c in line.chars() {
        match runs.last_mut() {
            Some(run) if run.starts_with(' ') == (c == ' ') => run.push(c),
            _ => runs.push(c.to_string()),
        }
    }
    let mut pieces = Vec::new();
    for run in runs {
        let mut rest = run.as_str();
        while !rest.is_empty() {
            let mut piece = take_width(rest, max);
            if piece.is_empty() {
                // A character wider than the line still has to go somewhere.
                piece = &rest[..rest.chars().next().map_or(1, char::len_utf8)];
            }
            pieces.push(piece.to_string());
            rest = &rest[piece.len()..];
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fill_the_line_to_one_column_short_of_the_window() {
        assert_eq!(wrap_to_window("aaa bbb ccc", 9), ["aaa bbb ", "ccc"]);
        // Spaces that do not fit fill the line exactly; the rest start the next one.
        assert_eq!(wrap_to_window("aaa bbb ccc", 8), ["aaa bbb", " ccc"]);
        assert_eq!(wrap_to_window("abcdefghij", 5), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap_to_window("a\nb", 80), ["a", "b"]);
        assert_eq!(wrap_to_window("short", 80), ["short"]);
    }
}
