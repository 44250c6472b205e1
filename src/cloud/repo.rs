//! The repository: what the world needs from a storage that keeps its circuits and billing as
//! rows, so that an operation reads and writes only the rows it touches.
//!
//! The world knows nothing of how rows are kept (the store implements this trait over
//! SQLite); it asks for one circuit by key, the keys a query selects (in creation order) and
//! the few aggregates an operation needs, and it hands back every circuit it changed. A world
//! that is all in memory (`-InMemory`, a JSON document) does not use this trait at all.
//!
//! Methods take `&self`: a read of the world is a `&World`, and loading a row it had not
//! seen yet must not need more. Implementations serialise access themselves.

use chrono::NaiveDateTime;

use super::arm::network::NetworkSet;
use super::billing::BillingRecord;
use super::circuit::CircuitRecord;
use super::vnet::VirtualNetwork;
use super::world::{ServiceKey, SubscriptionId};

/// A storage failure (I/O, a row that does not decode), in the storage's own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepoError(pub String);

pub type RepoResult<T> = Result<T, RepoError>;

/// Which circuits a query selects. Every answer is in creation order.
#[derive(Debug, Clone, Copy)]
pub enum CircuitQuery<'a> {
    /// Every circuit.
    All,
    /// The circuits a subscription owns, and with a provider also those ordered from it
    /// (ASCII case-insensitive canonical name).
    OwnedBy(&'a SubscriptionId, Option<&'a str>),
    /// The circuits ordered from a provider (ASCII case-insensitive canonical name).
    FromProvider(&'a str),
    /// The circuits with a link to the subscription's VNet of this name (case-insensitive).
    LinkedTo(&'a SubscriptionId, &'a str),
    /// The circuits with an authorization naming this account (case-insensitive).
    AuthorizedTo(&'a str),
}

/// Circuits and billing records kept as rows.
pub(crate) trait Rows: Send + Sync {
    /// The circuit filed under `key`.
    fn circuit(&self, key: &ServiceKey) -> RepoResult<Option<CircuitRecord>>;
    /// Stores `record` under `key`: a new key goes last in creation order, a known key keeps
    /// its place.
    fn put_circuit(&self, key: &ServiceKey, record: &CircuitRecord) -> RepoResult<()>;
    /// Removes the circuit filed under `key` (nothing when there is none).
    fn delete_circuit(&self, key: &ServiceKey) -> RepoResult<()>;
    /// The keys `query` selects, in creation order.
    fn circuit_keys(&self, query: CircuitQuery<'_>) -> RepoResult<Vec<ServiceKey>>;
    /// The key of the subscription's circuit named `name` (ASCII case-insensitive).
    fn circuit_named(&self, subscription: &SubscriptionId, name: &str) -> RepoResult<Option<ServiceKey>>;
    /// Pending clock transitions due at or before `now`: (due time, key), earliest first.
    fn due_by(&self, now: NaiveDateTime) -> RepoResult<Vec<(NaiveDateTime, ServiceKey)>>;
    /// (port number, Mbps) held by the circuits on a provider's ports at a location.
    fn port_use(&self, provider: &str, location: &str) -> RepoResult<Vec<(u32, u32)>>;

    /// The subscription's VNets (its network configuration), in configuration order.
    fn vnets_of(&self, subscription: &SubscriptionId) -> RepoResult<Vec<VirtualNetwork>>;
    /// Stores the subscription's VNets (none: removes its row). `moved_last` puts the
    /// configuration at the end of the order, as replacing it does; otherwise it keeps its
    /// place.
    fn put_vnets(&self, subscription: &SubscriptionId, vnets: &[VirtualNetwork], moved_last: bool) -> RepoResult<()>;
    /// The subscriptions that have VNets, in configuration order.
    fn vnet_subscriptions(&self) -> RepoResult<Vec<SubscriptionId>>;
    /// The subscriptions with a gateway provisioning that is ready at or before `now`.
    fn gateways_due_by(&self, now: NaiveDateTime) -> RepoResult<Vec<SubscriptionId>>;

    /// The subscription's Resource Manager network set, if it has one.
    fn arm_networks_of(&self, subscription: &SubscriptionId) -> RepoResult<Option<NetworkSet>>;
    /// Stores the subscription's network set (an empty one removes its row).
    fn put_arm_networks(&self, subscription: &SubscriptionId, set: &NetworkSet) -> RepoResult<()>;
    /// The subscriptions that have a network set, in the order their sets were first stored.
    fn arm_network_subscriptions(&self) -> RepoResult<Vec<SubscriptionId>>;

    /// Appends a billing record.
    fn add_billing(&self, record: &BillingRecord) -> RepoResult<()>;
    /// Ends every running billing period of `key` at `now`.
    fn close_billing(&self, key: &ServiceKey, now: NaiveDateTime) -> RepoResult<()>;
    /// Every billing record, oldest first.
    fn billing(&self) -> RepoResult<Vec<BillingRecord>>;
}
