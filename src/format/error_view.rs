//! Windows PowerShell 5.1's NormalView of an error record:
//!
//! ```text
//! Cmd : message
//! At line:1 char:1
//! + Cmd -Arg
//! + ~~~~~~~~
//!     + CategoryInfo          : ...
//!     + FullyQualifiedErrorId : ...
//! ```
//! followed by a line holding one space.

use crate::engine::error::{CommandKind, ErrorRecord};
use crate::lang::ast::{Source, Span};

/// The longest source line a position message shows before cutting it.
const MAX_LINE: usize = 69;

/// `At {file}:{line} char:{col}` with the source line and the `~` marks under the extent.
pub fn position_message(src: &Source, span: Span) -> String {
    let file = src.path.clone().unwrap_or_else(|| "line".to_string());
    let (line_no, col) = src.line_col(span.start);
    let (end_line, end_col) = src.line_col(span.end.max(span.start));
    let line: Vec<char> = src.line_text(span.start).trim_end().chars().collect();
    let mut detail = String::new();
    if !line.is_empty() {
        let mut start = col - 1;
        let mut len = if line_no == end_line {
            end_col.saturating_sub(col)
        } else {
            line.len().saturating_sub(col - 1)
        };
        let mut text: Vec<char> = line.clone();
        if text.contains(&'\t') {
            let expand = |s: &[char]| -> Vec<char> {
                s.iter()
                    .flat_map(|c| if *c == '\t' { vec![' '; 4] } else { vec![*c] })
                    .collect()
            };
            let s0 = start.min(text.len());
            let s1 = (start + len).min(text.len());
            let before = expand(&text[..s0]);
            let mid = expand(&text[s0..s1]);
            let after = expand(&text[s1..]);
            start = before.len();
            len = mid.len();
            text = [before, mid, after].concat();
        }
        let (mut cut_front, mut cut_back) = (false, false);
        let total = text.len();
        if total > MAX_LINE {
            let before = start;
            let mut shown_before = before.min(12);
            let after = total.saturating_sub(len + start);
            let mut shown_after = after.min(8);
            let mut shown = shown_before + len + shown_after;
            if shown >= MAX_LINE {
                if shown_before + len >= MAX_LINE {
                    len = MAX_LINE - shown_before;
                }
                cut_back = true;
            } else {
                let more_before = before - shown_before;
                if more_before > 0 {
                    shown_before += more_before.min(MAX_LINE - shown);
                    shown = shown_before + len + shown_after;
                }
                if shown < MAX_LINE && after > 0 {
                    shown_after += after.min(MAX_LINE - shown);
                }
                cut_back = shown_after < after;
            }
            cut_front = shown_before < before;
            let from = start.saturating_sub(shown_before);
            text = text[from..(from + MAX_LINE).min(total)].to_vec();
            start = start.min(shown_before);
            len = len.min(MAX_LINE - start);
        }
        if cut_front {
            detail.push_str("... ");
        }
        detail.extend(text.iter());
        if cut_back {
            detail.push_str(" ...");
        }
        detail.push('\n');
        detail.push_str("+ ");
        detail.push_str(&" ".repeat(start + if cut_front { 4 } else { 0 }));
        detail.push_str(&"~".repeat(len.max(1)));
    }
    format!("At {file}:{line_no} char:{col}\n+ {detail}")
}

/// The whole NormalView text of an error record (without the final line break).
pub fn render(e: &ErrorRecord, screen_width: usize) -> String {
    let mut out = String::new();
    let inv = e.invocation.as_ref();
    if !e.from_throw && !e.is_parse_error {
        if let Some(inv) = inv {
            let prefix = match inv.command_kind {
                CommandKind::ExternalScript | CommandKind::Script => {
                    inv.command.clone().unwrap_or_default()
                }
                _ if inv.invocation_name.is_empty()
                    || inv.invocation_name == "&"
                    || inv.invocation_name == "." =>
                {
                    inv.command.clone().unwrap_or_default()
                }
                _ => inv.invocation_name.clone(),
            };
            if !prefix.is_empty() {
                out.push_str(&prefix);
                out.push_str(" : ");
            }
        }
    }
    out.push_str(e.error_details.as_deref().unwrap_or(&e.message));
    if !e.is_parse_error {
        if let Some((src, span)) = inv.and_then(|i| i.position.as_ref()) {
            out.push('\n');
            out.push_str(&position_message(src, *span));
        }
    }
    let split_at = screen_width.saturating_sub(6).max(1);
    for line in [
        format!("+ CategoryInfo          : {}", e.category_info()),
        format!("+ FullyQualifiedErrorId : {}", e.fqid),
    ] {
        out.push('\n');
        let chars: Vec<char> = line.chars().collect();
        for piece in chars.chunks(split_at) {
            out.push_str("    ");
            out.extend(piece.iter());
        }
    }
    if e.error_details.is_none() {
        out.push_str("\n ");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::error::InvocationInfo;

    #[test]
    fn short_lines_are_quoted_whole() {
        let src = Source::new(None, "  nonsenseString\n");
        let msg = position_message(&src, Span::new(2, 16));
        assert_eq!(
            msg,
            "At line:1 char:3\n+   nonsenseString\n+   ~~~~~~~~~~~~~~"
        );
    }

    #[test]
    fn long_lines_are_cut_like_the_documented_error() {
        let line = "Set-AzureDedicatedCircuitProperties -ServiceKey ********************* -Bandwidth 10000";
        let src = Source::new(None, line);
        let msg = position_message(&src, Span::new(0, line.len()));
        assert_eq!(
            msg,
            "At line:1 char:1\n+ Set-AzureDedicatedCircuitProperties -ServiceKey ********************* ...\n+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~"
        );
    }

    #[test]
    fn command_errors_have_the_normal_view_shape() {
        let src = Source::new(None, "foo");
        let mut e = ErrorRecord::new(
            "The term 'foo' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
            "System.Management.Automation.CommandNotFoundException",
            "ObjectNotFound",
            "CommandNotFoundException",
        )
        .with_target(&crate::engine::value::Value::str("foo"));
        e.invocation = Some(InvocationInfo {
            command: None,
            command_kind: CommandKind::None,
            invocation_name: "foo".into(),
            position: Some((src.clone(), Span::new(0, 3))),
        });
        let text = render(&e, 120);
        let lines: Vec<&str> = text.split('\n').collect();
        assert!(lines[0].starts_with("foo : The term 'foo' is not recognized"));
        assert_eq!(lines[1], "At line:1 char:1");
        assert_eq!(lines[2], "+ foo");
        assert_eq!(lines[3], "+ ~~~");
        assert_eq!(lines[4], "    + CategoryInfo          : ObjectNotFound: (foo:String) [], CommandNotFoundException");
        assert_eq!(
            lines[5],
            "    + FullyQualifiedErrorId : CommandNotFoundException"
        );
        assert_eq!(lines[6], " ");
    }
}
