//! `[System.IO.Path]`: the pure path functions, with Windows semantics (both `\` and `/`
//! separate, `C:` is a volume), as .NET Framework on Windows answers them. Nothing here
//! touches a file system.

use super::arg_count;
use crate::engine::convert::to_string;
use crate::engine::error::ErrorRecord;
use crate::engine::value::Value;

fn is_sep(c: char) -> bool {
    c == '\\' || c == '/'
}

/// The length of the root: `\`, `C:`, `C:\`, or `\\server\share`'s leading `\\`.
fn root_len(p: &str) -> usize {
    let b: Vec<char> = p.chars().collect();
    match b.as_slice() {
        [d, ':', s, ..] if d.is_ascii_alphabetic() && is_sep(*s) => 3,
        [d, ':', ..] if d.is_ascii_alphabetic() => 2,
        [a, b, ..] if is_sep(*a) && is_sep(*b) => 2,
        [a, ..] if is_sep(*a) => 1,
        _ => 0,
    }
}

fn file_name(p: &str) -> &str {
    let start = p.rfind(|c: char| is_sep(c) || c == ':').map(|i| i + 1).unwrap_or(0);
    &p[start..]
}

fn extension(p: &str) -> &str {
    let name = file_name(p);
    match name.rfind('.') {
        Some(i) if i + 1 < name.len() => &name[i..],
        _ => "",
    }
}

fn directory_name(p: &str) -> Option<String> {
    let root = root_len(p);
    if p.is_empty() || p.chars().count() <= root {
        return None;
    }
    let normal = p.replace('/', "\\");
    let cut = normal.rfind('\\').filter(|i| *i >= root.saturating_sub(1)).unwrap_or(0);
    // The directory of `C:\a` is `C:\`: the root keeps its separator.
    let end = if cut < root { root } else { cut };
    Some(normal[..end.min(normal.len())].to_string())
}

fn combine(parts: &[String]) -> String {
    let mut out = String::new();
    for p in parts.iter().filter(|p| !p.is_empty()) {
        if root_len(p) > 0 {
            out = p.clone();
        } else if out.is_empty() || out.ends_with(|c: char| is_sep(c) || c == ':') {
            out.push_str(p);
        } else {
            out.push('\\');
            out.push_str(p);
        }
    }
    out
}

/// `[IO.Path]::DirectorySeparatorChar` and the other constants.
pub fn constant(lower: &str) -> Option<Value> {
    Some(Value::Char(match lower {
        "directoryseparatorchar" => '\\',
        "altdirectoryseparatorchar" => '/',
        "pathseparator" => ';',
        "volumeseparatorchar" => ':',
        _ => return None,
    }))
}

/// `[IO.Path]::Method(args)`; `temp` is `$env:TEMP`, for GetTempPath. None for other names.
pub fn call(lower: &str, name: &str, args: &[Value], temp: &str) -> Option<Result<Value, ErrorRecord>> {
    let text = |i: usize| args.get(i).map(to_string).unwrap_or_default();
    let null_in = args.first().is_some_and(Value::is_null);
    Some(Ok(match (lower, args.len()) {
        ("getfilename", 1) if null_in => Value::Null,
        ("getfilename", 1) => Value::str(file_name(&text(0))),
        ("getextension", 1) if null_in => Value::Null,
        ("getextension", 1) => Value::str(extension(&text(0))),
        ("hasextension", 1) => Value::Bool(!extension(&text(0)).is_empty()),
        ("getfilenamewithoutextension", 1) if null_in => Value::Null,
        ("getfilenamewithoutextension", 1) => {
            let t = text(0);
            let name = file_name(&t);
            Value::str(match name.rfind('.') {
                Some(i) => &name[..i],
                None => name,
            })
        }
        ("getdirectoryname", 1) => directory_name(&text(0)).map(Value::str).unwrap_or(Value::Null),
        ("getpathroot", 1) => {
            let t = text(0);
            Value::str(t[..root_len(&t).min(t.len())].replace('/', "\\"))
        }
        ("ispathrooted", 1) => Value::Bool(root_len(&text(0)) > 0),
        ("changeextension", 2) => {
            let t = text(0);
            let name_start = t.len() - file_name(&t).len();
            let base = match t[name_start..].rfind('.') {
                Some(i) => &t[..name_start + i],
                None => t.as_str(),
            };
            match &args[1] {
                Value::Null => Value::str(base),
                e => {
                    let e = to_string(e);
                    Value::str(if e.starts_with('.') { format!("{base}{e}") } else { format!("{base}.{e}") })
                }
            }
        }
        ("combine", n) if n >= 1 => {
            let parts: Vec<String> = if n == 1 { args[0].enumerate().iter().map(to_string).collect() } else { args.iter().map(to_string).collect() };
            Value::str(combine(&parts))
        }
        ("gettemppath", 0) => Value::str(if temp.ends_with('\\') { temp.to_string() } else { format!("{temp}\\") }),
        (
            "getfilename"
            | "getextension"
            | "hasextension"
            | "getfilenamewithoutextension"
            | "getdirectoryname"
            | "getpathroot"
            | "ispathrooted"
            | "changeextension"
            | "combine"
            | "gettemppath",
            n,
        ) => return Some(Err(arg_count(name, n))),
        _ => return None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_paths() {
        assert_eq!(file_name(r"C:\lab\file.txt"), "file.txt");
        assert_eq!(extension("a/b.tar.gz"), ".gz");
        assert_eq!(directory_name(r"C:\lab\file.txt").as_deref(), Some(r"C:\lab"));
        assert_eq!(directory_name(r"C:\file.txt").as_deref(), Some(r"C:\"));
        assert_eq!(directory_name(r"C:\"), None);
        assert_eq!(directory_name("file.txt").as_deref(), Some(""));
        assert_eq!(combine(&["C:\\lab".into(), "x".into(), "y.txt".into()]), r"C:\lab\x\y.txt");
        assert_eq!(combine(&["C:\\lab".into(), "D:\\other".into()]), r"D:\other");
        assert_eq!(root_len(r"\\server\share"), 2);
    }
}
