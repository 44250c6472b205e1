//! Crash-safe replacement of a file: a crash at any point leaves either the old or the new
//! content under the file's name, never a mix (Azurite's and LocalStack's lost or
//! half-written snapshots are what this avoids).
//!
//! Write a temporary file in the same directory (so the rename cannot cross file systems),
//! flush and fsync it, rename it over the target, then fsync the directory so the rename
//! itself survives a power cut.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::error::StoreError;

/// Permissions of a new state file: the user's only (it may name accounts and keys).
pub(crate) const PRIVATE_FILE_MODE: u32 = 0o600;

/// Temporary-file names of this process, kept apart from other writers in the directory.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// The directory holding `path` (`.` for a bare file name).
pub(crate) fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Name prefix of temporary files for `path`: hidden, and clearly tied to it (`None` when
/// the path names no file, e.g. `dir/..`).
fn temp_prefix(path: &Path) -> Option<String> {
    let name = path.file_name()?;
    Some(format!(".{}.tmp.", name.to_string_lossy()))
}

/// Replaces `path` with `bytes` durably. A new file gets mode 0600; an existing file keeps
/// its permissions (the user may have chosen them).
pub(crate) fn replace_file(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let fail = |action: &'static str| move |source: io::Error| StoreError::Write { path: path.to_path_buf(), action, source };
    let dir = parent_dir(path);
    let temp = dir.join(format!(
        "{}{}.{}",
        temp_prefix(path).unwrap_or_else(|| ".ersim.tmp.".into()),
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let written = write_synced(&temp, bytes, existing_mode(path))
        .map_err(fail("writing a temporary file in its directory"))
        .and_then(|()| fs::rename(&temp, path).map_err(fail("renaming the temporary file over it")));
    if written.is_err() {
        // Best effort: a leftover is harmless (never read) and is swept by the next writer.
        let _ = fs::remove_file(&temp);
    }
    written?;
    sync_dir(&dir).map_err(fail("syncing its directory"))
}

fn write_synced(temp: &Path, bytes: &[u8], mode: Option<u32>) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    set_create_mode(&mut options, PRIVATE_FILE_MODE);
    let mut file = options.open(temp)?;
    if let Some(mode) = mode {
        set_mode(&file, mode)?;
    }
    file.write_all(bytes)?;
    file.flush()?;
    file.sync_all()
}

#[cfg(unix)]
fn set_create_mode(options: &mut OpenOptions, mode: u32) {
    use std::os::unix::fs::OpenOptionsExt;
    options.mode(mode);
}

#[cfg(not(unix))]
fn set_create_mode(_: &mut OpenOptions, _: u32) {}

#[cfg(unix)]
fn existing_mode(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).ok().map(|m| m.permissions().mode() & 0o777)
}

#[cfg(not(unix))]
fn existing_mode(_: &Path) -> Option<u32> {
    None
}

#[cfg(unix)]
fn set_mode(file: &File, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_: &File, _: u32) -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Windows cannot open a directory as a file; its rename is already durable enough.
#[cfg(not(unix))]
fn sync_dir(_: &Path) -> io::Result<()> {
    Ok(())
}

/// Creates `dir` and its missing parents, private to the user (XDG wants 0700).
pub(crate) fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Opens (creating if needed, mode 0600) a file for locking.
pub(crate) fn open_lock_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    set_create_mode(&mut options, PRIVATE_FILE_MODE);
    options.open(path)
}
