//! Select-String's `Microsoft.PowerShell.Commands.MatchInfo`: the object and its text.
//! Its ToString is what both `"$match"` and the MatchInfo view print: the line alone for
//! piped text, `path:line number:line` for a file's line, and, when context was asked for,
//! the context lines around it marked `  ` and the matching line marked `> `.

use crate::engine::convert::to_string;
use crate::engine::value::{PsObject, Value};

pub const MATCH_INFO: &str = "Microsoft.PowerShell.Commands.MatchInfo";
pub const MATCH_INFO_CONTEXT: &str = "Microsoft.PowerShell.Commands.MatchInfoContext";

/// The Path and Filename of a line that came down the pipeline rather than from a file.
pub const INPUT_STREAM: &str = "InputStream";

/// One match: the line, where it came from, the pattern that matched and its Match objects,
/// with 5.1's property order (IgnoreCase, LineNumber, Line, Filename, Path, Pattern, Context,
/// Matches). `path` is None for piped input.
pub fn match_info(ignore_case: bool, line_number: i32, line: &str, path: Option<&str>, pattern: &str, context: Option<Value>, matches: Vec<Value>) -> PsObject {
    let mut o = PsObject::typed(MATCH_INFO);
    let (filename, path) = match path {
        Some(p) => (p.rsplit(['\\', '/']).next().unwrap_or(p).to_string(), p.to_string()),
        None => (INPUT_STREAM.to_string(), INPUT_STREAM.to_string()),
    };
    o.add_typed("IgnoreCase", "bool", Value::Bool(ignore_case));
    o.add_typed("LineNumber", "int", Value::Int(line_number));
    o.add_typed("Line", "string", Value::str(line));
    o.add_typed("Filename", "string", Value::str(filename));
    o.add_typed("Path", "string", Value::str(path));
    o.add_typed("Pattern", "string", Value::str(pattern));
    o.add_typed("Context", "Microsoft.PowerShell.Commands.MatchInfoContext", context.unwrap_or(Value::Null));
    o.add_typed("Matches", "System.Text.RegularExpressions.Match[]", Value::array(matches));
    o
}

/// A MatchInfoContext: the logical context (`PreContext`, `PostContext`: the lines around
/// the match, other matches included) and what the display shows (`DisplayPreContext`,
/// `DisplayPostContext`: without lines another match already shows).
pub fn context(pre: &[String], post: &[String], display_pre: &[String], display_post: &[String]) -> Value {
    let lines = |l: &[String]| Value::array(l.iter().map(|s| Value::str(s.as_str())).collect());
    let mut o = PsObject::typed(MATCH_INFO_CONTEXT);
    o.add_typed("PreContext", "string[]", lines(pre));
    o.add_typed("PostContext", "string[]", lines(post));
    o.add_typed("DisplayPreContext", "string[]", lines(display_pre));
    o.add_typed("DisplayPostContext", "string[]", lines(display_post));
    Value::object(o)
}

/// MatchInfo.ToString(directory): a file's path is shown relative to `directory` when it lies
/// under it (the view passes the current location; plain ToString passes none).
pub fn text(o: &PsObject, directory: Option<&str>) -> String {
    let path = o.get("Path").map(to_string).unwrap_or_default();
    let from_file = path != INPUT_STREAM;
    let shown = match directory {
        Some(dir) if from_file => relative(&path, dir),
        _ => path.clone(),
    };
    let line_number = match o.get("LineNumber") {
        Some(Value::Int(n)) => i64::from(*n),
        _ => 0,
    };
    let line = o.get("Line").map(to_string).unwrap_or_default();
    let format = |text: &str, number: i64, prefix: &str| if from_file { format!("{prefix}{shown}:{number}:{text}") } else { format!("{prefix}{text}") };
    let Some(Value::Object(ctx)) = o.get("Context") else {
        return format(&line, line_number, "");
    };
    let ctx = ctx.borrow();
    let strings = |name: &str| ctx.get(name).map(|v| v.enumerate().iter().map(to_string).collect::<Vec<_>>()).unwrap_or_default();
    let (pre, post) = (strings("DisplayPreContext"), strings("DisplayPostContext"));
    let mut number = line_number - pre.len() as i64;
    let mut out = Vec::with_capacity(pre.len() + post.len() + 1);
    for l in &pre {
        out.push(format(l, number, "  "));
        number += 1;
    }
    out.push(format(&line, number, "> "));
    number += 1;
    for l in &post {
        out.push(format(l, number, "  "));
        number += 1;
    }
    out.join("\r\n")
}

/// MatchInfo.RelativePath: `path` without `directory` and its separator when it starts with
/// it (case-insensitively), else the whole path.
fn relative(path: &str, directory: &str) -> String {
    let (p, d) = (path.as_bytes(), directory.as_bytes());
    if directory.is_empty() || p.len() <= d.len() || !p[..d.len()].eq_ignore_ascii_case(d) {
        return path.to_string();
    }
    let sep = |b: u8| b == b'\\' || b == b'/';
    if sep(d[d.len() - 1]) {
        path[d.len()..].to_string()
    } else if sep(p[d.len()]) {
        path[d.len() + 1..].to_string()
    } else {
        path.to_string()
    }
}

/// The MatchInfo view (a custom control: `$_.ToString((Get-Location).Path)`).
pub fn view_text(v: &Value, location: &str) -> String {
    match v {
        Value::Object(o) => text(&o.borrow(), Some(location)),
        other => to_string(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(path: Option<&str>, context: Option<Value>) -> PsObject {
        match_info(true, 7, "needle here", path, "needle", context, Vec::new())
    }

    #[test]
    fn piped_text_shows_the_line_alone() {
        assert_eq!(text(&info(None, None), Some("C:\\Users\\admin")), "needle here");
        assert_eq!(info(None, None).get("Filename").map(to_string).as_deref(), Some("InputStream"));
    }

    #[test]
    fn a_file_line_is_relative_to_the_location_in_the_view_only() {
        let o = info(Some("C:\\Users\\admin\\logs\\a.txt"), None);
        assert_eq!(text(&o, Some("C:\\Users\\admin")), "logs\\a.txt:7:needle here");
        assert_eq!(text(&o, Some("c:\\users\\ADMIN\\")), "logs\\a.txt:7:needle here");
        assert_eq!(text(&o, Some("C:\\Other")), "C:\\Users\\admin\\logs\\a.txt:7:needle here");
        // A longer name that merely starts with the location is not under it.
        assert_eq!(text(&o, Some("C:\\Users\\adm")), "C:\\Users\\admin\\logs\\a.txt:7:needle here");
        assert_eq!(text(&o, None), "C:\\Users\\admin\\logs\\a.txt:7:needle here");
        assert_eq!(o.get("Filename").map(to_string).as_deref(), Some("a.txt"));
    }

    #[test]
    fn context_lines_are_numbered_around_the_match() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let ctx = context(&s(&["a", "b"]), &s(&["c"]), &s(&["b"]), &s(&["c"]));
        let o = info(Some("C:\\x.txt"), Some(ctx));
        assert_eq!(text(&o, Some("C:\\")), "  x.txt:6:b\r\n> x.txt:7:needle here\r\n  x.txt:8:c");
    }
}
