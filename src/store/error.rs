//! What can go wrong with the state file, worded so the user knows what to do next.

use std::io;
use std::path::PathBuf;
use std::time::Duration;

/// A state-store failure. Every variant that concerns a file names it; none of them has
/// changed the state file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// `-StateFile` and `-InMemory` were both given.
    #[error("-StateFile and -InMemory cannot be used together: choose one.")]
    ConflictingLocation,

    /// Neither `XDG_DATA_HOME` nor `HOME` says where the default state file goes.
    #[error("Cannot tell where to keep the state: neither XDG_DATA_HOME nor HOME is set. Use -StateFile PATH, set ERSIM_STATE, or use -InMemory.")]
    NoDefaultLocation,

    /// The state file path is a directory or names no file (`dir/..`).
    #[error("The state file path {} does not name a file: give a file name such as state.json.", path.display())]
    NotAFile {
        /// The path given.
        path: PathBuf,
    },

    /// The state file's directory does not exist (and is not ours to create).
    #[error("The directory {} of the state file does not exist. Create it, or choose another state file.", dir.display())]
    MissingDirectory {
        /// The missing directory.
        dir: PathBuf,
    },

    /// The state file exists but could not be read.
    #[error("Cannot read the state file {}: {source}. It has been left as it is.", path.display())]
    Read {
        /// The state file.
        path: PathBuf,
        /// The operating system's reason.
        source: io::Error,
    },

    /// The state file is not a usable ersim state: bad JSON, wrong shape, or a world that
    /// breaks its own rules. Nothing will overwrite it until the user resets or imports.
    #[error("The state file {} cannot be used: {detail}. It has been left as it is: repair it, restore an export with Import-ErSimState, or start over with Reset-ErSimState.", path.display())]
    Corrupt {
        /// The state file.
        path: PathBuf,
        /// What is wrong (the JSON error carries line and column).
        detail: String,
    },

    /// The state file was written by a newer ersim.
    #[error("The state file {} has schema {found}, but this ersim understands schema {supported} at most: it was written by a newer ersim. Use that version, or choose another state file. The file has been left as it is.", path.display())]
    NewerSchema {
        /// The state file.
        path: PathBuf,
        /// Its schema.
        found: u64,
        /// The newest schema this build reads.
        supported: u32,
    },

    /// A file to import is not a usable state; nothing was changed.
    #[error("Cannot import {}: {detail}. Nothing was changed.", path.display())]
    InvalidImport {
        /// The file given.
        path: PathBuf,
        /// What is wrong with it.
        detail: String,
    },

    /// Writing failed; the previous file is intact.
    #[error("Cannot save the state to {} ({action}): {source}. The previous state is unchanged.", path.display())]
    Write {
        /// The file being written.
        path: PathBuf,
        /// The step that failed.
        action: &'static str,
        /// The operating system's reason.
        source: io::Error,
    },

    /// Another process kept the lock longer than the configured wait.
    #[error("Timed out after {:.1}s waiting for the lock {}: another ersim process is using this state file. Try again, or choose another state file.", waited.as_secs_f64(), lock.display())]
    LockTimeout {
        /// The lock file.
        lock: PathBuf,
        /// How long we waited.
        waited: Duration,
    },

    /// The lock file could not be opened or locked.
    #[error("Cannot lock {}: {source}.", lock.display())]
    Lock {
        /// The lock file.
        lock: PathBuf,
        /// The operating system's reason.
        source: io::Error,
    },

    /// The state file or its folder cannot be written (in a folder, not even the database's
    /// index beside it): the world was read, but a command that changes it cannot save.
    #[error("The state file {} is read-only here (the file or its folder cannot be written): commands that only read the world work, but this one changes it. Nothing was changed. Make them writable, or choose another state file with -StateFile.", path.display())]
    ReadOnly {
        /// The state file.
        path: PathBuf,
    },

    /// The database refused an operation for another reason than corruption or a lock.
    #[error("Cannot use the state database {}: {detail}. The previous state is unchanged.", path.display())]
    Database {
        /// The database file.
        path: PathBuf,
        /// SQLite's reason.
        detail: String,
    },

    /// The world could not be turned into JSON (a bug: please report it).
    #[error("Cannot encode the state as JSON: {0}.")]
    Encode(#[from] serde_json::Error),
}
