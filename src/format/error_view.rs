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
    let remote = e.origin.is_some();
    if !e.from_throw && !e.is_parse_error && !remote {
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
    if !e.is_parse_error && !remote {
        if let Some((src, span)) = inv.and_then(|i| i.position.as_ref()) {
            out.push('\n');
            out.push_str(&position_message(src, *span));
        }
    }
    let split_at = buffer_width.saturating_sub(6).max(1);
    let mut lines = vec![format!("+ CategoryInfo          : {}", e.category_info()), format!("+ FullyQualifiedErrorId : {}", e.fqid)];
    if let Some(computer) = &e.origin {
        lines.push(format!("+ PSComputerName        : {computer}"));
    }
    for line in lines {
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
