//! The simulated Azure: accounts, subscriptions, the virtual clock, ids and all resources.
//!
//! `World` is plain data (serde) so a store layer can persist it as JSON. Operations are
//! methods implemented in the resource modules (`circuit.rs`, `provider_side.rs`, ...); each
//! takes the calling subscription id first, as the real API's URL did.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::arm::network::store::ArmNetworks;
use super::arm::ResourceGroupRecord;
use super::billing::{BillingRecord, Ledger};
use super::catalog::{self, PROVIDERS};
use super::circuit::CircuitRecord;
use super::circuits::Circuits;
use super::controls::Controls;
use super::errors::{self, CloudResult};
use super::ids::IdGenerator;
use super::policy::later;
use super::registry::RoutingRegistry;
use super::vnets::VNets;

/// A subscription id (the GUID in the management URL).
pub type SubscriptionId = Uuid;
/// A circuit's service key.
pub type ServiceKey = Uuid;

/// A Microsoft account (the sign-in name, e.g. `admin@contoso.com`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// Sign-in name; compared case-insensitively.
    pub name: String,
}

/// Whether a subscription orders circuits or provisions them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SubscriptionKind {
    /// An ordinary subscription.
    Customer,
    /// A connectivity provider's subscription, tied to one catalogue provider.
    Provider {
        /// Canonical catalogue name, e.g. `Equinix`.
        provider: String,
    },
}

/// A subscription and the account that owns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    /// Subscription id.
    pub id: SubscriptionId,
    /// Display name, e.g. `Contoso Production`.
    pub name: String,
    /// Owning account's sign-in name.
    pub account: String,
    /// Customer or provider.
    pub kind: SubscriptionKind,
    /// Its classic affinity groups (`affinity.rs`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub affinity_groups: Vec<super::affinity::AffinityGroup>,
    /// Its local network gateways (`gateways.rs`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub local_network_gateways: Vec<super::gateways::LocalNetworkGateway>,
    /// Its network configuration's DNS servers and local network sites as the document
    /// defined them, used by a VNet or not (the VNets carry copies of those they name).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dns_servers: Vec<super::vnet::DnsServer>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub local_network_sites: Vec<super::vnet::LocalNetworkSite>,
    /// The storage account Set-AzureSubscription made current, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_storage_account: Option<String>,
    /// The thumbprint of the management certificate Set-AzureSubscription -Certificate gave
    /// the subscription: the profile's account for it from then on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub management_certificate: Option<String>,
}

/// The whole simulated cloud.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct World {
    pub(crate) now: NaiveDateTime,
    pub(crate) ids: IdGenerator,
    pub(crate) accounts: Vec<Account>,
    pub(crate) subscriptions: Vec<Subscription>,
    pub(crate) selected_subscription: Option<SubscriptionId>,
    pub(crate) circuits: Circuits,
    pub(crate) billing: Ledger,
    /// Next STag per provider (canonical name); the real service numbered them per provider.
    pub(crate) next_stag: BTreeMap<String, u32>,
    pub(crate) vnets: VNets,
    pub(crate) registry: RoutingRegistry,
    /// Resource Manager's resource groups, in creation order (left out of a document when
    /// there are none, so a classic world's export is as it was).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) resource_groups: Vec<ResourceGroupRecord>,
    /// Resource Manager network resources, one set per subscription (left out of a document
    /// when there are none).
    #[serde(default, skip_serializing_if = "ArmNetworks::is_empty")]
    pub(crate) arm_networks: ArmNetworks,
    /// Simulation controls (provider policy, gateway delay, faults).
    #[serde(default)]
    pub(crate) controls: Controls,
    /// Bandwidth in use per provider port (derived, never saved).
    #[serde(skip)]
    pub(crate) ports: super::ports::PortIndex,
}

/// Accounts of the default world.
pub const DEFAULT_ADMIN_ACCOUNT: &str = "admin@contoso.com";
/// The second customer account of the default world.
pub const DEFAULT_DEVTEST_ACCOUNT: &str = "devtest@contoso.com";

impl World {
    /// An empty world (no accounts) with random ids.
    pub fn new(now: NaiveDateTime) -> World {
        World {
            now,
            ids: IdGenerator::random(),
            accounts: Vec::new(),
            subscriptions: Vec::new(),
            selected_subscription: None,
            circuits: Circuits::default(),
            billing: Ledger::default(),
            next_stag: BTreeMap::new(),
            vnets: VNets::default(),
            registry: RoutingRegistry::default(),
            resource_groups: Vec::new(),
            arm_networks: ArmNetworks::default(),
            controls: Controls::default(),
            ports: Default::default(),
        }
    }

    /// The default world with random ids: `admin@contoso.com` owning `Contoso Production`
    /// (selected), `devtest@contoso.com` owning `Contoso Dev-Test`, and one provider
    /// subscription `<provider> Provider` per catalogue provider.
    pub fn default_world(now: NaiveDateTime) -> World {
        Self::populate_default(World::new(now))
    }

    /// The default world with every id drawn from `seed` (same seed ⇒ same world and same
    /// later service keys / authorization ids).
    pub fn default_world_seeded(now: NaiveDateTime, seed: u64) -> World {
        let mut world = World::new(now);
        world.set_seed(seed);
        Self::populate_default(world)
    }

    fn populate_default(mut world: World) -> World {
        let production = world.add_subscription("Contoso Production", DEFAULT_ADMIN_ACCOUNT, SubscriptionKind::Customer);
        world.add_subscription("Contoso Dev-Test", DEFAULT_DEVTEST_ACCOUNT, SubscriptionKind::Customer);
        for p in PROVIDERS {
            let account = format!("expressroute@{}.example", provider_slug(p.name));
            world.add_subscription(&format!("{} Provider", p.name), &account, SubscriptionKind::Provider { provider: p.name.to_string() });
        }
        world.selected_subscription = Some(production);
        world
    }

    // ---- clock and ids ------------------------------------------------------------------

    /// The virtual time.
    pub fn now(&self) -> NaiveDateTime {
        self.now
    }

    /// Moves the virtual clock forward (never backward: billing and counters only grow;
    /// saturating at the end of time) and completes the provider transitions and gateways
    /// that fall due.
    pub fn advance_clock(&mut self, by: Duration) {
        if by > Duration::zero() {
            self.now = later(self.now, by);
            self.complete_due();
        }
    }

    /// The id seed in effect, if any.
    pub fn seed(&self) -> Option<u64> {
        self.ids.seed()
    }

    /// Restarts the id stream and the fault draws from `seed`.
    pub fn set_seed(&mut self, seed: u64) {
        self.ids = IdGenerator::seeded(seed);
        self.controls.dice = Controls::seeded_dice(seed);
    }

    /// Draws an id from the world's generator (`[guid]::NewGuid()` uses it, so a
    /// seeded world repeats those too).
    pub fn next_guid(&mut self) -> uuid::Uuid {
        self.ids.next_guid()
    }

    // ---- accounts and subscriptions -----------------------------------------------------

    /// Known accounts.
    pub fn accounts(&self) -> &[Account] {
        &self.accounts
    }

    /// Adds an account if it is not known yet; returns its stored name.
    pub fn add_account(&mut self, name: &str) -> &Account {
        let idx = match self.account_index(name) {
            Some(i) => i,
            None => {
                self.accounts.push(Account { name: name.trim().to_string() });
                self.accounts.len() - 1
            }
        };
        &self.accounts[idx]
    }

    fn account_index(&self, name: &str) -> Option<usize> {
        self.accounts.iter().position(|a| a.name.eq_ignore_ascii_case(name.trim()))
    }

    /// All subscriptions.
    pub fn subscriptions(&self) -> &[Subscription] {
        &self.subscriptions
    }

    /// Subscriptions owned by `account` (case-insensitive).
    pub fn subscriptions_of(&self, account: &str) -> Vec<&Subscription> {
        self.subscriptions.iter().filter(|s| s.account.eq_ignore_ascii_case(account.trim())).collect()
    }

    /// Creates a subscription (and its account if needed); returns the new id.
    pub fn add_subscription(&mut self, name: &str, account: &str, kind: SubscriptionKind) -> SubscriptionId {
        let account = self.add_account(account).name.clone();
        let id = self.ids.next_guid();
        self.subscriptions.push(Subscription {
            id,
            name: name.to_string(),
            account,
            kind,
            affinity_groups: Vec::new(),
            local_network_gateways: Vec::new(),
            dns_servers: Vec::new(),
            local_network_sites: Vec::new(),
            current_storage_account: None,
            management_certificate: None,
        });
        id
    }

    /// A subscription by id.
    pub fn subscription(&self, id: &SubscriptionId) -> Option<&Subscription> {
        self.subscriptions.iter().find(|s| s.id == *id)
    }

    /// A subscription by name (case-insensitive).
    pub fn find_subscription_by_name(&self, name: &str) -> Option<&Subscription> {
        self.subscriptions.iter().find(|s| s.name.eq_ignore_ascii_case(name.trim()))
    }

    /// The selected subscription, if any.
    pub fn selected_subscription(&self) -> Option<&Subscription> {
        self.selected_subscription.and_then(|id| self.subscription(&id))
    }

    /// Selects a subscription.
    pub fn select_subscription(&mut self, id: &SubscriptionId) -> CloudResult<()> {
        self.caller(id)?;
        self.selected_subscription = Some(*id);
        Ok(())
    }

    /// Signs the lab's one session out: no subscription is selected until a sign-in or a
    /// selection picks one again.
    pub fn sign_out(&mut self) {
        self.selected_subscription = None;
    }

    /// Billing records, oldest first (open records have no end).
    pub fn billing_records(&self) -> std::borrow::Cow<'_, [BillingRecord]> {
        self.billing.records()
    }

    // ---- helpers for the resource modules -----------------------------------------------

    /// The calling subscription, or the service's authentication failure.
    pub(crate) fn caller(&self, id: &SubscriptionId) -> CloudResult<&Subscription> {
        self.subscription(id).ok_or_else(errors::unknown_subscription)
    }

    /// The catalogue provider a provider subscription acts for.
    pub(crate) fn caller_provider(&self, id: &SubscriptionId) -> CloudResult<&'static catalog::ServiceProvider> {
        match &self.caller(id)?.kind {
            SubscriptionKind::Provider { provider } => catalog::find_provider(provider).ok_or_else(|| errors::not_a_provider_subscription(id)),
            SubscriptionKind::Customer => Err(errors::not_a_provider_subscription(id)),
        }
    }

    /// A circuit owned by the caller; `missing` builds the error the operation reports.
    pub(crate) fn owned_circuit(&self, caller: &SubscriptionId, key: &ServiceKey, missing: fn(&Uuid) -> errors::CloudError) -> CloudResult<&CircuitRecord> {
        self.caller(caller)?;
        self.circuits.get(key).filter(|c| c.subscription == *caller).ok_or_else(|| missing(key))
    }

    /// Mutable form of [`World::owned_circuit`].
    pub(crate) fn owned_circuit_mut(
        &mut self,
        caller: &SubscriptionId,
        key: &ServiceKey,
        missing: fn(&Uuid) -> errors::CloudError,
    ) -> CloudResult<&mut CircuitRecord> {
        self.caller(caller)?;
        self.circuits.get_mut(key).filter(|c| c.subscription == *caller).ok_or_else(|| missing(key))
    }
}

/// `AT&T Netbond` → `attnetbond`: a host-name-like form for provider account names.
fn provider_slug(name: &str) -> String {
    name.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn t0() -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2016, 10, 10).and_then(|d| d.and_hms_opt(9, 0, 0)).expect("valid date")
    }

    #[test]
    fn default_world_has_contoso_and_one_subscription_per_provider() {
        let w = World::default_world(t0());
        let sel = w.selected_subscription().unwrap();
        assert_eq!(sel.name, "Contoso Production");
        assert_eq!(sel.account, "admin@contoso.com");
        assert_eq!(sel.kind, SubscriptionKind::Customer);
        let dev = w.find_subscription_by_name("contoso dev-test").unwrap();
        assert_eq!(dev.account, "devtest@contoso.com");
        assert_eq!(w.subscriptions().len(), 2 + PROVIDERS.len());
        let eq = w.find_subscription_by_name("Equinix Provider").unwrap();
        assert_eq!(eq.account, "expressroute@equinix.example");
        assert_eq!(eq.kind, SubscriptionKind::Provider { provider: "Equinix".into() });
        assert_eq!(w.find_subscription_by_name("AT&T Provider").unwrap().account, "expressroute@att.example");
        assert_eq!(w.accounts().len(), 2 + PROVIDERS.len());
        assert_eq!(w.subscriptions_of("ADMIN@contoso.com").len(), 1);
    }

    #[test]
    fn seeded_default_worlds_are_identical() {
        let a = World::default_world_seeded(t0(), 9);
        let b = World::default_world_seeded(t0(), 9);
        assert_eq!(a, b);
        assert_eq!(a.seed(), Some(9));
        assert_ne!(World::default_world(t0()).subscriptions()[0].id, World::default_world(t0()).subscriptions()[0].id);
    }

    #[test]
    fn clock_only_moves_forward() {
        let mut w = World::new(t0());
        w.advance_clock(Duration::minutes(5));
        assert_eq!(w.now(), t0() + Duration::minutes(5));
        w.advance_clock(Duration::minutes(-10));
        assert_eq!(w.now(), t0() + Duration::minutes(5));
    }

    #[test]
    fn selecting_an_unknown_subscription_fails_like_the_service() {
        let mut w = World::default_world(t0());
        let e = w.select_subscription(&Uuid::nil()).unwrap_err();
        assert_eq!(e.status, 403);
        assert_eq!(
            e.to_string(),
            "ForbiddenError: The server failed to authenticate the request. Verify that the certificate is valid and is associated with this subscription."
        );
        let dev = w.find_subscription_by_name("Contoso Dev-Test").unwrap().id;
        w.select_subscription(&dev).unwrap();
        assert_eq!(w.selected_subscription().unwrap().id, dev);
    }

    /// Creates circuits and provisions one, for round-trip and determinism checks.
    fn populated(seed: u64) -> World {
        use crate::cloud::circuit::tests::new_circuit;
        use crate::cloud::provider_side::tests::provisioned_circuit;
        let mut w = World::default_world_seeded(t0(), seed);
        let sub = w.selected_subscription().unwrap().id;
        provisioned_circuit(&mut w, &sub, "one");
        w.advance_clock(Duration::hours(1));
        w.create_circuit(&sub, new_circuit("two")).unwrap();
        w
    }

    /// Adds every part-2 resource to a populated world.
    fn fully_populated(seed: u64) -> World {
        use crate::cloud::link::tests::add_vnets;
        use crate::cloud::peering::{tests::private_peering, BgpPeeringAccessType, NewBgpPeering};
        let mut w = populated(seed);
        let sub = w.selected_subscription().unwrap().id;
        let dev = w.find_subscription_by_name("Contoso Dev-Test").unwrap().id;
        let key = w.circuits.iter()[0].0;
        w.add_registry_entry("ARIN", "123.0.0.0/24", 2245).unwrap();
        w.new_bgp_peering(&sub, &key, BgpPeeringAccessType::Private, private_peering()).unwrap();
        let microsoft = NewBgpPeering {
            peer_asn: 1234,
            primary_peer_subnet: "131.107.0.0/30".into(),
            secondary_peer_subnet: "131.107.0.4/30".into(),
            vlan_id: 300,
            customer_asn: Some(2245),
            advertised_public_prefixes: Some("123.0.0.0/30".into()),
            routing_registry_name: Some("ARIN".into()),
            shared_key: Some("A1B2C3D4".into()),
        };
        w.new_bgp_peering(&sub, &key, BgpPeeringAccessType::Microsoft, microsoft).unwrap();
        add_vnets(&mut w, &sub, 1);
        add_vnets(&mut w, &dev, 1);
        w.new_circuit_link(&sub, &key, "V0").unwrap();
        w.new_link_authorization(&sub, &key, "Dev-Test Links", 2, "devtest@contoso.com").unwrap();
        w.new_circuit_link(&dev, &key, "V0").unwrap();
        w
    }

    #[test]
    fn same_seed_gives_same_service_keys() {
        let keys = |w: &World| w.circuits.iter().into_iter().map(|(k, _)| k).collect::<Vec<_>>();
        assert_eq!(keys(&populated(5)), keys(&populated(5)));
        assert_ne!(keys(&populated(5)), keys(&populated(6)));
        let mut a = populated(5);
        let mut b = populated(6);
        a.set_seed(77);
        b.set_seed(77);
        let sub_a = a.selected_subscription().unwrap().id;
        let sub_b = b.selected_subscription().unwrap().id;
        let n = crate::cloud::circuit::tests::new_circuit("three");
        assert_eq!(a.create_circuit(&sub_a, n.clone()).unwrap().service_key, b.create_circuit(&sub_b, n).unwrap().service_key);
    }

    #[test]
    fn serde_round_trip_of_a_populated_world() {
        let w = fully_populated(3);
        assert_eq!(w.circuits.values()[0].links.len(), 2);
        let json = serde_json::to_string_pretty(&w).unwrap();
        let back: World = serde_json::from_str(&json).unwrap();
        assert_eq!(back, w);
        assert!(json.contains("\"now\""));
    }

    #[test]
    fn add_account_is_idempotent() {
        let mut w = World::new(t0());
        w.add_account("a@b.c");
        w.add_account("A@B.C");
        assert_eq!(w.accounts().len(), 1);
    }
}
