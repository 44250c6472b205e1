//! The shapes class and enum definitions parse to, and the checks 5.1's parser makes on them.

use super::*;

fn statements(text: &str) -> Vec<Statement> {
    parse_script(&Source::new(None, text)).unwrap_or_else(|e| panic!("{text:?}: {e}")).end.clone().expect("an end block")
}

fn class(text: &str) -> Rc<ClassDecl> {
    match &statements(text)[0].kind {
        StatementKind::Class(c) => c.clone(),
        other => panic!("expected a class, got {other:?}"),
    }
}

fn error_id(text: &str) -> &'static str {
    parse_script(&Source::new(None, text)).expect_err(text).id
}

#[test]
fn a_class_holds_its_properties_methods_and_constructors() {
    let c = class("class Router : Device, IThing {\n  [int]$Ports = 8\n  hidden static [string]$Made\n  Router([string]$n) : base($n, 1) { }\n  [string] Name([int]$i) { return 'r' }\n  static Reset() { }\n}");
    assert_eq!(c.name, "Router");
    assert_eq!(c.base.as_ref().map(|b| b.name.as_str()), Some("Device"));
    let [ports, made] = &c.properties[..] else { panic!("two properties") };
    assert_eq!((ports.name.as_str(), ports.ty.as_ref().map(|t| t.name.as_str()), ports.is_static), ("Ports", Some("int"), false));
    assert!(matches!(ports.default.as_ref().map(|e| &e.kind), Some(ExprKind::Int(8))));
    assert!(made.is_static && made.is_hidden && made.default.is_none());
    let [ctor, name, reset] = &c.methods[..] else { panic!("three methods") };
    assert!(ctor.is_ctor && ctor.return_type.is_none());
    assert_eq!(ctor.base_args.as_ref().map(Vec::len), Some(2));
    assert_eq!(name.return_type.as_ref().map(|t| t.name.as_str()), Some("string"));
    assert!(matches!(name.body[0].kind, StatementKind::MethodReturn(Some(_))));
    assert!(reset.is_static && !reset.is_ctor);
}

#[test]
fn return_in_a_block_inside_a_method_is_the_blocks_own() {
    let c = class("class A { [int] M() { $f = { return 1 }; return 2 } }");
    let StatementKind::Assignment { value, .. } = &c.methods[0].body[0].kind else { panic!("an assignment") };
    let StatementKind::Pipeline(p) = &value.kind else { panic!("a pipeline") };
    let PipelineElement::Expr(Expr { kind: ExprKind::ScriptBlock(sb), .. }) = &p.elements[0] else { panic!("a block") };
    assert!(matches!(sb.end.as_ref().expect("statements")[0].kind, StatementKind::Return(Some(_))));
}

#[test]
fn enum_members_keep_their_constant_values() {
    let StatementKind::Enum(e) = &statements("[Flags()] enum E { A; B = 4\n C; D = -2; F }")[0].kind else { panic!("an enum") };
    assert!(e.flags);
    let names: Vec<&str> = e.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["A", "B", "C", "D", "F"]);
    assert!(matches!(e.members[1].value.as_ref().map(|v| &v.kind), Some(ExprKind::Int(4))));
    assert!(e.members[2].value.is_none());
    statements("enum G { A = [int]::MaxValue; B = [G2]::X + 2; C = (1 -shl 3) -bor 1; D = 'x' }");
    let StatementKind::Enum(plain) = &statements("enum P { X }")[0].kind else { panic!("an enum") };
    assert!(!plain.flags);
}

#[test]
fn a_leading_type_literal_is_still_an_expression() {
    assert!(matches!(statements("[int]$x = 5")[0].kind, StatementKind::Assignment { .. }));
    assert!(matches!(statements("[string]::Empty")[0].kind, StatementKind::Pipeline(_)));
    assert!(matches!(statements("[Flags()]\n\nclass C { }")[0].kind, StatementKind::Class(_)));
}

#[test]
fn every_code_path_of_a_non_void_method_must_return() {
    for ok in [
        "class A { [int] M() { return 1 } }",
        "class A { [int] M() { throw 'x' } }",
        "class A { [int] M() { if ($a) { return 1 } elseif ($b) { throw 'b' } else { return 2 } } }",
        "class A { [int] M() { try { return 1 } catch [ArgumentException] { return 2 } catch { throw } } }",
        "class A { [int] M() { 'first'; return 1 } }",
        "class A { [int] M() { try { return 1 } finally { } } }",
    ] {
        statements(ok);
    }
    for bad in [
        "class A { [int] M() { } }",
        "class A { [int] M() { if ($a) { return 1 } } }",
        "class A { [int] M() { foreach ($i in 1) { return 1 } } }",
        "class A { [int] M() { switch (1) { default { return 1 } } } }",
        "class A { [int] M() { try { } finally { } } }",
    ] {
        assert_eq!(error_id(bad), "MethodHasCodePathNotReturn", "{bad}");
    }
}

#[test]
fn misuse_is_refused_with_5_1s_ids() {
    for (text, id) in [
        ("class", "MissingNameAfterKeyword"),
        ("class A", "MissingTypeBody"),
        ("class A { $x; $X }", "MemberAlreadyDefined"),
        ("class A { M([int]$a) { } M([int]$b) { } }", "MemberAlreadyDefined"),
        ("class A { } enum A { B }", "MemberAlreadyDefined"),
        ("class A { static [void] M() { \"$this\" } }", "NonStaticMemberAccessInStaticMember"),
        ("class A { [void] M() { return 1 } }", "VoidMethodHasReturn"),
        ("class A { [string] M() { return } }", "NonVoidMethodMissingReturnValue"),
        ("class A { [int] A() { } }", "ConstructorCantHaveReturnType"),
        ("class A { A() : other() { } }", "MissingBaseCtorCall"),
        ("class A { M() { end { } } }", "NamedBlockNotAllowedInMethod"),
        ("enum E { A = 1 + $b }", "EnumeratorValueMustBeConstant"),
        ("enum E { A = }", "ExpectedValueExpression"),
        ("enum E { A = (Get-Date) }", "EnumeratorValueMustBeConstant"),
        ("enum E { 'A' }", "IncompleteMemberDefinition"),
    ] {
        assert_eq!(error_id(text), id, "{text}");
    }
    // Overloads that differ in their parameters' count or types are not duplicates.
    statements("class A { M() { } M([int]$a) { } M([string]$a) { } }");
}

#[test]
fn the_look_ahead_for_attributes_stops_inside_no_character() {
    // The bounded look-ahead ends in the middle of `é` here; it must still give an answer.
    let text = format!("[{}{}]", "a".repeat(254), "é".repeat(4));
    let _ = parse_script(&Source::new(None, text));
    assert!(matches!(statements("[A(1)] [B(2)]\nclass C { }")[0].kind, StatementKind::Class(_)));
}

#[test]
fn an_enum_moves_after_the_enums_its_values_name_and_other_statements_stay() {
    let shape = |text: &str| -> Vec<String> {
        statements(text)
            .iter()
            .map(|s| match &s.kind {
                StatementKind::Enum(e) => e.name.clone(),
                _ => "-".to_string(),
            })
            .collect()
    };
    assert_eq!(shape("'a'\nenum A { x = [B]::y + [C]::z }\n'b'\nenum B { y = [C]::z }\nenum C { z }"), ["-", "C", "-", "B", "A"]);
    assert_eq!(shape("enum A { x }\nenum B { y = [A]::x }"), ["A", "B"], "already in order");
    assert_eq!(shape("enum A { x = [B]::y }\nenum B { y = [A]::x }"), ["B", "A"], "a cycle is left for the engine to report");
}
