//! The circuits of a world kept as rows (the store's database): a circuit is loaded the
//! first time an operation asks for it and stays loaded for the rest of the transaction, and
//! only the circuits an operation changed are written back.
//!
//! Reads hand out `&CircuitRecord` from `&self` (a read of the world is a `&World`), so the
//! cache is a map that only grows while shared (`elsa::FrozenMap`: entries are boxed and
//! never move); changes and removals go through `&mut self`. New circuits and removals are
//! written at once, so the storage's own queries (names, lists) see them; a circuit changed
//! in place is marked dirty and written before any query on the fields that change (links,
//! authorizations, pending transitions, ports) and when the transaction ends.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::NaiveDateTime;
use elsa::FrozenMap;

use super::circuit::CircuitRecord;
use super::repo::{CircuitQuery, RepoError, Rows};
use super::world::{ServiceKey, SubscriptionId};

pub(crate) struct RowCircuits {
    rows: Arc<dyn Rows>,
    loaded: FrozenMap<ServiceKey, Box<CircuitRecord>>,
    dirty: RefCell<BTreeSet<ServiceKey>>,
    /// The first storage failure of this transaction: the store reports it and commits
    /// nothing. Operations meanwhile see the circuit as missing.
    failure: RefCell<Option<RepoError>>,
}

impl RowCircuits {
    pub(crate) fn new(rows: Arc<dyn Rows>) -> RowCircuits {
        RowCircuits { rows, loaded: FrozenMap::new(), dirty: RefCell::default(), failure: RefCell::default() }
    }

    /// `result`'s value, or `fallback` after noting its failure.
    fn or_note<T>(&self, result: Result<T, RepoError>, fallback: T) -> T {
        result.unwrap_or_else(|e| {
            self.failure.borrow_mut().get_or_insert(e);
            fallback
        })
    }

    pub(crate) fn get(&self, key: &ServiceKey) -> Option<&CircuitRecord> {
        if let Some(c) = self.loaded.get(key) {
            return Some(c);
        }
        let record = self.or_note(self.rows.circuit(key), None)?;
        Some(self.loaded.insert(*key, Box::new(record)))
    }

    pub(crate) fn get_mut(&mut self, key: &ServiceKey) -> Option<&mut CircuitRecord> {
        self.get(key)?;
        self.dirty.get_mut().insert(*key);
        self.loaded.as_mut().get_mut(key).map(|b| &mut **b)
    }

    pub(crate) fn has_name(&self, subscription: &SubscriptionId, name: &str) -> bool {
        self.or_note(self.rows.circuit_named(subscription, name), None).is_some()
    }

    pub(crate) fn insert(&mut self, key: ServiceKey, record: CircuitRecord) {
        let written = self.rows.put_circuit(&key, &record);
        self.or_note(written, ());
        self.dirty.get_mut().remove(&key);
        self.loaded.as_mut().insert(key, Box::new(record));
    }

    pub(crate) fn remove(&mut self, key: &ServiceKey) -> Option<CircuitRecord> {
        self.get(key)?;
        let deleted = self.rows.delete_circuit(key);
        self.or_note(deleted, ());
        self.dirty.get_mut().remove(key);
        self.loaded.as_mut().remove(key).map(|b| *b)
    }

    /// The circuits `query` selects, in creation order. Queries on fields that change in
    /// place see this transaction's changes first.
    pub(crate) fn select(&self, query: CircuitQuery<'_>) -> Vec<&CircuitRecord> {
        if matches!(query, CircuitQuery::LinkedTo(..) | CircuitQuery::AuthorizedTo(_)) {
            self.flush();
        }
        let keys = self.or_note(self.rows.circuit_keys(query), Vec::new());
        keys.iter().filter_map(|k| self.get(k)).collect()
    }

    /// Every circuit, changeable: each is written back when the transaction ends.
    pub(crate) fn all_mut(&mut self) -> Vec<&mut CircuitRecord> {
        let keys = self.or_note(self.rows.circuit_keys(CircuitQuery::All), Vec::new());
        for key in &keys {
            self.get(key);
        }
        self.dirty.get_mut().extend(keys.iter().copied());
        self.loaded.as_mut().values_mut().map(|b| &mut **b).collect()
    }

    pub(crate) fn due_by(&self, now: NaiveDateTime) -> Vec<(NaiveDateTime, ServiceKey)> {
        self.flush();
        self.or_note(self.rows.due_by(now), Vec::new())
    }

    pub(crate) fn port_use(&self, provider: &str, location: &str) -> Vec<(u32, u32)> {
        self.flush();
        self.or_note(self.rows.port_use(provider, location), Vec::new())
    }

    /// Writes every circuit changed in place since the last flush.
    pub(crate) fn flush(&self) {
        let dirty = std::mem::take(&mut *self.dirty.borrow_mut());
        for key in dirty {
            if let Some(record) = self.loaded.get(&key) {
                let written = self.rows.put_circuit(&key, record);
                self.or_note(written, ());
            }
        }
    }

    /// Writes what is left and hands over the first failure, if any.
    pub(crate) fn finish(&self) -> Result<(), RepoError> {
        self.flush();
        match self.failure.borrow_mut().take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}
