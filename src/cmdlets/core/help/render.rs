//! Get-Help's console text, laid out as Windows PowerShell 5.1 lays out a
//! MamlCommandHelpInfo: the custom views of Help.format.ps1xml written by the
//! ComplexWriter. Sources and the decisions taken are in docs/fidelity.md.

use crate::engine::command::{CommandInfo, ParamSpec};
use crate::format::wrap::generate_lines;

use super::syntax::{attributes, heading_value, input_types, output_types, paragraphs, positions, syntax_lines};

/// 5.1's HelpDisplayStrings.BaseCmdletInformation, its 5.1 `https:/` included.
const COMMON_PARAMETERS: &str = "    This cmdlet supports the common parameters: Verbose, Debug,
    ErrorAction, ErrorVariable, WarningAction, WarningVariable,
    OutBuffer, PipelineVariable, and OutVariable. For more information, see 
    about_CommonParameters (https:/go.microsoft.com/fwlink/?LinkID=113216). ";

/// The ComplexWriter: text collects in a buffer and a new line writes it,
/// word-wrapped, at the indentation of the frames open at that moment (so
/// even an empty line carries the indentation).
struct Writer {
    width: usize,
    indent: usize,
    buf: String,
    lines: Vec<String>,
}

impl Writer {
    fn text(&mut self, s: &str) -> &mut Self {
        self.buf.push_str(s);
        self
    }

    fn nl(&mut self) -> &mut Self {
        let useful = self.width.saturating_sub(self.indent).max(1);
        let pad = " ".repeat(self.indent);
        for line in generate_lines(&std::mem::take(&mut self.buf), useful, useful) {
            self.lines.push(format!("{pad}{line}"));
        }
        self
    }

    /// A frame with a left indentation of 4.
    fn frame(&mut self, f: impl FnOnce(&mut Writer)) -> &mut Self {
        self.indent += 4;
        f(self);
        self.indent -= 4;
        self
    }
}

/// Which of Get-Help's views to show.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum View {
    Default,
    Detailed,
    Full,
    Examples,
}

/// One object through Out-Default: FormatStart's empty line, the entry with
/// the writer's final flush, then GroupEnd's and FormatEnd's empty lines.
fn out_default(width: usize, entries: impl FnOnce(&mut Writer)) -> Vec<String> {
    let mut w = Writer { width, indent: 0, buf: String::new(), lines: vec![String::new()] };
    entries(&mut w);
    w.lines.extend([String::new(), String::new()]);
    w.lines
}

/// A command's help in the chosen view.
pub fn command_help(info: &CommandInfo, related: &[String], view: View, width: usize) -> Vec<String> {
    out_default(width, |w| {
        details(w, info);
        if view == View::Examples {
            w.frame(|w| examples(w, info));
            w.nl();
            return;
        }
        syntax(w, info);
        description(w, info);
        match view {
            View::Default => {
                related_links(w, related);
                w.nl();
                remarks(w, info);
            }
            View::Detailed => {
                parameters(w, info, false);
                w.frame(|w| examples(w, info));
                remarks(w, info);
            }
            View::Full => {
                parameters(w, info, true);
                types_section(w, "INPUTS", &input_types(info));
                types_section(w, "OUTPUTS", &output_types(info));
                if !info.help.notes.is_empty() {
                    w.text("NOTES").nl();
                    w.frame(|w| {
                        w.nl();
                        for p in paragraphs(&info.help.notes) {
                            w.text(p).nl();
                        }
                        w.nl();
                    });
                }
                w.frame(|w| {
                    examples(w, info);
                    w.nl();
                });
                related_links(w, related);
            }
            View::Examples => {}
        }
        w.nl();
    })
}

/// `Get-Help NAME -Parameter P`: each matching parameter's full entry.
pub fn parameter_help(info: &CommandInfo, params: &[&ParamSpec], width: usize) -> Vec<String> {
    let positions = positions(info);
    out_default(width, |w| {
        for p in params {
            let i = info.params.iter().position(|q| std::ptr::eq(q, *p)).unwrap_or(0);
            full_parameter(w, p, positions[i]);
            w.nl();
        }
    })
}

/// The reduced view 5.1 shows for a command without help (a script function).
pub fn reduced_help(info: &CommandInfo, width: usize) -> Vec<String> {
    out_default(width, |w| {
        w.text("NAME").nl();
        w.frame(|w| {
            w.text(&info.name).nl().nl();
        });
        w.text("SYNTAX").nl();
        w.frame(|w| {
            for line in syntax_lines(info) {
                w.text(&line).nl().nl();
            }
        });
        w.nl().text("ALIASES").nl();
        w.frame(|w| {
            w.text("None").nl();
        });
        w.nl().text("REMARKS").nl();
        w.frame(|w| {
            w.text("None").nl();
        });
        w.nl();
    })
}

fn details(w: &mut Writer, info: &CommandInfo) {
    w.text("NAME").nl();
    w.frame(|w| {
        w.text(&info.name).nl().nl();
    });
    w.text("SYNOPSIS").nl();
    w.frame(|w| {
        for p in paragraphs(&info.help.synopsis) {
            w.text(p).nl();
        }
        w.nl().nl();
    });
}

fn syntax(w: &mut Writer, info: &CommandInfo) {
    w.text("SYNTAX").nl();
    w.frame(|w| {
        for line in syntax_lines(info) {
            w.text(&line).nl().nl();
        }
        w.nl();
    });
}

/// Paragraphs one per line with an empty paragraph between them.
fn description(w: &mut Writer, info: &CommandInfo) {
    w.text("DESCRIPTION").nl();
    w.frame(|w| {
        for (i, p) in paragraphs(&info.help.description).into_iter().enumerate() {
            if i > 0 {
                w.nl();
            }
            w.text(p).nl();
        }
        w.nl();
    });
    w.nl();
}

fn parameters(w: &mut Writer, info: &CommandInfo, full: bool) {
    let positions = positions(info);
    w.text("PARAMETERS").nl();
    w.frame(|w| {
        for (p, position) in info.params.iter().zip(positions) {
            if full {
                full_parameter(w, p, position);
            } else {
                w.text("-").text(&p.name).text(&heading_value(p)).nl();
                w.frame(|w| {
                    for para in paragraphs(&p.help) {
                        w.text(para).nl();
                    }
                    w.nl();
                });
            }
        }
        w.text("<CommonParameters>").nl();
        w.frame(|w| {
            w.text(COMMON_PARAMETERS);
        });
        w.nl().nl();
    });
}

fn full_parameter(w: &mut Writer, p: &ParamSpec, position: Option<usize>) {
    w.text("-").text(&p.name).text(&heading_value(p)).nl();
    w.frame(|w| {
        for para in paragraphs(&p.help) {
            w.text(para).nl();
        }
        w.nl();
        for (label, value) in attributes(p, position) {
            w.text(label).text(&value).nl();
        }
        w.nl();
    });
}

fn types_section(w: &mut Writer, title: &str, types: &[String]) {
    w.text(title).nl();
    w.frame(|w| {
        for t in types {
            w.text(t).nl();
            w.nl();
        }
        w.nl();
    });
}

/// The examples as 5.1 prints MAML examples: the numbered rule, the code after
/// `PS C:\>`, an empty results line, the remarks, then the empty paragraphs
/// that end a MAML example.
fn examples(w: &mut Writer, info: &CommandInfo) {
    for (i, ex) in info.help.examples.iter().enumerate() {
        w.text(&format!("-------------------------- EXAMPLE {} --------------------------", i + 1)).nl().nl();
        w.text("PS C:\\>").text(&ex.code).nl();
        w.nl();
        for p in paragraphs(&ex.remarks) {
            w.text(p).nl();
        }
        w.nl().nl().nl().nl();
    }
}

fn related_links(w: &mut Writer, related: &[String]) {
    w.text("RELATED LINKS").nl();
    w.frame(|w| {
        for name in related {
            w.text(name).text(" ").nl();
        }
    });
}

fn remarks(w: &mut Writer, info: &CommandInfo) {
    let name = &info.name;
    w.text("REMARKS").nl();
    w.frame(|w| {
        w.text(&format!("To see the examples, type: \"get-help {name} -examples\".")).nl();
        w.text(&format!("For more information, type: \"get-help {name} -detailed\".")).nl();
        w.text(&format!("For technical information, type: \"get-help {name} -full\".")).nl();
    });
}
