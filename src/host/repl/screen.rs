//! What the line editor last drew, and the screen made ready for its next redraw.
//!
//! rustyline erases its previous drawing by the rows it laid that drawing out on: it goes
//! down to the drawing's last row, then erases upwards to the row it believes the prompt
//! starts on, and draws there. Two things move the drawing under it, and each left copies
//! of the line on the screen:
//!
//! - a window resize: the terminal (the Windows console, Windows Terminal, tmux, the VTE
//!   terminals…) re-wraps the drawing at the new width, while rustyline erases the rows of
//!   the old width;
//! - a completion list printed under the line: rustyline then erases upwards from under the
//!   list, over the list's last rows.
//!
//! Neither can be seen through rustyline's API, so before each of those redraws the host
//! erases what really is there and leaves the cursor where rustyline believes it is, on a
//! blank block of as many rows as rustyline will erase.

use std::io::Write;

use crate::format::cell::char_width;

/// The columns of a tab stop, as rustyline lays a tab out.
const TAB_STOP: usize = 8;

/// The editor's last drawing: the prompt, the line with the cursor's place in it, the dim
/// history hint after it, and the width it was laid out at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Drawn {
    pub prompt: String,
    pub line: String,
    pub pos: usize,
    pub hint: String,
    pub columns: usize,
}

/// Rows counted from the prompt's first row: the cursor's and the drawing's last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rows {
    pub cursor: usize,
    pub end: usize,
}

/// Where `text` leaves the cursor drawn from `(row, col)` on a screen `columns` wide, by
/// rustyline's rule: a character that does not fit starts the next row, and a row filled to
/// its last column puts the cursor on the next one.
fn advance(text: &str, (mut row, mut col): (usize, usize), columns: usize) -> (usize, usize) {
    for c in text.chars() {
        if c == '\n' {
            row += 1;
            col = 0;
            continue;
        }
        let width = if c == '\t' { TAB_STOP - col % TAB_STOP } else { char_width(c) };
        col += width;
        if col > columns {
            row += 1;
            col = width;
        }
    }
    if col == columns {
        row += 1;
        col = 0;
    }
    (row, col)
}

impl Drawn {
    /// The rows of this drawing laid out `columns` wide: as rustyline lays it out at that
    /// width, and as a terminal re-wraps it when the window takes that width.
    pub fn rows(&self, columns: usize) -> Rows {
        let columns = columns.max(1);
        let mut pos = self.pos.min(self.line.len());
        while !self.line.is_char_boundary(pos) {
            pos -= 1;
        }
        let start = advance(&self.prompt, (0, 0), columns);
        let cursor = advance(&self.line[..pos], start, columns);
        let mut end = if pos == self.line.len() { cursor } else { advance(&self.line[pos..], cursor, columns) };
        if !self.hint.is_empty() {
            end = advance(&self.hint, end, columns);
        }
        Rows { cursor: cursor.0, end: end.0 }
    }

    /// Whether the drawing takes more than one row at either its own width or `columns`:
    /// a one-row drawing that still fits is erased right by rustyline itself.
    fn spans_rows(&self, columns: usize) -> bool {
        self.rows(self.columns).end > 0 || self.rows(columns).end > 0
    }
}

fn up(out: &mut String, rows: usize) {
    if rows > 0 {
        out.push_str(&format!("\x1b[{rows}A"));
    }
}

fn down(out: &mut String, rows: usize) {
    if rows > 0 {
        out.push_str(&format!("\x1b[{rows}B"));
    }
}

/// From the first column of a row, a blank block of `rows.end + 1` rows (new ones scroll
/// the screen), with the cursor left on the block's row `rows.cursor`: rustyline's redraw
/// then goes down to the block's last row, erases up to its first and draws there.
fn room_for_redraw(out: &mut String, rows: Rows) {
    out.push_str(&"\n".repeat(rows.end));
    up(out, rows.end - rows.cursor);
}

/// Before rustyline redraws after the window became `columns` wide: the terminal has
/// re-wrapped `drawn` at that width, so its first row is as many rows above the cursor as
/// the new width puts the cursor below the prompt's start. Its rows are erased one by one
/// (erasing to the end of the screen from its corner would make tmux keep the screen in
/// its scroll-back, a copy of the line there), and the cursor left on a blank block as
/// rustyline believes the drawing lies. `None` when nothing needs doing.
pub fn after_resize(drawn: &Drawn, columns: usize) -> Option<String> {
    if drawn.columns == 0 || drawn.columns == columns || !drawn.spans_rows(columns) {
        return None;
    }
    let now = drawn.rows(columns);
    let before = drawn.rows(drawn.columns);
    let mut out = String::new();
    up(&mut out, now.cursor);
    for row in 0..=now.end {
        if row > 0 {
            down(&mut out, 1);
        }
        out.push_str("\r\x1b[K");
    }
    out.push_str(&"\n".repeat(before.end.saturating_sub(now.end)));
    up(&mut out, before.end.max(now.end) - before.cursor);
    Some(out)
}

/// `items` in columns as rustyline lists completions: each column as wide as the widest
/// item and two spaces, down the first column, then the next.
pub fn list_rows(items: &[String], columns: usize) -> Vec<String> {
    let widest = items.iter().map(|i| i.chars().map(char_width).sum::<usize>()).max().unwrap_or(0);
    let cell = (widest + 2).min(columns.max(1));
    let across = (columns / cell).max(1);
    let down_count = items.len().div_ceil(across);
    (0..down_count)
        .map(|row| {
            let mut line = String::new();
            for col in 0..across {
                let Some(item) = items.get(col * down_count + row) else { break };
                line.push_str(item);
                if items.get((col + 1) * down_count + row).is_some() {
                    let width: usize = item.chars().map(char_width).sum();
                    line.push_str(&" ".repeat(cell.saturating_sub(width)));
                }
            }
            line
        })
        .collect()
}

/// The completion list under `drawn` (from the row the cursor is on, past the drawing's
/// last row), then the screen ready for rustyline to draw the line again under the list.
pub fn list_under(drawn: &Drawn, items: &[String]) -> String {
    let rows = drawn.rows(drawn.columns);
    let mut out = String::new();
    down(&mut out, rows.end - rows.cursor);
    out.push_str("\r\n");
    for line in list_rows(items, drawn.columns) {
        out.push_str(&line);
        out.push_str("\r\n");
    }
    room_for_redraw(&mut out, rows);
    out
}

/// Writes straight to the terminal, between two of rustyline's own writes to it.
pub fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(line: &str, pos: usize, hint: &str, columns: usize) -> Drawn {
        Drawn { prompt: "PS> ".into(), line: line.into(), pos, hint: hint.into(), columns }
    }

    #[test]
    fn rows_follow_rustylines_wrapping() {
        // 4 + 6 = 10 cells: a full row puts the cursor on the next.
        assert_eq!(drawn("abcdef", 6, "", 10).rows(10), Rows { cursor: 1, end: 1 });
        assert_eq!(drawn("abcde", 5, "", 10).rows(10), Rows { cursor: 0, end: 0 });
        // The hint after the cursor takes rows of its own.
        assert_eq!(drawn("ab", 2, "cdefghijklmn", 10).rows(10), Rows { cursor: 0, end: 1 });
        // A wide character that does not fit starts the next row.
        let wide = "abcde\u{4e00}";
        assert_eq!(drawn(wide, wide.len(), "", 10).rows(10), Rows { cursor: 1, end: 1 });
        assert_eq!(drawn("ab", 1, "", 10).rows(10).cursor, 0);
    }

    #[test]
    fn a_resize_erases_the_rewrapped_drawing_and_leaves_rustylines_rows() {
        // 120 wide: one row, cursor at column 60; at 50 the cursor is on the second row.
        let d = drawn(&"x".repeat(56), 56, &"h".repeat(40), 120);
        let fix = after_resize(&d, 50).expect("a drawing wider than the new window");
        assert_eq!(fix, "\x1b[1A\r\x1b[K\x1b[1B\r\x1b[K\x1b[1B\r\x1b[K\x1b[2A");
        // Narrow to wide: rustyline believes it is on row 1 of rows 0..=2.
        let d = drawn(&"x".repeat(56), 56, &"h".repeat(40), 50);
        assert_eq!(after_resize(&d, 120).unwrap(), "\r\x1b[K\n\n\x1b[1A");
        // A short line that still fits needs nothing, nor does an unchanged width.
        assert_eq!(after_resize(&drawn("ab", 2, "", 120), 50), None);
        assert_eq!(after_resize(&d, 50), None);
    }

    #[test]
    fn the_list_goes_under_the_whole_drawing_and_leaves_room_for_it() {
        let items: Vec<String> = ["one", "two", "three"].map(String::from).into();
        assert_eq!(list_rows(&items, 80), ["one    two    three"]);
        assert_eq!(list_rows(&items, 14), ["one    three", "two"]);
        // Cursor on row 0 of a two-row drawing: below it, the list, then rows 0..=1 again.
        let d = drawn("ab", 2, &"c".repeat(10), 10);
        assert_eq!(list_under(&d, &items[..2]), "\x1b[1B\r\none  two\r\n\n\x1b[1A");
    }
}
