//! Syntax: the tokenizer primitives (nom) and the recursive-descent parser that
//! builds the AST. Knows nothing of evaluation or cmdlets.

pub mod ast;
pub mod error;
pub mod lexer;
mod messages;
pub mod parser;
pub mod requires;

pub use error::ParseError;
pub use parser::parse_script;

/// 5.1's TypeNotFound parse error, for a type a class names that does not exist: the parser
/// cannot know the session's types, so the engine makes the check when the class is defined.
pub fn type_not_found(name: &str, span: ast::Span) -> ParseError {
    messages::Message::TypeNotFound.error(&[name], span)
}

/// 5.1's EnumeratorValueTooLarge, for an enum member whose value (worked out when the enum is
/// defined) does not fit an Int32.
pub fn enumerator_value_too_large(span: ast::Span) -> ParseError {
    messages::Message::EnumeratorValueTooLarge.error(&[], span)
}
