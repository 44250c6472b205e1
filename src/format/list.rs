//! Format-List entries: labels padded to the longest, ` : `, values word-wrapped
//! to the screen, a value's extra lines indented under the first.

use super::cell::display_width;

/// Renders one list entry (without the blank line that follows it).
pub fn render_entry(fields: &[(String, String)], screen_width: usize) -> Vec<String> {
    let label_width = fields.iter().map(|(l, _)| display_width(l)).max().unwrap_or(0);
    let indent = label_width + 3;
    let value_width = screen_width.saturating_sub(indent).max(1);
    let mut lines = Vec::new();
    for (label, value) in fields {
        let pad = label_width - display_width(label);
        let head = format!("{label}{} : ", " ".repeat(pad));
        let mut first = true;
        for raw in value.split('\n') {
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            for piece in super::wrap::generate_lines(raw, value_width, value_width) {
                if first {
                    lines.push(format!("{head}{piece}"));
                    first = false;
                } else {
                    lines.push(format!("{}{piece}", " ".repeat(indent)));
                }
            }
        }
        if first {
            lines.push(head);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_pad_to_the_longest() {
        let f = vec![("Bandwidth".to_string(), "200".to_string()), ("ServiceProviderProvisioningState".to_string(), "Provisioned".to_string())];
        assert_eq!(render_entry(&f, 120), vec!["Bandwidth                        : 200", "ServiceProviderProvisioningState : Provisioned"]);
    }

    #[test]
    fn empty_values_keep_the_trailing_space() {
        let f = vec![("A".to_string(), String::new())];
        assert_eq!(render_entry(&f, 120), vec!["A : "]);
    }

    #[test]
    fn multi_line_values_indent() {
        let f = vec![("Name".to_string(), "a\nb".to_string())];
        assert_eq!(render_entry(&f, 120), vec!["Name : a", "       b"]);
    }
}
