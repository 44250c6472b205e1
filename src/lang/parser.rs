//! Recursive-descent parser for the PowerShell subset. PowerShell's grammar depends
//! on mode: the same text means different things as a command argument and as an
//! expression, so the parser decides the mode at each pipeline element and asks the
//! lexer for the matching tokens.

use std::rc::Rc;

use super::ast::*;
use super::error::ParseError;
use super::lexer::{self, is_blank, is_dash, is_double_quote, is_ident_char, is_single_quote, Number};
use super::messages::Message;

type PResult<T> = Result<T, ParseError>;

/// Parses a whole script (file, `-Command` text or a REPL line) into a script block.
pub fn parse_script(source: &Rc<Source>) -> PResult<Rc<ScriptBlock>> {
    Parser::new(source).script()
}

impl Parser {
    fn new(source: &Rc<Source>) -> Self {
        Parser { src: source.clone(), pos: 0, no_comma: false, statements_tried: 0, depth: 0 }
    }

    fn script(&mut self) -> PResult<Rc<ScriptBlock>> {
        let block = self.script_block_body(0, None)?;
        self.skip_trivia(true);
        if self.pos < self.text().len() {
            return Err(self.unexpected());
        }
        Ok(block)
    }
}

const KEYWORDS_TERMINATING_STATEMENT: &[&str] = &["elseif", "else", "catch", "finally", "until"];

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
}

/// Deeper input would overflow the interpreter's stack when parsed or run (400,000 nested
/// parentheses do); 5.1 has no such limit and fails when .NET's stack runs out.
const MAX_NESTING: usize = 20_000;

impl Parser {
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

    // ---------------------------------------------------------------- blocks

    /// The body of a script block: optional attributes and `param(...)`, then
    /// either named `begin`/`process`/`end` blocks or a statement list.
    /// `close` is the position of the opening brace for `{ }` blocks.
    fn script_block_body(&mut self, start: usize, close: Option<usize>) -> PResult<Rc<ScriptBlock>> {
        self.skip_trivia(true);
        let mut attributes = Vec::new();
        let mut params = None;
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
        if self.peek_keyword("param") {
            let kw_end = self.pos + 5;
            let after = lexer::trivia(&self.text()[kw_end..], true);
            if after.starts_with('(') {
                self.pos = kw_end;
                self.skip_trivia(true);
                self.eat("(");
                params = Some(self.param_list(')')?);
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
        Ok(Rc::new(ScriptBlock { source: self.src.clone(), span: self.span_from(start), attributes, params, begin, process, end }))
    }

    /// `{ statements }` with the cursor on the `{`.
    fn statement_block(&mut self) -> PResult<Vec<Statement>> {
        let open = self.pos;
        if !self.eat("{") {
            return Err(self.unexpected());
        }
        let body = self.statement_list()?;
        self.skip_trivia(true);
        if !self.eat("}") {
            if self.at_end() {
                return Err(self.missing_brace(open));
            }
            return Err(self.unexpected());
        }
        Ok(body)
    }

    /// Statements up to a closing `}` or `)` or the end of input.
    fn statement_list(&mut self) -> PResult<Vec<Statement>> {
        let mut out = Vec::new();
        loop {
            self.skip_trivia(true);
            while self.eat(";") {
                self.skip_trivia(true);
            }
            match self.peek() {
                None | Some('}') | Some(')') => return Ok(out),
                _ => {}
            }
            let stmt = self.statement()?;
            out.push(stmt);
            self.skip_trivia(false);
            match self.peek() {
                None | Some('\n') | Some('\r') | Some(';') | Some('}') | Some(')') => {}
                _ => return Err(self.unexpected()),
            }
        }
    }

    // ---------------------------------------------------------------- statements

    fn statement(&mut self) -> PResult<Statement> {
        self.statements_tried += 1;
        self.nested(Self::statement_at_depth)
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

    fn statement_at_depth(&mut self) -> PResult<Statement> {
        let start = self.pos;
        let mut label = None;
        if self.peek() == Some(':') && self.peek_at(1).is_some_and(is_ident_char) {
            self.bump();
            let (rest, name) = lexer::identifier(self.rest()).map_err(|_| self.unexpected())?;
            label = Some(name.to_string());
            self.advance_to(rest.len());
            self.skip_trivia(true);
        }
        // Statements that are not keyword statements are most of a script; only a
        // word that starts like one of the keywords is tried against them.
        let maybe_keyword = self.peek().is_some_and(|c| matches!(c.to_ascii_lowercase(), 'b' | 'c' | 'd' | 'e' | 'f' | 'i' | 'r' | 's' | 't' | 'w'));
        if !maybe_keyword {
            return self.pipeline_or_assignment(start);
        }
        let kind = if self.eat_keyword("if") {
            self.if_statement()?
        } else if self.eat_keyword("while") {
            self.skip_trivia(true);
            let cond = self.paren_condition("while")?;
            self.skip_trivia(true);
            let body = self.loop_body("while")?;
            StatementKind::While { label, cond, body }
        } else if self.eat_keyword("do") {
            self.skip_trivia(true);
            let body = self.statement_block()?;
            self.skip_trivia(true);
            let until = if self.eat_keyword("while") {
                false
            } else if self.eat_keyword("until") {
                true
            } else {
                return Err(Message::MissingWhileOrUntilInDoWhile.incomplete(&[], self.span_from(self.pos)));
            };
            self.skip_trivia(true);
            let cond = self.paren_condition(if until { "until" } else { "while" })?;
            StatementKind::DoLoop { label, body, cond, until }
        } else if self.peek_keyword("for") && self.for_follows_paren(3) {
            self.pos += 3;
            self.for_statement(label)?
        } else if self.peek_keyword("foreach") && self.for_follows_paren(7) {
            self.pos += 7;
            self.foreach_statement(label)?
        } else if self.eat_keyword("switch") {
            self.switch_statement(label)?
        } else if self.peek_keyword("function") || self.peek_keyword("filter") {
            let is_filter = self.peek_keyword("filter");
            self.pos += if is_filter { 6 } else { 8 };
            self.function_statement(is_filter)?
        } else if self.eat_keyword("try") {
            self.try_statement()?
        } else if self.eat_keyword("trap") {
            self.skip_trivia(true);
            let mut ty = None;
            if self.peek() == Some('[') {
                ty = Some(self.type_name()?);
                self.skip_trivia(true);
            }
            StatementKind::Trap { ty, body: self.statement_block()? }
        } else if self.eat_keyword("throw") {
            StatementKind::Throw(self.optional_pipeline()?)
        } else if self.eat_keyword("return") {
            StatementKind::Return(self.optional_pipeline()?)
        } else if self.eat_keyword("exit") {
            StatementKind::Exit(self.optional_pipeline()?)
        } else if self.eat_keyword("break") {
            StatementKind::Break(self.optional_label())
        } else if self.eat_keyword("continue") {
            StatementKind::Continue(self.optional_label())
        } else if let Some(w) = self.peek_word() {
            if KEYWORDS_TERMINATING_STATEMENT.iter().any(|k| k.eq_ignore_ascii_case(w)) {
                return Err(self.unexpected());
            }
            return self.pipeline_or_assignment(start);
        } else {
            return self.pipeline_or_assignment(start);
        };
        Ok(Statement { kind, span: self.span_from(start) })
    }

    fn for_follows_paren(&self, kw_len: usize) -> bool {
        lexer::trivia(&self.rest()[kw_len..], true).starts_with('(')
    }

    fn optional_label(&mut self) -> Option<String> {
        let save = self.pos;
        self.skip_trivia(false);
        if let Ok((rest, name)) = lexer::identifier(self.rest()) {
            let name = name.to_string();
            self.advance_to(rest.len());
            Some(name)
        } else {
            self.pos = save;
            None
        }
    }

    /// The pipeline after `return`, `throw` or `exit`, if anything follows on the line.
    fn optional_pipeline(&mut self) -> PResult<Option<Pipeline>> {
        self.skip_trivia(false);
        match self.peek() {
            None | Some('\n') | Some('\r') | Some(';') | Some('}') | Some(')') => Ok(None),
            _ => Ok(Some(self.pipeline()?)),
        }
    }

    fn paren_condition(&mut self, keyword: &str) -> PResult<Pipeline> {
        if !self.eat("(") {
            return Err(Message::MissingOpenParenthesisAfterKeyword.incomplete(&[keyword], self.span_from(self.pos)));
        }
        self.skip_trivia(true);
        let cond = self.pipeline()?;
        self.skip_trivia(true);
        if !self.eat(")") {
            return Err(Message::MissingEndParenthesisAfterStatement.incomplete(&[keyword], self.span_from(self.pos)));
        }
        Ok(cond)
    }

    fn loop_body(&mut self, keyword: &str) -> PResult<Vec<Statement>> {
        if self.peek() != Some('{') {
            return Err(Message::MissingLoopStatement.incomplete(&[keyword], self.span_from(self.pos)));
        }
        self.statement_block()
    }

    fn if_statement(&mut self) -> PResult<StatementKind> {
        let mut clauses = Vec::new();
        let mut else_body = None;
        let mut keyword = "if";
        loop {
            self.skip_trivia(true);
            if !self.eat("(") {
                return Err(Message::MissingOpenParenthesisInIfStatement.incomplete(&[keyword], self.span_from(self.pos)));
            }
            self.skip_trivia(true);
            if self.peek() == Some(')') {
                return Err(Message::IfStatementMissingCondition.error(&[keyword], self.span_from(self.pos)));
            }
            let cond = self.pipeline()?;
            self.skip_trivia(true);
            if !self.eat(")") {
                return Err(Message::MissingEndParenthesisAfterStatement.incomplete(&[keyword], self.span_from(self.pos)));
            }
            self.skip_trivia(true);
            if self.peek() != Some('{') {
                return Err(Message::MissingStatementBlock.incomplete(&[keyword], self.span_from(self.pos)));
            }
            clauses.push((cond, self.statement_block()?));
            let save = self.pos;
            self.skip_trivia(true);
            if self.eat_keyword("elseif") {
                keyword = "elseif";
                continue;
            }
            if self.eat_keyword("else") {
                self.skip_trivia(true);
                if self.peek() != Some('{') {
                    return Err(Message::MissingStatementBlockAfterElse.incomplete(&[], self.span_from(self.pos)));
                }
                else_body = Some(self.statement_block()?);
            } else {
                self.pos = save;
            }
            break;
        }
        Ok(StatementKind::If { clauses, else_body })
    }

    fn for_statement(&mut self, label: Option<String>) -> PResult<StatementKind> {
        self.skip_trivia(true);
        self.eat("(");
        let mut parts: [Option<Statement>; 3] = [None, None, None];
        for (i, part) in parts.iter_mut().enumerate() {
            self.skip_trivia(true);
            if !matches!(self.peek(), Some(';') | Some(')')) {
                *part = Some(self.statement()?);
            }
            self.skip_trivia(true);
            if i < 2 && !self.eat(";") && self.peek() != Some(')') {
                return Err(self.unexpected());
            }
        }
        self.skip_trivia(true);
        if !self.eat(")") {
            return Err(Message::MissingEndParenthesisAfterStatement.incomplete(&["for"], self.span_from(self.pos)));
        }
        self.skip_trivia(true);
        let body = self.loop_body("for")?;
        let [init, cond, step] = parts;
        let cond = match cond {
            None => None,
            Some(Statement { kind: StatementKind::Pipeline(p), .. }) => Some(p),
            Some(other) => {
                Some(Pipeline { span: other.span, elements: vec![PipelineElement::Expr(Expr { span: other.span, kind: ExprKind::Paren(Box::new(other)) })] })
            }
        };
        Ok(StatementKind::For { label, init: init.map(Box::new), cond, step: step.map(Box::new), body })
    }

    fn foreach_statement(&mut self, label: Option<String>) -> PResult<StatementKind> {
        self.skip_trivia(true);
        self.eat("(");
        self.skip_trivia(true);
        if !self.eat("$") {
            return Err(Message::MissingVariableNameAfterForeach.error(&[], self.span_from(self.pos)));
        }
        let (rest, (_, name)) =
            lexer::variable_name(self.rest()).map_err(|_| Message::MissingVariableNameAfterForeach.error(&[], Span::new(self.pos, self.pos)))?;
        self.advance_to(rest.len());
        self.skip_trivia(true);
        if !self.eat_keyword("in") {
            return Err(Message::MissingInInForeach.error(&[], self.span_from(self.pos)));
        }
        self.skip_trivia(true);
        let iterable = self.pipeline()?;
        self.skip_trivia(true);
        if !self.eat(")") {
            return Err(Message::MissingEndParenthesisAfterForeach.incomplete(&[], self.span_from(self.pos)));
        }
        self.skip_trivia(true);
        let body = self.loop_body("foreach")?;
        Ok(StatementKind::Foreach { label, variable: name, iterable, body })
    }

    fn switch_statement(&mut self, label: Option<String>) -> PResult<StatementKind> {
        let mut mode = SwitchMode::Exact;
        let mut case_sensitive = false;
        loop {
            self.skip_trivia(true);
            if self.peek().is_some_and(is_dash) {
                let save = self.pos;
                self.bump();
                let word = lexer::identifier(self.rest()).map(|(_, w)| w.to_ascii_lowercase()).unwrap_or_default();
                match word.as_str() {
                    "regex" => mode = SwitchMode::Regex,
                    "wildcard" => mode = SwitchMode::Wildcard,
                    "exact" => mode = SwitchMode::Exact,
                    "casesensitive" => case_sensitive = true,
                    _ => {
                        self.pos = save;
                        return Err(self.unexpected());
                    }
                }
                self.pos += word.len();
            } else {
                break;
            }
        }
        let subject = self.paren_condition("switch")?;
        self.skip_trivia(true);
        let open = self.pos;
        if !self.eat("{") {
            return Err(Message::MissingCurlyBraceInSwitchStatement.incomplete(&[], self.span_from(self.pos)));
        }
        let mut clauses = Vec::new();
        let mut default = None;
        loop {
            self.skip_trivia(true);
            while self.eat(";") {
                self.skip_trivia(true);
            }
            if self.eat("}") {
                break;
            }
            if self.at_end() {
                return Err(self.missing_brace(open));
            }
            if self.peek_keyword("default") && lexer::trivia(&self.rest()[7..], true).starts_with('{') {
                self.pos += 7;
                self.skip_trivia(true);
                default = Some(self.statement_block()?);
                continue;
            }
            let cond = self.switch_condition()?;
            self.skip_trivia(true);
            if self.peek() != Some('{') {
                return Err(Message::MissingSwitchStatementClause.incomplete(&[], self.span_from(self.pos)));
            }
            clauses.push((cond, self.statement_block()?));
        }
        Ok(StatementKind::Switch(Box::new(SwitchStatement { label, mode, case_sensitive, subject, clauses, default })))
    }

    /// A switch clause's condition: a script block, a value expression, or a bare word.
    fn switch_condition(&mut self) -> PResult<Expr> {
        let start = self.pos;
        match self.peek() {
            Some('{') => self.primary(),
            Some(c) if c == '$' || c == '(' || c == '@' || is_single_quote(c) || is_double_quote(c) => self.postfix_primary(),
            Some(c) if c.is_ascii_digit() || (is_dash(c) && self.rest()[c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit() || d == '.')) => {
                // Only a number is tried as an expression: trying `-{ ... }` would parse the
                // block twice at every nesting level, exponential in unclosed input.
                let save = self.pos;
                if let Ok(e) = self.unary() {
                    if self.peek().is_none_or(|c| is_blank(c) || c == '{') {
                        return Ok(e);
                    }
                }
                self.pos = save;
                self.bare_word_expr(start)
            }
            _ => self.bare_word_expr(start),
        }
    }

    fn bare_word_expr(&mut self, start: usize) -> PResult<Expr> {
        let rest = self.rest();
        let len = rest.find(|c: char| is_blank(c) || matches!(c, '{' | '\n' | '\r' | ';' | '}')).unwrap_or(rest.len());
        if len == 0 {
            return Err(Message::MissingSwitchConditionExpression.error(&[], self.span_from(self.pos)));
        }
        let word = rest[..len].to_string();
        self.pos += len;
        Ok(Expr { kind: ExprKind::Str(word), span: self.span_from(start) })
    }

    fn function_statement(&mut self, is_filter: bool) -> PResult<StatementKind> {
        self.skip_trivia(true);
        let rest = self.rest();
        let len = rest.find(|c: char| lexer::ends_bare_word(c) || c == '{' || c == '(').unwrap_or(rest.len());
        if len == 0 {
            let kw = if is_filter { "filter" } else { "function" };
            return Err(Message::MissingNameAfterKeyword.error(&[kw], self.span_from(self.pos)));
        }
        let mut name = rest[..len].to_string();
        if let Some((scope, n)) = name.split_once(':') {
            if lexer::is_scope_prefix(scope) {
                name = n.to_string();
            }
        }
        self.pos += len;
        self.skip_trivia(true);
        let mut params = None;
        if self.peek() == Some('(') {
            self.bump();
            params = Some(self.param_list(')')?);
            self.skip_trivia(true);
        }
        let open = self.pos;
        if !self.eat("{") {
            return Err(Message::MissingFunctionBody.incomplete(&[], self.span_from(self.pos)));
        }
        let body = self.script_block_body(open, Some(open))?;
        let body = if let Some(p) = params {
            let mut b = Rc::try_unwrap(body).unwrap_or_else(|rc| clone_block(&rc));
            b.params = Some(p);
            Rc::new(b)
        } else {
            body
        };
        Ok(StatementKind::Function { name, is_filter, body })
    }

    fn try_statement(&mut self) -> PResult<StatementKind> {
        self.skip_trivia(true);
        if self.peek() != Some('{') {
            return Err(Message::MissingTryStatementBlock.incomplete(&[], self.span_from(self.pos)));
        }
        let body = self.statement_block()?;
        let mut catches = Vec::new();
        let mut finally = None;
        loop {
            let save = self.pos;
            self.skip_trivia(true);
            if self.eat_keyword("catch") {
                let mut types = Vec::new();
                loop {
                    self.skip_trivia(true);
                    if self.peek() == Some('[') {
                        types.push(self.type_name()?);
                        self.skip_trivia(true);
                        if self.eat(",") {
                            continue;
                        }
                    }
                    break;
                }
                self.skip_trivia(true);
                if self.peek() != Some('{') {
                    return Err(Message::MissingCatchHandlerBlock.incomplete(&[], self.span_from(self.pos)));
                }
                catches.push(CatchClause { types, body: self.statement_block()? });
            } else if self.eat_keyword("finally") {
                self.skip_trivia(true);
                if self.peek() != Some('{') {
                    return Err(Message::MissingFinallyStatementBlock.incomplete(&[], self.span_from(self.pos)));
                }
                finally = Some(self.statement_block()?);
                break;
            } else {
                self.pos = save;
                break;
            }
        }
        if catches.is_empty() && finally.is_none() {
            return Err(Message::MissingCatchOrFinally.incomplete(&[], self.span_from(self.pos)));
        }
        Ok(StatementKind::Try { body, catches, finally })
    }

    // ---------------------------------------------------------------- params and attributes

    fn param_list(&mut self, close: char) -> PResult<Vec<Param>> {
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

    fn attribute_or_type(&mut self) -> PResult<AttrOrType> {
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
                if let Ok((rest, word)) = lexer::identifier(self.rest()) {
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

    fn type_name_text(&mut self) -> PResult<String> {
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
            name.push_str(&self.text()[depth_start..self.pos]);
        }
        Ok(name)
    }

    /// `[TypeName]` with the cursor on `[`.
    fn type_name(&mut self) -> PResult<TypeName> {
        let start = self.pos;
        self.eat("[");
        let name = self.type_name_text()?;
        let is_array = self.eat("[]");
        if !self.eat("]") {
            return Err(Message::EndSquareBracketExpectedAtEndOfType.error(&[], self.span_from(self.pos)));
        }
        Ok(TypeName { name, is_array, span: self.span_from(start) })
    }

    // ---------------------------------------------------------------- pipelines

    fn pipeline_or_assignment(&mut self, start: usize) -> PResult<Statement> {
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

    fn pipeline(&mut self) -> PResult<Pipeline> {
        let start = self.pos;
        let first = if self.element_is_expression() { PipelineElement::Expr(self.expression()?) } else { PipelineElement::Command(self.command()?) };
        self.pipeline_rest(start, first)
    }

    fn pipeline_rest(&mut self, start: usize, first: PipelineElement) -> PResult<Pipeline> {
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
        Ok(Pipeline { elements, span: self.span_from(start) })
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
                Some(c) if c == '$' || c == '(' || c == '{' || is_single_quote(c) || is_double_quote(c) => self.postfix_primary()?,
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
            if let Some(r) = self.redirection()? {
                redirections.push(r);
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
        let rest = self.rest();
        let len = rest.find(lexer::ends_bare_word).unwrap_or(rest.len());
        if len == 0 {
            return Err(self.unexpected());
        }
        let word = rest[..len].to_string();
        self.pos += len;
        Ok(Expr { kind: ExprKind::Bare(word), span: self.span_from(start) })
    }

    fn redirection(&mut self) -> PResult<Option<Redirection>> {
        let rest = self.rest();
        let (from, op_len) = if rest.starts_with("*>") {
            (0u8, 2)
        } else if rest.len() > 1 && rest.as_bytes()[0].is_ascii_digit() && rest.as_bytes()[1] == b'>' {
            (rest.as_bytes()[0] - b'0', 2)
        } else if rest.starts_with('>') {
            (1, 1)
        } else {
            return Ok(None);
        };
        self.pos += op_len;
        let append = self.eat(">");
        if self.eat("&1") {
            return Ok(Some(Redirection { from, target: RedirectTarget::Merge(1), append }));
        }
        self.skip_trivia(false);
        if matches!(self.peek(), None | Some('\n') | Some(';') | Some('|')) {
            return Err(Message::MissingFileSpecification.error(&[], Span::new(self.pos, self.pos)));
        }
        let target = self.command_argument()?;
        Ok(Some(Redirection { from, target: RedirectTarget::File(target), append }))
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
            return self.postfix_primary();
        }
        // Numbers stay numbers when the token ends right after them.
        if c.is_ascii_digit()
            || (is_dash(c) && self.peek_at(1).is_some_and(|d| d.is_ascii_digit()))
            || (c == '.' && self.peek_at(1).is_some_and(|d| d.is_ascii_digit()))
        {
            let neg = is_dash(c);
            let body_start = if neg { self.pos + c.len_utf8() } else { self.pos };
            if let Ok((after, Some(n))) = lexer::number(&self.text()[body_start..]) {
                if after.is_empty() || after.starts_with(|c: char| lexer::ends_bare_word(c)) {
                    self.advance_to(after.len());
                    let kind = match (n, neg) {
                        (Number::Int(v), false) => ExprKind::Int(v),
                        (Number::Int(v), true) => ExprKind::Int(-v),
                        (Number::Double(v), false) => ExprKind::Double(v),
                        (Number::Double(v), true) => ExprKind::Double(-v),
                    };
                    return Ok(Expr { kind, span: self.span_from(start) });
                }
            }
        }
        let rest = self.rest();
        let len = rest.find(lexer::ends_bare_word).unwrap_or(rest.len());
        if len == 0 {
            return Err(self.unexpected());
        }
        let word = rest[..len].to_string();
        self.pos += len;
        let span = self.span_from(start);
        if word.contains('$') {
            let parts = self.expandable_parts(&word, start)?;
            return Ok(Expr { kind: ExprKind::Expandable(parts), span });
        }
        Ok(Expr { kind: ExprKind::Bare(word), span })
    }

    // ---------------------------------------------------------------- expressions

    fn expression(&mut self) -> PResult<Expr> {
        self.logical()
    }

    fn expression_no_comma(&mut self) -> PResult<Expr> {
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
            '*' if !rest.starts_with("*=") => Some((BinaryOp::Mul, 1)),
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

    fn unary(&mut self) -> PResult<Expr> {
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
                            let kind = match n {
                                Number::Int(v) => ExprKind::Int(-v),
                                Number::Double(v) => ExprKind::Double(-v),
                            };
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

    fn postfix_primary(&mut self) -> PResult<Expr> {
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
                let name = self.member_name()?;
                if self.peek() == Some('(') {
                    self.bump();
                    let args = self.method_args()?;
                    e = Expr { kind: ExprKind::Invoke { target: Box::new(e), name: Box::new(name), args, is_static }, span: self.span_from(start) };
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
            Some(c) if c == '$' || c == '(' || is_single_quote(c) || is_double_quote(c) => self.primary(),
            _ => Err(Message::MissingPropertyName.error(&[], Span::new(start, start))),
        }
    }

    fn method_args(&mut self) -> PResult<Vec<Expr>> {
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

    fn primary(&mut self) -> PResult<Expr> {
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
                let kind = match n {
                    Number::Int(v) => ExprKind::Int(v),
                    Number::Double(v) => ExprKind::Double(v),
                };
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

    // ---------------------------------------------------------------- strings

    fn single_quoted(&mut self) -> PResult<Expr> {
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

    fn double_quoted(&mut self) -> PResult<Expr> {
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

    fn here_string(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.bump();
        let quote = self.bump().unwrap_or('"');
        let expandable = is_double_quote(quote);
        let terminator = if expandable { "\"@" } else { "'@" };
        let rest = self.rest();
        let line_end = rest.find('\n').map(|i| i + 1);
        let header_tail = &rest[..line_end.unwrap_or(rest.len())];
        if !header_tail.trim().is_empty() || line_end.is_none() {
            if line_end.is_none() && header_tail.trim().is_empty() {
                return Err(Message::TerminatorExpectedAtEndOfString.incomplete(&[terminator], Span::new(start, self.text().len())));
            }
            return Err(Message::UnexpectedCharactersAfterHereStringHeader.error(&[], Span::new(self.pos, self.pos + header_tail.trim_end().len())));
        }
        self.pos += line_end.unwrap_or(0);
        let body_start = self.pos;
        // The terminator must start a line.
        let mut search = body_start;
        let body_end;
        loop {
            let text = &self.text()[search..];
            let Some(nl) = (if search == body_start && text.starts_with(terminator) { Some(0usize) } else { text.find('\n').map(|i| i + 1) }) else {
                return Err(Message::TerminatorExpectedAtEndOfString.incomplete(&[terminator], Span::new(start, self.text().len())));
            };
            let line_start = search + nl;
            let line = &self.text()[line_start..];
            if line.starts_with(terminator) {
                body_end = line_start;
                self.pos = line_start + 2;
                break;
            }
            let trimmed = line.trim_start_matches(is_blank);
            if trimmed.starts_with(terminator) && !trimmed.is_empty() {
                // 5.1 reports this as an error rather than ending the string.
                let ws_start = line_start;
                return Err(Message::WhitespaceBeforeHereStringFooter.error(&[], Span::new(ws_start, ws_start + (line.len() - trimmed.len()))));
            }
            if nl == 0 {
                search = line_start + 1;
            } else {
                search = line_start;
            }
            if search >= self.text().len() {
                return Err(Message::TerminatorExpectedAtEndOfString.incomplete(&[terminator], Span::new(start, self.text().len())));
            }
        }
        // The line break before the terminator is not part of the value.
        let mut content_end = body_end;
        if content_end > body_start {
            content_end -= 1;
            if content_end > body_start && self.text().as_bytes()[content_end - 1] == b'\r' {
                content_end -= 1;
            }
        }
        let raw = self.text()[body_start..content_end.max(body_start)].replace("\r\n", "\n");
        if !expandable {
            return Ok(Expr { kind: ExprKind::Str(raw), span: self.span_from(start) });
        }
        let parts = self.expandable_parts(&raw, body_start)?;
        Ok(Expr { kind: string_kind(parts), span: self.span_from(start) })
    }

    /// Splits text into literal and expansion parts by 5.1's rules, parsing each
    /// expansion with a sub-parser whose spans are offset to the original source.
    fn expandable_parts(&mut self, raw: &str, offset: usize) -> PResult<Vec<StringPart>> {
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

enum AttrOrType {
    Attr(Attribute),
    Type(TypeName),
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

fn clone_block(b: &ScriptBlock) -> ScriptBlock {
    ScriptBlock {
        source: b.source.clone(),
        span: b.span,
        attributes: b.attributes.clone(),
        params: b.params.clone(),
        begin: b.begin.clone(),
        process: b.process.clone(),
        end: b.end.clone(),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Rc<ScriptBlock> {
        parse_script(&Source::new(None, text)).unwrap_or_else(|e| panic!("{text:?}: {e}"))
    }

    fn first_expr(text: &str) -> Expr {
        let sb = parse(text);
        match &sb.end.as_ref().expect("an end block")[0].kind {
            StatementKind::Pipeline(p) => match &p.elements[0] {
                PipelineElement::Expr(e) => e.clone(),
                other => panic!("expected an expression, got {other:?}"),
            },
            other => panic!("expected a pipeline, got {other:?}"),
        }
    }

    fn error(text: &str) -> ParseError {
        parse_script(&Source::new(None, text)).expect_err(text)
    }

    #[test]
    fn binary_operators_follow_the_specification_precedence() {
        let ExprKind::Binary { op: BinaryOp::And, left, .. } = first_expr("1 + 2 * 3 -eq 7 -and $true").kind else { panic!("-and binds loosest") };
        let ExprKind::Binary { op: BinaryOp::Cmp(CmpOp::Eq, false), left, .. } = left.kind else { panic!("then -eq") };
        let ExprKind::Binary { op: BinaryOp::Add, right, .. } = left.kind else { panic!("then +") };
        assert!(matches!(right.kind, ExprKind::Binary { op: BinaryOp::Mul, .. }));
        // The comma binds tighter than +: (1, 2) + 3.
        let ExprKind::Binary { op: BinaryOp::Add, left, .. } = first_expr("1, 2 + 3").kind else { panic!("+ at the top") };
        assert!(matches!(left.kind, ExprKind::ArrayLiteral(_)));
        // -f binds tighter than +, looser than *.
        assert!(matches!(first_expr("'{0}' -f 1 + 2").kind, ExprKind::Binary { op: BinaryOp::Add, .. }));
        assert!(matches!(first_expr("-not $a -eq $b").kind, ExprKind::Binary { op: BinaryOp::Cmp(CmpOp::Eq, false), .. }));
        assert!(matches!(first_expr("'A' -ceq 'a'").kind, ExprKind::Binary { op: BinaryOp::Cmp(CmpOp::Eq, true), .. }));
    }

    #[test]
    fn commands_take_parameters_values_and_arrays() {
        let sb = parse("Get-Thing -Name:value -Force arg1,arg2 –ServiceKey $k @splat | % { $_ }");
        let StatementKind::Pipeline(p) = &sb.end.as_ref().expect("end")[0].kind else { panic!("pipeline") };
        assert_eq!(p.elements.len(), 2);
        let PipelineElement::Command(c) = &p.elements[0] else { panic!("command") };
        assert!(matches!(&c.args[0], CommandArg::Parameter { name, value: Some(_), .. } if name == "Name"));
        assert!(matches!(&c.args[1], CommandArg::Parameter { name, value: None, .. } if name == "Force"));
        assert!(matches!(&c.args[2], CommandArg::Value(Expr { kind: ExprKind::ArrayLiteral(items), .. }) if items.len() == 2));
        // The en dash the documentation writes works as a parameter dash.
        assert!(matches!(&c.args[3], CommandArg::Parameter { name, .. } if name == "ServiceKey"));
        assert!(matches!(&c.args[5], CommandArg::Splat { name, .. } if name == "splat"));
    }

    #[test]
    fn bare_words_and_numbers_in_argument_mode() {
        let sb = parse("Write-Output 1+2 10 abc -5");
        let StatementKind::Pipeline(p) = &sb.end.as_ref().expect("end")[0].kind else { panic!("pipeline") };
        let PipelineElement::Command(c) = &p.elements[0] else { panic!("command") };
        let kinds: Vec<&ExprKind> = c
            .args
            .iter()
            .map(|a| match a {
                CommandArg::Value(e) => &e.kind,
                other => panic!("{other:?}"),
            })
            .collect();
        assert!(matches!(kinds[0], ExprKind::Bare(s) if s == "1+2"));
        assert!(matches!(kinds[1], ExprKind::Int(10)));
        assert!(matches!(kinds[2], ExprKind::Bare(s) if s == "abc"));
        assert!(matches!(kinds[3], ExprKind::Int(-5)));
    }

    #[test]
    fn strings_expand_variables_and_subexpressions() {
        let ExprKind::Expandable(parts) = first_expr("\"a $b $($c + 1) `$d ${e f}\"").kind else { panic!("expandable") };
        let exprs = parts.iter().filter(|p| matches!(p, StringPart::Expr(_))).count();
        assert_eq!(exprs, 3);
        assert!(matches!(first_expr("'no $x'").kind, ExprKind::Str(s) if s == "no $x"));
        assert!(matches!(first_expr("@'\nline $x\n'@").kind, ExprKind::Str(s) if s == "line $x"));
    }

    #[test]
    fn statements_parse_into_their_shapes() {
        let sb = parse("function f { param([Parameter(Mandatory)][int]$n = 1) $n }\nswitch -regex ($x) { 'a' { 1 } default { 2 } }\ntry { 1 } catch [System.Exception] { 2 } finally { 3 }\n:outer foreach ($i in 1..2) { break outer }");
        let kinds = &sb.end.as_ref().expect("end");
        assert!(matches!(&kinds[0].kind, StatementKind::Function { name, body, .. } if name == "f" && body.params.as_ref().is_some_and(|p| p.len() == 1)));
        assert!(matches!(&kinds[1].kind, StatementKind::Switch(sw) if sw.mode == SwitchMode::Regex && sw.default.is_some()));
        assert!(matches!(&kinds[2].kind, StatementKind::Try { catches, finally: Some(_), .. } if catches[0].types.len() == 1));
        assert!(matches!(&kinds[3].kind, StatementKind::Foreach { label: Some(l), .. } if l == "outer"));
    }

    #[test]
    fn errors_carry_5_1_ids_and_spans() {
        let e = error("if ($x) {");
        assert_eq!((e.id, e.span, e.incomplete), ("MissingEndCurlyBrace", Span::new(8, 9), true));
        assert_eq!(error("\"open").id, "TerminatorExpectedAtEndOfString");
        assert_eq!(error("1 +").id, "ExpectedValueExpression");
        assert_eq!(error("Get-X |").id, "EmptyPipeElement");
        assert_eq!(error("5 = 3").id, "InvalidLeftHandSide");
        let e = error("$a = 1 )");
        assert_eq!((e.id, e.message.as_str()), ("UnexpectedToken", "Unexpected token ')' in expression or statement."));
        assert_eq!(error("@\"\nx\n  \"@").id, "WhitespaceBeforeHereStringFooter");
        // A span covers a whole character, never part of one (found by fuzzing).
        assert_eq!(error("@{N=''\u{e9}").span, Span::new(6, 8));
        let e = error("Write-Output (");
        assert_eq!((e.id, e.span, e.incomplete), ("ExpectedExpression", Span::new(14, 14), true));
    }

    #[test]
    fn unclosed_nested_blocks_are_parsed_once() {
        // Found by fuzzing: a switch clause `-{` was tried as an expression and then re-parsed
        // as a word and a block, doubling the work at every nesting level.
        for depth in [10, 20] {
            let text = "switch ('abc') { -{ x ".repeat(depth);
            let mut p = Parser::new(&Source::new(None, &text));
            assert_eq!(p.script().expect_err("unclosed").id, "MissingEndCurlyBrace");
            assert!(p.statements_tried <= 4 * depth, "{} statements for depth {depth}", p.statements_tried);
        }
    }

    #[test]
    fn a_double_dash_may_mix_dash_characters() {
        // Found by fuzzing: an ASCII dash then an en dash was measured as two ASCII dashes.
        let e = error("Get-Date -\u{2013}(");
        assert_eq!(e.id, "ExpectedExpression");
        let sb = parse("Write-Output -\u{2013} -x");
        let StatementKind::Pipeline(p) = &sb.end.as_ref().expect("an end block")[0].kind else { panic!("not a pipeline") };
        // After the double dash, `-x` is a plain argument, not a parameter.
        assert!(matches!(&p.elements[0], PipelineElement::Command(c) if matches!(c.args[..], [CommandArg::Value(_)])));
    }
}
