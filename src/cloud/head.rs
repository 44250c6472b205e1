//! A world split for a store that keeps it as rows: the [`Head`] — the clock, the id
//! generator, accounts, subscriptions, the routing registry, the resource groups and the
//! simulation controls, small values each kept whole — and the circuits, VNets and billing
//! records, which are served by a [`Rows`] repository a row at a time.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::arm::network::store::ArmNetworks;
use super::arm::network::NetworkSet;
use super::arm::ResourceGroupRecord;
use super::billing::Ledger;
use super::circuits::Circuits;
use super::controls::Controls;
use super::ids::IdGenerator;
use super::registry::RoutingRegistry;
use super::repo::{RepoError, Rows};
use super::vnets::VNets;
use super::world::{Account, Subscription, SubscriptionId, World};

/// Everything of a world but its circuits, VNets and billing. Field names are the state
/// file's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Head {
    now: NaiveDateTime,
    ids: IdGenerator,
    accounts: Vec<Account>,
    subscriptions: Vec<Subscription>,
    selected_subscription: Option<SubscriptionId>,
    next_stag: BTreeMap<String, u32>,
    registry: RoutingRegistry,
    /// Always a row (an empty list too), so a removal is written over the row before it.
    #[serde(default)]
    resource_groups: Vec<ResourceGroupRecord>,
    #[serde(default)]
    controls: Controls,
}

impl World {
    /// A copy of everything but the circuits and billing.
    pub(crate) fn head(&self) -> Head {
        Head {
            now: self.now,
            ids: self.ids.clone(),
            accounts: self.accounts.clone(),
            subscriptions: self.subscriptions.clone(),
            selected_subscription: self.selected_subscription,
            next_stag: self.next_stag.clone(),
            registry: self.registry.clone(),
            resource_groups: self.resource_groups.clone(),
            controls: self.controls.clone(),
        }
    }

    /// A world whose circuits and billing records are `rows`.
    pub(crate) fn over_rows(head: Head, rows: Arc<dyn Rows>) -> World {
        World {
            now: head.now,
            ids: head.ids,
            accounts: head.accounts,
            subscriptions: head.subscriptions,
            selected_subscription: head.selected_subscription,
            circuits: Circuits::in_rows(rows.clone()),
            billing: Ledger::in_rows(rows.clone()),
            next_stag: head.next_stag,
            vnets: VNets::in_rows(rows.clone()),
            registry: head.registry,
            resource_groups: head.resource_groups,
            arm_networks: ArmNetworks::in_rows(rows.clone()),
            controls: head.controls,
            ports: Default::default(),
        }
    }

    /// Writes the circuits changed in place to their rows; the first storage failure of the
    /// transaction, after which the store must commit nothing.
    pub(crate) fn finish_rows(&mut self) -> Result<(), RepoError> {
        self.circuits.finish()?;
        self.vnets.finish()?;
        self.arm_networks.finish()?;
        self.billing.finish()
    }

    /// Every circuit and billing record, for a store that moves a whole world into rows.
    pub(crate) fn rows_of(
        &self,
    ) -> (Vec<&super::circuit::CircuitRecord>, Vec<&super::vnet::VirtualNetwork>, std::borrow::Cow<'_, [super::billing::BillingRecord]>) {
        (self.circuits.values(), self.vnets.all(), self.billing.records())
    }

    /// Every subscription's Resource Manager network set, for the same store.
    pub(crate) fn network_rows_of(&self) -> Vec<&NetworkSet> {
        self.arm_networks.all()
    }
}
