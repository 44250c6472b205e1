//! The Network models as Az.Network shapes them: `PSVirtualNetwork` with its `PSSubnet`s,
//! `PSPublicIpAddress`, `PSVirtualNetworkGatewayIpConfiguration`, `PSVirtualNetworkGateway`
//! `PSVirtualNetworkGatewayConnection` and `PSLocalNetworkGateway`, their list views (Network.format.ps1xml @03711f49,
//! facts §2.6), and the bodies the Set- cmdlets read back from the local objects.

use crate::cloud::arm::network::{Common, Connection, Gateway, LocalGateway, PublicIp, Subnet, VirtualNetwork};
use crate::engine::convert::to_string;
use crate::engine::value::{PsObject, Value};
use crate::engine::views::{ColumnValue, TableView, ViewColumn};

use super::super::models::{tag_table, tags_table};
use super::json;

const NS: &str = "Microsoft.Azure.Commands.Network.Models.";
pub const VNET: &str = "Microsoft.Azure.Commands.Network.Models.PSVirtualNetwork";
pub const SUBNET: &str = "Microsoft.Azure.Commands.Network.Models.PSSubnet";
pub const PUBLIC_IP: &str = "Microsoft.Azure.Commands.Network.Models.PSPublicIpAddress";
pub const IP_CONFIG: &str = "Microsoft.Azure.Commands.Network.Models.PSVirtualNetworkGatewayIpConfiguration";
pub const GATEWAY: &str = "Microsoft.Azure.Commands.Network.Models.PSVirtualNetworkGateway";
pub const CONNECTION: &str = "Microsoft.Azure.Commands.Network.Models.PSVirtualNetworkGatewayConnection";
pub const LOCAL_GATEWAY: &str = "Microsoft.Azure.Commands.Network.Models.PSLocalNetworkGateway";
const RESOURCE_ID: &str = "Microsoft.Azure.Commands.Network.Models.PSResourceId";
const STRING_LIST: &str = "System.Collections.Generic.List[string]";

fn text(s: &str) -> Value {
    Value::str(s)
}

fn opt(s: &Option<String>) -> Value {
    s.as_deref().map_or(Value::Null, text)
}

fn strings(list: &[String]) -> Value {
    Value::array(list.iter().map(|s| text(s)).collect())
}

fn empty() -> Value {
    Value::array(Vec::new())
}

/// A `PSResourceId` (or another model carrying only its `Id`).
fn reference(type_name: &str, id: &str) -> Value {
    let mut o = PsObject::typed(type_name);
    o.add_typed("Id", "string", text(id));
    Value::object(o)
}

/// A property of an object value, if it has it.
pub fn member(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Object(o) => o.borrow().get(name).cloned(),
        _ => None,
    }
}

/// A member as text (nothing for a null).
pub fn member_text(v: &Value, name: &str) -> Option<String> {
    member(v, name).filter(|x| !x.is_null()).map(|x| to_string(&x))
}

/// The items of a list value (one item for a lone object, none for null).
pub fn items(v: Option<Value>) -> Vec<Value> {
    match v {
        Some(Value::Array(a)) => a.borrow().clone(),
        Some(Value::List(l)) => l.items.borrow().clone(),
        Some(Value::Null) | None => Vec::new(),
        Some(one) => vec![one],
    }
}

/// A list member's items as text.
pub fn member_strings(v: &Value, name: &str) -> Vec<String> {
    items(member(v, name)).iter().map(to_string).collect()
}

/// What every network resource object starts with.
fn head(type_name: &str, c: &Common, id: &str, etag: &str, state: &str) -> PsObject {
    let mut o = PsObject::typed(type_name);
    o.add_typed("Name", "string", text(&c.name));
    o.add_typed("ResourceGroupName", "string", text(&c.resource_group));
    o.add_typed("Location", "string", text(&c.location));
    o.add_typed("Id", "string", text(id));
    o.add_typed("Etag", "string", text(etag));
    o.add_typed("ResourceGuid", "string", text(&c.resource_guid.to_string()));
    o.add_typed("ProvisioningState", "string", text(state));
    o.add_typed("Tag", "hashtable", if c.tags.is_empty() { Value::Null } else { tag_table(&c.tags) });
    o.add_typed("TagsTable", "string", tags_table(&c.tags));
    o
}

/// A `PSSubnet`, as the service answers it or (`local`) as New-AzVirtualNetworkSubnetConfig
/// builds it before anything is sent: name, prefixes and the two policies only.
pub fn subnet(name: &str, prefixes: &[String], served: Option<&Subnet>) -> Value {
    let mut o = PsObject::typed(SUBNET);
    let list = |v: Value| if served.is_some() { v } else { Value::Null };
    o.add_typed("Delegations", "System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSDelegation]", list(empty()));
    o.add_typed("Name", "string", text(name));
    o.add_typed("Etag", "string", served.map_or(Value::Null, |s| text(&s.etag)));
    o.add_typed("Id", "string", served.map_or(Value::Null, |s| text(&s.id)));
    o.add_typed("AddressPrefix", STRING_LIST, strings(prefixes));
    let configs = served.map_or(Value::Null, |s| Value::array(s.ip_configurations.iter().map(|id| reference(&format!("{NS}PSIPConfiguration"), id)).collect()));
    o.add_typed("IpConfigurations", "System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSIPConfiguration]", configs);
    for name in ["ServiceAssociationLinks", "ResourceNavigationLinks", "ServiceEndpoints", "ServiceEndpointPolicies", "PrivateEndpoints"] {
        o.add_typed(name, "System.Collections.Generic.List[object]", list(empty()));
    }
    o.add_typed("ProvisioningState", "string", served.map_or(Value::Null, |_| text("Succeeded")));
    o.add_typed("PrivateEndpointNetworkPolicies", "string", text("Disabled"));
    o.add_typed("PrivateLinkServiceNetworkPolicies", "string", text("Enabled"));
    o.add_typed("IpAllocations", "System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSResourceId]", list(empty()));
    Value::object(o)
}

/// A `PSVirtualNetwork`.
pub fn vnet(v: &VirtualNetwork) -> Value {
    let c = &v.common;
    let mut o = head(VNET, c, &v.id, &v.etag, "Succeeded");
    let mut space = PsObject::typed(&format!("{NS}PSAddressSpace"));
    space.add_typed("AddressPrefixes", STRING_LIST, strings(&v.address_prefixes));
    o.add_typed("AddressSpace", "Microsoft.Azure.Commands.Network.Models.PSAddressSpace", Value::object(space));
    let mut dhcp = PsObject::typed(&format!("{NS}PSDhcpOptions"));
    dhcp.add_typed("DnsServers", STRING_LIST, if v.dns_servers.is_empty() { Value::Null } else { strings(&v.dns_servers) });
    o.add_typed("DhcpOptions", "Microsoft.Azure.Commands.Network.Models.PSDhcpOptions", Value::object(dhcp));
    o.add_typed("FlowTimeoutInMinutes", "System.Nullable[int]", Value::Null);
    let subnets = v.subnets.iter().map(|s| subnet(&s.name, &s.address_prefixes, Some(s))).collect();
    o.add_typed("Subnets", "System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSSubnet]", Value::array(subnets));
    o.add_typed("VirtualNetworkPeerings", "System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSVirtualNetworkPeering]", empty());
    o.add_typed("EnableDdosProtection", "System.Nullable[bool]", Value::Bool(false));
    o.add_typed("DdosProtectionPlan", RESOURCE_ID, Value::Null);
    o.add_typed("ExtendedLocation", "Microsoft.Azure.Commands.Network.Models.PSExtendedLocation", Value::Null);
    Value::object(o)
}

/// A `PSPublicIpAddress`; an address not yet assigned reads `Not Assigned`.
pub fn public_ip(p: &PublicIp) -> Value {
    let r = &p.record;
    let c = &r.common;
    let mut o = head(PUBLIC_IP, c, &p.id, &p.etag, "Succeeded");
    o.add_typed("PublicIpAllocationMethod", "string", text(r.allocation.as_str()));
    o.add_typed("IpAddress", "string", text(r.address.as_deref().unwrap_or("Not Assigned")));
    o.add_typed("PublicIpAddressVersion", "string", text(&r.version));
    o.add_typed("IdleTimeoutInMinutes", "System.Nullable[int]", Value::Int(r.idle_timeout_minutes as i32));
    o.add_typed(
        "IpConfiguration",
        "Microsoft.Azure.Commands.Network.Models.PSIPConfiguration",
        p.ip_configuration.as_deref().map_or(Value::Null, |id| reference(&format!("{NS}PSIPConfiguration"), id)),
    );
    let dns = r.domain_name_label.as_ref().map_or(Value::Null, |label| {
        let mut d = PsObject::typed(&format!("{NS}PSPublicIpAddressDnsSettings"));
        d.add_typed("DomainNameLabel", "string", text(label));
        d.add_typed("Fqdn", "string", text(&format!("{label}.{}.cloudapp.azure.com", c.location)));
        Value::object(d)
    });
    o.add_typed("DnsSettings", "Microsoft.Azure.Commands.Network.Models.PSPublicIpAddressDnsSettings", dns);
    o.add_typed("DdosSettings", "Microsoft.Azure.Commands.Network.Models.PSDdosSettings", Value::Null);
    o.add_typed("Zones", STRING_LIST, empty());
    let mut sku = PsObject::typed(&format!("{NS}PSPublicIpAddressSku"));
    sku.add_typed("Name", "string", text(r.sku.as_str()));
    sku.add_typed("Tier", "string", text("Regional"));
    o.add_typed("Sku", "Microsoft.Azure.Commands.Network.Models.PSPublicIpAddressSku", Value::object(sku));
    o.add_typed("IpTags", "System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSPublicIpTag]", empty());
    o.add_typed("ExtendedLocation", "Microsoft.Azure.Commands.Network.Models.PSExtendedLocation", Value::Null);
    Value::object(o)
}

/// A `PSVirtualNetworkGatewayIpConfiguration`; `served` adds what the service gives it.
pub fn ip_config(name: &str, private_ip: Option<&str>, subnet_id: Option<&str>, public_ip_id: Option<&str>, served: Option<(&str, &str)>) -> Value {
    let mut o = PsObject::typed(IP_CONFIG);
    o.add_typed("PrivateIpAddress", "string", private_ip.map_or(Value::Null, text));
    o.add_typed("PrivateIpAllocationMethod", "string", text(if private_ip.is_some() { "Static" } else { "Dynamic" }));
    o.add_typed("Subnet", RESOURCE_ID, subnet_id.map_or(Value::Null, |id| reference(RESOURCE_ID, id)));
    o.add_typed("PublicIpAddress", RESOURCE_ID, public_ip_id.map_or(Value::Null, |id| reference(RESOURCE_ID, id)));
    o.add_typed("ProvisioningState", "string", served.map_or(Value::Null, |_| text("Succeeded")));
    o.add_typed("Name", "string", text(name));
    o.add_typed("Etag", "string", served.map_or(Value::Null, |(etag, _)| text(etag)));
    o.add_typed("Id", "string", served.map_or(Value::Null, |(_, id)| text(id)));
    Value::object(o)
}

/// A `PSVirtualNetworkGateway`.
pub fn gateway(g: &Gateway) -> Value {
    let r = &g.record;
    let c = &r.common;
    let mut o = head(GATEWAY, c, &g.id, &g.etag, g.provisioning_state.as_str());
    let configs = g
        .ip_configurations
        .iter()
        .map(|i| ip_config(&i.name, i.private_ip.as_deref(), Some(&i.subnet_id), i.public_ip_id.as_deref(), Some((&g.etag, &i.id))))
        .collect();
    o.add_typed(
        "IpConfigurations",
        "System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSVirtualNetworkGatewayIpConfiguration]",
        Value::array(configs),
    );
    o.add_typed("GatewayType", "string", text(r.kind.as_str()));
    o.add_typed("VpnType", "string", text(r.vpn_type.as_str()));
    o.add_typed("EnableBgp", "bool", Value::Bool(r.enable_bgp));
    o.add_typed("ActiveActive", "bool", Value::Bool(false));
    o.add_typed("GatewayDefaultSite", RESOURCE_ID, Value::Null);
    let mut sku = PsObject::typed(&format!("{NS}PSVirtualNetworkGatewaySku"));
    sku.add_typed("Capacity", "int", Value::Int(2));
    sku.add_typed("Name", "string", text(r.sku.as_str()));
    sku.add_typed("Tier", "string", text(r.sku.as_str()));
    o.add_typed("Sku", "Microsoft.Azure.Commands.Network.Models.PSVirtualNetworkGatewaySku", Value::object(sku));
    o.add_typed("VpnClientConfiguration", "Microsoft.Azure.Commands.Network.Models.PSVpnClientConfiguration", Value::Null);
    let bgp = g.bgp.as_ref().map_or(Value::Null, |(asn, address)| Value::object(bgp_settings(*asn, address, 0)));
    o.add_typed("BgpSettings", "Microsoft.Azure.Commands.Network.Models.PSBgpSettings", bgp);
    o.add_typed("CustomRoutes", "Microsoft.Azure.Commands.Network.Models.PSAddressSpace", Value::Null);
    o.add_typed("NatRules", "System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSVirtualNetworkGatewayNatRule]", empty());
    o.add_typed("ExtendedLocation", "Microsoft.Azure.Commands.Network.Models.PSExtendedLocation", Value::Null);
    o.add_typed("EnableBgpRouteTranslationForNat", "bool", Value::Bool(false));
    Value::object(o)
}

/// A `PSBgpSettings`: a gateway's BGP speaker, Azure's or the on-premises one.
pub fn bgp_settings(asn: u32, address: &str, weight: i32) -> PsObject {
    let mut b = PsObject::typed(&format!("{NS}PSBgpSettings"));
    b.add_typed("Asn", "System.Nullable[long]", Value::Long(i64::from(asn)));
    b.add_typed("BgpPeeringAddress", "string", text(address));
    b.add_typed("PeerWeight", "System.Nullable[int]", Value::Int(weight));
    b
}

/// A `PSLocalNetworkGateway`.
pub fn local_gateway(l: &LocalGateway) -> Value {
    let r = &l.record;
    let mut o = head(LOCAL_GATEWAY, &r.common, &l.id, &l.etag, "Succeeded");
    o.add_typed("GatewayIpAddress", "string", text(&r.gateway_ip));
    o.add_typed("Fqdn", "string", text(&r.fqdn));
    let mut space = PsObject::typed(&format!("{NS}PSAddressSpace"));
    space.add_typed("AddressPrefixes", STRING_LIST, strings(&r.address_prefixes));
    o.add_typed("LocalNetworkAddressSpace", "Microsoft.Azure.Commands.Network.Models.PSAddressSpace", Value::object(space));
    let bgp = r.bgp.as_ref().map_or(Value::Null, |b| Value::object(bgp_settings(b.asn, &b.peering_address, b.peer_weight)));
    o.add_typed("BgpSettings", "Microsoft.Azure.Commands.Network.Models.PSBgpSettings", bgp);
    Value::object(o)
}

/// A `PSVirtualNetworkGatewayConnection`.
pub fn connection(x: &Connection) -> Value {
    let r = &x.record;
    let c = &r.common;
    let mut o = head(CONNECTION, c, &x.id, &x.etag, x.provisioning_state.as_str());
    o.add_typed("AuthorizationKey", "string", opt(&r.authorization_key));
    o.add_typed("VirtualNetworkGateway1", GATEWAY, reference(GATEWAY, &r.gateway1_id));
    o.add_typed("VirtualNetworkGateway2", GATEWAY, Value::Null);
    o.add_typed("LocalNetworkGateway2", LOCAL_GATEWAY, r.local_gateway2_id.as_deref().map_or(Value::Null, |id| reference(LOCAL_GATEWAY, id)));
    o.add_typed("Peer", RESOURCE_ID, if r.peer_id.is_empty() { Value::Null } else { reference(RESOURCE_ID, &r.peer_id) });
    o.add_typed("ConnectionType", "string", text(r.kind.as_str()));
    o.add_typed("RoutingWeight", "int", Value::Int(r.routing_weight));
    o.add_typed("SharedKey", "string", opt(&r.shared_key));
    o.add_typed("ConnectionStatus", "string", text(x.connection_status));
    o.add_typed("EgressBytesTransferred", "long", Value::Long(0));
    o.add_typed("IngressBytesTransferred", "long", Value::Long(0));
    o.add_typed("TunnelConnectionStatus", "System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSTunnelConnectionHealth]", empty());
    o.add_typed("ExpressRouteGatewayBypass", "bool", Value::Bool(r.express_route_gateway_bypass));
    o.add_typed("IngressNatRules", "System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSResourceId]", empty());
    o.add_typed("EgressNatRules", "System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSResourceId]", empty());
    Value::object(o)
}

/// `…Text` of a reference: its Id as a quoted JSON string, nothing when there is none.
fn id_text(v: &Value, name: &str) -> String {
    member(v, name).and_then(|r| member_text(&r, "Id")).map_or(String::new(), |id| json::write(&text(&id)))
}

fn prop(name: &'static str) -> ViewColumn {
    ViewColumn::property(name, 0)
}

fn computed(label: &'static str, f: fn(&Value) -> String) -> ViewColumn {
    ViewColumn { label, value: ColumnValue::Computed(f), ..ViewColumn::property(label, 0) }
}

fn list(type_name: &'static str, columns: Vec<ViewColumn>) -> TableView {
    TableView { list: true, ..TableView::new(type_name, columns) }
}

fn tags() -> ViewColumn {
    ViewColumn { label: "Tags", ..prop("TagsTable") }
}

fn resource_head() -> Vec<ViewColumn> {
    vec![prop("Name"), prop("ResourceGroupName"), prop("Location"), prop("Id"), prop("Etag"), prop("ResourceGuid"), prop("ProvisioningState"), tags()]
}

/// The list views of the network objects.
pub fn views() -> Vec<TableView> {
    let mut vnet = resource_head();
    vnet.extend([
        computed("AddressSpace", |v| json::member(v, "AddressSpace")),
        computed("DhcpOptions", |v| json::member(v, "DhcpOptions")),
        computed("FlowTimeoutInMinutes", |v| json::member(v, "FlowTimeoutInMinutes")),
        computed("Subnets", |v| json::member(v, "Subnets")),
        computed("VirtualNetworkPeerings", |v| json::member(v, "VirtualNetworkPeerings")),
        computed("EnableDdosProtection", |v| json::member(v, "EnableDdosProtection")),
        computed("DdosProtectionPlan", |v| json::member(v, "DdosProtectionPlan")),
        computed("ExtendedLocation", |v| json::member(v, "ExtendedLocation")),
    ]);
    let subnet = vec![
        prop("Name"),
        prop("Id"),
        prop("Etag"),
        prop("ProvisioningState"),
        computed("AddressPrefix", |v| json::member(v, "AddressPrefix")),
        computed("IpConfigurations", |v| json::member(v, "IpConfigurations")),
        computed("ResourceNavigationLinks", |v| json::member(v, "ResourceNavigationLinks")),
        computed("ServiceAssociationLinks", |v| json::member(v, "ServiceAssociationLinks")),
        computed("NetworkSecurityGroup", |v| json::member(v, "NetworkSecurityGroup")),
        computed("RouteTable", |v| json::member(v, "RouteTable")),
        computed("NatGateway", |v| json::member(v, "NatGateway")),
        computed("ServiceEndpoints", |v| json::member(v, "ServiceEndpoints")),
        computed("ServiceEndpointPolicies", |v| json::member(v, "ServiceEndpointPolicies")),
        computed("PrivateEndpoints", |v| json::member(v, "PrivateEndpoints")),
        prop("PrivateEndpointNetworkPolicies"),
        prop("PrivateLinkServiceNetworkPolicies"),
    ];
    let mut ip = resource_head();
    ip.extend([
        prop("PublicIpAllocationMethod"),
        prop("IpAddress"),
        prop("PublicIpAddressVersion"),
        prop("IdleTimeoutInMinutes"),
        computed("IpConfiguration", |v| json::member(v, "IpConfiguration")),
        computed("DnsSettings", |v| json::member(v, "DnsSettings")),
        computed("DdosSettings", |v| json::member(v, "DdosSettings")),
        prop("Zones"),
        computed("Sku", |v| json::member(v, "Sku")),
        computed("IpTags", |v| json::member(v, "IpTags")),
        computed("ExtendedLocation", |v| json::member(v, "ExtendedLocation")),
    ]);
    let ip_config = vec![
        prop("Name"),
        prop("Id"),
        prop("Etag"),
        prop("PrivateIpAddress"),
        prop("PrivateIpAllocationMethod"),
        computed("Subnet", |v| json::member(v, "Subnet")),
        computed("PublicIpAddress", |v| json::member(v, "PublicIpAddress")),
    ];
    let mut gw = resource_head();
    gw.extend([
        computed("IpConfigurations", |v| json::member(v, "IpConfigurations")),
        prop("GatewayType"),
        prop("VpnType"),
        prop("EnableBgp"),
        prop("ActiveActive"),
        computed("GatewayDefaultSite", |v| json::member(v, "GatewayDefaultSite")),
        computed("Sku", |v| json::member(v, "Sku")),
        computed("VpnClientConfiguration", |v| json::member(v, "VpnClientConfiguration")),
        computed("BgpSettings", |v| json::member(v, "BgpSettings")),
        computed("CustomRoutes", |v| json::member(v, "CustomRoutes")),
        computed("NatRules", |v| json::member(v, "NatRules")),
        computed("ExtendedLocation", |v| json::member(v, "ExtendedLocation")),
        prop("EnableBgpRouteTranslationForNat"),
    ]);
    let mut conn = resource_head();
    conn.extend([
        prop("AuthorizationKey"),
        computed("VirtualNetworkGateway1", |v| id_text(v, "VirtualNetworkGateway1")),
        computed("VirtualNetworkGateway2", |v| id_text(v, "VirtualNetworkGateway2")),
        computed("LocalNetworkGateway2", |v| id_text(v, "LocalNetworkGateway2")),
        computed("Peer", |v| id_text(v, "Peer")),
        prop("RoutingWeight"),
        prop("SharedKey"),
        prop("ConnectionStatus"),
        prop("EgressBytesTransferred"),
        prop("IngressBytesTransferred"),
        computed("TunnelConnectionStatus", |v| json::member(v, "TunnelConnectionStatus")),
        computed("IngressNatRules", |v| json::member(v, "IngressNatRules")),
        computed("EgressNatRules", |v| json::member(v, "EgressNatRules")),
    ]);
    let mut lng = resource_head();
    lng.extend([
        prop("GatewayIpAddress"),
        prop("Fqdn"),
        computed("LocalNetworkAddressSpace", |v| json::member(v, "LocalNetworkAddressSpace")),
        computed("BgpSettings", |v| json::member(v, "BgpSettings")),
    ]);
    vec![
        list(VNET, vnet),
        list(SUBNET, subnet),
        list(PUBLIC_IP, ip),
        list(IP_CONFIG, ip_config),
        list(GATEWAY, gw),
        list(CONNECTION, conn),
        list(LOCAL_GATEWAY, lng),
    ]
}
