//! String literals: single- and double-quoted strings, here-strings, and the `$var`
//! and `$( )` expansions in expandable text (also used for bare command arguments
//! that hold a `$`).

use super::{PResult, Parser};
use crate::lang::ast::*;
use crate::lang::lexer::{self, is_blank, is_double_quote, is_ident_char, is_single_quote};
use crate::lang::messages::Message;

impl Parser {
    pub(super) fn single_quoted(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.bump();
        let mut s = String::new();
        loop {
            match self.bump() {
                None => {
                    return Err(Message::TerminatorExpectedAtEndOfString.incomplete(&["'"], Span::new(start, self.pos)));
                }
                Some(c) if is_single_quote(c) => {
                    if self.peek().is_some_and(is_single_quote) {
                        self.bump();
                        s.push('\'');
                    } else {
                        break;
                    }
                }
                Some(c) => s.push(c),
            }
        }
        Ok(Expr { kind: ExprKind::Str(s), span: self.span_from(start) })
    }

    pub(super) fn double_quoted(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.bump();
        // A `$( ... )` may hold quotes of its own, so expansions are parsed as they come
        // instead of first looking for the closing quote.
        let mut parts = Vec::new();
        let mut text = String::new();
        loop {
            let Some(c) = self.peek() else {
                return Err(Message::TerminatorExpectedAtEndOfString.incomplete(&["\""], Span::new(start, self.pos)));
            };
            if is_double_quote(c) {
                self.bump();
                if self.peek().is_some_and(is_double_quote) {
                    self.bump();
                    text.push('"');
                    continue;
                }
                break;
            }
            if c == '`' {
                self.bump();
                match self.bump() {
                    Some(e) => push_escape(&mut text, e, self),
                    None => return Err(Message::TerminatorExpectedAtEndOfString.incomplete(&["\""], Span::new(start, self.pos))),
                }
                continue;
            }
            if c == '$' {
                if let Some(e) = self.string_expansion()? {
                    if !text.is_empty() {
                        parts.push(StringPart::Text(std::mem::take(&mut text)));
                    }
                    parts.push(StringPart::Expr(e));
                    continue;
                }
            }
            self.bump();
            text.push(c);
        }
        if !text.is_empty() || parts.is_empty() {
            parts.push(StringPart::Text(text));
        }
        Ok(Expr { kind: string_kind(parts), span: self.span_from(start) })
    }

    /// At a `$` inside an expandable string: the variable or subexpression it
    /// starts, or `None` when the `$` is literal.
    fn string_expansion(&mut self) -> PResult<Option<Expr>> {
        let start = self.pos;
        let next = self.peek_at(1);
        match next {
            Some('(') => {
                self.pos += 2;
                let body = self.statement_list()?;
                self.skip_trivia(true);
                if !self.eat(")") {
                    return Err(Message::IncompleteDollarSubexpressionReference.incomplete(&[], Span::new(start, start + 2)));
                }
                Ok(Some(Expr { kind: ExprKind::Subexpr(body), span: self.span_from(start) }))
            }
            Some(c) if is_ident_char(c) || c == '{' || c == '?' || c == '$' || c == '^' => {
                self.bump();
                match lexer::variable_name(self.rest()) {
                    Ok((rest, (scope, name))) => {
                        self.advance_to(rest.len());
                        self.check_this(&name, self.span_from(start))?;
                        Ok(Some(Expr { kind: ExprKind::Variable { key: name.to_lowercase(), name, scope }, span: self.span_from(start) }))
                    }
                    Err(_) => {
                        self.pos = start;
                        Ok(None)
                    }
                }
            }
            _ => Ok(None),
        }
    }

    pub(super) fn here_string(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.bump();
        let quote = self.bump().unwrap_or('"');
        let expandable = is_double_quote(quote);
        let terminator = if expandable { "\"@" } else { "'@" };
        // A line break is CR LF, LF or a lone CR, as 5.1's tokenizer takes them.
        let newline_at = |text: &str, from: usize| -> Option<(usize, usize)> {
            let i = from + text[from..].find(['\r', '\n'])?;
            Some((i, if text[i..].starts_with("\r\n") { 2 } else { 1 }))
        };
        let rest = self.rest();
        let header_len = newline_at(rest, 0).map(|(i, _)| i);
        let header_tail = &rest[..header_len.unwrap_or(rest.len())];
        if !header_tail.trim().is_empty() || header_len.is_none() {
            if header_len.is_none() && header_tail.trim().is_empty() {
                return Err(Message::TerminatorExpectedAtEndOfString.incomplete(&[terminator], Span::new(start, self.text().len())));
            }
            return Err(Message::UnexpectedCharactersAfterHereStringHeader.error(&[], Span::new(self.pos, self.pos + header_tail.trim_end().len())));
        }
        let (nl, nl_len) = newline_at(self.text(), self.pos).unwrap_or((self.pos, 0));
        let body_start = nl + nl_len;
        // The terminator must start a line; the line break before it is not part of the value,
        // the others are kept as written.
        let content_end = if self.text()[body_start..].starts_with(terminator) {
            self.pos = body_start + 2;
            body_start
        } else {
            let mut search = body_start;
            loop {
                let Some((nl, nl_len)) = newline_at(self.text(), search) else {
                    return Err(Message::TerminatorExpectedAtEndOfString.incomplete(&[terminator], Span::new(start, self.text().len())));
                };
                let line_start = nl + nl_len;
                let line = &self.text()[line_start..];
                if line.starts_with(terminator) {
                    self.pos = line_start + 2;
                    break nl;
                }
                let trimmed = line.trim_start_matches(is_blank);
                if trimmed.starts_with(terminator) {
                    // 5.1 reports this as an error rather than ending the string.
                    return Err(Message::WhitespaceBeforeHereStringFooter.error(&[], Span::new(line_start, line_start + (line.len() - trimmed.len()))));
                }
                search = line_start;
            }
        };
        let raw = self.text()[body_start..content_end].to_string();
        if !expandable {
            return Ok(Expr { kind: ExprKind::Str(raw), span: self.span_from(start) });
        }
        let parts = self.expandable_parts(&raw, body_start)?;
        Ok(Expr { kind: string_kind(parts), span: self.span_from(start) })
    }

    /// Splits text into literal and expansion parts by 5.1's rules, parsing each
    /// expansion with a sub-parser whose spans are offset to the original source.
    pub(super) fn expandable_parts(&mut self, raw: &str, offset: usize) -> PResult<Vec<StringPart>> {
        let sub_src = Source::new(self.src.path.clone(), raw.to_string());
        let mut sub = Parser::new(&sub_src);
        let mut parts = Vec::new();
        let mut text = String::new();
        while let Some(c) = sub.peek() {
            if c == '`' {
                sub.bump();
                if let Some(e) = sub.bump() {
                    push_escape(&mut text, e, &mut sub);
                }
                continue;
            }
            if c == '$' {
                let r = sub.string_expansion().map_err(|mut e| {
                    e.span = Span::new(e.span.start + offset, e.span.end + offset);
                    e
                })?;
                if let Some(mut e) = r {
                    shift_expr(&mut e, offset);
                    if !text.is_empty() {
                        parts.push(StringPart::Text(std::mem::take(&mut text)));
                    }
                    parts.push(StringPart::Expr(e));
                    continue;
                }
            }
            sub.bump();
            text.push(c);
        }
        if !text.is_empty() || parts.is_empty() {
            parts.push(StringPart::Text(text));
        }
        Ok(parts)
    }
}

fn push_escape(text: &mut String, e: char, p: &mut Parser) {
    match e {
        '0' => text.push('\0'),
        'a' => text.push('\u{7}'),
        'b' => text.push('\u{8}'),
        'e' => text.push('\u{1b}'),
        'f' => text.push('\u{c}'),
        'n' => text.push('\n'),
        'r' => text.push('\r'),
        't' => text.push('\t'),
        'v' => text.push('\u{b}'),
        'u' if p.peek() == Some('{') => {
            let rest = p.rest();
            if let Some(close) = rest.find('}') {
                if let Some(ch) = u32::from_str_radix(&rest[1..close], 16).ok().and_then(char::from_u32) {
                    text.push(ch);
                    p.pos += close + 1;
                    return;
                }
            }
            text.push('u');
        }
        '\r' if p.peek() == Some('\n') => {
            p.bump();
            text.push('\n');
        }
        other => text.push(other),
    }
}

fn string_kind(parts: Vec<StringPart>) -> ExprKind {
    if parts.len() == 1 {
        if let StringPart::Text(t) = &parts[0] {
            return ExprKind::Str(t.clone());
        }
    }
    ExprKind::Expandable(parts)
}

/// Moves an expression parsed from a string's text to the string's place in the
/// source, so errors inside `"$(...)"` point at the right line.
fn shift_expr(e: &mut Expr, offset: usize) {
    e.span = Span::new(e.span.start + offset, e.span.end + offset);
}
