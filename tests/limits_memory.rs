//! Statements that would exhaust memory end with 5.1's OutOfMemoryException error before
//! allocating, and the script goes on.

mod common;

use common::{run_in, session};
use ersim::engine::limits::{MAX_ELEMENTS, MAX_STRING_BYTES};

const OOM: &str = "Exception of type 'System.OutOfMemoryException' was thrown.";

/// Runs `script; 'next'` and returns (stdout, stderr).
fn run(script: &str) -> (String, String) {
    let (mut s, out, err) = session();
    run_in(&mut s, &format!("{script}\n'next'"));
    (out.text(), err.text())
}

#[track_caller]
fn assert_oom(script: &str) {
    let (out, err) = run(script);
    let first = err.lines().next().unwrap_or_default();
    assert!(first.ends_with(OOM) || first.ends_with(&format!("\"{OOM}\"")), "{script}: {err}");
    assert!(out.ends_with("next\n"), "{script}: the error ends only its statement: {out}");
}

#[test]
fn the_caps_are_those_documented() {
    assert_eq!((MAX_STRING_BYTES, MAX_ELEMENTS), (1 << 27, 1 << 24), "docs/reliability.md lists these");
}

#[test]
fn string_repetition_concatenation_join_and_padding_are_capped() {
    for script in [
        "'a' * 1GB",
        "$s = 'a' * 100MB; $s + $s",
        "$s = 'ab' * 40MB; \"$s\" + $s",
        "$s = 'a' * 100MB; -join ($s, $s)",
        "$s = 'a' * 100MB; ($s, $s) -join ''",
        "'a'.PadLeft(2000000000)",
        "'a'.PadRight(200MB)",
    ] {
        assert_oom(script);
    }
    let (out, err) = run("('a' * 128MB).Length");
    assert_eq!((out.as_str(), err.as_str()), ("134217728\nnext\n", ""), "up to the cap is allowed");
}

#[test]
fn ranges_arrays_and_buffered_output_are_capped() {
    assert_oom("1..20000000");
    assert_oom("(1..10) * 2000000");
    let (_, err) = run("1..20000000");
    assert!(err.contains("CategoryInfo          : OperationStopped: (:) [], OutOfMemoryException"), "{err}");
    assert!(err.contains("FullyQualifiedErrorId : System.OutOfMemoryException"), "{err}");
    // One session holds a full array ($a: exactly the cap) for ways to go one past it: an
    // operator, a collected pipeline, a cmdlet's buffer (each 16 Mi objects: seconds apiece).
    let (mut s, out, err) = session();
    run_in(&mut s, "$a = (1..4194304) * 4; $a.Count");
    assert_eq!(out.text(), "16777216\n", "{}", err.text());
    for script in ["$b = $a + 1", "$x = & { $a; 1 }", "& { $a; 1 } | Format-Table"] {
        let before = err.text().len();
        run_in(&mut s, script);
        let new = err.text()[before..].to_string();
        assert!(new.lines().next().unwrap_or_default().ends_with(OOM), "{script}: {new}");
    }
}

#[test]
fn the_error_can_be_caught_by_its_type() {
    let (out, err) = run("try { 'a' * 1GB } catch [System.OutOfMemoryException] { 'caught' }");
    assert_eq!((out.as_str(), err.as_str()), ("caught\nnext\n", ""));
}
