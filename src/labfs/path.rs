//! The paths scripts write, as Windows reads them: a drive letter and its folders
//! (`C:\Users\admin\x.txt`, `d:/data`), `\` or `/` between names, `.` and `..` folded
//! away without ever climbing above a root, and `~` for the lab user's home. A path that
//! starts with `/` names a folder of this machine (the script's folder or an `-AllowPath`
//! folder, as the user's shell gave it); the access rule decides whether it may be used.

use std::fmt;

/// Where a lab path starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Root {
    /// A drive letter, upper case.
    Drive(char),
    /// This machine's `/`.
    Host,
}

/// A normalized absolute path: a root and the names below it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabPath {
    pub root: Root,
    pub parts: Vec<String>,
}

/// Why text is no path at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathError {
    /// A character Windows refuses in a name (`<`, `>`, `|`, `"`, a control character, a
    /// `:` after the drive).
    IllegalCharacters,
    /// A network path (`\\server\share`): nothing in the lab reaches one.
    Network,
    /// Empty text.
    Empty,
}

/// The lab user's home, where `~` leads and the start directory is shown.
pub const HOME: [&str; 2] = ["Users", "admin"];

impl LabPath {
    pub fn drive(letter: char, parts: &[&str]) -> LabPath {
        LabPath { root: Root::Drive(letter.to_ascii_uppercase()), parts: parts.iter().map(|p| p.to_string()).collect() }
    }

    pub fn home() -> LabPath {
        LabPath::drive('C', &HOME)
    }

    /// The folder holding this path (a root is its own parent).
    pub fn parent(&self) -> LabPath {
        let mut p = self.clone();
        p.parts.pop();
        p
    }

    pub fn join(&self, name: &str) -> LabPath {
        let mut p = self.clone();
        p.parts.push(name.to_string());
        p
    }

    /// The last name, or empty for a root.
    pub fn name(&self) -> &str {
        self.parts.last().map(String::as_str).unwrap_or("")
    }

    pub fn is_root(&self) -> bool {
        self.parts.is_empty()
    }

    /// `C:` or empty for a host path: the drive Get-PSDrive and PathInfo name.
    pub fn drive_name(&self) -> String {
        match self.root {
            Root::Drive(d) => d.to_string(),
            Root::Host => String::new(),
        }
    }

    /// Whether `self` is `other` or inside it (names compared as Windows does, ignoring case).
    pub fn starts_with(&self, other: &LabPath) -> bool {
        self.root == other.root && self.parts.len() >= other.parts.len() && self.parts.iter().zip(&other.parts).all(|(a, b)| a.eq_ignore_ascii_case(b))
    }
}

impl fmt::Display for LabPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.root {
            Root::Drive(d) => write!(f, "{d}:\\{}", self.parts.join("\\")),
            Root::Host => write!(f, "/{}", self.parts.join("/")),
        }
    }
}

/// Windows' characters that no name may hold (wildcards are the caller's to expand first).
fn illegal(c: char) -> bool {
    matches!(c, '<' | '>' | '|' | '"') || (c as u32) < 32
}

/// Whether `text` could be a path (Test-Path -IsValid): no illegal characters, no stray `:`.
pub fn is_valid(text: &str) -> bool {
    !text.is_empty() && !text.chars().any(illegal) && !drive_split(text).1.contains(':')
}

/// `("C", rest)` for text that starts with a drive letter and a colon.
fn drive_split(text: &str) -> (Option<char>, &str) {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(d), Some(':')) if d.is_ascii_alphabetic() => (Some(d.to_ascii_uppercase()), &text[2..]),
        _ => (None, text),
    }
}

/// Parses `text` as a path from the folder `cwd`.
pub fn parse(text: &str, cwd: &LabPath) -> Result<LabPath, PathError> {
    if text.is_empty() {
        return Err(PathError::Empty);
    }
    if text.starts_with("\\\\") || text.starts_with("//") {
        return Err(PathError::Network);
    }
    if !is_valid(text) {
        return Err(PathError::IllegalCharacters);
    }
    let (letter, rest) = drive_split(text);
    let rooted = rest.starts_with(['\\', '/']);
    let mut base = match letter {
        // `C:\x` from the root; `C:x` from the current folder when it is on C:, as Windows
        // keeps one current folder per drive and ersim only the one.
        Some(d) if rooted => LabPath::drive(d, &[]),
        Some(d) if cwd.root == Root::Drive(d) => cwd.clone(),
        Some(d) => LabPath::drive(d, &[]),
        None if rest.starts_with('/') => LabPath { root: Root::Host, parts: Vec::new() },
        // `\x` is the root of the current drive.
        None if rooted => LabPath { root: cwd.root.clone(), parts: Vec::new() },
        None if rest == "~" || rest.starts_with("~\\") || rest.starts_with("~/") => LabPath::home(),
        None => cwd.clone(),
    };
    let rest = if letter.is_none() && rest.starts_with('~') { &rest[1..] } else { rest };
    for name in rest.split(['\\', '/']) {
        match name {
            "" | "." => {}
            ".." => {
                base.parts.pop();
            }
            // Windows drops trailing dots and spaces from a name.
            other => {
                let trimmed = other.trim_end_matches(['.', ' ']);
                if !trimmed.is_empty() {
                    base.parts.push(trimmed.to_string());
                }
            }
        }
    }
    Ok(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> String {
        parse(text, &LabPath::home()).map(|p| p.to_string()).unwrap_or_else(|e| format!("{e:?}"))
    }

    #[test]
    fn windows_paths_fold_as_windows_folds_them() {
        assert_eq!(p("x.txt"), "C:\\Users\\admin\\x.txt");
        assert_eq!(p(".\\logs/a.log"), "C:\\Users\\admin\\logs\\a.log");
        assert_eq!(p("..\\..\\..\\..\\Windows"), "C:\\Windows");
        assert_eq!(p("c:/temp/"), "C:\\temp");
        assert_eq!(p("D:\\data\\..\\x"), "D:\\x");
        assert_eq!(p("\\Windows"), "C:\\Windows");
        assert_eq!(p("~\\Documents"), "C:\\Users\\admin\\Documents");
        assert_eq!(p("~"), "C:\\Users\\admin");
        assert_eq!(p("C:logs"), "C:\\Users\\admin\\logs");
        assert_eq!(p("E:logs"), "E:\\logs");
        assert_eq!(p("/tmp/../etc/passwd"), "/etc/passwd");
        assert_eq!(p("name. "), "C:\\Users\\admin\\name");
    }

    #[test]
    fn what_is_no_path_is_said() {
        assert_eq!(p("\\\\server\\share"), "Network");
        assert_eq!(p("a|b"), "IllegalCharacters");
        assert_eq!(p("C:\\a:b"), "IllegalCharacters");
        assert_eq!(p(""), "Empty");
        assert!(is_valid("C:\\x\\y.txt") && !is_valid("x>y"));
    }
}
