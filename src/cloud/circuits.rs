//! The world's circuits, wherever they live: all in memory ([`MemoryCircuits`]: `-InMemory`
//! and JSON documents) or as rows of the store's database ([`RowCircuits`]). The resource
//! modules see one interface; every list comes in creation order, and the queries that
//! the service answered without looking at every circuit (names, an owner's or a provider's
//! circuits, the links of a VNet, due transitions, a port's use) are queries here too, so
//! that the database can answer them from its indexes.
//!
//! Saved exactly as the `IndexMap` of earlier versions was: one JSON object from service key
//! to circuit, in creation order.

use std::fmt;
use std::ops::{Index, IndexMut};
use std::sync::Arc;

use chrono::NaiveDateTime;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::circuit::CircuitRecord;
use super::circuits_in_memory::MemoryCircuits;
use super::circuits_in_rows::RowCircuits;
use super::repo::{CircuitQuery, RepoError, Rows};
use super::world::{ServiceKey, SubscriptionId};

pub(crate) enum Circuits {
    Memory(MemoryCircuits),
    Rows(RowCircuits),
}

impl Default for Circuits {
    fn default() -> Self {
        Circuits::Memory(MemoryCircuits::default())
    }
}

impl Circuits {
    /// Circuits served from `rows`, loaded as operations ask for them.
    pub(crate) fn in_rows(rows: Arc<dyn Rows>) -> Circuits {
        Circuits::Rows(RowCircuits::new(rows))
    }

    pub(crate) fn get(&self, key: &ServiceKey) -> Option<&CircuitRecord> {
        match self {
            Circuits::Memory(m) => m.get(key),
            Circuits::Rows(r) => r.get(key),
        }
    }

    pub(crate) fn get_mut(&mut self, key: &ServiceKey) -> Option<&mut CircuitRecord> {
        match self {
            Circuits::Memory(m) => m.get_mut(key),
            Circuits::Rows(r) => r.get_mut(key),
        }
    }

    pub(crate) fn contains_key(&self, key: &ServiceKey) -> bool {
        self.get(key).is_some()
    }

    /// Whether `subscription` has a circuit named `name` (case-insensitive).
    pub(crate) fn has_name(&self, subscription: &SubscriptionId, name: &str) -> bool {
        match self {
            Circuits::Memory(m) => m.has_name(subscription, name),
            Circuits::Rows(r) => r.has_name(subscription, name),
        }
    }

    /// Adds a circuit at the end of the creation order, or replaces the one with its key in
    /// place.
    pub(crate) fn insert(&mut self, key: ServiceKey, record: CircuitRecord) {
        match self {
            Circuits::Memory(m) => m.insert(key, record),
            Circuits::Rows(r) => r.insert(key, record),
        }
    }

    /// Removes a circuit; the others keep their order.
    pub(crate) fn remove(&mut self, key: &ServiceKey) -> Option<CircuitRecord> {
        match self {
            Circuits::Memory(m) => m.remove(key),
            Circuits::Rows(r) => r.remove(key),
        }
    }

    /// The circuits `subscription` owns, and with `provider` also those ordered from that
    /// provider (case-insensitive canonical name).
    pub(crate) fn of(&self, subscription: &SubscriptionId, provider: Option<&str>) -> Vec<&CircuitRecord> {
        match self {
            Circuits::Memory(m) => m.of(subscription, provider),
            Circuits::Rows(r) => r.select(CircuitQuery::OwnedBy(subscription, provider)),
        }
    }

    /// The circuits ordered from `provider` (canonical name).
    pub(crate) fn of_provider(&self, provider: &str) -> Vec<&CircuitRecord> {
        match self {
            Circuits::Memory(m) => m.of_provider(provider),
            Circuits::Rows(r) => r.select(CircuitQuery::FromProvider(provider)),
        }
    }

    /// The circuits linked to the subscription's VNet `vnet`.
    pub(crate) fn linked_to(&self, subscription: &SubscriptionId, vnet: &str) -> Vec<&CircuitRecord> {
        match self {
            Circuits::Memory(m) => m.values().filter(|c| c.links.iter().any(|l| l.is(subscription, vnet))).collect(),
            Circuits::Rows(r) => r.select(CircuitQuery::LinkedTo(subscription, vnet)),
        }
    }

    /// The circuits with an authorization naming `account`.
    pub(crate) fn authorized_to(&self, account: &str) -> Vec<&CircuitRecord> {
        match self {
            Circuits::Memory(m) => m.values().filter(|c| c.authorizations.iter().any(|a| a.names(account))).collect(),
            Circuits::Rows(r) => r.select(CircuitQuery::AuthorizedTo(account)),
        }
    }

    /// Clock transitions due at or before `now`, earliest first (creation order among equals).
    pub(crate) fn due_by(&self, now: NaiveDateTime) -> Vec<(NaiveDateTime, ServiceKey)> {
        match self {
            Circuits::Memory(m) => {
                let mut due: Vec<_> = m.values().filter_map(|c| c.due_at().filter(|at| *at <= now).map(|at| (at, c.service_key))).collect();
                due.sort_by_key(|(at, _)| *at);
                due
            }
            Circuits::Rows(r) => r.due_by(now),
        }
    }

    /// (port, Mbps) held on `provider`'s ports at `location`.
    pub(crate) fn port_use(&self, provider: &str, location: &str) -> Vec<(u32, u32)> {
        match self {
            Circuits::Memory(m) => {
                m.of_provider(provider).into_iter().filter(|c| c.location == location).filter_map(|c| c.port_claim().map(|(.., port, bw)| (port, bw))).collect()
            }
            Circuits::Rows(r) => r.port_use(provider, location),
        }
    }

    /// Every circuit, in creation order (loads them all from rows).
    pub(crate) fn values(&self) -> Vec<&CircuitRecord> {
        match self {
            Circuits::Memory(m) => m.values().collect(),
            Circuits::Rows(r) => r.select(CircuitQuery::All),
        }
    }

    /// Every circuit, changeable (from rows: each is written back).
    pub(crate) fn values_mut(&mut self) -> Vec<&mut CircuitRecord> {
        match self {
            Circuits::Memory(m) => m.values_mut().collect(),
            Circuits::Rows(r) => r.all_mut(),
        }
    }

    /// (key it is filed under, circuit), in creation order.
    pub(crate) fn iter(&self) -> Vec<(ServiceKey, &CircuitRecord)> {
        match self {
            Circuits::Memory(m) => m.iter().map(|(k, c)| (*k, c)).collect(),
            Circuits::Rows(r) => r.select(CircuitQuery::All).into_iter().map(|c| (c.service_key, c)).collect(),
        }
    }

    /// Writes what rows still hold in memory; the first storage failure of the transaction.
    pub(crate) fn finish(&self) -> Result<(), RepoError> {
        match self {
            Circuits::Memory(_) => Ok(()),
            Circuits::Rows(r) => r.finish(),
        }
    }

    /// All circuits in memory (a copy, when they are rows).
    fn to_memory(&self) -> MemoryCircuits {
        let mut m = MemoryCircuits::default();
        for (k, c) in self.iter() {
            m.insert(k, c.clone());
        }
        m
    }
}

impl Clone for Circuits {
    fn clone(&self) -> Self {
        match self {
            Circuits::Memory(m) => Circuits::Memory(m.clone()),
            Circuits::Rows(_) => Circuits::Memory(self.to_memory()),
        }
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
        self.iter() == other.iter()
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
                let mut circuits = MemoryCircuits::default();
                while let Some((key, record)) = map.next_entry::<ServiceKey, CircuitRecord>()? {
                    circuits.insert(key, record);
                }
                Ok(Circuits::Memory(circuits))
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
        let as_indexmap: indexmap::IndexMap<_, _> = w.circuits.iter().into_iter().map(|(k, c)| (k, c.clone())).collect();
        assert_eq!(serde_json::to_string_pretty(&w.circuits).unwrap(), serde_json::to_string_pretty(&as_indexmap).unwrap());

        let mut back: World = serde_json::from_str(&serde_json::to_string(&w).unwrap()).unwrap();
        assert_eq!(back, w);
        assert_eq!(back.create_circuit(&sub, new_circuit("C3")).unwrap_err().code, "ConflictError");
        back.remove_circuit(&sub, &keys[3]).unwrap();
        let running: Vec<_> = back.billing_records().iter().filter(|r| r.end.is_none()).map(|r| r.service_key).collect();
        assert_eq!(running, [keys[0], keys[1], keys[4]]);
        let records = back.billing_records();
        let closed = records.iter().find(|r| r.service_key == keys[3]).unwrap();
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
        let names = |w: &World, s| w.circuit_names(s).into_iter().map(|c| c.name).collect::<Vec<_>>();
        assert_eq!(names(&w, &eq), ["a", "own", "b"]);
        assert_eq!(names(&w, &sub), ["a", "att", "b"]);
        w.remove_circuit(&sub, &a).unwrap();
        w.remove_circuit(&eq, &own).unwrap();
        assert_eq!(names(&w, &eq), ["b"]);
        assert_eq!(w.list_circuits(&sub).unwrap().into_iter().map(|c| c.service_key).collect::<Vec<_>>()[1], b);
    }
}
