//! Property tests for the parser: any input yields an AST or a parse error,
//! never a panic; and parsing is deterministic.

use ersim::lang::ast::Source;
use ersim::lang::parse_script;
use proptest::prelude::*;

/// Fragments of PowerShell syntax, so generated inputs reach deep into the grammar.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("$x".to_string()),
        Just("@(".to_string()),
        Just("@{".to_string()),
        Just("$(".to_string()),
        Just("\"a $b $(1+2)\"".to_string()),
        Just("'q''s'".to_string()),
        Just("@\"\nhere\n\"@".to_string()),
        Just("{ param($a) $a }".to_string()),
        Just("if ($a) { 1 } else { 2 }".to_string()),
        Just("foreach ($i in 1..3) { $i }".to_string()),
        Just("switch -regex ($s) { 'a' { 1 } default { 2 } }".to_string()),
        Just("try { throw 'x' } catch [System.Exception] { $_ } finally { }".to_string()),
        Just("Get-Thing -Name:value -Switch arg1,arg2 | % { $_ }".to_string()),
        Just("[int]$v = 5; $v += 1".to_string()),
        Just("function f { param([Parameter(Mandatory)][string]$n) }".to_string()),
        Just("f 2>&1 3> $null *>> $null 6>&1".to_string()),
        Just("(1/0) 2> $null; $x *>&1".to_string()),
        Just("f -Key <k> 2>&2 1>&1 7>".to_string()),
        Just("$a.ForEach{ $_ }.Where({ $_ }, 'Split', 2); $a. Name".to_string()),
        Just("[Dictionary[string, List[int]][]] [List[".to_string()),
        Just("using namespace System.Text; function f() { param($a) }; filter g { $_ }".to_string()),
        Just("trap { continue } 'x'; 0x10L + 10l * 2.5mb + 1lkb".to_string()),
        Just("class C : B { [int]$p = 1; hidden static [string]$s; C() : base(1) { } [int] M([int]$a) { return $a } }".to_string()),
        Just("class D { static [void] S() { $this } [int] N() { if ($a) { return 1 } } }".to_string()),
        Just("[Flags()] enum E { A = 1; B = -2; C }".to_string()),
        Just("enum F { A = $x; 1 }".to_string()),
        Just("enum H { A = [int]::MaxValue; B = ([H]::A -band 3) + 1; C = }".to_string()),
        Just("class X : System.Exception { X() : base('m') { } [int] F() { return ([X]$this).G() } }".to_string()),
        Just("class".to_string()),
        Just("[Attr()][Other()] class ".to_string()),
        Just("{ return 1 }".to_string()),
        Just("` \n".to_string()),
        Just("`\n".to_string()),
        Just("#c\n".to_string()),
        Just("<# b #>".to_string()),
        "[ -~]{0,12}",
        "[(){}\\[\\]$@'\"`|;,.=+\\-*/%!<>#\n ]{1,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn parsing_never_panics(parts in proptest::collection::vec(fragment(), 0..8)) {
        let text = parts.concat();
        let src = Source::new(None, text.clone());
        let first = parse_script(&src).map(|_| ()).map_err(|e| (e.id, e.span));
        let second = parse_script(&src).map(|_| ()).map_err(|e| (e.id, e.span));
        prop_assert_eq!(first, second);
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,40}") {
        let src = Source::new(None, text);
        let _ = parse_script(&src);
    }

    #[test]
    fn error_spans_stay_inside_the_text(parts in proptest::collection::vec(fragment(), 1..6)) {
        let text = parts.concat();
        let src = Source::new(None, text.clone());
        if let Err(e) = parse_script(&src) {
            prop_assert!(e.span.start <= text.len() && e.span.end <= text.len(), "span {:?} outside {} bytes", e.span, text.len());
        }
    }
}
