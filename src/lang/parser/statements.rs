//! Statements: statement lists and `{ }` blocks, and the keyword statements (`if`,
//! the loops, `switch`, `try`, `trap`, `function`, flow control). A statement that
//! starts with no keyword is a pipeline or an assignment (commands.rs).

use std::rc::Rc;

use super::{PResult, Parser};
use crate::lang::ast::*;
use crate::lang::lexer::{self, is_blank, is_dash, is_double_quote, is_ident_char, is_single_quote};
use crate::lang::messages::Message;

/// Keywords that continue the statement before them; one at the start of a statement is an error.
const KEYWORDS_TERMINATING_STATEMENT: &[&str] = &["elseif", "else", "catch", "finally", "until"];

impl Parser {
    /// `{ statements }` with the cursor on the `{`.
    pub(super) fn statement_block(&mut self) -> PResult<Vec<Statement>> {
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

    /// Statements up to a closing `}` or `)` or the end of input. A statement list is a new
    /// context: `@(1, 2)` or `$(1, 2)` inside a method's arguments holds a comma list.
    pub(super) fn statement_list(&mut self) -> PResult<Vec<Statement>> {
        let save = self.no_comma;
        self.no_comma = false;
        let r = self.statement_list_inner();
        self.no_comma = save;
        r
    }

    fn statement_list_inner(&mut self) -> PResult<Vec<Statement>> {
        let mut out = Vec::new();
        loop {
            self.skip_trivia(true);
            while self.eat(";") {
                self.skip_trivia(true);
            }
            match self.peek() {
                None | Some('}') | Some(')') => {
                    super::enum_order::order_enums(&mut out);
                    return Ok(out);
                }
                _ => {}
            }
            let stmt = self.statement()?;
            // 5.1's grammar wants a terminator only after a pipeline or a flow-control
            // statement: `trap { } 'next'` and `if ($a) { } 'next'` are two statements.
            let needs_terminator = matches!(
                stmt.kind,
                StatementKind::Pipeline(_)
                    | StatementKind::UsingNamespace(_)
                    | StatementKind::Assignment { .. }
                    | StatementKind::Throw(_)
                    | StatementKind::Return(_)
                    | StatementKind::MethodReturn(_)
                    | StatementKind::Exit(_)
                    | StatementKind::Break(_)
                    | StatementKind::Continue(_)
            );
            if matches!(stmt.kind, StatementKind::UsingNamespace(_)) && out.iter().any(|s: &Statement| !matches!(s.kind, StatementKind::UsingNamespace(_))) {
                return Err(Message::UsingMustBeAtStartOfScript.error(&[], stmt.span));
            }
            out.push(stmt);
            self.skip_trivia(false);
            match self.peek() {
                None | Some('\n') | Some('\r') | Some(';') | Some('}') | Some(')') => {}
                _ if !needs_terminator => {}
                _ => return Err(self.unexpected()),
            }
        }
    }

    pub(super) fn statement(&mut self) -> PResult<Statement> {
        self.statements_tried += 1;
        self.nested(Self::statement_at_depth)
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
        let maybe_keyword = self.peek().is_some_and(|c| matches!(c.to_ascii_lowercase(), 'b' | 'c' | 'd' | 'e' | 'f' | 'i' | 'r' | 's' | 't' | 'u' | 'w'));
        if self.peek() == Some('[') && self.attributes_precede_type_definition() {
            let kind = self.type_definition(start)?;
            return Ok(Statement { kind, span: self.span_from(start) });
        }
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
        } else if self.peek_keyword("for") {
            self.pos += 3;
            self.open_paren_after("for")?;
            self.for_statement(label)?
        } else if self.peek_keyword("foreach") {
            self.pos += 7;
            self.open_paren_after("foreach")?;
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
        } else if let Some(namespace) = self.using_namespace() {
            StatementKind::UsingNamespace(namespace)
        } else if self.eat_keyword("throw") {
            StatementKind::Throw(self.optional_pipeline()?)
        } else if self.peek_keyword("class") || self.peek_keyword("enum") {
            self.type_definition(start)?
        } else if self.eat_keyword("return") {
            match self.member.returns_void {
                Some(is_void) => self.method_return(start, is_void)?,
                None => StatementKind::Return(self.optional_pipeline()?),
            }
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

    /// `using namespace Name`, consumed; anything else after `using` is left to be a command.
    fn using_namespace(&mut self) -> Option<String> {
        let save = self.pos;
        if self.eat_keyword("using") {
            self.skip_trivia(false);
            if self.eat_keyword("namespace") {
                self.skip_trivia(false);
                let rest = self.rest();
                let len = rest.find(|c: char| !(is_ident_char(c) || c == '.')).unwrap_or(rest.len());
                if len > 0 {
                    let name = rest[..len].to_string();
                    self.pos += len;
                    return Some(name);
                }
            }
        }
        self.pos = save;
        None
    }

    /// At a statement's start `for` and `foreach` are keywords, so a `(` must follow them:
    /// 5.1's MissingOpenParenthesisAfterKeyword at the keyword's end otherwise.
    fn open_paren_after(&self, keyword: &str) -> PResult<()> {
        let after = lexer::trivia(self.rest(), true);
        if after.starts_with('(') {
            return Ok(());
        }
        let at = self.span_from(self.pos);
        Err(if after.is_empty() {
            Message::MissingOpenParenthesisAfterKeyword.incomplete(&[keyword], at)
        } else {
            Message::MissingOpenParenthesisAfterKeyword.error(&[keyword], at)
        })
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
    pub(super) fn optional_pipeline(&mut self) -> PResult<Option<Pipeline>> {
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
        let unclosed = |p: &Self| Message::MissingEndParenthesisAfterStatement.incomplete(&["for"], p.span_from(p.pos));
        for (i, part) in parts.iter_mut().enumerate() {
            self.skip_trivia(true);
            if self.at_end() {
                return Err(unclosed(self));
            }
            if !matches!(self.peek(), Some(';') | Some(')')) {
                *part = Some(self.statement()?);
            }
            self.skip_trivia(true);
            if i < 2 && !self.eat(";") && self.peek() != Some(')') {
                return Err(if self.at_end() { unclosed(self) } else { self.unexpected() });
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
            Some(other) => Some(Pipeline {
                span: other.span,
                expr_redirections: Vec::new(),
                elements: vec![PipelineElement::Expr(Expr { span: other.span, kind: ExprKind::Paren(Box::new(other)) })],
            }),
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
        // The name keeps a scope prefix (`function global:f`): the engine defines the
        // function in that scope.
        let name = rest[..len].to_string();
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
        // `function f() { param($a) }`: empty parentheses leave the param block in charge;
        // a parameter list in both places is 5.1's OnlyOneParameterListAllowed.
        let params = params.filter(|p| !p.is_empty());
        if let (Some(_), Some(span)) = (&params, body.param_span) {
            return Err(Message::OnlyOneParameterListAllowed.error(&[], span));
        }
        // A filter's statements are its process block: they run once per input object.
        let is_plain_filter = is_filter && body.begin.is_none() && body.process.is_none();
        let body = if params.is_some() || is_plain_filter {
            let mut b = Rc::try_unwrap(body).unwrap_or_else(|rc| clone_block(&rc));
            if let Some(p) = params {
                b.params = Some(p);
            }
            if is_plain_filter {
                b.process = b.end.take();
            }
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
}

fn clone_block(b: &ScriptBlock) -> ScriptBlock {
    ScriptBlock {
        source: b.source.clone(),
        span: b.span,
        attributes: b.attributes.clone(),
        params: b.params.clone(),
        param_span: b.param_span,
        begin: b.begin.clone(),
        process: b.process.clone(),
        end: b.end.clone(),
    }
}
