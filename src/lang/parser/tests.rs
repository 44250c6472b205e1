//! The shapes the parser builds and the 5.1 error ids and spans it reports.

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

#[test]
fn comma_lists_inside_method_arguments() {
    // The arguments are separated by commas, but a subexpression inside one is a new context.
    let ExprKind::Invoke { args, .. } = first_expr("$o.M(@(1, 2), $(3, 4))").kind else { panic!("a method call") };
    assert_eq!(args.len(), 2);
    let ExprKind::ArraySubexpr(body) = &args[0].kind else { panic!("@() first") };
    let StatementKind::Pipeline(p) = &body[0].kind else { panic!("a pipeline inside") };
    assert!(matches!(&p.elements[0], PipelineElement::Expr(Expr { kind: ExprKind::ArrayLiteral(items), .. }) if items.len() == 2));
}

#[test]
fn attribute_arguments_starting_with_a_digit_are_positional() {
    let sb = parse("function f { param([ValidateRange(1, 5)][Parameter(Mandatory)]$x) }");
    let StatementKind::Function { body, .. } = &sb.end.as_ref().expect("an end block")[0].kind else { panic!("a function") };
    let param = &body.params.as_ref().expect("a param block")[0];
    let range = &param.attributes[0];
    assert_eq!((range.positional.len(), range.named.len()), (2, 0));
    assert_eq!(param.attributes[1].named[0].0, "Mandatory");
}

#[test]
fn redirections_of_every_stream_after_commands_and_expressions() {
    let sb = parse("f > $null 2>&1 3>> $null 4>&1 5> $null 6>&1; (1/0) *> $null; $x *>&1");
    let stmts = sb.end.as_ref().expect("end");
    let StatementKind::Pipeline(p) = &stmts[0].kind else { panic!("pipeline") };
    let PipelineElement::Command(c) = &p.elements[0] else { panic!("command") };
    let shape: Vec<(u8, bool, bool)> = c.redirections.iter().map(|r| (r.from, matches!(r.target, RedirectTarget::Merge), r.append)).collect();
    assert_eq!(shape, [(1, false, false), (2, true, false), (3, false, true), (4, true, false), (5, false, false), (6, true, false)]);
    for (stmt, merge) in [(&stmts[1], false), (&stmts[2], true)] {
        let StatementKind::Pipeline(p) = &stmt.kind else { panic!("pipeline") };
        assert!(matches!(p.elements[0], PipelineElement::Expr(_)));
        assert_eq!(p.expr_redirections.len(), 1);
        assert_eq!(p.expr_redirections[0].from, 0);
        assert_eq!(matches!(p.expr_redirections[0].target, RedirectTarget::Merge), merge);
    }
    // `7>` is no redirection: the 7 is an argument and `>` redirects the output.
    let sb = parse("f 7>x");
    let StatementKind::Pipeline(p) = &sb.end.as_ref().expect("end")[0].kind else { panic!("pipeline") };
    let PipelineElement::Command(c) = &p.elements[0] else { panic!("command") };
    assert_eq!(c.args.len(), 1);
    assert_eq!(c.redirections[0].from, 1);
}

#[test]
fn refused_redirections_have_5_1_ids_and_extents() {
    for (text, id, message, span) in [
        ("Get-Circuit -ServiceKey <skey>", "RedirectionNotSupported", "The '<' operator is reserved for future use.", (24, 25)),
        ("1 < 2", "RedirectionNotSupported", "The '<' operator is reserved for future use.", (2, 3)),
        ("f 2>&2", "RedirectionNotSupported", "The '2>&2' operator is reserved for future use.", (2, 6)),
        ("f 1>&1", "RedirectionNotSupported", "The '1>&1' operator is reserved for future use.", (2, 6)),
        ("f 2> $null 2>&1", "StreamAlreadyRedirected", "The error stream for this command is already redirected.", (11, 15)),
        ("f *> $null *>> $null", "StreamAlreadyRedirected", "The * stream for this command is already redirected.", (11, 20)),
        ("f 3>", "MissingFileSpecification", "Missing file specification after redirection operator.", (4, 4)),
    ] {
        let e = error(text);
        assert_eq!((e.id, e.message.as_str(), (e.span.start, e.span.end)), (id, message, span), "{text}");
    }
}

#[test]
fn generic_type_literals_keep_a_normalised_name() {
    for (text, name, is_array) in [
        ("[System.Collections.Generic.List[string]]", "System.Collections.Generic.List[string]", false),
        ("[Dictionary[string, int]]", "Dictionary[string,int]", false),
        ("[Dictionary[ string ,List[int] ]]", "Dictionary[string,List[int]]", false),
        ("[List[string][]]", "List[string]", true),
        ("[string[]]", "string", true),
    ] {
        let ExprKind::TypeLiteral(ty) = first_expr(text).kind else { panic!("{text}: a type literal") };
        assert_eq!((ty.name.as_str(), ty.is_array), (name, is_array), "{text}");
    }
    assert_eq!(error("[List[string]").id, "EndSquareBracketExpectedAtEndOfType");
}

#[test]
fn function_parameter_lists_filters_and_using() {
    let sb = parse("function f() { param($a) $a }; filter g { $_ }");
    let stmts = sb.end.as_ref().expect("end");
    let StatementKind::Function { body, .. } = &stmts[0].kind else { panic!("function") };
    assert_eq!(body.params.as_ref().map(Vec::len), Some(1));
    let StatementKind::Function { body, is_filter: true, .. } = &stmts[1].kind else { panic!("filter") };
    assert!(body.process.is_some() && body.end.is_none(), "a filter's body is its process block");
    let e = error("function f($b) { param($a) }");
    assert_eq!((e.id, e.span.start, e.span.end), ("OnlyOneParameterListAllowed", 17, 26));
    assert!(matches!(&parse("using namespace System.Text; 1").end.as_ref().expect("end")[0].kind, StatementKind::UsingNamespace(n) if n == "System.Text"));
    assert_eq!(error("1; using namespace System.Text").id, "UsingMustBeAtStartOfScript");
}

#[test]
fn statements_ending_in_a_block_need_no_separator() {
    let sb = parse("trap { continue } 'next'; if ($a) { 1 } 'then'");
    assert_eq!(sb.end.as_ref().expect("end").len(), 4);
    assert_eq!(error("'a' 'b'").id, "UnexpectedToken");
    // A backtick before blanks is a blank: the line break after it ends the statement.
    assert_eq!(parse("f a ` \nb").end.as_ref().expect("end").len(), 2);
    assert_eq!(parse("f a `\nb").end.as_ref().expect("end").len(), 1);
}

#[test]
fn member_access_forms() {
    assert!(matches!(first_expr("$a. Length").kind, ExprKind::Member { .. }));
    let ExprKind::Invoke { args, .. } = first_expr("$a.ForEach{ $_ }").kind else { panic!("invoke") };
    assert!(matches!(args[0].kind, ExprKind::ScriptBlock(_)));
    let ExprKind::Invoke { args, .. } = first_expr("$a.Where({ $_ }, 'First', 2)").kind else { panic!("invoke") };
    assert_eq!(args.len(), 3);
    assert!(matches!(first_expr("10l").kind, ExprKind::Long(10)));
    assert!(matches!(first_expr("-0x10L").kind, ExprKind::Long(-16)));
}
