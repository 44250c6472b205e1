//! Script block bodies and parameter declarations: the optional
//! `[CmdletBinding()] param(...)` header, named `begin`/`process`/`end` blocks, and
//! the parameter list that `param(...)` and `function f(...)` share.

use std::rc::Rc;

use super::attributes::AttrOrType;
use super::{PResult, Parser};
use crate::lang::ast::*;
use crate::lang::lexer;
use crate::lang::messages::Message;

impl Parser {
    /// The body of a script block: optional attributes and `param(...)`, then
    /// either named `begin`/`process`/`end` blocks or a statement list.
    /// `close` is the position of the opening brace for `{ }` blocks.
    pub(super) fn script_block_body(&mut self, start: usize, close: Option<usize>) -> PResult<Rc<ScriptBlock>> {
        // A `return` in a script block inside a method returns from the block, not the method.
        let returns = self.member.returns_void.take();
        // Each script block is a scope of its own for type names (5.1's SymbolResolver enters
        // one per script block and function body): a class may be defined again in another.
        let types = std::mem::take(&mut self.type_names);
        let r = self.script_block_body_here(start, close);
        self.member.returns_void = returns;
        self.type_names = types;
        r
    }

    fn script_block_body_here(&mut self, start: usize, close: Option<usize>) -> PResult<Rc<ScriptBlock>> {
        self.skip_trivia(true);
        let mut attributes = Vec::new();
        let mut params = None;
        let mut param_span = None;
        let save = self.pos;
        // `[CmdletBinding()]` and friends only count when a param block follows.
        loop {
            self.skip_trivia(true);
            if self.peek() == Some('[') {
                let a_start = self.pos;
                match self.attribute_or_type() {
                    Ok(AttrOrType::Attr(a)) => attributes.push(a),
                    _ => {
                        self.pos = a_start;
                        break;
                    }
                }
            } else {
                break;
            }
        }
        self.skip_trivia(true);
        let block_start = attributes.first().map_or(self.pos, |a: &Attribute| a.span.start);
        if self.peek_keyword("param") {
            let kw_end = self.pos + 5;
            let after = lexer::trivia(&self.text()[kw_end..], true);
            if after.starts_with('(') {
                self.pos = kw_end;
                self.skip_trivia(true);
                self.eat("(");
                params = Some(self.param_list(')')?);
                param_span = Some(self.span_from(block_start));
            }
        }
        if params.is_none() {
            attributes.clear();
            self.pos = save;
        }
        self.skip_trivia(true);
        let (mut begin, mut process, mut end) = (None, None, None);
        let named = ["begin", "process", "end"].iter().any(|k| self.peek_keyword(k) && lexer::trivia(&self.rest()[k.len()..], true).starts_with('{'));
        if named {
            loop {
                self.skip_trivia(true);
                while self.eat(";") {
                    self.skip_trivia(true);
                }
                let which = ["begin", "process", "end"].into_iter().find(|k| self.peek_keyword(k));
                let Some(kw) = which else { break };
                self.pos += kw.len();
                self.skip_trivia(true);
                let body = self.statement_block()?;
                match kw {
                    "begin" => begin = Some(body),
                    "process" => process = Some(body),
                    _ => end = Some(body),
                }
            }
        } else {
            end = Some(self.statement_list()?);
        }
        self.skip_trivia(true);
        if let Some(open) = close {
            if !self.eat("}") {
                if self.at_end() {
                    return Err(self.missing_brace(open));
                }
                return Err(self.unexpected());
            }
        }
        Ok(Rc::new(ScriptBlock { source: self.src.clone(), span: self.span_from(start), attributes, params, param_span, begin, process, end }))
    }

    pub(super) fn param_list(&mut self, close: char) -> PResult<Vec<Param>> {
        let open = self.pos.saturating_sub(1);
        let mut params = Vec::new();
        loop {
            self.skip_trivia(true);
            if self.peek() == Some(close) {
                self.bump();
                return Ok(params);
            }
            if self.at_end() {
                return Err(Message::MissingEndParenthesisInFunctionParameterList.incomplete(&[], Span::new(open, open + 1)));
            }
            let start = self.pos;
            let mut attributes = Vec::new();
            let mut type_name = None;
            while self.peek() == Some('[') {
                match self.attribute_or_type()? {
                    AttrOrType::Attr(a) => attributes.push(a),
                    AttrOrType::Type(t) => type_name = Some(t),
                }
                self.skip_trivia(true);
            }
            if !self.eat("$") {
                return Err(self.unexpected());
            }
            let (rest, (_, name)) = lexer::variable_name(self.rest()).map_err(|_| self.unexpected())?;
            self.advance_to(rest.len());
            self.skip_trivia(true);
            let mut default = None;
            if self.eat("=") {
                self.skip_trivia(true);
                let save = self.no_comma;
                self.no_comma = true;
                let e = self.expression();
                self.no_comma = save;
                default = Some(e?);
                self.skip_trivia(true);
            }
            params.push(Param { name, type_name, attributes, default, span: self.span_from(start) });
            self.skip_trivia(true);
            if !self.eat(",") && self.peek() != Some(close) {
                if self.at_end() {
                    return Err(Message::MissingEndParenthesisInFunctionParameterList.incomplete(&[], Span::new(open, open + 1)));
                }
                return Err(self.unexpected());
            }
        }
    }
}
