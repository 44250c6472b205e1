//! Persistence of the simulated world: one JSON state file per user (or none, in memory).
//!
//! - Every save is durable before it returns (temporary file, fsync, rename, directory
//!   fsync) and new files are private to the user (0600).
//! - Every change runs as a [`Store::transaction`] under an exclusive advisory lock on
//!   `<file>.lock`: load the latest world, apply the change, save if anything changed. Two
//!   processes on one file therefore never lose an update. Reads take a shared lock.
//! - A missing file is a fresh world (made by the caller's function and saved on first use, so
//!   every later run sees the same subscription ids). A corrupt file, or one written by a
//!   newer ersim, is reported and never overwritten: only [`Store::reset`] and
//!   [`Store::import`] replace it, because the user asked for that.
//!
//! Design notes: `docs/store-notes.md`. No PowerShell here: the cmdlet layer maps
//! [`StoreError`] to error records.

mod durable;
mod error;
mod format;
mod location;
mod lock;
#[cfg(test)]
mod tests;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use crate::cloud::World;

use durable::{create_private_dir, parent_dir, replace_file, sweep_temp_files};
use format::DecodeError;
use lock::{acquire, lock_path, FileLock, LockKind};

pub use error::StoreError;
pub use format::SCHEMA;
pub use location::{default_state_path, default_state_path_from, Location, STATE_ENV};

/// How long an operation waits for another process's lock by default.
pub const DEFAULT_LOCK_TIMEOUT: Duration = Duration::from_secs(5);

/// Tunables of a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoreConfig {
    /// How long to wait for the lock before giving up with [`StoreError::LockTimeout`].
    pub lock_timeout: Duration,
}

impl Default for StoreConfig {
    fn default() -> Self {
        StoreConfig { lock_timeout: DEFAULT_LOCK_TIMEOUT }
    }
}

type FreshWorld = Box<dyn Fn() -> World + Send + Sync>;

enum Backend {
    Memory(Box<Mutex<World>>),
    File(PathBuf),
}

/// The world's home: a state file, or memory. Shareable between threads (`&Store` is
/// enough for every operation).
pub struct Store {
    backend: Backend,
    fresh: FreshWorld,
    config: StoreConfig,
    /// How many times the world was opened (read, transaction, reset, import): the cost a
    /// caller pays per operation, which tests hold to one per cmdlet call.
    opens: AtomicU64,
}

impl Store {
    /// A store at `location`; `fresh` makes the world used when there is no state yet (and
    /// on reset), e.g. the default world at the clock's start. Touches no file except to
    /// create the default location's directory.
    pub fn open(location: Location, config: StoreConfig, fresh: impl Fn() -> World + Send + Sync + 'static) -> Result<Store, StoreError> {
        let backend = match location {
            Location::InMemory => Backend::Memory(Box::new(Mutex::new(fresh()))),
            Location::File { path, create_dir } => {
                if path.file_name().is_none() || path.is_dir() {
                    return Err(StoreError::NotAFile { path });
                }
                let dir = parent_dir(&path);
                if !dir.is_dir() {
                    if !create_dir {
                        return Err(StoreError::MissingDirectory { dir });
                    }
                    create_private_dir(&dir).map_err(|source| StoreError::Write { path: path.clone(), action: "creating its directory", source })?;
                }
                Backend::File(path)
            }
        };
        Ok(Store { backend, fresh: Box::new(fresh), config, opens: AtomicU64::new(0) })
    }

    /// How many reads, transactions, resets and imports this store has served.
    pub fn opens(&self) -> u64 {
        self.opens.load(Ordering::Relaxed)
    }

    fn count_open(&self) {
        self.opens.fetch_add(1, Ordering::Relaxed);
    }

    /// The state file, or `None` in memory.
    pub fn path(&self) -> Option<&Path> {
        match &self.backend {
            Backend::File(path) => Some(path),
            Backend::Memory(_) => None,
        }
    }

    /// Runs `f` on the latest world without changing it (shared lock). When there is no state
    /// file yet, the fresh world is saved first, as a transaction would.
    pub fn read<T>(&self, f: impl FnOnce(&World) -> T) -> Result<T, StoreError> {
        self.count_open();
        let path = match &self.backend {
            Backend::Memory(world) => return Ok(f(&lock_memory(world))),
            Backend::File(path) => path,
        };
        let shared = self.lock(path, LockKind::Shared)?;
        match read_state(path)? {
            Some(world) => {
                drop(shared);
                Ok(f(&world))
            }
            None => {
                drop(shared);
                self.transact(|world| Ok::<T, StoreError>(f(world)))
            }
        }
    }

    /// Loads the latest world under the exclusive lock, runs `f` on it and saves the result
    /// if it differs from what was loaded, then releases the lock.
    ///
    /// The world is saved whether `f` returns `Ok` or `Err`: the service's operations check
    /// before they change anything, and what a failing call does change on purpose (a
    /// consumed fault, a counted read) must last. A panic in `f` saves nothing.
    pub fn transaction<T, E: From<StoreError>>(&self, f: impl FnOnce(&mut World) -> Result<T, E>) -> Result<T, E> {
        self.count_open();
        self.transact(f)
    }

    fn transact<T, E: From<StoreError>>(&self, f: impl FnOnce(&mut World) -> Result<T, E>) -> Result<T, E> {
        let path = match &self.backend {
            // In memory the world changes in place: copying it per call would make every
            // cmdlet cost as much as the whole world.
            Backend::Memory(world) => return f(&mut lock_memory(world)),
            Backend::File(path) => path,
        };
        let _exclusive = self.lock(path, LockKind::Exclusive)?;
        sweep_temp_files(path);
        let (mut world, loaded) = match read_state(path)? {
            Some(world) => {
                let loaded = world.clone();
                (world, Some(loaded))
            }
            None => ((self.fresh)(), None),
        };
        let result = f(&mut world);
        // Comparing worlds instead of encodings: a call that changed nothing (most reads)
        // skips encoding the whole world, which cost a quarter of such a call.
        if loaded.as_ref() != Some(&world) {
            replace_file(path, &format::encode(&world).map_err(StoreError::from)?)?;
        }
        result
    }

    /// Replaces the state with a fresh world, whatever the file holds now (even if corrupt).
    pub fn reset(&self) -> Result<(), StoreError> {
        self.replace((self.fresh)())
    }

    /// Writes the current world to `to` (durably, 0600 when new), in the state-file format.
    pub fn export(&self, to: &Path) -> Result<(), StoreError> {
        let bytes = self.read(format::encode)??;
        replace_file(to, &bytes)
    }

    /// Replaces the state with the world in `from`, after checking the whole file: JSON,
    /// schema (older ones are migrated) and the world's own rules. Nothing changes when the
    /// file is refused. Works over a corrupt state file (restoring is what it is for).
    pub fn import(&self, from: &Path) -> Result<(), StoreError> {
        let refused = |detail: String| StoreError::InvalidImport { path: from.to_path_buf(), detail };
        let bytes = fs::read(from).map_err(|e| refused(format!("it cannot be read ({e})")))?;
        let world = format::decode(&bytes).map_err(|e| match e {
            DecodeError::Invalid(detail) => refused(detail),
            DecodeError::Newer(found) => refused(format!("it has schema {found}, but this ersim understands schema {SCHEMA} at most")),
        })?;
        self.replace(world)
    }

    fn replace(&self, world: World) -> Result<(), StoreError> {
        self.count_open();
        match &self.backend {
            Backend::Memory(stored) => {
                *lock_memory(stored) = world;
                Ok(())
            }
            Backend::File(path) => {
                let bytes = format::encode(&world)?;
                let _exclusive = self.lock(path, LockKind::Exclusive)?;
                sweep_temp_files(path);
                replace_file(path, &bytes)
            }
        }
    }

    fn lock(&self, path: &Path, kind: LockKind) -> Result<FileLock, StoreError> {
        acquire(&lock_path(path), kind, self.config.lock_timeout)
    }
}

/// The world in the state file, `None` when there is no file.
fn read_state(path: &Path) -> Result<Option<World>, StoreError> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(StoreError::Read { path: path.to_path_buf(), source }),
    };
    let world = format::decode(&bytes).map_err(|e| match e {
        DecodeError::Invalid(detail) => StoreError::Corrupt { path: path.to_path_buf(), detail },
        DecodeError::Newer(found) => StoreError::NewerSchema { path: path.to_path_buf(), found, supported: SCHEMA },
    })?;
    Ok(Some(world))
}

/// The in-memory world. A panicking transaction only ever poisons the lock around an
/// untouched world (it works on a copy), so the poison can be ignored.
fn lock_memory(world: &Mutex<World>) -> MutexGuard<'_, World> {
    world.lock().unwrap_or_else(PoisonError::into_inner)
}
