//! The subscriptions' network sets, wherever they live: a list in memory (`-InMemory`, JSON
//! documents) or one row per subscription in the store's database. An operation loads only
//! the sets of the subscriptions it touches (the caller's, and a circuit owner's never: what
//! a circuit needs to know of its connections rides on the circuit record).

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;

use elsa::FrozenMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::records::NetworkSet;
use crate::cloud::repo::{RepoError, Rows};
use crate::cloud::world::SubscriptionId;

pub(crate) enum ArmNetworks {
    Memory(Vec<NetworkSet>),
    Rows(RowNetworks),
}

pub(crate) struct RowNetworks {
    rows: Arc<dyn Rows>,
    loaded: FrozenMap<SubscriptionId, Box<NetworkSet>>,
    dirty: BTreeSet<SubscriptionId>,
    failure: RefCell<Option<RepoError>>,
}

impl RowNetworks {
    fn load(&self, sub: &SubscriptionId) -> &NetworkSet {
        if let Some(set) = self.loaded.get(sub) {
            return set;
        }
        let set = self.rows.arm_networks_of(sub).unwrap_or_else(|e| {
            self.failure.borrow_mut().get_or_insert(e);
            None
        });
        self.loaded.insert(*sub, Box::new(set.unwrap_or_else(|| NetworkSet { subscription: *sub, ..NetworkSet::default() })))
    }

    fn flush(&mut self) {
        for sub in std::mem::take(&mut self.dirty) {
            if let Some(set) = self.loaded.get(&sub) {
                if let Err(e) = self.rows.put_arm_networks(&sub, set) {
                    self.failure.borrow_mut().get_or_insert(e);
                }
            }
        }
    }
}

impl Default for ArmNetworks {
    fn default() -> Self {
        ArmNetworks::Memory(Vec::new())
    }
}

impl ArmNetworks {
    /// Network sets kept as rows of `rows`, loaded per subscription as operations ask.
    pub(crate) fn in_rows(rows: Arc<dyn Rows>) -> ArmNetworks {
        ArmNetworks::Rows(RowNetworks { rows, loaded: FrozenMap::new(), dirty: BTreeSet::new(), failure: RefCell::default() })
    }

    /// The subscription's set (empty when it has none).
    pub(crate) fn of(&self, sub: &SubscriptionId) -> std::borrow::Cow<'_, NetworkSet> {
        match self {
            ArmNetworks::Memory(all) => match all.iter().find(|s| s.subscription == *sub) {
                Some(set) => std::borrow::Cow::Borrowed(set),
                None => std::borrow::Cow::Owned(NetworkSet { subscription: *sub, ..NetworkSet::default() }),
            },
            ArmNetworks::Rows(r) => std::borrow::Cow::Borrowed(r.load(sub)),
        }
    }

    /// The subscription's set, changeable (created when it has none).
    pub(crate) fn of_mut(&mut self, sub: &SubscriptionId) -> &mut NetworkSet {
        match self {
            ArmNetworks::Memory(all) => {
                let at = match all.iter().position(|s| s.subscription == *sub) {
                    Some(at) => at,
                    None => {
                        all.push(NetworkSet { subscription: *sub, ..NetworkSet::default() });
                        all.len() - 1
                    }
                };
                &mut all[at]
            }
            ArmNetworks::Rows(r) => {
                r.load(sub);
                r.dirty.insert(*sub);
                r.loaded.as_mut().get_mut(sub).expect("loaded above")
            }
        }
    }

    /// Every non-empty set (loads them all from rows).
    pub(crate) fn all(&self) -> Vec<&NetworkSet> {
        match self {
            ArmNetworks::Memory(all) => all.iter().filter(|s| !s.is_empty()).collect(),
            ArmNetworks::Rows(r) => {
                let subs = r.rows.arm_network_subscriptions().unwrap_or_else(|e| {
                    r.failure.borrow_mut().get_or_insert(e);
                    Vec::new()
                });
                subs.iter().map(|s| r.load(s)).filter(|s| !s.is_empty()).collect()
            }
        }
    }

    /// Writes what rows still hold in memory; the first storage failure of the transaction.
    pub(crate) fn finish(&mut self) -> Result<(), RepoError> {
        match self {
            ArmNetworks::Memory(_) => Ok(()),
            ArmNetworks::Rows(r) => {
                r.flush();
                r.failure.borrow_mut().take().map_or(Ok(()), Err)
            }
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.all().is_empty()
    }
}

impl Clone for ArmNetworks {
    fn clone(&self) -> Self {
        ArmNetworks::Memory(self.all().into_iter().cloned().collect())
    }
}

impl PartialEq for ArmNetworks {
    fn eq(&self, other: &Self) -> bool {
        self.all() == other.all()
    }
}

impl fmt::Debug for ArmNetworks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.all()).finish()
    }
}

impl Serialize for ArmNetworks {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.all())
    }
}

impl<'de> Deserialize<'de> for ArmNetworks {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<NetworkSet>::deserialize(deserializer).map(ArmNetworks::Memory)
    }
}
