//! Attributes and type literals: `[Parameter(Mandatory)]`, `[int]`, `[string[]]`,
//! `[List[string]]`. The two read alike up to the `(` after the name, so one routine
//! reads both and says which it found.

use super::{PResult, Parser};
use crate::lang::ast::*;
use crate::lang::lexer::{self, is_ident_char};
use crate::lang::messages::Message;

pub(super) enum AttrOrType {
    Attr(Attribute),
    Type(TypeName),
}

impl Parser {
    pub(super) fn attribute_or_type(&mut self) -> PResult<AttrOrType> {
        let start = self.pos;
        self.eat("[");
        self.skip_trivia(false);
        let name = self.type_name_text()?;
        self.skip_trivia(false);
        if self.eat("(") {
            let mut positional = Vec::new();
            let mut named = Vec::new();
            loop {
                self.skip_trivia(true);
                if self.eat(")") {
                    break;
                }
                let save = self.pos;
                // A named argument's name starts as a name does: `(1, 5)` are positional numbers.
                let named_start = self.peek().is_some_and(|c| c.is_alphabetic() || c == '_');
                if let Ok((rest, word)) = lexer::identifier(self.rest()).map_err(|_| ()).and_then(|r| if named_start { Ok(r) } else { Err(()) }) {
                    let after = lexer::trivia(rest, true);
                    if after.starts_with('=') && !after.starts_with("==") {
                        let word = word.to_string();
                        self.advance_to(after.len());
                        self.eat("=");
                        self.skip_trivia(true);
                        let value = self.expression_no_comma()?;
                        named.push((word, Some(value)));
                    } else if after.starts_with(',') || after.starts_with(')') {
                        let word = word.to_string();
                        self.advance_to(rest.len());
                        named.push((word, None));
                    } else {
                        self.pos = save;
                        positional.push(self.expression_no_comma()?);
                    }
                } else {
                    positional.push(self.expression_no_comma()?);
                }
                self.skip_trivia(true);
                if !self.eat(",") && self.peek() != Some(')') {
                    return Err(self.unexpected());
                }
            }
            self.skip_trivia(false);
            if !self.eat("]") {
                return Err(self.unexpected());
            }
            return Ok(AttrOrType::Attr(Attribute { name, positional, named, span: self.span_from(start) }));
        }
        let is_array = self.eat("[]");
        if !self.eat("]") {
            return Err(Message::EndSquareBracketExpectedAtEndOfAttribute.error(&[], self.span_from(self.pos)));
        }
        Ok(AttrOrType::Type(TypeName { name, is_array, span: self.span_from(start) }))
    }

    pub(super) fn type_name_text(&mut self) -> PResult<String> {
        let rest = self.rest();
        let len = rest.find(|c: char| !(is_ident_char(c) || c == '.' || c == '`')).unwrap_or(rest.len());
        if len == 0 {
            return Err(Message::MissingTypename.error(&[], Span::new(self.pos, self.pos)));
        }
        let mut name = rest[..len].to_string();
        self.pos += len;
        // Generic arguments such as [System.Collections.Generic.List[string]].
        if self.peek() == Some('[') && self.peek_at(1) != Some(']') {
            let depth_start = self.pos;
            let mut depth = 0;
            while let Some(c) = self.bump() {
                if c == '[' {
                    depth += 1;
                } else if c == ']' {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
            }
            if depth != 0 {
                return Err(Message::EndSquareBracketExpectedAtEndOfType.incomplete(&[], self.span_from(self.pos)));
            }
            // The type registry resolves names from their text: `[Dictionary[string, int]]` is
            // `Dictionary[string,int]`, whatever the spacing.
            name.extend(self.text()[depth_start..self.pos].chars().filter(|c| !c.is_whitespace()));
        }
        Ok(name)
    }

    /// `[TypeName]` with the cursor on `[`.
    pub(super) fn type_name(&mut self) -> PResult<TypeName> {
        let start = self.pos;
        self.eat("[");
        let name = self.type_name_text()?;
        let is_array = self.eat("[]");
        if !self.eat("]") {
            return Err(Message::EndSquareBracketExpectedAtEndOfType.error(&[], self.span_from(self.pos)));
        }
        Ok(TypeName { name, is_array, span: self.span_from(start) })
    }
}
