//! The world's circuits: found by service key, listed in creation order (all of them, a
//! subscription's or a provider's), and checked for a duplicate name per subscription, each
//! at a cost that does not grow with the number of other circuits (an `IndexMap` kept the
//! order but made every removal shift the rest, and listing filtered every circuit).
//!
//! Saved exactly as the `IndexMap` was: one JSON object from service key to circuit, in
//! creation order. The sequence numbers and the name index are rebuilt on load.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::{Index, IndexMut};

use rustc_hash::FxHashMap;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::circuit::CircuitRecord;
use super::world::{ServiceKey, SubscriptionId};

/// Circuits in creation order, with a name index per subscription.
///
/// A circuit's name, subscription and provider never change after creation (no operation
/// renames, moves or re-homes a circuit), which is what lets the indexes be kept up to date
/// on insert and remove alone.
#[derive(Clone, Default)]
pub(crate) struct Circuits {
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

impl Circuits {
    pub(crate) fn get(&self, key: &ServiceKey) -> Option<&CircuitRecord> {
        self.seq_of.get(key).and_then(|seq| self.by_seq.get(seq)).map(|(_, c)| c)
    }

    pub(crate) fn get_mut(&mut self, key: &ServiceKey) -> Option<&mut CircuitRecord> {
        self.seq_of.get(key).and_then(|seq| self.by_seq.get_mut(seq)).map(|(_, c)| c)
    }

    pub(crate) fn contains_key(&self, key: &ServiceKey) -> bool {
        self.seq_of.contains_key(key)
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
    pub(crate) fn of_provider(&self, provider: &str) -> impl Iterator<Item = &CircuitRecord> {
        let seqs = self.by_provider.get(&provider.to_ascii_lowercase());
        seqs.into_iter().flatten().filter_map(|seq| self.by_seq.get(seq)).map(|(_, c)| c)
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

    #[cfg(test)]
    pub(crate) fn keys(&self) -> impl Iterator<Item = &ServiceKey> {
        self.by_seq.values().map(|(k, _)| k)
    }

    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.by_seq.is_empty()
    }

    fn len(&self) -> usize {
        self.by_seq.len()
    }

    /// (key it is filed under, circuit), in creation order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&ServiceKey, &CircuitRecord)> {
        self.by_seq.values().map(|(k, c)| (k, c))
    }
}

impl Index<&ServiceKey> for Circuits {
    type Output = CircuitRecord;

    fn index(&self, key: &ServiceKey) -> &CircuitRecord {
        self.get(key).expect("no circuit with this service key")
    }
}

impl IndexMut<&ServiceKey> for Circuits {
    fn index_mut(&mut self, key: &ServiceKey) -> &mut CircuitRecord {
        self.get_mut(key).expect("no circuit with this service key")
    }
}

// Two worlds are equal when they hold the same circuits in the same order; sequence numbers
// are an artefact of past removals.
impl PartialEq for Circuits {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl fmt::Debug for Circuits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for Circuits {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Circuits {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CircuitsVisitor;

        impl<'de> Visitor<'de> for CircuitsVisitor {
            type Value = Circuits;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map from service key to circuit")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Circuits, A::Error> {
                let mut circuits = Circuits::default();
                while let Some((key, record)) = map.next_entry::<ServiceKey, CircuitRecord>()? {
                    circuits.insert(key, record);
                }
                Ok(circuits)
            }
        }

        deserializer.deserialize_map(CircuitsVisitor)
    }
}

#[cfg(test)]
mod tests {
    use crate::cloud::circuit::tests::{new_circuit, world};
    use crate::cloud::world::tests::t0;
    use crate::cloud::World;
    use chrono::Duration;

    #[test]
    fn removal_keeps_the_creation_order_and_frees_the_name() {
        let (mut w, sub) = world();
        let keys: Vec<_> = ["a", "b", "c", "d"].iter().map(|n| w.create_circuit(&sub, new_circuit(n)).unwrap().service_key).collect();
        w.remove_circuit(&sub, &keys[1]).unwrap();
        let names: Vec<_> = w.list_circuits(&sub).unwrap().into_iter().map(|c| c.circuit_name).collect();
        assert_eq!(names, ["a", "c", "d"]);
        assert_eq!(w.create_circuit(&sub, new_circuit("A")).unwrap_err().code, "ConflictError");
        w.create_circuit(&sub, new_circuit("B")).unwrap();
        let names: Vec<_> = w.list_circuits(&sub).unwrap().into_iter().map(|c| c.circuit_name).collect();
        assert_eq!(names, ["a", "c", "d", "B"]);
    }

    /// The saved form is the one `IndexMap` gave (a map in creation order), and a world that
    /// lost circuits and billed several periods loads back equal, indexes included.
    #[test]
    fn saved_form_is_the_ordered_map_and_loads_back_with_its_indexes() {
        let (mut w, sub) = world();
        let keys: Vec<_> = (0..5).map(|i| w.create_circuit(&sub, new_circuit(&format!("c{i}"))).unwrap().service_key).collect();
        w.advance_clock(Duration::hours(1));
        w.remove_circuit(&sub, &keys[2]).unwrap();
        let as_indexmap: indexmap::IndexMap<_, _> = w.circuits.iter().map(|(k, c)| (*k, c.clone())).collect();
        assert_eq!(serde_json::to_string_pretty(&w.circuits).unwrap(), serde_json::to_string_pretty(&as_indexmap).unwrap());

        let mut back: World = serde_json::from_str(&serde_json::to_string(&w).unwrap()).unwrap();
        assert_eq!(back, w);
        assert_eq!(back.create_circuit(&sub, new_circuit("C3")).unwrap_err().code, "ConflictError");
        back.remove_circuit(&sub, &keys[3]).unwrap();
        let running: Vec<_> = back.billing_records().iter().filter(|r| r.end.is_none()).map(|r| r.service_key).collect();
        assert_eq!(running, [keys[0], keys[1], keys[4]]);
        let closed = back.billing_records().iter().find(|r| r.service_key == keys[3]).unwrap();
        assert_eq!(closed.end, Some(t0() + Duration::hours(1)));
    }

    /// A provider subscription that also owns circuits names both kinds, in creation order;
    /// lists follow removals.
    #[test]
    fn lists_by_owner_and_provider_keep_creation_order() {
        let (mut w, sub) = world();
        let eq = w.find_subscription_by_name("Equinix Provider").unwrap().id;
        let mut att = new_circuit("att");
        att.service_provider_name = "AT&T".into();
        att.location = "Washington DC".into();
        att.bandwidth = 50;
        let a = w.create_circuit(&sub, new_circuit("a")).unwrap().service_key;
        w.create_circuit(&sub, att).unwrap();
        let own = w.create_circuit(&eq, new_circuit("own")).unwrap().service_key;
        let b = w.create_circuit(&sub, new_circuit("b")).unwrap().service_key;
        let names = |w: &World, s| w.circuit_names(s).into_iter().map(|(_, n)| n).collect::<Vec<_>>();
        assert_eq!(names(&w, &eq), ["a", "own", "b"]);
        assert_eq!(names(&w, &sub), ["a", "att", "b"]);
        w.remove_circuit(&sub, &a).unwrap();
        w.remove_circuit(&eq, &own).unwrap();
        assert_eq!(names(&w, &eq), ["b"]);
        assert_eq!(w.list_circuits(&sub).unwrap().into_iter().map(|c| c.service_key).collect::<Vec<_>>()[1], b);
    }
}
