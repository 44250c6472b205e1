//! Advisory locking between processes (and threads) sharing a state file.
//!
//! The lock is taken on a separate `<state file>.lock`, never on the state file itself: the
//! state file is replaced by rename on every save, so a lock on it would guard an inode that
//! the next reader no longer opens. The lock file is never deleted for the same reason.
//! `fs4` gives `flock` on Unix and `LockFileEx` on Windows; both belong to the open file, so
//! two threads of one process exclude each other as two processes do.

use std::ffi::OsString;
use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use fs4::{FileExt, TryLockError};

use super::durable::{open_lock_file, parent_dir};
use super::error::StoreError;

/// Many readers or one writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LockKind {
    Shared,
    Exclusive,
}

/// A held lock; released when dropped (closing the file releases it).
#[derive(Debug)]
pub(crate) struct FileLock {
    _file: Option<File>,
}

/// `<state file>.lock`.
pub(crate) fn lock_path(state: &Path) -> PathBuf {
    let mut name = OsString::from(state.as_os_str());
    name.push(".lock");
    PathBuf::from(name)
}

/// Takes the lock on `lock`, waiting at most `timeout`.
pub(crate) fn acquire(lock: &Path, kind: LockKind, timeout: Duration) -> Result<FileLock, StoreError> {
    let lock_error = |source: io::Error| StoreError::Lock { lock: lock.to_path_buf(), source };
    let file = match open_lock_file(lock) {
        Ok(file) => file,
        // A reader in a directory it cannot write to: nobody without write access can
        // replace the state file there either, so an existing lock file opened read-only is
        // enough, and with none there is no writer to wait for.
        Err(e) if kind == LockKind::Shared && e.kind() == io::ErrorKind::PermissionDenied => match OpenOptions::new().read(true).open(lock) {
            Ok(file) => file,
            Err(_) => return Ok(FileLock { _file: None }),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(StoreError::MissingDirectory { dir: parent_dir(lock) }),
        Err(e) => return Err(lock_error(e)),
    };
    let attempt = match kind {
        LockKind::Shared => FileExt::try_lock_shared(&file),
        LockKind::Exclusive => FileExt::try_lock(&file),
    };
    match attempt {
        Ok(()) => return Ok(FileLock { _file: Some(file) }),
        Err(TryLockError::Error(e)) => return Err(lock_error(e)),
        Err(TryLockError::WouldBlock) => {}
    }
    // Someone holds it: wait in the kernel's queue rather than by polling, which a process
    // saving in a tight loop would starve. A helper thread blocks on the lock so that the
    // wait can be bounded; if it gives up, the thread's lock (when it comes) is released at
    // once because nobody receives it.
    let start = Instant::now();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let r = match kind {
            LockKind::Shared => FileExt::lock_shared(&file),
            LockKind::Exclusive => FileExt::lock(&file),
        };
        let _ = tx.send(r.map(|()| file));
    });
    match rx.recv_timeout(timeout) {
        Ok(Ok(file)) => Ok(FileLock { _file: Some(file) }),
        Ok(Err(e)) => Err(lock_error(e)),
        Err(_) => Err(StoreError::LockTimeout { lock: lock.to_path_buf(), waited: start.elapsed() }),
    }
}
