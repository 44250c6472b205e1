//! Format-Table layout as 5.1 draws it: one space between columns, a dash row
//! as long as each label, every column padded (the last one too), `...` where a
//! value is cut, and word wrapping for views that ask for it.

use super::cell::{display_width, take_width, take_width_end};
pub use crate::engine::views::Align;

#[derive(Debug, Clone)]
pub struct Column {
    pub label: String,
    /// 0 until the layout gives it a width.
    pub width: usize,
    pub align: Align,
}

/// Widths for columns that have none: the widest of label and cached values,
/// then the last column shrinks (or columns drop) to fit the screen.
pub fn fit_widths(columns: &mut Vec<Column>, rows: &[Vec<String>], screen_width: usize) {
    for (i, c) in columns.iter_mut().enumerate() {
        if c.width == 0 {
            let widest = rows.iter().filter_map(|r| r.get(i)).map(|v| display_width(v)).max().unwrap_or(0);
            c.width = widest.max(display_width(&c.label)).max(1);
        }
    }
    trim_to_fit(columns, screen_width);
}

/// Gives columns without a width the space the fixed ones leave (views, Format-Wide): shared
/// evenly, the first columns one cell more each until the remainder is used up, as 5.1's
/// ColumnWidthManager hands the spare width out round the columns.
pub fn share_rest(columns: &mut Vec<Column>, screen_width: usize) {
    let fixed: usize = columns.iter().map(|c| c.width).sum::<usize>() + columns.len().saturating_sub(1);
    let auto = columns.iter().filter(|c| c.width == 0).count();
    let free = screen_width.saturating_sub(fixed);
    if let Some(each) = free.checked_div(auto) {
        let mut extra = free % auto;
        for c in columns.iter_mut().filter(|c| c.width == 0) {
            c.width = (each + usize::from(extra > 0)).max(1);
            extra = extra.saturating_sub(1);
        }
    }
    trim_to_fit(columns, screen_width);
}

fn trim_to_fit(columns: &mut Vec<Column>, screen_width: usize) {
    loop {
        let total: usize = columns.iter().map(|c| c.width).sum::<usize>() + columns.len().saturating_sub(1);
        if total <= screen_width || columns.is_empty() {
            return;
        }
        let over = total - screen_width;
        let last = columns.last_mut().expect("not empty");
        if last.width > over {
            last.width -= over;
            return;
        }
        columns.pop();
    }
}

fn pad(text: &str, width: usize, align: Align) -> String {
    let w = display_width(text);
    let fill = " ".repeat(width.saturating_sub(w));
    match align {
        Align::Left => format!("{text}{fill}"),
        Align::Right => format!("{fill}{text}"),
    }
}

/// The header and dash rows.
pub fn header(columns: &[Column]) -> Vec<String> {
    let labels: Vec<String> = columns.iter().map(|c| pad(&fit(&c.label, c.width, c.align), c.width, c.align)).collect();
    let dashes: Vec<String> = columns
        .iter()
        .map(|c| {
            let n = display_width(&c.label).min(c.width);
            pad(&"-".repeat(n), c.width, c.align)
        })
        .collect();
    vec![labels.join(" "), dashes.join(" ")]
}

/// A value cut to a column: the head with `...` (the tail for right alignment).
pub fn fit(text: &str, width: usize, align: Align) -> String {
    let first_line = match text.split_once('\n') {
        Some((head, _)) => format!("{}...", head.trim_end_matches('\r')),
        None => text.to_string(),
    };
    if display_width(&first_line) <= width {
        return first_line;
    }
    if width <= 3 {
        return take_width(&first_line, width).to_string();
    }
    match align {
        Align::Left => format!("{}...", take_width(&first_line, width - 3)),
        Align::Right => format!("...{}", take_width_end(&first_line, width - 3)),
    }
}

/// One row, cut to the column widths.
pub fn row(columns: &[Column], cells: &[String]) -> String {
    columns
        .iter()
        .enumerate()
        .map(|(i, c)| pad(&fit(cells.get(i).map(String::as_str).unwrap_or(""), c.width, c.align), c.width, c.align))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One row of a wrapping view: each cell word-wrapped, as many lines as the tallest.
pub fn wrapped_row(columns: &[Column], cells: &[String]) -> Vec<String> {
    let wrapped: Vec<Vec<String>> = columns.iter().enumerate().map(|(i, c)| word_wrap(cells.get(i).map(String::as_str).unwrap_or(""), c.width)).collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
    (0..height)
        .map(|line| {
            columns.iter().enumerate().map(|(i, c)| pad(wrapped[i].get(line).map(String::as_str).unwrap_or(""), c.width, c.align)).collect::<Vec<_>>().join(" ")
        })
        .collect()
}

/// Word wrapping of 5.1's table writer (GenerateLines), with trailing spaces
/// left to the padding.
pub fn word_wrap(text: &str, width: usize) -> Vec<String> {
    super::wrap::generate_lines(text, width.max(1), width.max(1)).into_iter().map(|l| l.trim_end_matches([' ', '\t']).to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_like_the_documented_provider_table() {
        let locations = "Amsterdam,Atlanta,Chicago,Dallas,New York,Seattle,Silicon Valley,Washington DC,London,Hong Kong,Singapore,Sydney,Tokyo,Sao Paulo,Los Angeles,Melbourne";
        assert_eq!(
            word_wrap(locations, 30),
            vec![
                "Amsterdam,Atlanta,Chicago,Dall",
                "as,New York,Seattle,Silicon",
                "Valley,Washington",
                "DC,London,Hong Kong,Singapore,",
                "Sydney,Tokyo,Sao Paulo,Los",
                "Angeles,Melbourne"
            ]
        );
        assert_eq!(word_wrap("Level 3 Communications - Exchange", 20), vec!["Level 3", "Communications -", "Exchange"]);
    }

    #[test]
    fn cuts_with_ellipsis() {
        assert_eq!(fit("abcdefgh", 6, Align::Left), "abc...");
        assert_eq!(fit("12345678", 6, Align::Right), "...678");
        assert_eq!(fit("abc", 6, Align::Left), "abc");
    }

    #[test]
    fn spare_width_goes_to_the_first_columns() {
        let mut cols: Vec<Column> = (0..7).map(|_| Column { label: String::new(), width: 0, align: Align::Left }).collect();
        share_rest(&mut cols, 119);
        assert_eq!(cols.iter().map(|c| c.width).collect::<Vec<_>>(), vec![17, 16, 16, 16, 16, 16, 16]);
    }

    #[test]
    fn header_pads_every_column() {
        let cols = vec![Column { label: "State".into(), width: 11, align: Align::Left }, Column { label: "VnetName".into(), width: 8, align: Align::Left }];
        assert_eq!(header(&cols), vec!["State       VnetName", "-----       --------"]);
        assert_eq!(row(&cols, &["Provisioned".into(), "MyVNet".into()]), "Provisioned MyVNet  ");
    }
}
