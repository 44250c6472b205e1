//! Parse errors, carrying 5.1's error id and message text (ParserStrings).

use super::ast::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    /// The ParserStrings resource name, shown as the FullyQualifiedErrorId.
    pub id: &'static str,
    pub message: String,
    pub span: Span,
    /// True when more input could complete the text (used by the REPL's `>>` prompt).
    pub incomplete: bool,
}

impl ParseError {
    pub fn new(id: &'static str, message: impl Into<String>, span: Span) -> ParseError {
        ParseError { id, message: message.into(), span, incomplete: false }
    }

    pub fn incomplete(id: &'static str, message: impl Into<String>, span: Span) -> ParseError {
        ParseError { id, message: message.into(), span, incomplete: true }
    }
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ParseError {}
