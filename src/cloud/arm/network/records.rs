//! What Resource Manager keeps of a subscription's network resources: virtual networks with
//! their subnets, public IP addresses, virtual network gateways and their connections. Each
//! record is filed under its resource group and name (both matched without regard to case,
//! as ARM matches them); ids are derived from them, never stored.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::cloud::arm::Tags;
use crate::cloud::world::SubscriptionId;

string_enum! {
    /// `publicIPAllocationMethod` (network.json).
    AllocationMethod { Static, Dynamic }
}

string_enum! {
    /// `sku.name` of a public IP address.
    PublicIpSku { Basic, Standard, StandardV2 }
}

string_enum! {
    /// `gatewayType` (virtualNetworkGateway.json; the cmdlet's ValidateSet adds LocalGateway).
    GatewayKind { Vpn, ExpressRoute, LocalGateway }
}

string_enum! {
    /// `sku.name` (and `sku.tier`) of a virtual network gateway (virtualNetworkGateway.json).
    GatewaySku {
        Basic, Standard, HighPerformance, UltraPerformance, VpnGw1, VpnGw2, VpnGw3, VpnGw4, VpnGw5,
        VpnGw1AZ, VpnGw2AZ, VpnGw3AZ, VpnGw4AZ, VpnGw5AZ, ErGw1AZ, ErGw2AZ, ErGw3AZ, ErGwScale
    }
}

string_enum! {
    /// `vpnType` of a gateway.
    VpnType { PolicyBased, RouteBased }
}

string_enum! {
    /// `connectionType` (the cmdlet's ValidateSet).
    ConnectionKind { IPsec, Vnet2Vnet, ExpressRoute, VPNClient }
}

impl GatewaySku {
    /// The SKUs an ExpressRoute gateway may have ("Standard, HighPerformance, UltraPerformance,
    /// ErGw1AZ, ErGw2AZ, ErGw3AZ", add-gateway 2020; ErGwScale from virtualNetworkGateway.json).
    pub fn is_express_route(self) -> bool {
        matches!(
            self,
            GatewaySku::Standard
                | GatewaySku::HighPerformance
                | GatewaySku::UltraPerformance
                | GatewaySku::ErGw1AZ
                | GatewaySku::ErGw2AZ
                | GatewaySku::ErGw3AZ
                | GatewaySku::ErGwScale
        )
    }

    /// The SKUs a VPN gateway may have (Basic and the VpnGw family).
    pub fn is_vpn(self) -> bool {
        matches!(self, GatewaySku::Basic) || self.as_str().starts_with("VpnGw")
    }
}

/// What every stored network resource has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Common {
    /// The resource group as it was created.
    pub resource_group: String,
    /// The name as created.
    pub name: String,
    /// ARM region name (`westus`).
    pub location: String,
    #[serde(default)]
    pub tags: Tags,
    /// `resourceGuid`, fixed at creation.
    pub resource_guid: Uuid,
    /// Drawn anew at every change the service makes.
    pub etag: Uuid,
}

impl Common {
    pub(crate) fn is(&self, group: &str, name: &str) -> bool {
        self.resource_group.eq_ignore_ascii_case(group) && self.name.eq_ignore_ascii_case(name)
    }

    pub(crate) fn in_group(&self, group: Option<&str>) -> bool {
        group.is_none_or(|g| self.resource_group.eq_ignore_ascii_case(g))
    }
}

/// A subnet of a virtual network (its etag is the VNet's, as ARM gives children theirs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubnetRecord {
    pub name: String,
    pub address_prefixes: Vec<String>,
}

/// A virtual network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VirtualNetworkRecord {
    #[serde(flatten)]
    pub common: Common,
    pub address_prefixes: Vec<String>,
    #[serde(default)]
    pub dns_servers: Vec<String>,
    #[serde(default)]
    pub subnets: Vec<SubnetRecord>,
}

/// A public IP address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicIpRecord {
    #[serde(flatten)]
    pub common: Common,
    pub allocation: AllocationMethod,
    pub sku: PublicIpSku,
    /// `IPv4` or `IPv6`.
    pub version: String,
    pub idle_timeout_minutes: u32,
    #[serde(default)]
    pub domain_name_label: Option<String>,
    /// Assigned at creation when Static, when a gateway starts using it when Dynamic.
    #[serde(default)]
    pub address: Option<String>,
}

/// One IP configuration of a gateway.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GatewayIpConfigRecord {
    pub name: String,
    /// The subnet's resource id, as sent.
    pub subnet_id: String,
    /// The public IP's resource id, as sent.
    pub public_ip_id: Option<String>,
    /// The gateway's address in the subnet.
    pub private_ip: Option<String>,
}

/// A virtual network gateway.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GatewayRecord {
    #[serde(flatten)]
    pub common: Common,
    pub kind: GatewayKind,
    pub sku: GatewaySku,
    pub vpn_type: VpnType,
    pub enable_bgp: bool,
    pub ip_configurations: Vec<GatewayIpConfigRecord>,
    /// The VNet (group, name) whose GatewaySubnet the gateway sits in.
    pub vnet: (String, String),
    /// When the service finishes building it: `Updating` until then.
    pub ready_at: NaiveDateTime,
    /// The BGP ASN a VPN gateway was given (-Asn); none is the default 65515.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asn: Option<u32>,
}

/// A connection of a gateway.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionRecord {
    #[serde(flatten)]
    pub common: Common,
    pub kind: ConnectionKind,
    /// The gateway's resource id.
    pub gateway1_id: String,
    /// The circuit's resource id, as sent (empty for IPsec).
    pub peer_id: String,
    /// The circuit's service key (nil for IPsec).
    pub circuit: Uuid,
    pub authorization_key: Option<String>,
    pub routing_weight: i32,
    #[serde(default)]
    pub express_route_gateway_bypass: bool,
    /// The local network gateway an IPsec connection reaches (its resource id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_gateway2_id: Option<String>,
    /// The IPsec pre-shared key, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_key: Option<String>,
}

/// The BGP speaker of an on-premises VPN device, as a local network gateway names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalBgpRecord {
    pub asn: u32,
    pub peering_address: String,
    pub peer_weight: i32,
}

/// A local network gateway: the on-premises VPN device a site-to-site connection reaches,
/// by its public address (or name) and the address space behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalGatewayRecord {
    #[serde(flatten)]
    pub common: Common,
    /// `gatewayIpAddress`; empty when the device is named by `fqdn`.
    pub gateway_ip: String,
    #[serde(default)]
    pub fqdn: String,
    #[serde(default)]
    pub address_prefixes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bgp: Option<LocalBgpRecord>,
}

/// A subscription's Resource Manager network resources, each list in creation order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkSet {
    pub subscription: SubscriptionId,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub virtual_networks: Vec<VirtualNetworkRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub public_ips: Vec<PublicIpRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gateways: Vec<GatewayRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub connections: Vec<ConnectionRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub route_filters: Vec<super::route_filters::RouteFilterRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub local_gateways: Vec<LocalGatewayRecord>,
}

impl NetworkSet {
    pub(crate) fn is_empty(&self) -> bool {
        self.virtual_networks.is_empty()
            && self.public_ips.is_empty()
            && self.gateways.is_empty()
            && self.connections.is_empty()
            && self.route_filters.is_empty()
            && self.local_gateways.is_empty()
    }
}

/// Where an ARM connection to a circuit is, kept on the circuit so that its link limit and
/// delete rule see ARM connections beside classic links without reading other subscriptions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArmConnectionRef {
    /// The connection's subscription.
    pub subscription: SubscriptionId,
    /// The connection's resource id.
    pub connection_id: String,
    /// The authorization redeemed, for a connection from another subscription.
    #[serde(default)]
    pub authorization: Option<Uuid>,
}
