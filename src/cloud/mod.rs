//! The simulated Azure service behind the classic ExpressRoute cmdlets.
//!
//! A pure domain model: no PowerShell values and no formatting. Operations are methods on
//! [`World`] that take the calling subscription id and answer data or a [`CloudError`]
//! carrying the real service's code and message. Fidelity decisions and their sources are in
//! `docs/fidelity-cloud.md`.

/// Declares a fieldless enum whose variant names are the service's spelling, with `ALL`,
/// `as_str`, a case-insensitive `parse` and `Display`.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[allow(missing_docs)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// All members, in the service's numeric order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The service's spelling.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => stringify!($variant)),+ }
            }

            /// Case-insensitive parse of the service's spelling.
            pub fn parse(text: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.as_str().eq_ignore_ascii_case(text.trim()))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub mod affinity;
pub mod arm;
pub mod authorization;
pub mod billing;
pub mod catalog;
pub mod circuit;
mod circuits;
mod circuits_in_memory;
mod circuits_in_rows;
mod controls;
pub mod diagnostics;
pub mod errors;
pub mod faults;
pub mod gateways;
pub(crate) mod head;
pub mod ids;
mod invariants;
pub mod link;
mod names;
mod net;
pub mod peering;
pub mod policy;
mod ports;
pub mod provider_side;
pub mod registry;
pub mod repo;
mod summary;
pub mod vnet;
pub(crate) mod vnets;
pub mod world;

pub use authorization::{AuthorizedCircuit, LinkAuthorization};

pub use billing::BillingRecord;
pub use catalog::{find_provider, BandwidthOffer, ProviderType, ServiceProvider, PROVIDERS};
pub use circuit::{BillingType, Circuit, CircuitSku, CircuitStatus, CircuitUpdate, NewCircuit, ProviderProvisioningState};
pub use controls::SimError;
pub use diagnostics::{ArpEntry, DevicePath, PeeringStats, RouteEntry, RouteSummaryEntry};
pub use errors::{CloudError, CloudResult, ErrorKind};
pub use faults::{find_fault_preset, Fault, FaultEffect, FaultPreset, NewFault, FAULT_PRESETS};
pub use invariants::InvariantViolation;
pub use link::{DedicatedCircuitLink, DedicatedCircuitLinkState};
pub use peering::{AdvertisedPublicPrefixesState, BgpPeering, BgpPeeringAccessType, BgpPeeringState, BgpPeeringUpdate, NewBgpPeering};
pub use policy::ProviderPolicy;
pub use provider_side::{CrossConnection, CrossConnectionOperation};
pub use registry::{RegistryEntry, ROUTING_REGISTRIES};
pub use summary::{BillingTotals, SubscriptionSummary, WorldSummary};
pub use vnet::{
    DnsServer, Gateway, GatewaySku, GatewayState, GatewayType, IpsecParameters, IpsecUpdate, LocalConnection, LocalNetworkSite, SubnetConfig, VirtualNetwork,
    VirtualNetworkConfig,
};
pub use world::{Account, ServiceKey, Subscription, SubscriptionId, SubscriptionKind, World};
