//! Resource Manager networking: virtual networks and subnets, public IP addresses, virtual
//! network gateways and their connections to ExpressRoute circuits, local network gateways
//! (the on-premises VPN devices), route filters.
//!
//! A subscription's network resources are one [`NetworkSet`], loaded whole when an operation
//! needs it (one row per subscription in the store). A connection to a circuit is also noted
//! on the circuit record ([`ArmConnectionRef`]), so the circuit's link limit counts classic
//! links and ARM connections together and its delete rule sees both without reading the
//! connecting subscription's set. Knows nothing of PowerShell; fidelity decisions are in
//! `docs/fidelity-cloud.md` ("Resource Manager networking").

mod collection;
mod connections;
pub(crate) mod errors;
mod gateways;
mod ids;
mod ipsec_connections;
mod local_gateways;
mod public_ips;
mod records;
mod route_filter_links;
mod route_filters;
pub(crate) mod store;
mod vnets;

pub use connections::{Connection, ConnectionPut, CONNECTED, IPSEC_STATUS};
pub use gateways::{Gateway, GatewayIpConfig, GatewayIpConfigPut, GatewayPut, GATEWAY_BUILD_MINUTES};
pub use ids::{network_id, parse_id, ParsedId};
pub use local_gateways::{LocalGateway, LocalGatewayPut};
pub use public_ips::{PublicIp, PublicIpPut};
pub use records::{
    AllocationMethod, ArmConnectionRef, Common, ConnectionKind, ConnectionRecord, GatewayIpConfigRecord, GatewayKind, GatewayRecord, GatewaySku,
    LocalBgpRecord, LocalGatewayRecord, NetworkSet, PublicIpRecord, PublicIpSku, SubnetRecord, VirtualNetworkRecord, VpnType,
};
pub use route_filters::{RouteFilter, RouteFilterPut, RouteFilterRecord, RouteFilterRulePut, RouteFilterRuleRecord};
pub use vnets::{Subnet, SubnetPut, VirtualNetwork, VnetPut};

use crate::cloud::errors::{CloudError, CloudResult, ErrorKind};
use crate::cloud::world::{SubscriptionId, World};

impl World {
    /// Deletes the group's network resources as ARM deletes a group's contents: connections,
    /// then gateways, public IPs and VNets, each under its own delete rule (a resource of
    /// another group still using one stops the delete there).
    pub(crate) fn remove_group_networks(&mut self, caller: &SubscriptionId, group: &str) -> CloudResult<()> {
        for name in self.network_names_in::<ConnectionRecord>(caller, group) {
            self.remove_connection(caller, group, &name)?;
        }
        for name in self.network_names_in::<GatewayRecord>(caller, group) {
            self.remove_virtual_network_gateway(caller, group, &name)?;
        }
        for name in self.network_names_in::<PublicIpRecord>(caller, group) {
            self.remove_public_ip(caller, group, &name)?;
        }
        for name in self.network_names_in::<LocalGatewayRecord>(caller, group) {
            self.remove_local_gateway(caller, group, &name)?;
        }
        for name in self.network_names_in::<VirtualNetworkRecord>(caller, group) {
            self.remove_virtual_network(caller, group, &name)?;
        }
        for name in self.network_names_in::<RouteFilterRecord>(caller, group) {
            self.remove_route_filter(caller, group, &name)?;
        }
        Ok(())
    }
}

/// The network provider's name rule (shared with circuits).
fn check_name(name: &str) -> CloudResult<()> {
    if super::circuits::valid_resource_name(name) {
        Ok(())
    } else {
        Err(super::errors::invalid_resource_name(name))
    }
}

/// Chosen: a value outside a property's enumeration (the cmdlets' ValidateSets stop these
/// before they are sent).
fn invalid_value(property: &str, value: &str) -> CloudError {
    CloudError {
        status: 400,
        code: "InvalidRequestFormat".into(),
        message: format!("Cannot parse the request. The value '{value}' is not valid for {property}."),
        kind: ErrorKind::Sync,
    }
}

#[cfg(test)]
pub(crate) mod tests;
