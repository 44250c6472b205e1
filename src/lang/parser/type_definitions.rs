//! Type definitions (PowerShell 5.0): `class Name : Base { members }` and `enum Name { A; B = 5 }`,
//! with the checks 5.1's parser makes on them — duplicate members, `return` in void and
//! non-void methods, every code path of a non-void method returning, `$this` in a static member.

use std::rc::Rc;

use super::attributes::AttrOrType;
use super::{PResult, Parser};
use crate::lang::ast::*;
use crate::lang::lexer;
use crate::lang::messages::Message;

/// How far ahead a statement that starts with `[` is scanned for the `enum` or `class` keyword
/// its attributes may precede: attributes on a type are short, and a bound keeps every
/// statement's look-ahead constant.
const ATTRIBUTE_LOOKAHEAD: usize = 256;

/// Where the parser is inside a class, for the checks 5.1 makes on its members.
#[derive(Clone, Copy, Default)]
pub(super) struct MemberContext {
    /// Inside a method's own statements (not a script block in it): whether it is `void`.
    pub returns_void: Option<bool>,
    /// Inside a static method or a static property's initializer, where `$this` is an error.
    pub is_static: bool,
}

impl Parser {
    /// Whether the `[...]` at the cursor are attributes of an `enum` or `class` that follows.
    pub(super) fn attributes_precede_type_definition(&self) -> bool {
        let rest = self.rest();
        let mut end = rest.len().min(ATTRIBUTE_LOOKAHEAD);
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        let window = &rest[..end];
        let mut i = 0;
        loop {
            let tail = lexer::trivia(&window[i..], true);
            i = window.len() - tail.len();
            if !tail.starts_with('[') {
                break;
            }
            let mut depth = 0usize;
            let mut close = None;
            for (j, c) in tail.char_indices() {
                match c {
                    '[' => depth += 1,
                    ']' => {
                        depth -= 1;
                        if depth == 0 {
                            close = Some(j);
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let Some(close) = close else { return false };
            i += close + 1;
        }
        let after = &window[i..];
        let keyword = |kw: &str| {
            after.len() > kw.len()
                && after.is_char_boundary(kw.len())
                && after[..kw.len()].eq_ignore_ascii_case(kw)
                && after[kw.len()..].starts_with(char::is_whitespace)
        };
        i > 0 && (keyword("enum") || keyword("class"))
    }

    /// `[Flags()] enum ...` or `class ...`, with the cursor on the first attribute or keyword.
    pub(super) fn type_definition(&mut self, start: usize) -> PResult<StatementKind> {
        let mut flags = false;
        while self.peek() == Some('[') {
            match self.attribute_or_type()? {
                AttrOrType::Attr(a) => {
                    flags |= matches!(a.name.to_ascii_lowercase().as_str(), "flags" | "flagsattribute" | "system.flags" | "system.flagsattribute")
                }
                AttrOrType::Type(t) => return Err(Message::UnexpectedToken.error(&[&t.name], t.span)),
            }
            self.skip_trivia(true);
        }
        if self.eat_keyword("enum") {
            return self.enum_body(start, flags);
        }
        self.eat_keyword("class");
        self.class_body(start)
    }

    /// The name after `class` or `enum` (the statement began at `start`).
    fn type_definition_name(&mut self, keyword: &str, start: usize) -> PResult<(String, Span)> {
        self.skip_trivia(true);
        let at = self.pos;
        match lexer::identifier(self.rest()) {
            Ok((rest, name)) if !name.is_empty() => {
                let name = name.to_string();
                self.advance_to(rest.len());
                self.check_unique_type(&name, start)?;
                Ok((name, self.span_from(at)))
            }
            _ if self.at_end() => Err(Message::MissingNameAfterKeyword.incomplete(&[keyword], self.span_from(at))),
            _ => Err(Message::MissingNameAfterKeyword.error(&[keyword], self.span_from(at))),
        }
    }

    /// A second type of the same name in one script is 5.1's MemberAlreadyDefined, shown at
    /// the second definition's keyword.
    fn check_unique_type(&mut self, name: &str, start: usize) -> PResult<()> {
        if self.type_names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            return Err(Message::MemberAlreadyDefined.error(&[name], self.span_from(start)));
        }
        self.type_names.push(name.to_string());
        Ok(())
    }

    fn open_type_body(&mut self, keyword: &str) -> PResult<usize> {
        self.skip_trivia(true);
        let open = self.pos;
        if !self.eat("{") {
            let err = if self.at_end() {
                Message::MissingTypeBody.incomplete(&[keyword], self.char_span())
            } else {
                Message::MissingTypeBody.error(&[keyword], self.char_span())
            };
            return Err(err);
        }
        Ok(open)
    }

    fn enum_body(&mut self, start: usize, flags: bool) -> PResult<StatementKind> {
        let (name, name_span) = self.type_definition_name("enum", start)?;
        let open = self.open_type_body("enum")?;
        let mut members: Vec<EnumMember> = Vec::new();
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
            let at = self.pos;
            let named = self.peek().is_some_and(|c| c.is_alphabetic() || c == '_');
            let Ok((rest, member)) = lexer::identifier(self.rest()).map_err(|_| ()).and_then(|r| if named { Ok(r) } else { Err(()) }) else {
                return Err(Message::IncompleteMemberDefinition.error(&[], self.char_span()));
            };
            let member = member.to_string();
            self.advance_to(rest.len());
            if members.iter().any(|m| m.name.eq_ignore_ascii_case(&member)) {
                return Err(Message::MemberAlreadyDefined.error(&[&member], self.span_from(at)));
            }
            let mut span = self.span_from(at);
            self.skip_trivia(false);
            let mut value = None;
            if self.eat("=") {
                self.skip_trivia(false);
                if matches!(self.peek(), None | Some('\n' | '\r' | ';' | '}')) {
                    return Err(Message::ExpectedValueExpression.error(&["="], self.char_span()));
                }
                let e = self.expression_no_comma()?;
                if !is_constant(&e) {
                    return Err(Message::EnumeratorValueMustBeConstant.error(&[], e.span));
                }
                span = self.span_from(at);
                value = Some(e);
            }
            members.push(EnumMember { name: member, value, span });
        }
        Ok(StatementKind::Enum(Rc::new(EnumDecl { name, name_span, flags, members, source: self.src.clone(), span: self.span_from(start) })))
    }

    fn class_body(&mut self, start: usize) -> PResult<StatementKind> {
        let (name, name_span) = self.type_definition_name("class", start)?;
        self.skip_trivia(true);
        let mut base = None;
        if self.eat(":") {
            self.skip_trivia(true);
            let at = self.pos;
            let text = self.type_name_text()?;
            base = Some(TypeName { name: text, is_array: false, span: self.span_from(at) });
            self.skip_trivia(true);
            // Interfaces after the base class: named, not emulated.
            while self.eat(",") {
                self.skip_trivia(true);
                self.type_name_text()?;
                self.skip_trivia(true);
            }
        }
        let open = self.open_type_body("class")?;
        let mut class = ClassDecl { name, name_span, base, properties: Vec::new(), methods: Vec::new(), source: self.src.clone(), span: Span::default() };
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
            self.class_member(&mut class)?;
        }
        class.span = self.span_from(start);
        Ok(StatementKind::Class(Rc::new(class)))
    }

    /// One property or method, with its attributes, type and `static`/`hidden` qualifiers.
    fn class_member(&mut self, class: &mut ClassDecl) -> PResult<()> {
        let start = self.pos;
        let (mut ty, mut is_static, mut is_hidden) = (None, false, false);
        // 5.1 reports a member that stops after its type or attributes right where they end.
        let mut qualifiers_end = None;
        loop {
            if self.peek() == Some('[') {
                if let AttrOrType::Type(t) = self.attribute_or_type()? {
                    if ty.is_some() {
                        return Err(Message::TooManyTypes.error(&[], t.span));
                    }
                    ty = Some(t);
                }
            } else if self.peek_keyword("static") || self.peek_keyword("hidden") {
                let word = if self.peek_keyword("static") { "static" } else { "hidden" };
                let seen = if word == "static" { &mut is_static } else { &mut is_hidden };
                if *seen {
                    return Err(Message::DuplicateQualifier.error(&[word], Span::new(self.pos, self.pos + word.len())));
                }
                *seen = true;
                self.pos += word.len();
            } else {
                break;
            }
            qualifiers_end = Some(self.pos);
            self.skip_trivia(true);
        }
        let incomplete = |p: &Parser| match qualifiers_end {
            Some(end) => Message::IncompleteMemberDefinition.error(&[], Span::new(end, end)),
            None => Message::IncompleteMemberDefinition.error(&[], p.char_span()),
        };
        if self.eat("$") {
            let (rest, (scope, name)) =
                lexer::variable_name(self.rest()).map_err(|_| Message::InvalidVariableReference.error(&[], Span::new(start, start + 1)))?;
            if scope.is_some() || name.is_empty() {
                return Err(Message::InvalidVariableReference.error(&[], self.span_from(self.pos - 1)));
            }
            self.advance_to(rest.len());
            if class.properties.iter().any(|p| p.name.eq_ignore_ascii_case(&name)) {
                return Err(Message::MemberAlreadyDefined.error(&[&name], self.span_from(start)));
            }
            self.skip_trivia(false);
            let mut default = None;
            if self.eat("=") {
                self.skip_trivia(true);
                let saved = std::mem::replace(&mut self.member, MemberContext { returns_void: None, is_static });
                let e = self.expression();
                self.member = saved;
                default = Some(e?);
            }
            class.properties.push(PropertyDecl { name, ty, is_static, is_hidden, default, span: self.span_from(start) });
            return Ok(());
        }
        let name_at = self.pos;
        let Ok((rest, name)) = lexer::identifier(self.rest()) else {
            return Err(incomplete(self));
        };
        let name = name.to_string();
        self.advance_to(rest.len());
        let name_span = self.span_from(name_at);
        self.skip_trivia(true);
        if !self.eat("(") {
            return Err(Message::IncompleteMemberDefinition.error(&[], self.char_span()));
        }
        let params = self.param_list(')')?;
        let is_ctor = name.eq_ignore_ascii_case(&class.name);
        if is_ctor && ty.is_some() {
            return Err(Message::ConstructorCantHaveReturnType.error(&[], self.span_from(start)));
        }
        if is_ctor && is_static && !params.is_empty() {
            return Err(Message::StaticConstructorCantHaveParameters.error(&[], params[0].span));
        }
        let signature = |m: &MethodDecl| m.name.eq_ignore_ascii_case(&name) && m.is_static == is_static && same_parameter_types(&m.params, &params);
        if class.methods.iter().any(signature) {
            return Err(Message::MemberAlreadyDefined.error(&[&name], self.span_from(start)));
        }
        self.skip_trivia(true);
        let mut base_args = None;
        if is_ctor && self.eat(":") {
            self.skip_trivia(true);
            if !self.eat_keyword("base") {
                return Err(Message::MissingBaseCtorCall.error(&[], self.char_span()));
            }
            self.skip_trivia(true);
            if !self.eat("(") {
                return Err(self.unexpected());
            }
            base_args = Some(self.method_args()?);
            self.skip_trivia(true);
        }
        if self.peek() != Some('{') {
            return Err(Message::MissingFunctionBody.incomplete(&[], self.char_span()));
        }
        let is_void = ty.as_ref().is_none_or(|t| t.name.eq_ignore_ascii_case("void") && !t.is_array);
        let body = self.method_body(is_void, is_static)?;
        if !is_void && !always_returns(&body) {
            return Err(Message::MethodHasCodePathNotReturn.error(&[], name_span));
        }
        let return_type = if is_void { None } else { ty };
        class.methods.push(MethodDecl { name, name_span, return_type, is_static, is_hidden, is_ctor, params, base_args, body, span: self.span_from(start) });
        Ok(())
    }

    /// A method's `{ statements }`: no param block and no named blocks, as 5.1 requires.
    fn method_body(&mut self, is_void: bool, is_static: bool) -> PResult<Vec<Statement>> {
        let after = lexer::trivia(&self.rest()[1..], true);
        let at = self.text().len() - after.len();
        let followed_by = |kw: &str, next: char| {
            after.len() > kw.len()
                && after.is_char_boundary(kw.len())
                && after[..kw.len()].eq_ignore_ascii_case(kw)
                && lexer::trivia(&after[kw.len()..], true).starts_with(next)
        };
        if followed_by("param", '(') {
            return Err(Message::ParamBlockNotAllowedInMethod.error(&[], Span::new(at, at + 5)));
        }
        if let Some(kw) = ["begin", "process", "end", "dynamicparam"].into_iter().find(|k| followed_by(k, '{')) {
            return Err(Message::NamedBlockNotAllowedInMethod.error(&[], Span::new(at, at + kw.len())));
        }
        let saved = std::mem::replace(&mut self.member, MemberContext { returns_void: Some(is_void), is_static });
        let body = self.statement_block();
        self.member = saved;
        body
    }

    /// `return` inside a method: void methods return nothing, the others a value.
    pub(super) fn method_return(&mut self, start: usize, is_void: bool) -> PResult<StatementKind> {
        let p = self.optional_pipeline()?;
        match (&p, is_void) {
            (Some(_), true) => Err(Message::VoidMethodHasReturn.error(&[], self.span_from(start))),
            (None, false) => Err(Message::NonVoidMethodMissingReturnValue.error(&[], self.span_from(start))),
            _ => Ok(StatementKind::MethodReturn(p)),
        }
    }

    /// `$this` where no instance exists.
    pub(super) fn check_this(&self, name: &str, span: Span) -> PResult<()> {
        if self.member.is_static && name.eq_ignore_ascii_case("this") {
            return Err(Message::NonStaticMemberAccessInStaticMember.error(&[name], span));
        }
        Ok(())
    }
}

/// Whether an enum member's value is a constant expression as 5.1 requires: numbers, strings,
/// a type's static members (`[int]::MaxValue`, `[Other]::A`), casts, operators and parentheses.
fn is_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Int(_) | ExprKind::Long(_) | ExprKind::Double(_) | ExprKind::Str(_) | ExprKind::TypeLiteral(_) => true,
        ExprKind::Unary { op, operand } => matches!(op, UnaryOp::Neg | UnaryOp::Plus | UnaryOp::Bnot | UnaryOp::Not) && is_constant(operand),
        ExprKind::Binary { left, right, op } => !matches!(op, BinaryOp::Range) && is_constant(left) && is_constant(right),
        ExprKind::Member { target, name, is_static: true } => {
            matches!(target.kind, ExprKind::TypeLiteral(_)) && matches!(name.kind, ExprKind::Str(_) | ExprKind::Bare(_))
        }
        ExprKind::Cast { operand, .. } => is_constant(operand),
        ExprKind::Paren(s) => match &s.kind {
            StatementKind::Pipeline(p) => matches!(p.elements.as_slice(), [PipelineElement::Expr(x)] if is_constant(x)),
            _ => false,
        },
        _ => false,
    }
}

/// Two parameter lists declare the same signature: as many parameters, of the same types.
fn same_parameter_types(a: &[Param], b: &[Param]) -> bool {
    let ty = |p: &Param| p.type_name.as_ref().map(|t| (t.name.to_ascii_lowercase(), t.is_array));
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| ty(x) == ty(y))
}

/// Whether a statement list ends on every path in `return` or `throw`, as 5.1's flow analysis
/// decides it: an `if` needs an `else` and every branch returning; a `try` needs its body and
/// every `catch` returning, or a `finally` that throws (5.1 forbids `return` in a `finally`);
/// a `do` loop runs its body at least once, so its body counts; other loops and `switch` never do.
pub(super) fn always_returns(body: &[Statement]) -> bool {
    body.iter().any(|s| match &s.kind {
        StatementKind::MethodReturn(_) | StatementKind::Return(_) | StatementKind::Throw(_) => true,
        StatementKind::If { clauses, else_body: Some(e) } => clauses.iter().all(|(_, b)| always_returns(b)) && always_returns(e),
        StatementKind::Try { body, catches, finally } => {
            finally.as_deref().is_some_and(always_returns) || always_returns(body) && catches.iter().all(|c| always_returns(&c.body))
        }
        StatementKind::DoLoop { body, .. } => always_returns(body),
        _ => false,
    })
}
