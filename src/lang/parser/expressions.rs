//! Expression mode: binary operators by precedence, the comma, unary operators and
//! casts, member access, method calls and indexing, and the primary expressions
//! (variables, numbers, parentheses, sub-expressions, script blocks, hashtables).

use super::{PResult, Parser};
use crate::lang::ast::*;
use crate::lang::lexer::{self, is_dash, is_double_quote, is_ident_char, is_single_quote, Number};
use crate::lang::messages::Message;

impl Parser {
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        self.logical()
    }

    pub(super) fn expression_no_comma(&mut self) -> PResult<Expr> {
        let save = self.no_comma;
        self.no_comma = true;
        let r = self.expression();
        self.no_comma = save;
        r
    }

    /// Looks at the operator after the current operand (on the same line).
    fn peek_binary_operator(&self) -> Option<(BinaryOp, usize)> {
        let rest = lexer::trivia(self.rest(), false);
        let skipped = self.rest().len() - rest.len();
        let c = rest.chars().next()?;
        let simple = match c {
            '+' if !rest.starts_with("+=") && !rest.starts_with("++") => Some((BinaryOp::Add, 1)),
            '*' if !rest.starts_with("*=") && !rest.starts_with("*>") => Some((BinaryOp::Mul, 1)),
            '/' if !rest.starts_with("/=") => Some((BinaryOp::Div, 1)),
            '%' if !rest.starts_with("%=") => Some((BinaryOp::Rem, 1)),
            '.' if rest.starts_with("..") => Some((BinaryOp::Range, 2)),
            _ => None,
        };
        if let Some((op, len)) = simple {
            return Some((op, skipped + len));
        }
        if is_dash(c) {
            let after = &rest[c.len_utf8()..];
            if after.starts_with('=') || after.starts_with(is_dash) {
                return None;
            }
            if let Ok((tail, word)) = lexer::operator_word(after) {
                if tail.starts_with(|c: char| is_ident_char(c)) {
                    return None;
                }
                let op = binary_operator_from_word(&word.to_ascii_lowercase())?;
                return Some((op, skipped + c.len_utf8() + word.len()));
            }
            return Some((BinaryOp::Sub, skipped + c.len_utf8()));
        }
        None
    }

    /// Precedence climbing over the binary operators: an operand, then every
    /// operator that binds at least as tightly as `min` (all are left-associative).
    fn binary_level(&mut self, min: u8) -> PResult<Expr> {
        let start = self.pos;
        let mut left = self.array_literal()?;
        while let Some((op, len)) = self.peek_binary_operator().filter(|(op, _)| precedence(*op) >= min) {
            let op_start = self.pos;
            self.pos += len;
            self.skip_trivia(true);
            if matches!(self.peek(), None | Some(')') | Some('}') | Some(';')) {
                let op_text = self.text()[op_start..self.pos].trim();
                return Err(Message::ExpectedValueExpression.incomplete(&[op_text], Span::new(self.pos, self.pos)));
            }
            let right = self.binary_level(precedence(op) + 1)?;
            left = Expr { span: self.span_from(start), kind: ExprKind::Binary { op, left: Box::new(left), right: Box::new(right) } };
        }
        Ok(left)
    }

    fn logical(&mut self) -> PResult<Expr> {
        self.binary_level(1)
    }

    /// `a, b, c` — binds tighter than every binary operator but the unary ones.
    fn array_literal(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let first = self.unary()?;
        if self.no_comma {
            return Ok(first);
        }
        let save = self.pos;
        self.skip_trivia(false);
        if self.peek() != Some(',') {
            self.pos = save;
            return Ok(first);
        }
        let mut items = vec![first];
        while self.peek() == Some(',') {
            self.bump();
            self.skip_trivia(true);
            if matches!(self.peek(), None | Some(')') | Some('}')) {
                return Err(Message::MissingExpressionAfterToken.incomplete(&[","], Span::new(self.pos, self.pos)));
            }
            items.push(self.unary()?);
            let s = self.pos;
            self.skip_trivia(false);
            if self.peek() != Some(',') {
                self.pos = s;
                break;
            }
        }
        Ok(Expr { kind: ExprKind::ArrayLiteral(items), span: self.span_from(start) })
    }

    pub(super) fn unary(&mut self) -> PResult<Expr> {
        self.nested(Self::unary_at_depth)
    }

    fn unary_at_depth(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Err(self.unexpected());
        };
        let op = if c == '!' {
            self.bump();
            Some((UnaryOp::Not, "!".to_string()))
        } else if c == ',' {
            self.bump();
            Some((UnaryOp::Comma, ",".to_string()))
        } else if c == '+' && self.peek_at(1) == Some('+') {
            self.pos += 2;
            Some((UnaryOp::PreInc, "++".to_string()))
        } else if is_dash(c) && self.peek_at(1).is_some_and(is_dash) {
            self.pos += c.len_utf8() + self.peek_at(1).map(|c| c.len_utf8()).unwrap_or(1);
            Some((UnaryOp::PreDec, "--".to_string()))
        } else if c == '+' {
            self.bump();
            Some((UnaryOp::Plus, "+".to_string()))
        } else if is_dash(c) {
            let after = &self.rest()[c.len_utf8()..];
            let word = lexer::operator_word(after).map(|(t, w)| (t, w.to_ascii_lowercase()));
            match word {
                Ok((tail, w)) if !tail.starts_with(|c: char| is_ident_char(c)) && matches!(w.as_str(), "not" | "bnot" | "split" | "join") => {
                    self.pos += c.len_utf8() + w.len();
                    let op = match w.as_str() {
                        "not" => UnaryOp::Not,
                        "bnot" => UnaryOp::Bnot,
                        "split" => UnaryOp::Split,
                        _ => UnaryOp::Join,
                    };
                    Some((op, format!("-{w}")))
                }
                _ => {
                    // A negative number literal stays a literal.
                    if let Ok((rest, Some(n))) = lexer::number(after) {
                        if !rest.starts_with(|c: char| is_ident_char(c)) && !rest.starts_with('.') || rest.starts_with("..") {
                            self.advance_to(rest.len());
                            let kind = ExprKind::number(n, true);
                            let lit = Expr { kind, span: self.span_from(start) };
                            return self.postfix(lit);
                        }
                    }
                    self.bump();
                    Some((UnaryOp::Neg, "-".to_string()))
                }
            }
        } else {
            None
        };
        if let Some((op, text)) = op {
            self.skip_trivia(op != UnaryOp::Comma);
            if matches!(self.peek(), None | Some(')') | Some('}') | Some(';') | Some('\n') | Some('\r')) {
                return Err(Message::MissingExpressionAfterOperator.incomplete(&[&text], Span::new(self.pos, self.pos)));
            }
            let operand = self.unary()?;
            return Ok(Expr { kind: ExprKind::Unary { op, operand: Box::new(operand) }, span: self.span_from(start) });
        }
        if c == '[' {
            let ty = self.type_name()?;
            if self.rest().starts_with("::") {
                let lit = Expr { span: ty.span, kind: ExprKind::TypeLiteral(ty) };
                return self.postfix(lit);
            }
            let save = self.pos;
            self.skip_trivia(false);
            let casts = match self.peek() {
                Some(c)
                    if c == '$'
                        || c == '('
                        || c == '['
                        || c == '@'
                        || c == '{'
                        || c == '!'
                        || is_single_quote(c)
                        || is_double_quote(c)
                        || c.is_ascii_digit() =>
                {
                    true
                }
                Some(c) if is_dash(c) => {
                    let after = &self.rest()[c.len_utf8()..];
                    after.starts_with(|c: char| c.is_ascii_digit())
                        || matches!(lexer::operator_word(after).map(|(_, w)| w.to_ascii_lowercase()).as_deref(), Ok("not"))
                }
                _ => false,
            };
            if casts {
                let operand = self.unary()?;
                return Ok(Expr { kind: ExprKind::Cast { ty, operand: Box::new(operand) }, span: self.span_from(start) });
            }
            self.pos = save;
            let lit = Expr { span: ty.span, kind: ExprKind::TypeLiteral(ty) };
            return self.postfix(lit);
        }
        self.postfix_primary()
    }

    pub(super) fn postfix_primary(&mut self) -> PResult<Expr> {
        let e = self.primary()?;
        self.postfix(e)
    }

    /// Member access, method calls, indexing and `++`/`--`, none of which allow
    /// white space before them.
    fn postfix(&mut self, mut e: Expr) -> PResult<Expr> {
        let start = e.span.start;
        loop {
            let rest = self.rest();
            if rest.starts_with("::") || (rest.starts_with('.') && !rest.starts_with("..")) {
                let is_static = rest.starts_with("::");
                self.pos += if is_static { 2 } else { 1 };
                // 5.1's tokenizer skips blanks before the member name (`$a. Length`).
                let operator_end = self.pos;
                self.skip_trivia(false);
                if matches!(self.peek(), None | Some('\n' | '\r')) {
                    self.pos = operator_end;
                }
                let name = self.member_name()?;
                if self.peek() == Some('(') {
                    self.bump();
                    let args = self.method_args()?;
                    e = Expr { kind: ExprKind::Invoke { target: Box::new(e), name: Box::new(name), args, is_static }, span: self.span_from(start) };
                } else if self.peek() == Some('{') {
                    // `.ForEach{ }`, `.Where{ }`: a script block right after the name is the one argument.
                    let block = self.primary()?;
                    e = Expr {
                        kind: ExprKind::Invoke { target: Box::new(e), name: Box::new(name), args: vec![block], is_static },
                        span: self.span_from(start),
                    };
                } else {
                    e = Expr { kind: ExprKind::Member { target: Box::new(e), name: Box::new(name), is_static }, span: self.span_from(start) };
                }
            } else if rest.starts_with('[') {
                let open = self.pos;
                self.bump();
                self.skip_trivia(true);
                if self.peek() == Some(']') {
                    return Err(Message::MissingArrayIndexExpression.error(&[], Span::new(open, open + 1)));
                }
                let save = self.no_comma;
                self.no_comma = false;
                let index = self.expression();
                self.no_comma = save;
                let index = index?;
                self.skip_trivia(true);
                if !self.eat("]") {
                    return Err(Message::MissingEndSquareBracket.incomplete(&[], Span::new(open, open + 1)));
                }
                e = Expr { kind: ExprKind::Index { target: Box::new(e), index: Box::new(index) }, span: self.span_from(start) };
            } else if rest.starts_with("++") {
                self.pos += 2;
                e = Expr { kind: ExprKind::Unary { op: UnaryOp::PostInc, operand: Box::new(e) }, span: self.span_from(start) };
            } else if rest.starts_with("--") && !rest[2..].starts_with(|c: char| is_ident_char(c)) {
                self.pos += 2;
                e = Expr { kind: ExprKind::Unary { op: UnaryOp::PostDec, operand: Box::new(e) }, span: self.span_from(start) };
            } else {
                return Ok(e);
            }
        }
    }

    fn member_name(&mut self) -> PResult<Expr> {
        let start = self.pos;
        match self.peek() {
            Some(c) if is_ident_char(c) => {
                let (rest, name) = lexer::identifier(self.rest()).map_err(|_| self.unexpected())?;
                let name = name.to_string();
                self.advance_to(rest.len());
                Ok(Expr { kind: ExprKind::Str(name), span: self.span_from(start) })
            }
            // A script block names the member by its text (`$o.{.ctor}()`), as 5.1 allows.
            Some(c) if c == '$' || c == '(' || c == '{' || is_single_quote(c) || is_double_quote(c) => self.primary(),
            _ => Err(Message::MissingPropertyName.error(&[], Span::new(start, start))),
        }
    }

    pub(super) fn method_args(&mut self) -> PResult<Vec<Expr>> {
        let open = self.pos - 1;
        let mut args = Vec::new();
        self.skip_trivia(true);
        if self.eat(")") {
            return Ok(args);
        }
        loop {
            self.skip_trivia(true);
            args.push(self.expression_no_comma()?);
            self.skip_trivia(true);
            if self.eat(")") {
                return Ok(args);
            }
            if !self.eat(",") {
                if self.at_end() {
                    return Err(Message::MissingEndParenthesisInMethodCall.incomplete(&[], Span::new(open, open + 1)));
                }
                return Err(self.unexpected());
            }
        }
    }

    pub(super) fn primary(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Err(self.unexpected());
        };
        match c {
            '$' => {
                if self.peek_at(1) == Some('(') {
                    self.pos += 2;
                    let body = self.statement_list()?;
                    self.skip_trivia(true);
                    if !self.eat(")") {
                        return Err(Message::IncompleteDollarSubexpressionReference.incomplete(&[], Span::new(start, start + 2)));
                    }
                    return Ok(Expr { kind: ExprKind::Subexpr(body), span: self.span_from(start) });
                }
                self.bump();
                match lexer::variable_name(self.rest()) {
                    Ok((rest, (scope, name))) => {
                        self.advance_to(rest.len());
                        self.check_this(&name, self.span_from(start))?;
                        Ok(Expr { kind: ExprKind::Variable { key: name.to_lowercase(), name, scope }, span: self.span_from(start) })
                    }
                    Err(_) => Err(Message::InvalidVariableReference.error(&[], Span::new(start, start + 1))),
                }
            }
            '@' => match self.peek_at(1) {
                Some('(') => {
                    self.pos += 2;
                    let body = self.statement_list()?;
                    self.skip_trivia(true);
                    if !self.eat(")") {
                        return Err(Message::MissingEndParenthesisInExpression.incomplete(&[], Span::new(start, start + 2)));
                    }
                    Ok(Expr { kind: ExprKind::ArraySubexpr(body), span: self.span_from(start) })
                }
                Some('{') => self.hashtable(),
                Some(q) if is_double_quote(q) || is_single_quote(q) => self.here_string(),
                _ => Err(self.unexpected()),
            },
            '(' => {
                self.bump();
                self.skip_trivia(true);
                if self.peek() == Some(')') {
                    return Err(Message::ExpectedExpression.error(&[], self.char_span()));
                }
                if self.at_end() {
                    // Incomplete, so the REPL asks for the next line.
                    return Err(Message::ExpectedExpression.incomplete(&[], Span::new(start + 1, start + 1)));
                }
                let save = self.no_comma;
                self.no_comma = false;
                let inner = self.statement();
                self.no_comma = save;
                let inner = inner?;
                self.skip_trivia(true);
                if !self.eat(")") {
                    if self.at_end() {
                        return Err(Message::MissingEndParenthesisInExpression.incomplete(&[], Span::new(start, start + 1)));
                    }
                    return Err(self.unexpected());
                }
                Ok(Expr { kind: ExprKind::Paren(Box::new(inner)), span: self.span_from(start) })
            }
            '{' => {
                self.bump();
                let save = self.no_comma;
                self.no_comma = false;
                let block = self.script_block_body(start, Some(start));
                self.no_comma = save;
                Ok(Expr { kind: ExprKind::ScriptBlock(block?), span: self.span_from(start) })
            }
            c if is_single_quote(c) => self.single_quoted(),
            c if is_double_quote(c) => self.double_quoted(),
            c if c.is_ascii_digit() || c == '.' => {
                let (rest, n) = lexer::number(self.rest()).map_err(|_| self.unexpected())?;
                if rest.starts_with(|c: char| is_ident_char(c)) {
                    return Err(self.unexpected());
                }
                let Some(n) = n else {
                    return Err(Message::BadNumericConstant.error(&[&self.rest()[..self.rest().len() - rest.len()]], self.span_from(start)));
                };
                self.advance_to(rest.len());
                let kind = ExprKind::number(n, false);
                Ok(Expr { kind, span: self.span_from(start) })
            }
            _ => Err(self.unexpected()),
        }
    }

    fn hashtable(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.pos += 2;
        let mut entries = Vec::new();
        loop {
            self.skip_trivia(true);
            while self.eat(";") {
                self.skip_trivia(true);
            }
            if self.eat("}") {
                break;
            }
            if self.at_end() {
                return Err(Message::IncompleteHashLiteral.incomplete(&[], Span::new(start, start + 2)));
            }
            let k_start = self.pos;
            let key = match self.peek() {
                Some(c) if is_ident_char(c) || is_dash(c) => {
                    let rest = self.rest();
                    let len = rest.find(|c: char| !(is_ident_char(c) || is_dash(c) || c == '.')).unwrap_or(rest.len());
                    let word = rest[..len].to_string();
                    self.pos += len;
                    match lexer::number(&word) {
                        Ok(("", Some(Number::Int(v)))) => Expr { kind: ExprKind::Int(v), span: self.span_from(k_start) },
                        _ => Expr { kind: ExprKind::Str(word), span: self.span_from(k_start) },
                    }
                }
                Some('=') => {
                    return Err(Message::MissingKeyInHashLiteral.error(&[], self.char_span()));
                }
                _ => self.unary()?,
            };
            self.skip_trivia(true);
            if !self.eat("=") {
                return Err(Message::MissingEqualsInHashLiteral.error(&[], Span::new(self.pos, self.pos)));
            }
            self.skip_trivia(true);
            if matches!(self.peek(), None | Some('}') | Some(';')) {
                return Err(Message::MissingStatementInHashLiteral.incomplete(&[], Span::new(self.pos, self.pos)));
            }
            let value = self.statement()?;
            entries.push((key, value));
            self.skip_trivia(false);
            match self.peek() {
                Some('\n') | Some('\r') | Some(';') | Some('}') => {}
                None => return Err(Message::IncompleteHashLiteral.incomplete(&[], Span::new(start, start + 2))),
                _ => return Err(Message::MissingEndCurlyBrace.error(&[], self.char_span())),
            }
        }
        Ok(Expr { kind: ExprKind::Hashtable(entries), span: self.span_from(start) })
    }
}

fn binary_operator_from_word(w: &str) -> Option<BinaryOp> {
    let (cs, base) = if let Some(b) = w.strip_prefix('c') {
        if cmp_op(b).is_some() {
            (true, b)
        } else {
            (false, w)
        }
    } else if let Some(b) = w.strip_prefix('i') {
        if cmp_op(b).is_some() && !matches!(w, "in" | "is" | "isnot") {
            (false, b)
        } else {
            (false, w)
        }
    } else {
        (false, w)
    };
    if let Some(op) = cmp_op(base) {
        return Some(BinaryOp::Cmp(op, cs));
    }
    Some(match w {
        "and" => BinaryOp::And,
        "or" => BinaryOp::Or,
        "xor" => BinaryOp::Xor,
        "band" => BinaryOp::Band,
        "bor" => BinaryOp::Bor,
        "bxor" => BinaryOp::Bxor,
        "shl" => BinaryOp::Shl,
        "shr" => BinaryOp::Shr,
        "is" => BinaryOp::Is,
        "isnot" => BinaryOp::IsNot,
        "as" => BinaryOp::As,
        "f" => BinaryOp::Format,
        _ => return None,
    })
}

fn cmp_op(w: &str) -> Option<CmpOp> {
    Some(match w {
        "eq" => CmpOp::Eq,
        "ne" => CmpOp::Ne,
        "gt" => CmpOp::Gt,
        "ge" => CmpOp::Ge,
        "lt" => CmpOp::Lt,
        "le" => CmpOp::Le,
        "like" => CmpOp::Like,
        "notlike" => CmpOp::NotLike,
        "match" => CmpOp::Match,
        "notmatch" => CmpOp::NotMatch,
        "contains" => CmpOp::Contains,
        "notcontains" => CmpOp::NotContains,
        "in" => CmpOp::In,
        "notin" => CmpOp::NotIn,
        "replace" => CmpOp::Replace,
        "split" => CmpOp::Split,
        "join" => CmpOp::Join,
        _ => return None,
    })
}

/// Binding strength per the language specification: 1 logical, 2 bitwise,
/// 3 comparison, 4 additive, 5 multiplicative, 6 format, 7 range (8 is the array literal).
fn precedence(op: BinaryOp) -> u8 {
    match op {
        BinaryOp::And | BinaryOp::Or | BinaryOp::Xor => 1,
        BinaryOp::Band | BinaryOp::Bor | BinaryOp::Bxor => 2,
        BinaryOp::Cmp(..) | BinaryOp::Is | BinaryOp::IsNot | BinaryOp::As | BinaryOp::Shl | BinaryOp::Shr => 3,
        BinaryOp::Add | BinaryOp::Sub => 4,
        BinaryOp::Mul | BinaryOp::Div | BinaryOp::Rem => 5,
        BinaryOp::Format => 6,
        BinaryOp::Range => 7,
    }
}
