//! Parser inputs the fuzzer found to crash or hang, kept as regressions. Each runs the real
//! entry points, so a panic shows as the exit code a user would see.

mod common;

use common::{run_command, text};

/// After `-`, an en dash (U+2013, which PowerShell reads as a dash and which scripts copied
/// from web pages often contain) once made the parser slice the text inside the character.
/// Found by the `parse` fuzz target (minimized from a 2.5 KB input).
#[test]
fn a_dash_followed_by_an_en_dash_is_a_parse_error_not_a_panic() {
    for script in ["Get-Date -\u{2013}(", "> -\u{2013}("] {
        let out = run_command(script);
        assert_eq!(out.status.code(), Some(1), "{script}: {}", text(&out.stderr));
        assert!(!text(&out.stderr).contains("panicked"), "{script}: {}", text(&out.stderr));
    }
}

/// This fuzz input (unclosed switch clauses after `-`, nested over 61 lines) once took time
/// exponential in its depth: 38 s in a release build. It must still be reported as the
/// unclosed block it is; the parser's own unit test bounds the work linearly.
#[test]
fn the_slow_fuzz_input_is_reported_as_an_unclosed_block() {
    let text = include_str!("../fuzz/seeds/script/parse-slow-unclosed-blocks.ps1");
    let parsed = ersim::host::cli::with_deep_stack(|| ersim::lang::parse_script(&ersim::lang::ast::Source::new(None, text.to_string())).err().map(|e| e.id));
    assert_eq!(parsed, Some("MissingEndCurlyBrace"));
}

/// Found by the `eval` fuzz target: the parser put this error's span inside `é`, and quoting
/// the line in the error message sliced the text there and panicked.
#[test]
fn an_error_span_inside_a_character_is_still_reported() {
    for script in ["@{N=''\u{e9}", "$h = @{ Name = 'Caf'\u{e9} }"] {
        let out = run_command(script);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{script}: {err}");
        assert!(err.contains("FullyQualifiedErrorId : MissingEndCurlyBrace"), "{script}: {err}");
    }
}
