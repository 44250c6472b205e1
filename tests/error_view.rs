//! The NormalView of an error with a position, drawn from a record as the engine builds it.

use ersim::engine::error::{CommandKind, ErrorCategory, ErrorRecord, InvocationInfo};
use ersim::format::error_view::render;
use ersim::lang::ast::{Source, Span};

#[test]
fn command_errors_have_the_normal_view_shape() {
    let src = Source::new(None, "foo");
    let mut e = ErrorRecord::new(
        "The term 'foo' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
        "System.Management.Automation.CommandNotFoundException",
        ErrorCategory::ObjectNotFound,
        "CommandNotFoundException",
    )
    .with_target(&ersim::engine::value::Value::str("foo"));
    e.invocation =
        Some(InvocationInfo { command: None, command_kind: CommandKind::None, invocation_name: "foo".into(), position: Some((src.clone(), Span::new(0, 3))) });
    let text = render(&e, 120);
    let lines: Vec<&str> = text.split('\n').collect();
    assert_eq!(lines[0], "foo : The term 'foo' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the ");
    assert_eq!(lines[1], "spelling of the name, or if a path was included, verify that the path is correct and try again.");
    let lines = &lines[1..];
    assert_eq!(lines[1], "At line:1 char:1");
    assert_eq!(lines[2], "+ foo");
    assert_eq!(lines[3], "+ ~~~");
    assert_eq!(lines[4], "    + CategoryInfo          : ObjectNotFound: (foo:String) [], CommandNotFoundException");
    assert_eq!(lines[5], "    + FullyQualifiedErrorId : CommandNotFoundException");
    assert_eq!(lines[6], " ");
}
