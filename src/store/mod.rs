//! Persistence of the simulated world: one SQLite database per user (or none, in memory).
//!
//! - Each cmdlet is one [`Store::transaction`]: it reads the rows it touches (a circuit, the
//!   clock, the subscriptions…), and its commit writes only what changed, durably
//!   (`synchronous=FULL`), so its cost does not grow with the world. Two processes on one
//!   file never lose an update (SQLite's locks, waited for up to the lock timeout).
//! - New files are private to the user (0600). A missing file is a fresh world (made by the
//!   caller's function and saved on first use, so every later run sees the same subscription
//!   ids); a JSON state file of earlier versions is migrated on first use and kept as
//!   `PATH.json.bak`. A corrupt file, or one written by a newer ersim, is reported and never
//!   overwritten: only [`Store::reset`] and [`Store::import`] replace it, because the user
//!   asked for that.
//! - The JSON document stays the human format: export, import, and the migration.
//!
//! Design notes: `docs/store-notes.md`. No PowerShell here: the cmdlet layer maps
//! [`StoreError`] to error records.

mod database;
mod durable;
mod error;
mod format;
mod location;
mod lock;
mod rows;
#[cfg(test)]
mod tests;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use crate::cloud::World;

use durable::{create_private_dir, parent_dir, replace_file};
use format::DecodeError;
use rows::SqliteRows;

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
    /// The database at `path`, opened on first use. The mutex also keeps this process's
    /// threads to one transaction at a time on the one connection.
    Database {
        path: PathBuf,
        rows: Mutex<Option<Arc<SqliteRows>>>,
    },
}

/// The world's home: a database file, or memory. Shareable between threads (`&Store` is
/// enough for every operation).
pub struct Store {
    backend: Backend,
    fresh: FreshWorld,
    /// The JSON state file earlier versions kept at the default location, migrated when the
    /// default database does not exist yet.
    legacy: Option<PathBuf>,
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
        let mut legacy = None;
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
                if create_dir {
                    legacy = Some(path.with_file_name("state.json"));
                }
                Backend::Database { path, rows: Mutex::new(None) }
            }
        };
        Ok(Store { backend, fresh: Box::new(fresh), legacy, config, opens: AtomicU64::new(0) })
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
            Backend::Database { path, .. } => Some(path),
            Backend::Memory(_) => None,
        }
    }

    /// Runs `f` on the latest world without changing it. When there is no state file yet,
    /// the fresh world is saved first.
    pub fn read<T>(&self, f: impl FnOnce(&World) -> T) -> Result<T, StoreError> {
        self.count_open();
        match &self.backend {
            Backend::Memory(world) => Ok(f(&lock_memory(world))),
            Backend::Database { path, rows } => {
                let guard = self.connection(path, rows)?;
                let rows = guard.as_ref().map(Arc::clone).expect("opened");
                self.in_transaction(path, &rows, "BEGIN", |world| Ok::<T, StoreError>(f(world)))
            }
        }
    }

    /// Runs `f` on the latest world in one database transaction and commits what it changed:
    /// the rows of the circuits and billing records it touched, and the head values that
    /// differ.
    ///
    /// The world is saved whether `f` returns `Ok` or `Err`: the service's operations check
    /// before they change anything, and what a failing call does change on purpose (a
    /// consumed fault, a counted read) must last. A panic in `f` saves nothing.
    pub fn transaction<T, E: From<StoreError>>(&self, f: impl FnOnce(&mut World) -> Result<T, E>) -> Result<T, E> {
        self.count_open();
        match &self.backend {
            // In memory the world changes in place: copying it per call would make every
            // cmdlet cost as much as the whole world.
            Backend::Memory(world) => f(&mut lock_memory(world)),
            Backend::Database { path, rows } => {
                let guard = self.connection(path, rows)?;
                let rows = guard.as_ref().map(Arc::clone).expect("opened");
                self.in_transaction(path, &rows, "BEGIN IMMEDIATE", f)
            }
        }
    }

    /// The open connection, opening (creating, migrating) the database on first use.
    fn connection<'a>(&self, path: &Path, rows: &'a Mutex<Option<Arc<SqliteRows>>>) -> Result<MutexGuard<'a, Option<Arc<SqliteRows>>>, StoreError> {
        let mut guard = rows.lock().unwrap_or_else(PoisonError::into_inner);
        if guard.is_none() {
            *guard = Some(database::open(path, self.legacy.as_deref(), self.config.lock_timeout, &*self.fresh)?);
        }
        Ok(guard)
    }

    fn in_transaction<T, E: From<StoreError>>(
        &self,
        path: &Path,
        rows: &Arc<SqliteRows>,
        begin: &str,
        f: impl FnOnce(&mut World) -> Result<T, E>,
    ) -> Result<T, E> {
        let timeout = self.config.lock_timeout;
        // A read-only database takes no write lock; what the call changes is refused below.
        let begin = if rows.is_read_only() { "BEGIN" } else { begin };
        let tx = Transaction::begin(rows, begin).map_err(|e| database::sql_error(path, e, timeout))?;
        let corrupt = |detail: String| StoreError::Corrupt { path: path.to_path_buf(), detail };
        let (stored, head) = database::load_head(rows).map_err(corrupt)?;
        rows.forget_reads();
        let mut world = World::over_rows(head.clone(), Arc::clone(rows) as Arc<dyn crate::cloud::repo::Rows>);
        let result = f(&mut world);
        let read_only = || StoreError::ReadOnly { path: path.to_path_buf() };
        world.finish_rows().map_err(|e| if rows.is_read_only() { read_only() } else { corrupt(e.0) })?;
        let after = world.head();
        if after != head {
            if rows.is_read_only() {
                return Err(read_only().into());
            }
            database::save_head(rows, &after, Some(&stored)).map_err(|detail| StoreError::Database { path: path.to_path_buf(), detail })?;
        }
        drop(world);
        tx.commit().map_err(|e| database::sql_error(path, e, timeout))?;
        result
    }

    /// Replaces the state with a fresh world, whatever the file holds now (even if corrupt).
    pub fn reset(&self) -> Result<(), StoreError> {
        self.replace((self.fresh)())
    }

    /// Writes the current world to `to` (durably, 0600 when new), as a JSON state document.
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
            Backend::Database { path, rows } => {
                let mut guard = rows.lock().unwrap_or_else(PoisonError::into_inner);
                if guard.is_none() {
                    // A file that does not open (corrupt, not a database) is replaced whole.
                    *guard = database::open(path, None, self.config.lock_timeout, &*self.fresh).ok();
                }
                database::replace(path, guard.as_deref(), &world, self.config.lock_timeout)?;
                if guard.is_none() {
                    *guard = Some(database::open(path, None, self.config.lock_timeout, &*self.fresh)?);
                }
                Ok(())
            }
        }
    }
}

/// An open database transaction, rolled back unless committed (a panic or an early error
/// return writes nothing).
struct Transaction<'a> {
    rows: &'a SqliteRows,
    done: bool,
}

impl<'a> Transaction<'a> {
    fn begin(rows: &'a SqliteRows, begin: &str) -> rusqlite::Result<Transaction<'a>> {
        rows.conn().execute_batch(begin)?;
        Ok(Transaction { rows, done: false })
    }

    fn commit(mut self) -> rusqlite::Result<()> {
        self.done = true;
        let committed = self.rows.conn().execute_batch("COMMIT");
        if committed.is_err() {
            let _ = self.rows.conn().execute_batch("ROLLBACK");
        }
        committed
    }
}

impl Drop for Transaction<'_> {
    fn drop(&mut self) {
        if !self.done {
            let _ = self.rows.conn().execute_batch("ROLLBACK");
        }
    }
}

/// The in-memory world. The poison of a panicking transaction can be ignored: in memory the
/// world changes in place, as one process's memory always did.
fn lock_memory(world: &Mutex<World>) -> MutexGuard<'_, World> {
    world.lock().unwrap_or_else(PoisonError::into_inner)
}
