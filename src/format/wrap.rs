//! Line wrapping as 5.1's StringManipulationHelper.GenerateLines does it for
//! English cultures: words keep the space that follows them, a word that does
//! not fit starts a new line, a word longer than a line is split by characters.
//! Used for wrapped table cells and for the error view.

use super::cell::char_width;

/// Splits `val` into lines of at most `first` cells (the first line) and
/// `following` cells (the others). `\r` is dropped and `\n` always breaks.
pub fn generate_lines(val: &str, first: usize, following: usize) -> Vec<String> {
    let mut out = Vec::new();
    if val.is_empty() {
        out.push(String::new());
        return out;
    }
    let clean: String = val.chars().filter(|c| *c != '\r').collect();
    for line in clean.split('\n') {
        if super::cell::display_width(line) <= first {
            out.push(line.to_string());
            continue;
        }
        let mut room = first;
        let mut line_len = first;
        let mut first_line = true;
        let mut current = String::new();
        for (word, delim) in words(line) {
            let text = format!("{word}{delim}");
            let len = super::cell::display_width(&text);
            if line_len == 0 {
                if first_line {
                    first_line = false;
                    line_len = following;
                }
                if line_len == 0 {
                    break;
                }
                room = line_len;
            }
            if len > line_len {
                for c in text.chars() {
                    let (c, w) = if char_width(c) > line_len { ('?', 1) } else { (c, char_width(c)) };
                    if w > room {
                        out.push(std::mem::take(&mut current));
                        current.push(c);
                        if first_line {
                            first_line = false;
                            line_len = following;
                        }
                        room = line_len.saturating_sub(w);
                    } else {
                        current.push(c);
                        room -= w;
                    }
                }
            } else if len > room {
                out.push(std::mem::take(&mut current));
                current.push_str(&text);
                if first_line {
                    first_line = false;
                    line_len = following;
                }
                room = line_len.saturating_sub(len);
            } else {
                current.push_str(&text);
                room -= len;
            }
        }
        out.push(current);
    }
    out
}

/// Words with the delimiter (space or tab) that ended them.
fn words(s: &str) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in s.chars() {
        match c {
            ' ' => out.push((std::mem::take(&mut word), " ")),
            '\t' => out.push((std::mem::take(&mut word), "\t")),
            '\u{2011}' | '\u{a0}' => out.push((std::mem::take(&mut word), "")),
            c => word.push(c),
        }
    }
    out.push((word, ""));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_the_field_error_like_windows_powershell() {
        // Install-ADDSForest's binding error at a 120-column buffer (wrapped at 119).
        let fqid = "    + FullyQualifiedErrorId : CannotConvertArgumentNoMessage,Microsoft.DirectoryServices.Deployment.PowerShell.Command    s.InstallADDSForestCommand";
        let lines = generate_lines(fqid, 119, 119);
        assert_eq!(
            lines,
            vec![
                "    + FullyQualifiedErrorId : CannotConvertArgumentNoMessage,Microsoft.DirectoryServices.Deployment.PowerShell.Command ",
                "   s.InstallADDSForestCommand"
            ]
        );
    }

    #[test]
    fn words_keep_their_trailing_space_and_long_words_split() {
        assert_eq!(generate_lines("aaa bbb ccc", 8, 8), vec!["aaa bbb ", "ccc"]);
        assert_eq!(generate_lines("abcdefghij", 4, 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(generate_lines("a\r\nb", 10, 10), vec!["a", "b"]);
    }
}
