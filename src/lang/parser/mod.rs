//! Recursive-descent parser for the PowerShell subset. PowerShell's grammar depends
//! on mode: the same text means different things as a command argument and as an
//! expression, so the parser decides the mode at each pipeline element and asks the
//! lexer for the matching tokens.
//!
//! This file holds the parser's state, its entry point and the cursor helpers all
//! of the grammar uses; the grammar itself is split by concern into the modules below.

mod attributes;
mod commands;
mod enum_order;
mod expressions;
mod params;
mod statements;
mod strings;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod type_definition_tests;
mod type_definitions;

use std::rc::Rc;

use super::ast::*;
use super::error::ParseError;
use super::lexer::{self, is_dash, is_ident_char};
use super::messages::Message;

type PResult<T> = Result<T, ParseError>;

/// Parses a whole script (file, `-Command` text or a REPL line) into a script block.
pub fn parse_script(source: &Rc<Source>) -> PResult<Rc<ScriptBlock>> {
    Parser::new(source).script()
}

struct Parser {
    src: Rc<Source>,
    pos: usize,
    /// Set while parsing method arguments and attribute arguments, where `,`
    /// separates arguments instead of building an array.
    no_comma: bool,
    /// Statements begun, counting re-parses: tests use it to show that backtracking
    /// stays linear in the input.
    statements_tried: usize,
    /// Nesting of statements and unary operators being parsed, bounded by [`MAX_NESTING`].
    depth: usize,
    /// Where the parser is inside a class's members.
    member: type_definitions::MemberContext,
    /// The classes and enums defined so far, for 5.1's error on a second of the same name.
    type_names: Vec<String>,
}

/// Deeper input would overflow the interpreter's stack when parsed or run (400,000 nested
/// parentheses do); 5.1 has no such limit and fails when .NET's stack runs out.
const MAX_NESTING: usize = 20_000;

impl Parser {
    fn new(source: &Rc<Source>) -> Self {
        Parser { src: source.clone(), pos: 0, no_comma: false, statements_tried: 0, depth: 0, member: Default::default(), type_names: Vec::new() }
    }

    fn script(&mut self) -> PResult<Rc<ScriptBlock>> {
        let block = self.script_block_body(0, None)?;
        self.skip_trivia(true);
        if self.pos < self.text().len() {
            return Err(self.unexpected());
        }
        Ok(block)
    }

    fn text(&self) -> &str {
        &self.src.text
    }

    fn rest(&self) -> &str {
        &self.src.text[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.rest().chars().nth(n)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn eat(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    fn at_end(&self) -> bool {
        self.pos >= self.text().len()
    }

    fn skip_trivia(&mut self, newlines: bool) {
        let rest = lexer::trivia(self.rest(), newlines);
        self.pos = self.text().len() - rest.len();
    }

    /// Moves the cursor to where a recognizer left `rest_len` bytes of input.
    fn advance_to(&mut self, rest_len: usize) {
        self.pos = self.text().len() - rest_len;
    }

    fn span_from(&self, start: usize) -> Span {
        Span::new(start, self.pos)
    }

    /// The word at the cursor when it is a whole word (letters, digits, `_`, `-`).
    fn peek_word(&self) -> Option<&str> {
        let rest = self.rest();
        let len = rest.find(|c: char| !(is_ident_char(c) || c == '-')).unwrap_or(rest.len());
        if len == 0 {
            None
        } else {
            Some(&rest[..len])
        }
    }

    fn peek_keyword(&self, kw: &str) -> bool {
        let rest = self.rest();
        rest.len() >= kw.len()
            && rest.is_char_boundary(kw.len())
            && rest[..kw.len()].eq_ignore_ascii_case(kw)
            && !rest[kw.len()..].starts_with(|c: char| is_ident_char(c) || c == '-')
    }

    fn eat_keyword(&mut self, kw: &str) -> bool {
        if self.peek_keyword(kw) {
            self.pos += kw.len();
            true
        } else {
            false
        }
    }

    fn unexpected(&self) -> ParseError {
        let rest = self.rest();
        let token: String = if rest.starts_with(|c: char| is_ident_char(c) || is_dash(c)) {
            let skip = rest.chars().next().map(|c| c.len_utf8()).unwrap_or(0);
            let len = rest[skip..].find(|c: char| !(is_ident_char(c) || c == '-' || c == '.')).map(|l| l + skip).unwrap_or(rest.len());
            rest[..len].to_string()
        } else {
            rest.chars().next().map(|c| c.to_string()).unwrap_or_default()
        };
        let span = Span::new(self.pos, self.pos + token.len());
        Message::UnexpectedToken.error(&[&token], span)
    }

    /// The character at the cursor, which may be several bytes (`é`); empty at the end.
    fn char_span(&self) -> Span {
        Span::new(self.pos, self.pos + self.peek().map_or(0, char::len_utf8))
    }

    fn missing_brace(&self, open: usize) -> ParseError {
        Message::MissingEndCurlyBrace.incomplete(&[], Span::new(open, open + 1))
    }

    /// Runs `parse` one nesting level deeper, refusing input nested past [`MAX_NESTING`].
    fn nested<T>(&mut self, parse: fn(&mut Self) -> PResult<T>) -> PResult<T> {
        if self.depth >= MAX_NESTING {
            return Err(Message::ScriptTooDeeplyNested.error(&[], self.char_span()));
        }
        self.depth += 1;
        let result = parse(self);
        self.depth -= 1;
        result
    }
}
