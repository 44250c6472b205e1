//! Pipelines and command mode: whether a pipeline element is an expression or a
//! command, then command names, parameters, arguments, splats and redirections.
//! Assignments are here too, since one is only known after its left side has been
//! read as a pipeline's first expression.

use super::{PResult, Parser};
use crate::lang::ast::*;
use crate::lang::lexer::{self, is_blank, is_dash, is_double_quote, is_ident_char, is_single_quote};
use crate::lang::messages::Message;

impl Parser {
    pub(super) fn pipeline_or_assignment(&mut self, start: usize) -> PResult<Statement> {
        let first_is_expr = self.element_is_expression();
        if first_is_expr {
            let expr = self.expression()?;
            let after_expr = self.pos;
            self.skip_trivia(false);
            if let Some(op) = self.assignment_operator() {
                if !is_assignable(&expr) {
                    return Err(Message::InvalidLeftHandSide.error(&[], expr.span));
                }
                self.skip_trivia(true);
                if matches!(self.peek(), None | Some(';') | Some('}') | Some(')')) {
                    let op_text = match op {
                        AssignOp::Assign => "=",
                        AssignOp::Add => "+=",
                        AssignOp::Sub => "-=",
                        AssignOp::Mul => "*=",
                        AssignOp::Div => "/=",
                        AssignOp::Rem => "%=",
                    };
                    return Err(Message::ExpectedValueExpression.incomplete(&[op_text], Span::new(self.pos, self.pos)));
                }
                let value = self.statement()?;
                return Ok(Statement { kind: StatementKind::Assignment { target: expr, op, value: Box::new(value) }, span: self.span_from(start) });
            }
            self.pos = after_expr;
            let pipeline = self.pipeline_rest(start, PipelineElement::Expr(expr))?;
            return Ok(Statement { span: pipeline.span, kind: StatementKind::Pipeline(pipeline) });
        }
        let pipeline = self.pipeline()?;
        Ok(Statement { span: pipeline.span, kind: StatementKind::Pipeline(pipeline) })
    }

    fn assignment_operator(&mut self) -> Option<AssignOp> {
        let rest = self.rest();
        let (op, len) = if rest.starts_with('=') && !rest.starts_with("==") {
            (AssignOp::Assign, 1)
        } else if rest.starts_with("+=") {
            (AssignOp::Add, 2)
        } else if rest.starts_with(|c: char| is_dash(c)) && rest[rest.chars().next()?.len_utf8()..].starts_with('=') {
            (AssignOp::Sub, rest.chars().next()?.len_utf8() + 1)
        } else if rest.starts_with("*=") {
            (AssignOp::Mul, 2)
        } else if rest.starts_with("/=") {
            (AssignOp::Div, 2)
        } else if rest.starts_with("%=") {
            (AssignOp::Rem, 2)
        } else {
            return None;
        };
        self.pos += len;
        Some(op)
    }

    /// Whether the pipeline element at the cursor is an expression rather than a command.
    fn element_is_expression(&self) -> bool {
        let rest = self.rest();
        let Some(c) = rest.chars().next() else {
            return false;
        };
        match c {
            '$' | '(' | '@' | '[' | '{' | '!' | ',' | '+' => true,
            c if is_single_quote(c) || is_double_quote(c) => true,
            c if c.is_ascii_digit() => {
                // `10abc` is a command name; a number followed by a boundary is an expression.
                match lexer::number(rest) {
                    Ok((after, _)) => after.is_empty() || !after.starts_with(|c: char| is_ident_char(c)),
                    Err(_) => false,
                }
            }
            '.' => rest[1..].starts_with(|c: char| c.is_ascii_digit()),
            c if is_dash(c) => {
                let after = &rest[c.len_utf8()..];
                if after.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == '$' || c == '(') {
                    return true;
                }
                if after.starts_with(is_dash) {
                    return true;
                }
                matches!(lexer::operator_word(after).map(|(_, w)| w.to_ascii_lowercase()).as_deref(), Ok("not") | Ok("bnot") | Ok("split") | Ok("join"))
            }
            _ => false,
        }
    }

    pub(super) fn pipeline(&mut self) -> PResult<Pipeline> {
        let start = self.pos;
        let first = if self.element_is_expression() { PipelineElement::Expr(self.expression()?) } else { PipelineElement::Command(self.command()?) };
        self.pipeline_rest(start, first)
    }

    fn pipeline_rest(&mut self, start: usize, first: PipelineElement) -> PResult<Pipeline> {
        let mut expr_redirections = Vec::new();
        if matches!(first, PipelineElement::Expr(_)) {
            loop {
                let save = self.pos;
                self.skip_trivia(false);
                if !self.redirection(&mut expr_redirections)? {
                    self.pos = save;
                    break;
                }
            }
        }
        let mut elements = vec![first];
        loop {
            let save = self.pos;
            self.skip_trivia(false);
            if self.peek() == Some('|') && self.peek_at(1) != Some('|') {
                let bar = self.pos;
                self.bump();
                self.skip_trivia(true);
                if matches!(self.peek(), None | Some('|') | Some(';') | Some(')') | Some('}')) {
                    if self.at_end() {
                        return Err(Message::EmptyPipeElement.incomplete(&[], Span::new(bar, bar + 1)));
                    }
                    return Err(Message::EmptyPipeElement.error(&[], Span::new(bar, bar + 1)));
                }
                if self.element_is_expression() && !self.rest().starts_with('{') {
                    let e_start = self.pos;
                    let e = self.expression()?;
                    return Err(Message::ExpressionsMustBeFirstInPipeline.error(&[], Span::new(e_start, e.span.end)));
                }
                elements.push(PipelineElement::Command(self.command()?));
            } else {
                self.pos = save;
                break;
            }
        }
        Ok(Pipeline { elements, expr_redirections, span: self.span_from(start) })
    }

    fn command(&mut self) -> PResult<Command> {
        let start = self.pos;
        let mut invocation = InvocationOperator::None;
        if self.peek() == Some('&') && self.peek_at(1) != Some('&') {
            self.bump();
            invocation = InvocationOperator::Call;
            self.skip_trivia(false);
        } else if self.peek() == Some('.') && self.peek_at(1).is_some_and(|c| is_blank(c) || c == '{' || c == '$' || c == '\'' || c == '"') {
            self.bump();
            invocation = InvocationOperator::Dot;
            self.skip_trivia(false);
        }
        let name = if invocation != InvocationOperator::None {
            match self.peek() {
                Some('$') => self.argument_value()?,
                Some(c) if c == '(' || c == '{' || is_single_quote(c) || is_double_quote(c) => self.postfix_primary()?,
                _ => self.command_name()?,
            }
        } else {
            match self.peek() {
                Some(c) if is_single_quote(c) || is_double_quote(c) => self.postfix_primary()?,
                _ => self.command_name()?,
            }
        };
        let mut args = Vec::new();
        let mut redirections = Vec::new();
        let mut parameters_ended = false;
        loop {
            self.skip_trivia(false);
            let Some(c) = self.peek() else { break };
            if matches!(c, '\n' | '\r' | ';' | ')' | '}') || (c == '|') || (c == '&' && self.peek_at(1) == Some('&')) {
                break;
            }
            if self.redirection(&mut redirections)? {
                continue;
            }
            let a_start = self.pos;
            if is_dash(c) && !parameters_ended {
                let after = &self.rest()[c.len_utf8()..];
                let second = after.chars().next().filter(|&d| is_dash(d)).map_or(0, char::len_utf8);
                if second > 0 && after[second..].starts_with(|c: char| lexer::ends_bare_word(c)) {
                    // `--` ends parameter parsing; the rest are plain arguments. The two dashes
                    // may be different characters (`-–`), so each is measured.
                    self.pos += c.len_utf8() + second;
                    parameters_ended = true;
                    continue;
                }
                if let Ok((rest, name)) = lexer::parameter_name(after) {
                    let name = name.to_string();
                    self.advance_to(rest.len());
                    let text = self.text()[a_start..self.pos].to_string();
                    let mut value = None;
                    if self.peek() == Some(':') {
                        self.bump();
                        self.skip_trivia(false);
                        value = Some(self.command_argument()?);
                    }
                    args.push(CommandArg::Parameter { name, text, value, span: self.span_from(a_start) });
                    continue;
                }
            }
            if c == '@' && self.peek_at(1).is_some_and(is_ident_char) {
                self.bump();
                let (rest, name) = lexer::identifier(self.rest()).map_err(|_| self.unexpected())?;
                let name = name.to_string();
                self.advance_to(rest.len());
                args.push(CommandArg::Splat { name, span: self.span_from(a_start) });
                continue;
            }
            args.push(CommandArg::Value(self.command_argument()?));
        }
        Ok(Command { invocation, name, args, redirections, span: self.span_from(start) })
    }

    fn command_name(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let word = self.bare_word()?;
        Ok(Expr { kind: ExprKind::Bare(word), span: self.span_from(start) })
    }

    /// The bare word at the cursor (up to what ends one), consumed; none there is the
    /// unexpected-token error.
    fn bare_word(&mut self) -> PResult<String> {
        let rest = self.rest();
        let len = rest.find(lexer::ends_bare_word).unwrap_or(rest.len());
        if len == 0 {
            return Err(self.unexpected());
        }
        let word = rest[..len].to_string();
        self.pos += len;
        Ok(word)
    }

    /// One redirection at the cursor, added to `list`; `false` when there is none. The
    /// operators are 5.1's tokens: `>`, `>>`, `N>`, `N>>`, `N>&1` for N in 1..6, `*>`, `*>>`,
    /// `*>&1`. `<` and merges into any stream but output (`2>&2`, `1>&1`) are 5.1's
    /// RedirectionNotSupported; a stream redirected twice is StreamAlreadyRedirected.
    pub(super) fn redirection(&mut self, list: &mut Vec<Redirection>) -> PResult<bool> {
        let start = self.pos;
        let bytes = self.rest().as_bytes();
        // `merges`: which streams may follow `&` (`*>&1`; `N>&1` and the refused `N>&2`).
        let (from, op_len, merges): (Option<u8>, usize, &[char]) = match bytes {
            [b'<', next, ..] if *next != b'#' => (None, 1, &[]),
            [b'<'] => (None, 1, &[]),
            [b'*', b'>', ..] => (Some(0u8), 2, &['1']),
            [d @ b'1'..=b'6', b'>', ..] => (Some(d - b'0'), 2, &['1', '2']),
            [b'>', ..] => (Some(1), 1, &[]),
            _ => return Ok(false),
        };
        self.pos += op_len;
        let Some(from) = from else {
            // Input redirection: 5.1 reserves it, the error marking `<` alone.
            let op = Span::new(start, self.pos);
            return Err(Message::RedirectionNotSupported.error(&["<"], op));
        };
        let mut append = false;
        let mut target = None;
        if self.eat(">") {
            append = true;
        } else if let (Some('&'), Some(to)) = (self.peek(), self.peek_at(1).filter(|c| merges.contains(c))) {
            self.pos += 2;
            let op = Span::new(start, self.pos);
            if to != '1' || from == 1 {
                return Err(Message::RedirectionNotSupported.error(&[&self.text()[op.start..op.end]], op));
            }
            target = Some(RedirectTarget::Merge);
        }
        let target = match target {
            Some(t) => t,
            None => {
                let op_end = self.pos;
                self.skip_trivia(false);
                if matches!(self.peek(), None | Some('\n' | '\r' | ';' | '|' | ')' | '}')) {
                    return Err(Message::MissingFileSpecification.error(&[], Span::new(op_end, op_end)));
                }
                RedirectTarget::File(self.argument_value()?)
            }
        };
        let span = self.span_from(start);
        if list.iter().any(|r| r.from == from) {
            let stream = match from {
                0 => "* stream",
                1 => "output stream",
                2 => "error stream",
                3 => "warning stream",
                4 => "verbose stream",
                5 => "debug stream",
                _ => "information stream",
            };
            return Err(Message::StreamAlreadyRedirected.error(&[stream], span));
        }
        list.push(Redirection { from, target, append, span });
        Ok(true)
    }

    /// One command argument: a value in argument mode, possibly a comma list.
    fn command_argument(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let first = self.argument_value()?;
        let save = self.pos;
        self.skip_trivia(false);
        if self.peek() == Some(',') {
            let mut items = vec![first];
            while self.eat(",") {
                self.skip_trivia(true);
                items.push(self.argument_value()?);
                let s = self.pos;
                self.skip_trivia(false);
                if self.peek() != Some(',') {
                    self.pos = s;
                    break;
                }
            }
            return Ok(Expr { kind: ExprKind::ArrayLiteral(items), span: self.span_from(start) });
        }
        self.pos = save;
        Ok(first)
    }

    fn argument_value(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Err(Message::MissingArgument.incomplete(&[], Span::new(start, start)));
        };
        if c == '$' || c == '(' || c == '{' || is_single_quote(c) || is_double_quote(c) || (c == '@' && matches!(self.peek_at(1), Some('(' | '{' | '"' | '\'')))
        {
            let value = self.postfix_primary()?;
            // `$PSScriptRoot\lib.ps1`: text right after the variable makes the whole token one
            // expandable word, as in 5.1.
            if c != '$' || self.peek().is_none_or(|n| lexer::ends_bare_word(n) || n == '>' || n == '<') {
                return Ok(value);
            }
            self.pos = start;
            let word = self.bare_word()?;
            let parts = self.expandable_parts(&word, start)?;
            return Ok(Expr { kind: ExprKind::Expandable(parts), span: self.span_from(start) });
        }
        // Numbers stay numbers when the token ends right after them.
        if c.is_ascii_digit()
            || (is_dash(c) && self.peek_at(1).is_some_and(|d| d.is_ascii_digit()))
            || (c == '.' && self.peek_at(1).is_some_and(|d| d.is_ascii_digit()))
        {
            let neg = is_dash(c);
            let body_start = if neg { self.pos + c.len_utf8() } else { self.pos };
            if let Ok((after, Some(n))) = lexer::number(&self.text()[body_start..]) {
                // `>` and `<` end a number as in 5.1 (`Write-Output 7>x` redirects the 7).
                if after.is_empty() || after.starts_with(|c: char| lexer::ends_bare_word(c) || c == '>' || c == '<') {
                    self.advance_to(after.len());
                    let kind = ExprKind::number(n, neg);
                    return Ok(Expr { kind, span: self.span_from(start) });
                }
            }
        }
        let word = self.bare_word()?;
        let span = self.span_from(start);
        if word.contains('$') {
            let parts = self.expandable_parts(&word, start)?;
            return Ok(Expr { kind: ExprKind::Expandable(parts), span });
        }
        Ok(Expr { kind: ExprKind::Bare(word), span })
    }
}

fn is_assignable(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Variable { .. } | ExprKind::Member { .. } | ExprKind::Index { .. } => true,
        ExprKind::Cast { operand, .. } => is_assignable(operand),
        ExprKind::ArrayLiteral(items) => items.iter().all(is_assignable),
        _ => false,
    }
}
