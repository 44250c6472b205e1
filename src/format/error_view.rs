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

use crate::engine::error::{position_message, CommandKind, ErrorRecord};

use super::wrap::generate_lines;

/// The whole NormalView text of an error record, as the lines the console
/// writes for a screen buffer `buffer_width` columns wide: the CategoryInfo and
/// FullyQualifiedErrorId entries are cut every `buffer_width - 6` characters
/// (pieces joined without a break, as 5.1's view script does) and the whole
/// text is word-wrapped at `buffer_width - 1`.
pub fn render(e: &ErrorRecord, buffer_width: usize) -> String {
    let mut out = String::new();
    let inv = e.invocation.as_ref();
    if !e.from_throw && !e.is_parse_error {
        if let Some(inv) = inv {
            let prefix = match inv.command_kind {
                CommandKind::ExternalScript | CommandKind::Script => inv.command.clone().unwrap_or_default(),
                _ if inv.invocation_name.is_empty() || inv.invocation_name == "&" || inv.invocation_name == "." => inv.command.clone().unwrap_or_default(),
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
    let split_at = buffer_width.saturating_sub(6).max(1);
    for line in [format!("+ CategoryInfo          : {}", e.category_info()), format!("+ FullyQualifiedErrorId : {}", e.fqid)] {
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
    let width = buffer_width.saturating_sub(1).max(1);
    generate_lines(&out, width, width).join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::error::InvocationInfo;
    use crate::lang::ast::{Source, Span};

    #[test]
    fn short_lines_are_quoted_whole() {
        let src = Source::new(None, "  nonsenseString\n");
        let msg = position_message(&src, Span::new(2, 16));
        assert_eq!(msg, "At line:1 char:3\n+   nonsenseString\n+   ~~~~~~~~~~~~~~");
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
        assert_eq!(lines[0], "foo : The term 'foo' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the ");
        assert_eq!(lines[1], "spelling of the name, or if a path was included, verify that the path is correct and try again.");
        let lines = &lines[1..];
        assert_eq!(lines[1], "At line:1 char:1");
        assert_eq!(lines[2], "+ foo");
        assert_eq!(lines[3], "+ ~~~");
        assert_eq!(lines[4], "    + CategoryInfo          : ObjectNotFound: (foo:String) [], CommandNotFoundException");
        assert_eq!(lines[5], "    + FullyQualifiedErrorId : CommandNotFoundException");
        assert_eq!(lines[6], " ");
    }
}
