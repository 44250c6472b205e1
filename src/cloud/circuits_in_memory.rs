//! The circuits of a world held in memory (`-InMemory`, a JSON document): found by service
//! key, listed in creation order (all of them, a subscription's or a provider's), and checked
//! for a duplicate name per subscription, each at a cost that does not grow with the number
//! of other circuits (an `IndexMap` kept the order but made every removal shift the rest, and
//! listing filtered every circuit). The sequence numbers and the indexes are rebuilt on load.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use super::circuit::CircuitRecord;
use super::world::{ServiceKey, SubscriptionId};

/// Circuits in creation order, with a name index per subscription.
///
/// A circuit's name, subscription and provider never change after creation (no operation
/// renames, moves or re-homes a circuit), which is what lets the indexes be kept up to date
/// on insert and remove alone.
#[derive(Clone, Default)]
pub(crate) struct MemoryCircuits {
    /// Creation sequence number → (the key the circuit is filed under, circuit); iterating
    /// it is creation order.
    by_seq: BTreeMap<u64, (ServiceKey, CircuitRecord)>,
    /// Service key → sequence number.
    seq_of: FxHashMap<ServiceKey, u64>,
    /// (subscription, ASCII-lower-cased name) → service key, for the duplicate-name check,
    /// which the service made case-insensitive.
    names: FxHashMap<(SubscriptionId, String), ServiceKey>,
    /// Sequence numbers of each subscription's circuits.
    by_owner: FxHashMap<SubscriptionId, BTreeSet<u64>>,
    /// Sequence numbers of the circuits ordered from each provider (ASCII-lower-cased
    /// canonical name).
    by_provider: FxHashMap<String, BTreeSet<u64>>,
    next_seq: u64,
}

fn name_key(subscription: &SubscriptionId, name: &str) -> (SubscriptionId, String) {
    (*subscription, name.to_ascii_lowercase())
}

impl MemoryCircuits {
    pub(crate) fn get(&self, key: &ServiceKey) -> Option<&CircuitRecord> {
        self.seq_of.get(key).and_then(|seq| self.by_seq.get(seq)).map(|(_, c)| c)
    }

    pub(crate) fn get_mut(&mut self, key: &ServiceKey) -> Option<&mut CircuitRecord> {
        self.seq_of.get(key).and_then(|seq| self.by_seq.get_mut(seq)).map(|(_, c)| c)
    }

    /// Whether `subscription` has a circuit named `name` (case-insensitive).
    pub(crate) fn has_name(&self, subscription: &SubscriptionId, name: &str) -> bool {
        self.names.contains_key(&name_key(subscription, name))
    }

    /// Adds a circuit at the end of the creation order, or replaces the one with its key in
    /// place (as `IndexMap::insert` did).
    pub(crate) fn insert(&mut self, key: ServiceKey, record: CircuitRecord) {
        let seq = match self.seq_of.get(&key) {
            Some(seq) => *seq,
            None => {
                let seq = self.next_seq;
                self.next_seq += 1;
                self.seq_of.insert(key, seq);
                seq
            }
        };
        self.names.insert(name_key(&record.subscription, &record.name), key);
        let (owner, provider) = (record.subscription, record.provider.to_ascii_lowercase());
        if let Some((_, old)) = self.by_seq.insert(seq, (key, record)) {
            self.forget_name(&key, &old);
            self.ungroup(seq, &old);
        }
        self.by_owner.entry(owner).or_default().insert(seq);
        self.by_provider.entry(provider).or_default().insert(seq);
    }

    /// Removes a circuit; the others keep their order.
    pub(crate) fn remove(&mut self, key: &ServiceKey) -> Option<CircuitRecord> {
        let seq = self.seq_of.remove(key)?;
        let (_, record) = self.by_seq.remove(&seq)?;
        self.forget_name(key, &record);
        self.ungroup(seq, &record);
        Some(record)
    }

    /// Takes `seq` out of `old`'s subscription and provider groups.
    fn ungroup(&mut self, seq: u64, old: &CircuitRecord) {
        fn take<K: std::hash::Hash + Eq>(groups: &mut FxHashMap<K, BTreeSet<u64>>, group: &K, seq: u64) {
            if let Some(set) = groups.get_mut(group) {
                set.remove(&seq);
                if set.is_empty() {
                    groups.remove(group);
                }
            }
        }
        take(&mut self.by_owner, &old.subscription, seq);
        take(&mut self.by_provider, &old.provider.to_ascii_lowercase(), seq);
    }

    /// The circuits `subscription` owns, and with `provider` also those ordered from that
    /// provider (case-insensitive canonical name), in creation order.
    pub(crate) fn of(&self, subscription: &SubscriptionId, provider: Option<&str>) -> Vec<&CircuitRecord> {
        let owned = self.by_owner.get(subscription);
        let ordered = provider.and_then(|p| self.by_provider.get(&p.to_ascii_lowercase()));
        let seqs: Vec<u64> = match (owned, ordered) {
            (Some(a), Some(b)) => a.union(b).copied().collect(),
            (Some(one), None) | (None, Some(one)) => one.iter().copied().collect(),
            (None, None) => Vec::new(),
        };
        seqs.iter().filter_map(|seq| self.by_seq.get(seq)).map(|(_, c)| c).collect()
    }

    /// The circuits ordered from `provider` (canonical name), in creation order.
    pub(crate) fn of_provider(&self, provider: &str) -> Vec<&CircuitRecord> {
        let seqs = self.by_provider.get(&provider.to_ascii_lowercase());
        seqs.into_iter().flatten().filter_map(|seq| self.by_seq.get(seq)).map(|(_, c)| c).collect()
    }

    /// Drops `old`'s name from the index unless another circuit (or `old`'s replacement, of
    /// the same name) holds it now.
    fn forget_name(&mut self, key: &ServiceKey, old: &CircuitRecord) {
        let name = name_key(&old.subscription, &old.name);
        let replaced_by_same_name = self.get(key).is_some_and(|c| name_key(&c.subscription, &c.name) == name);
        if self.names.get(&name) == Some(key) && !replaced_by_same_name {
            self.names.remove(&name);
        }
    }

    pub(crate) fn values(&self) -> impl Iterator<Item = &CircuitRecord> {
        self.by_seq.values().map(|(_, c)| c)
    }

    pub(crate) fn values_mut(&mut self) -> impl Iterator<Item = &mut CircuitRecord> {
        self.by_seq.values_mut().map(|(_, c)| c)
    }

    /// (key it is filed under, circuit), in creation order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&ServiceKey, &CircuitRecord)> {
        self.by_seq.values().map(|(k, c)| (k, c))
    }
}
