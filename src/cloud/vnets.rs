//! The world's classic VNets, wherever they live: a list in memory (`-InMemory`, JSON
//! documents), or one row per subscription in the store's database — the classic service
//! kept a subscription's network configuration as one document, which Set-AzureVNetConfig
//! replaces whole. An operation loads only its caller's configuration.
//!
//! Saved as the flat list of earlier versions, in configuration order (a replaced
//! configuration moves to the end, in memory and in rows alike).

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;

use chrono::NaiveDateTime;
use elsa::FrozenMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::repo::{RepoError, Rows};
use super::vnet::{GatewayState, VirtualNetwork};
use super::world::SubscriptionId;

pub(crate) enum VNets {
    Memory(Vec<VirtualNetwork>),
    Rows(RowVNets),
}

pub(crate) struct RowVNets {
    rows: Arc<dyn Rows>,
    loaded: FrozenMap<SubscriptionId, Vec<VirtualNetwork>>,
    dirty: BTreeSet<SubscriptionId>,
    failure: RefCell<Option<RepoError>>,
}

impl RowVNets {
    fn load(&self, sub: &SubscriptionId) -> &[VirtualNetwork] {
        if let Some(v) = self.loaded.get(sub) {
            return v;
        }
        let list = self.rows.vnets_of(sub).unwrap_or_else(|e| {
            self.failure.borrow_mut().get_or_insert(e);
            Vec::new()
        });
        self.loaded.insert(*sub, list)
    }

    fn load_mut(&mut self, sub: &SubscriptionId) -> &mut Vec<VirtualNetwork> {
        self.load(sub);
        self.dirty.insert(*sub);
        self.loaded.as_mut().get_mut(sub).expect("loaded above")
    }

    fn note(&self, result: Result<(), RepoError>) {
        if let Err(e) = result {
            self.failure.borrow_mut().get_or_insert(e);
        }
    }
}

/// When the first of these VNets' provisioning gateways is ready, if any is provisioning.
pub(crate) fn first_gateway_due(vnets: &[VirtualNetwork]) -> Option<NaiveDateTime> {
    vnets.iter().filter_map(|v| v.gateway.as_ref()).filter(|g| g.state == GatewayState::Provisioning).filter_map(|g| g.provisioned_at).min()
}

impl Default for VNets {
    fn default() -> Self {
        VNets::Memory(Vec::new())
    }
}

impl VNets {
    /// VNets kept as rows of `rows`, loaded per subscription as operations ask.
    pub(crate) fn in_rows(rows: Arc<dyn Rows>) -> VNets {
        VNets::Rows(RowVNets { rows, loaded: FrozenMap::new(), dirty: BTreeSet::new(), failure: RefCell::default() })
    }

    /// The subscription's VNets, in configuration order.
    pub(crate) fn of(&self, sub: &SubscriptionId) -> Vec<&VirtualNetwork> {
        match self {
            VNets::Memory(all) => all.iter().filter(|v| v.subscription == *sub).collect(),
            VNets::Rows(r) => r.load(sub).iter().collect(),
        }
    }

    /// The subscription's VNet named `name` (case-insensitive, trimmed).
    pub(crate) fn find(&self, sub: &SubscriptionId, name: &str) -> Option<&VirtualNetwork> {
        self.of(sub).into_iter().find(|v| v.config.name.eq_ignore_ascii_case(name.trim()))
    }

    /// The same, changeable.
    pub(crate) fn find_mut(&mut self, sub: &SubscriptionId, name: &str) -> Option<&mut VirtualNetwork> {
        let is = |v: &VirtualNetwork| v.subscription == *sub && v.config.name.eq_ignore_ascii_case(name.trim());
        match self {
            VNets::Memory(all) => all.iter_mut().find(|v| is(v)),
            VNets::Rows(r) => r.load_mut(sub).iter_mut().find(|v| is(v)),
        }
    }

    /// Replaces the subscription's configuration; it moves to the end of the order.
    pub(crate) fn replace(&mut self, sub: &SubscriptionId, vnets: Vec<VirtualNetwork>) {
        match self {
            VNets::Memory(all) => {
                all.retain(|v| v.subscription != *sub);
                all.extend(vnets);
            }
            VNets::Rows(r) => {
                let written = r.rows.put_vnets(sub, &vnets, true);
                r.note(written);
                r.dirty.remove(sub);
                r.loaded.as_mut().insert(*sub, vnets);
            }
        }
    }

    /// Every VNet, in configuration order (loads them all from rows).
    pub(crate) fn all(&self) -> Vec<&VirtualNetwork> {
        match self {
            VNets::Memory(all) => all.iter().collect(),
            VNets::Rows(r) => {
                let subs = r.rows.vnet_subscriptions().unwrap_or_else(|e| {
                    r.failure.borrow_mut().get_or_insert(e);
                    Vec::new()
                });
                subs.iter().flat_map(|s| r.load(s).iter()).collect()
            }
        }
    }

    /// The VNets of every subscription with a gateway provisioning that is ready by `now`,
    /// changeable.
    pub(crate) fn with_gateways_due_mut(&mut self, now: NaiveDateTime) -> Vec<&mut VirtualNetwork> {
        match self {
            VNets::Memory(all) => all.iter_mut().collect(),
            VNets::Rows(r) => {
                r.flush();
                let subs = r.rows.gateways_due_by(now).unwrap_or_else(|e| {
                    r.failure.borrow_mut().get_or_insert(e);
                    Vec::new()
                });
                for sub in &subs {
                    r.load(sub);
                }
                r.dirty.extend(subs.iter().copied());
                let wanted: BTreeSet<SubscriptionId> = subs.into_iter().collect();
                r.loaded.as_mut().iter_mut().filter(|(s, _)| wanted.contains(s)).flat_map(|(_, list)| list.iter_mut()).collect()
            }
        }
    }

    /// Writes what rows still hold in memory; the first storage failure of the transaction.
    pub(crate) fn finish(&mut self) -> Result<(), RepoError> {
        match self {
            VNets::Memory(_) => Ok(()),
            VNets::Rows(r) => {
                r.flush();
                r.failure.borrow_mut().take().map_or(Ok(()), Err)
            }
        }
    }
}

impl RowVNets {
    fn flush(&mut self) {
        for sub in std::mem::take(&mut self.dirty) {
            if let Some(list) = self.loaded.get(&sub) {
                let written = self.rows.put_vnets(&sub, list, false);
                self.note(written);
            }
        }
    }
}

impl Clone for VNets {
    fn clone(&self) -> Self {
        VNets::Memory(self.all().into_iter().cloned().collect())
    }
}

impl PartialEq for VNets {
    fn eq(&self, other: &Self) -> bool {
        self.all() == other.all()
    }
}

impl fmt::Debug for VNets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.all()).finish()
    }
}

impl Serialize for VNets {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.all())
    }
}

impl<'de> Deserialize<'de> for VNets {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<VirtualNetwork>::deserialize(deserializer).map(VNets::Memory)
    }
}
