//! Format-Wide's layout as 5.1's WideOutputContext draws it: a fixed number of items to a
//! row (two unless -Column or -AutoSize says otherwise), the columns sharing the whole screen,
//! each item cut with `...` to its column, a short last row padded with empty cells.

use super::cell::display_width;
use super::table::{self, Align, Column};

/// The items to a row under -AutoSize: as many of the widest item, one space apart, as stay
/// narrower than the screen, and at least one (5.1's `ComputeWideViewBestItemsPerRowFit`).
pub fn autosize_per_row(values: &[String], screen_width: usize) -> usize {
    let widest = values.iter().map(|v| display_width(v)).max().unwrap_or(0);
    if widest == 0 || widest >= screen_width {
        return 1;
    }
    let mut per_row = 1;
    while widest * (per_row + 1) + per_row < screen_width {
        per_row += 1;
    }
    per_row
}

/// Writes the items `per_row` to a line.
pub struct WideRows {
    columns: Vec<Column>,
    pending: Vec<String>,
    per_row: usize,
}

impl WideRows {
    pub fn new(per_row: usize, screen_width: usize) -> WideRows {
        let per_row = per_row.max(1);
        let mut columns = vec![Column { label: String::new(), width: 0, align: Align::Left }; per_row];
        table::share_rest(&mut columns, screen_width);
        WideRows { columns, pending: Vec::new(), per_row }
    }

    /// Adds one item; a full row comes back as its line.
    pub fn push(&mut self, value: String) -> Option<String> {
        self.pending.push(value);
        if self.pending.len() == self.per_row {
            return self.flush();
        }
        None
    }

    /// The row begun so far, its missing items empty.
    pub fn flush(&mut self) -> Option<String> {
        if self.pending.is_empty() {
            return None;
        }
        let line = table::row(&self.columns, &self.pending);
        self.pending.clear();
        Some(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(w: &[&str]) -> Vec<String> {
        w.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn two_items_share_the_screen_by_default() {
        let mut rows = WideRows::new(2, 21);
        assert_eq!(rows.push("a".into()), None);
        assert_eq!(rows.push("b".into()), Some(format!("{:<10} {:<10}", "a", "b")));
        assert_eq!(rows.push("c".into()), None);
        assert_eq!(rows.flush(), Some(format!("{:<10} {:<10}", "c", "")));
        assert_eq!(rows.flush(), None);
    }

    #[test]
    fn long_items_are_cut_to_their_column() {
        let mut rows = WideRows::new(3, 20);
        rows.push("abcdefghij".into());
        rows.push("b".into());
        assert_eq!(rows.push("c".into()).as_deref(), Some("abc... b      c     "));
    }

    #[test]
    fn autosize_fits_the_widest_item() {
        // Five of 22 cells with four spaces is 114 < 119; six would be 137.
        assert_eq!(autosize_per_row(&words(&["x".repeat(22).as_str(), "y"]), 119), 5);
        assert_eq!(autosize_per_row(&words(&["abc"]), 3), 1);
        assert_eq!(autosize_per_row(&[], 119), 1);
    }
}
