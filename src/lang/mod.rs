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
