//! The layers call downward only. Every `src/**/*.rs` is read and each path that names a
//! layer of the crate (`crate::cloud::…`, `super::super::host`, in a `use` or in code) is
//! checked against the table below, which docs/architecture.md repeats. A path that goes
//! the wrong way fails the test with its file and line.

use std::path::{Path, PathBuf};

/// Each layer and the layers it may use (besides itself).
const ALLOWED: &[(&str, &[&str])] = &[
    ("host", &["cmdlets", "engine", "format", "lang", "labfs", "store"]),
    ("cmdlets", &["engine", "format", "lang", "labfs", "cloud", "store"]),
    ("format", &["engine"]),
    ("engine", &["lang", "labfs"]),
    ("labfs", &[]),
    ("store", &["cloud"]),
    ("cloud", &[]),
    ("lang", &[]),
];

fn layer_names() -> Vec<&'static str> {
    ALLOWED.iter().map(|(l, _)| *l).collect()
}

fn may_use(from: &str, to: &str) -> bool {
    from == to || ALLOWED.iter().any(|(l, allowed)| *l == from && allowed.contains(&to))
}

/// The module path of a source file: `src/cmdlets/azure/mod.rs` is `cmdlets::azure`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().to_string()).collect();
    if let Some(last) = parts.pop() {
        let stem = last.trim_end_matches(".rs").to_string();
        if stem != "mod" && stem != "lib" && stem != "main" {
            parts.push(stem);
        }
    }
    parts
}

/// A line without its comment and string literals, so prose never counts as a path.
fn code_of(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' if in_string => {
                chars.next();
            }
            '"' => in_string = !in_string,
            '/' if !in_string && chars.peek() == Some(&'/') => break,
            _ if in_string => {}
            _ => out.push(c),
        }
    }
    out
}

/// The layers a line's paths reach, seen from the module at `module`.
fn layers_named(code: &str, module: &[String]) -> Vec<String> {
    let layers = layer_names();
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = 0;
    while i < code.len() {
        // Paths are ASCII: the middle of a multi-byte character starts none.
        if !code.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let starts_word = i == 0 || !is_ident(bytes[i - 1]);
        let rest = &code[i..];
        if starts_word && (rest.starts_with("crate::") || rest.starts_with("super::")) {
            let mut here: Vec<String> = module.to_vec();
            let mut path = rest;
            if let Some(after) = path.strip_prefix("crate::") {
                here.clear();
                path = after;
            }
            while let Some(after) = path.strip_prefix("super::") {
                here.pop();
                path = after;
            }
            // Only a path that climbs to the crate's root names a layer by its next segment
            // (or a `{a, b}` group of them).
            if here.is_empty() {
                let group = path.strip_prefix('{').map(|g| g.split('}').next().unwrap_or_default());
                let segments: Vec<&str> = match group {
                    Some(g) => g.split(',').map(|s| s.trim().split("::").next().unwrap_or_default()).collect(),
                    None => vec![path.split(|c: char| !c.is_alphanumeric() && c != '_').next().unwrap_or_default()],
                };
                for s in segments {
                    if layers.contains(&s) {
                        found.push(s.to_string());
                    }
                }
            }
            i += 1;
            continue;
        }
        i += 1;
    }
    found
}

/// Every wrong-way path in one file's text, as `file:line: from -> to: the line`.
fn violations_in(relative: &Path, text: &str) -> Vec<String> {
    let module = module_path(relative);
    let Some(from) = module.first().cloned() else { return Vec::new() };
    if !layer_names().contains(&from.as_str()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        for to in layers_named(&code_of(line), &module) {
            if !may_use(&from, &to) {
                out.push(format!("src/{}:{}: {from} -> {to}: {}", relative.display(), n + 1, line.trim()));
            }
        }
    }
    out
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let p = entry.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn layers_call_downward_only() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    files.sort();
    assert!(files.len() > 50, "the sources were found");
    let mut wrong = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read a source file");
        wrong.extend(violations_in(file.strip_prefix(&src).expect("under src"), &text));
    }
    assert!(wrong.is_empty(), "{} path(s) cross a layer the wrong way:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn every_folder_of_src_is_a_layer_in_the_table() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut folders: Vec<String> =
        std::fs::read_dir(&src).expect("src").flatten().filter(|e| e.path().is_dir()).map(|e| e.file_name().to_string_lossy().to_string()).collect();
    folders.sort();
    let mut table: Vec<String> = layer_names().iter().map(|s| s.to_string()).collect();
    table.sort();
    assert_eq!(folders, table, "a new folder needs its row in ALLOWED and in docs/architecture.md");
}

#[test]
fn the_checker_sees_upward_paths_in_every_form() {
    let cloud = Path::new("cloud/names.rs");
    assert_eq!(violations_in(cloud, "use crate::engine::Value;").len(), 1);
    assert_eq!(violations_in(cloud, "    let x = crate::host::session::screen_width();").len(), 1);
    assert_eq!(violations_in(cloud, "use crate::{engine::Value, lang::Source};").len(), 2);
    assert_eq!(violations_in(cloud, "use super::world::World;").len(), 0, "inside the layer");
    assert_eq!(violations_in(Path::new("cloud/mod.rs"), "use super::store;").len(), 1, "super from a layer's root reaches the crate");
    assert_eq!(violations_in(Path::new("engine/binder/tests.rs"), "use super::super::super::format::Formatter;").len(), 1);
    assert_eq!(violations_in(cloud, "// see crate::engine for the caller").len(), 0, "comments are prose");
    assert_eq!(violations_in(cloud, "let s = \"crate::engine\";").len(), 0, "strings are data");
    assert_eq!(violations_in(Path::new("format/view.rs"), "use crate::engine::views::TableView;").len(), 0, "downward");
    assert_eq!(violations_in(Path::new("engine/runtime.rs"), "use crate::format::Formatter;").len(), 1);
    assert_eq!(violations_in(Path::new("store/mod.rs"), "use crate::cloud::World;").len(), 0);
    assert_eq!(violations_in(Path::new("host/repl/complete.rs"), "use crate::cloud::PROVIDERS;").len(), 1, "the host knows no Azure");
    assert_eq!(violations_in(Path::new("labfs/path.rs"), "use crate::engine::Value;").len(), 1, "the file system knows no PowerShell");
    assert_eq!(violations_in(Path::new("engine/limits.rs"), "use crate::labfs::MAX_READ_BYTES;").len(), 0);
    assert_eq!(violations_in(Path::new("labfs/encoding.rs"), "const T: [char; 2] = ['€', 'é']; use crate::cloud::X;").len(), 1, "text around non-ASCII");
}
