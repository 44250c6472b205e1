//! Formatting arguments from a script never panic: -f alignments and precisions past .NET's
//! limits, custom formats with thousands of places, Substring with extreme arguments.

mod common;

use common::{run_in, session};

fn run(script: &str) -> (String, String) {
    let (mut s, out, err) = session();
    run_in(&mut s, script);
    (out.text(), err.text())
}

#[test]
fn alignment_of_a_million_or_more_is_a_format_error() {
    let (out, _) = run("(\"{0,999999}\" -f 1).Length; (\"{0,-999999}\" -f 1).Length");
    assert_eq!(out, "999999\n999999\n");
    for script in ["\"{0,2000000000}\" -f 1", "\"{0,-1000000}\" -f 1"] {
        let (_, err) = run(script);
        assert!(err.starts_with("Error formatting a string: Input string was not in a correct format.."), "{script}: {err}");
    }
}

#[test]
fn a_precision_above_99_is_an_invalid_format_specifier() {
    let (out, _) = run("(\"{0:D99}\" -f 1).Length");
    assert_eq!(out, "99\n");
    let (_, err) = run("\"{0:N100}\" -f 1");
    assert!(err.starts_with("Error formatting a string: Format specifier was invalid.."), "{err}");
    let (_, err) = run("(1).ToString('F99999999999999999999')");
    assert!(err.starts_with("Exception calling \"ToString\" with \"1\" argument(s): \"Format specifier was invalid.\""), "{err}");
}

#[test]
fn custom_formats_with_many_places_format() {
    let (out, err) = run(&format!("(\"{{0:0.{}}}\" -f 1.5).Length", "0".repeat(70_000)));
    assert_eq!((out.as_str(), err.as_str()), ("342\n", ""));
}

#[test]
fn substring_with_extreme_arguments_is_an_argument_error() {
    for script in ["'abc'.Substring(1, 9223372036854775807)", "'abc'.Substring(-9223372036854775807)", "'abc'.Substring(9e18, 9e18)"] {
        let (_, err) = run(script);
        assert!(err.starts_with("Exception calling \"Substring\""), "{script}: {err}");
    }
    let (out, _) = run("'abc'.Substring(1, 2)");
    assert_eq!(out, "bc\n");
}
