//! The access rule's pieces: where a path really is once its symbolic links are followed,
//! whether what is there is an ordinary file or folder, and Windows' case-insensitive names.

use std::path::{Component, Path, PathBuf};

/// The largest file read (a script, Get-Content, Import-Csv, a state or netcfg file):
/// 256 MiB, checked before reading, so `/dev/zero` or a runaway log is refused at once.
pub const MAX_READ_BYTES: u64 = 1 << 28;

/// `path` with every link followed: the deepest part that exists, canonicalized, and the
/// names below it that do not exist yet. `..` is folded first, as the lab's paths never
/// hold one; a link named in the existing part is followed to where it points. `None` for a
/// link that points nowhere: writing through it would create its target, wherever that is.
pub fn physical(path: &Path) -> Option<PathBuf> {
    let absolute = if path.is_absolute() { path.to_path_buf() } else { std::env::current_dir().unwrap_or_default().join(path) };
    let mut folded = PathBuf::new();
    for c in absolute.components() {
        match c {
            Component::ParentDir => {
                folded.pop();
            }
            Component::CurDir => {}
            other => folded.push(other),
        }
    }
    let mut existing = folded.as_path();
    let mut missing = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return Some(missing.iter().rev().fold(real, |p, n| p.join(n)));
        }
        if std::fs::symlink_metadata(existing).is_ok() {
            return None;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                missing.push(name.to_os_string());
                existing = parent;
            }
            _ => return Some(folded),
        }
    }
}

/// Whether what is at `real` (already physical) may be opened: nothing yet, a regular file or
/// a folder. A device, FIFO or socket is refused: reading `/dev/zero` never ends, opening a
/// FIFO blocks, and neither is a file a script means.
pub fn ordinary(real: &Path) -> Result<(), ()> {
    match std::fs::metadata(real) {
        Ok(m) if m.is_file() || m.is_dir() => Ok(()),
        Ok(_) => Err(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        // Something is there that cannot be looked at: not touched.
        Err(_) => Err(()),
    }
}

/// The name in `folder` that `name` means: itself when it exists, else the only entry that
/// equals it ignoring case, else `name` as given (a new item).
pub fn match_case(folder: &Path, name: &str) -> String {
    if std::fs::symlink_metadata(folder.join(name)).is_ok() {
        return name.to_string();
    }
    let Ok(entries) = std::fs::read_dir(folder) else { return name.to_string() };
    let mut found = entries.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).filter(|n| n.to_lowercase() == name.to_lowercase());
    match (found.next(), found.next()) {
        (Some(only), None) => only,
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_followed_and_missing_names_kept() {
        let dir = std::env::temp_dir().join(format!("ersim-access-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("Inner")).unwrap();
        let real = dir.canonicalize().unwrap();
        std::os::unix::fs::symlink("/etc", dir.join("out")).unwrap();
        std::os::unix::fs::symlink(dir.join("nowhere"), dir.join("dangling")).unwrap();
        assert_eq!(physical(&dir.join("out/passwd")).unwrap(), Path::new("/etc/passwd"));
        assert_eq!(physical(&dir.join("Inner/../new/x.txt")).unwrap(), real.join("new/x.txt"));
        assert_eq!(physical(&dir.join("dangling")), None);
        assert_eq!(match_case(&dir, "inner"), "Inner");
        assert_eq!(match_case(&dir, "other"), "other");
        assert!(ordinary(Path::new("/dev/null")).is_err());
        assert!(ordinary(&real).is_ok() && ordinary(&real.join("none")).is_ok());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
