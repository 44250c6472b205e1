//! The Resource Manager face of the simulated Azure: resource groups, resource ids, etags,
//! ARM region names and ARM circuits.
//!
//! One circuit, two faces: an ARM circuit is a [`CircuitRecord`](super::circuit::CircuitRecord)
//! like every other, filed under its service key, with an [`ArmFace`] holding what only
//! Resource Manager knows (resource group, ARM name, region, tags, etag, the SKU tier and
//! name as sent, `allowClassicOperations`). The provider side therefore moves its
//! `ServiceProviderProvisioningState` by service key exactly as for a classic circuit, and
//! bandwidth, SKU and billing rules, ports and billing records are the classic ones.
//! Knows nothing of PowerShell; fidelity decisions are in `docs/fidelity-cloud.md`.

mod authorizations;
pub(crate) mod bgp_communities;
mod circuits;
mod classic_access;
mod cross_connections;
mod diagnostics;
pub(crate) mod errors;
mod global_reach;
mod groups;
mod moves;
pub mod network;
mod peerings;
mod resource;
mod resources;

pub use authorizations::{ArmAuthorization, AuthorizationUseStatus};
pub use bgp_communities::{BgpCommunity, BgpServiceCommunity};
pub use circuits::{ArmCircuit, ArmCircuitPut, ArmFace};
pub(crate) use cross_connections::DiagnosticTable;
pub use cross_connections::{cross_connection_group, ArmCrossConnection, ArmCrossConnectionPut};
pub use global_reach::{ArmCircuitConnection, ArmConnectionPut, CircuitConnectionRecord, PeeredConnectionRecord};
pub use groups::{ResourceGroup, ResourceGroupRecord};
pub use moves::ArmCircuitMove;
pub use peerings::{
    arm_peering_type, parse_arm_peering_type, ArmMicrosoftConfig, ArmMicrosoftConfigPut, ArmPeering, ArmPeeringPut, ArmPrefixInfo, ArmPrefixesState,
};
pub use resource::{circuit_id, etag_text, normalize_region, resource_group_id, ArmSkuTier, ProvisioningState, Tags, REGIONS};
pub use resources::ArmResource;
