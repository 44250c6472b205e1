//! The simulated world as the cmdlets see it: a handle on the store (a state
//! file or memory) that is also the session's virtual clock.
//!
//! Every cmdlet call is one store transaction, so a change is durable before
//! the cmdlet returns and two processes on one state file never lose an
//! update. Nothing is read until the first cmdlet needs the world.

use std::cell::Cell;
use std::path::PathBuf;
use std::rc::Rc;

use chrono::NaiveDateTime;

use crate::cloud::World;
use crate::engine::clock::{default_epoch, Clock};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::store::{Location, Store, StoreConfig, StoreError};

#[derive(Clone)]
pub struct WorldHandle(Rc<Inner>);

struct Inner {
    store: Store,
    /// The world's clock as last seen, so reading the time touches no file.
    now: Cell<Option<NaiveDateTime>>,
}

/// The world a fresh state starts from. `ERSIM_SEED` makes its ids repeat
/// exactly (the transcript tests rely on it).
fn fresh_world() -> World {
    match std::env::var("ERSIM_SEED").ok().and_then(|s| s.trim().parse::<u64>().ok()) {
        Some(seed) => World::default_world_seeded(default_epoch(), seed),
        None => World::default_world(default_epoch()),
    }
}

/// A store failure as the error a cmdlet reports.
pub fn store_error(e: &StoreError) -> ErrorRecord {
    ErrorRecord::new(e.to_string(), "ErSim.StateFileException", ErrorCategory::ResourceUnavailable, "StateFileError")
}

impl WorldHandle {
    /// Opens the session's store (`-StateFile`, `ERSIM_STATE`, the default file, or
    /// `-InMemory`); the message says what is wrong when it cannot be used.
    pub fn open(state_file: Option<PathBuf>, in_memory: bool) -> Result<WorldHandle, String> {
        let location = Location::resolve(state_file, in_memory).map_err(|e| e.to_string())?;
        let store = Store::open(location, StoreConfig::default(), fresh_world).map_err(|e| e.to_string())?;
        Ok(WorldHandle(Rc::new(Inner { store, now: Cell::new(None) })))
    }

    /// Reads the latest world.
    pub fn read<R>(&self, f: impl FnOnce(&World) -> R) -> Result<R, ErrorRecord> {
        self.0
            .store
            .read(|w| {
                self.0.now.set(Some(w.now()));
                f(w)
            })
            .map_err(|e| store_error(&e))
    }

    /// Changes the world in one transaction, saved before this returns.
    pub fn write<R>(&self, f: impl FnOnce(&mut World) -> R) -> Result<R, ErrorRecord> {
        self.0
            .store
            .transaction(|w| {
                let r = f(w);
                self.0.now.set(Some(w.now()));
                Ok::<R, StoreError>(r)
            })
            .map_err(|e| store_error(&e))
    }

    /// The store itself (its path and the export of the simulation controls).
    pub fn store(&self) -> &Store {
        &self.0.store
    }

    /// Replaces the world with a fresh one; the clock is read again when next needed. A
    /// state file that did not load is kept beside it first; its new name is returned.
    pub fn reset(&self) -> Result<Option<PathBuf>, StoreError> {
        self.0.now.set(None);
        self.keeping_unusable_state(|store| store.reset())
    }

    /// Replaces the world with the one saved in `path`, checked whole first; as [`Self::reset`]
    /// for a state file that did not load.
    pub fn import(&self, path: &std::path::Path) -> Result<Option<PathBuf>, StoreError> {
        self.0.now.set(None);
        self.keeping_unusable_state(|store| store.import(path))
    }

    /// Runs `replace` after copying a state file that does not load (corrupt, newer schema)
    /// to `NAME.unusable-N`: replacing a state never deletes what the user may still want
    /// to repair. The copy is removed again when nothing was replaced.
    fn keeping_unusable_state(&self, replace: impl FnOnce(&Store) -> Result<(), StoreError>) -> Result<Option<PathBuf>, StoreError> {
        let store = &self.0.store;
        let unusable = matches!(store.read(|_| ()), Err(StoreError::Corrupt { .. } | StoreError::NewerSchema { .. }));
        let Some(path) = store.path().filter(|_| unusable) else {
            return replace(store).map(|()| None);
        };
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let aside = (1..).map(|n| path.with_file_name(format!("{name}.unusable-{n}"))).find(|p| !p.exists()).expect("a free name");
        std::fs::copy(path, &aside).map_err(|source| StoreError::Write { path: aside.clone(), action: "keeping the unusable state", source })?;
        match replace(store) {
            Ok(()) => Ok(Some(aside)),
            Err(e) => {
                let _ = std::fs::remove_file(&aside);
                Err(e)
            }
        }
    }

    /// The selected subscription's name (the prompt shows it), `None` when none is selected
    /// or the state cannot be read.
    pub fn selected_subscription_name(&self) -> Option<String> {
        self.read(|w| w.selected_subscription().map(|s| s.name.clone())).ok().flatten()
    }

    /// A new id from the world's generator (seeded worlds repeat them).
    pub fn next_guid(&self) -> uuid::Uuid {
        self.write(|w| w.next_guid()).unwrap_or_else(|_| uuid::Uuid::new_v4())
    }
}

impl Clock for WorldHandle {
    fn now(&self) -> NaiveDateTime {
        match self.0.now.get() {
            Some(t) => t,
            None => self.read(|w| w.now()).unwrap_or_else(|_| default_epoch()),
        }
    }

    fn advance(&self, ticks: i64) {
        let _ = self.write(|w| w.advance_clock(chrono::Duration::microseconds(ticks / 10)));
    }
}
