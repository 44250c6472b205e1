//! `[System.Management.Automation.Language.Parser]::ParseInput(text, [ref]$tokens, [ref]$errors)`:
//! ersim's parser run on the text, its error handed back as a ParseError with 5.1's ErrorId,
//! message and extent (offsets and columns in characters, as .NET counts them). PowerShell's
//! own parse-error tests check scripts this way. ersim's parser stops at its first error, so
//! `$errors` holds at most one, where 5.1 recovers and may report more; the tokens are not
//! modelled (an empty array), and the returned ScriptBlockAst carries only its extent.

use crate::engine::convert::to_string;
use crate::engine::error::ErrorRecord;
use crate::engine::value::{PsObject, Value};
use crate::lang::ast::{Source, Span};
use crate::lang::ParseError;

use super::reference::set_if_reference;

pub const PARSER: &str = "System.Management.Automation.Language.Parser";

/// A static member of the Parser type; `None` for one ersim does not emulate.
pub fn call(lower: &str, args: &[Value]) -> Option<Result<Value, ErrorRecord>> {
    match (lower, args.len()) {
        ("parseinput", 3) => {
            let src = Source::new(None, to_string(&args[0]));
            let errors = match crate::lang::parse_script(&src) {
                Ok(_) => Vec::new(),
                Err(e) => vec![parse_error(&src, &e)],
            };
            set_if_reference(&args[1], Value::array(Vec::new()));
            set_if_reference(&args[2], Value::array(errors));
            let mut ast = PsObject::typed("System.Management.Automation.Language.ScriptBlockAst");
            ast.add_typed("Extent", "System.Management.Automation.Language.IScriptExtent", extent(&src, Span::new(0, src.text.len())));
            Some(Ok(Value::object(ast)))
        }
        _ => None,
    }
}

fn parse_error(src: &Source, e: &ParseError) -> Value {
    let mut o = PsObject::typed("System.Management.Automation.Language.ParseError");
    o.add_typed("Extent", "System.Management.Automation.Language.IScriptExtent", extent(src, e.span));
    o.add_typed("ErrorId", "string", Value::str(e.id));
    o.add_typed("Message", "string", Value::str(&e.message));
    o.add_typed("IncompleteInput", "bool", Value::Bool(e.incomplete));
    Value::object(o)
}

/// A byte offset of the text as .NET counts it: in characters.
fn char_offset(src: &Source, byte: usize) -> usize {
    let byte = byte.min(src.text.len());
    src.text.char_indices().take_while(|(i, _)| *i < byte).count()
}

fn position(src: &Source, byte: usize) -> Value {
    let (line, column) = src.line_col(byte.min(src.text.len()));
    let mut o = PsObject::typed("System.Management.Automation.Language.InternalScriptPosition");
    o.add_typed("File", "string", Value::Null);
    o.add_typed("LineNumber", "int", Value::Int(line as i32));
    o.add_typed("ColumnNumber", "int", Value::Int(column as i32));
    o.add_typed("Line", "string", Value::str(src.line_text(byte.min(src.text.len()))));
    o.add_typed("Offset", "int", Value::Int(char_offset(src, byte) as i32));
    Value::object(o)
}

fn extent(src: &Source, span: Span) -> Value {
    let end = span.end.clamp(span.start, src.text.len());
    let (start_line, start_column) = src.line_col(span.start.min(src.text.len()));
    let (end_line, end_column) = src.line_col(end);
    let mut o = PsObject::typed("System.Management.Automation.Language.InternalScriptExtent");
    o.add_typed("File", "string", Value::Null);
    o.add_typed("StartScriptPosition", "System.Management.Automation.Language.IScriptPosition", position(src, span.start));
    o.add_typed("EndScriptPosition", "System.Management.Automation.Language.IScriptPosition", position(src, end));
    o.add_typed("StartLineNumber", "int", Value::Int(start_line as i32));
    o.add_typed("StartColumnNumber", "int", Value::Int(start_column as i32));
    o.add_typed("EndLineNumber", "int", Value::Int(end_line as i32));
    o.add_typed("EndColumnNumber", "int", Value::Int(end_column as i32));
    o.add_typed("Text", "string", Value::str(src.text.get(span.start.min(end)..end).unwrap_or_default()));
    o.add_typed("StartOffset", "int", Value::Int(char_offset(src, span.start) as i32));
    o.add_typed("EndOffset", "int", Value::Int(char_offset(src, end) as i32));
    Value::object(o)
}
