//! `PSPeering` and its `PSPeeringConfig` (Microsoft peering's prefixes): the objects the
//! service answers, the ones the config cmdlets build on the local circuit, the PUT body
//! read back from them, and the PSPeering list view (Network.format.ps1xml @03711f49,
//! facts §2.3). Properties are added in the model's JSON order (inherited Name, Etag, Id
//! first), which is the order `PeeringsText` prints them.

use crate::cloud::arm::{ArmMicrosoftConfig, ArmMicrosoftConfigPut, ArmPeering, ArmPeeringPut, ArmPrefixInfo};
use crate::engine::command::FromArg;
use crate::engine::convert::to_string;
use crate::engine::value::{PsObject, Value};
use crate::engine::views::{ColumnValue, TableView};

use super::connections;
use super::json_text::json_text;
use super::models::{item, member, member_text, prop, text};
use super::network::route_filter_reference;

pub const PEERING: &str = "Microsoft.Azure.Commands.Network.Models.PSPeering";
pub const PEERING_CONFIG: &str = "Microsoft.Azure.Commands.Network.Models.PSPeeringConfig";
pub const PREFIX_CONFIG: &str = "Microsoft.Azure.Commands.Network.Models.PSPeeringPrefixConfig";
const PREFIX_CONFIGS: &str = "System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSPeeringPrefixConfig]";
const IPV6_CONFIG: &str = "Microsoft.Azure.Commands.Network.Models.PSIpv6PeeringConfig";
const CONNECTIONS: &str = "System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSExpressRouteCircuitConnection]";
const PEERED_CONNECTIONS: &str = "System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSPeerExpressRouteCircuitConnection]";

/// What a peering object holds, whoever made it.
pub struct PeeringFields {
    pub name: Value,
    pub etag: Value,
    pub id: Value,
    pub peering_type: Value,
    pub state: Value,
    pub azure_asn: i32,
    pub peer_asn: u32,
    pub primary: Value,
    pub secondary: Value,
    pub ports: Value,
    pub shared_key: Value,
    pub vlan_id: i32,
    pub microsoft: Value,
    pub provisioning_state: Value,
    pub gateway_manager_etag: Value,
    pub last_modified_by: Value,
    pub connections: Value,
    pub peered_connections: Value,
    /// A PSRouteFilter carrying only its `Id`, as the service and the config cmdlets set it.
    pub route_filter: Value,
}

/// A `PSPeering` object.
pub fn peering_object(f: PeeringFields) -> Value {
    let mut o = PsObject::typed(PEERING);
    o.add_typed("Name", "string", f.name);
    o.add_typed("Etag", "string", f.etag);
    o.add_typed("Id", "string", f.id);
    o.add_typed("PeeringType", "string", f.peering_type);
    o.add_typed("State", "string", f.state);
    o.add_typed("AzureASN", "int", Value::Int(f.azure_asn));
    o.add_typed("PeerASN", "uint", Value::UInt(f.peer_asn));
    o.add_typed("PrimaryPeerAddressPrefix", "string", f.primary);
    o.add_typed("SecondaryPeerAddressPrefix", "string", f.secondary);
    o.add_typed("PrimaryAzurePort", "string", f.ports.clone());
    o.add_typed("SecondaryAzurePort", "string", f.ports);
    o.add_typed("SharedKey", "string", f.shared_key);
    o.add_typed("VlanId", "int", Value::Int(f.vlan_id));
    o.add_typed("MicrosoftPeeringConfig", PEERING_CONFIG, f.microsoft);
    o.add_typed("ProvisioningState", "string", f.provisioning_state);
    o.add_typed("GatewayManagerEtag", "string", f.gateway_manager_etag);
    o.add_typed("LastModifiedBy", "string", f.last_modified_by);
    o.add_typed("RouteFilter", super::network::ROUTE_FILTER, f.route_filter);
    o.add_typed("Ipv6PeeringConfig", IPV6_CONFIG, Value::Null);
    o.add_typed("Connections", CONNECTIONS, f.connections);
    o.add_typed("PeeredConnections", PEERED_CONNECTIONS, f.peered_connections);
    Value::object(o)
}

/// A `PSPeeringConfig`; the cmdlets set only the prefixes, customer ASN and registry.
pub fn microsoft_config(prefixes: &[String], state: Value, customer_asn: i32, registry: Value) -> Value {
    let mut o = PsObject::typed(PEERING_CONFIG);
    o.add_typed("AdvertisedPublicPrefixes", "System.Collections.Generic.List[string]", Value::array(prefixes.iter().map(|p| text(p)).collect()));
    o.add_typed("AdvertisedCommunities", "System.Collections.Generic.List[string]", Value::Null);
    o.add_typed("AdvertisedPublicPrefixesState", "string", state);
    o.add_typed("CustomerASN", "System.Nullable[int]", Value::Int(customer_asn));
    o.add_typed("LegacyMode", "System.Nullable[int]", Value::Null);
    o.add_typed("RoutingRegistryName", "string", registry);
    o.add_typed("AdvertisedPublicPrefixInfo", PREFIX_CONFIGS, Value::Null);
    Value::object(o)
}

/// A `PSPeeringPrefixConfig` (one entry of `AdvertisedPublicPrefixInfo`).
pub fn prefix_config(prefix: &str, validation_id: Option<&str>, signature: Option<&str>) -> Value {
    let mut o = PsObject::typed(PREFIX_CONFIG);
    o.add_typed("Prefix", "string", text(prefix));
    o.add_typed("ValidationId", "string", validation_id.map_or(Value::Null, text));
    o.add_typed("Signature", "string", signature.map_or(Value::Null, text));
    o.add_typed("ValidationState", "string", Value::Null);
    Value::object(o)
}

/// Microsoft peering's `PSPeeringConfig` as the service answered it.
pub fn answered_microsoft_config(m: &ArmMicrosoftConfig) -> Value {
    let config = microsoft_config(
        &m.advertised_public_prefixes,
        text(m.advertised_public_prefixes_state.as_str()),
        m.customer_asn as i32,
        text(&m.routing_registry_name),
    );
    if !m.prefix_info.is_empty() {
        let info = m.prefix_info.iter().map(|i| prefix_config(&i.prefix, i.validation_id.as_deref(), i.signature.as_deref())).collect();
        if let Value::Object(o) = &config {
            o.borrow_mut().set("AdvertisedPublicPrefixInfo", Value::array(info));
        }
    }
    config
}

/// A peering as the service answered it.
pub fn peering(p: &ArmPeering) -> Value {
    let microsoft = p.microsoft.as_ref().map_or(Value::Null, answered_microsoft_config);
    peering_object(PeeringFields {
        name: text(&p.name),
        etag: text(&p.etag),
        id: text(&p.id),
        peering_type: text(p.peering_type),
        state: text(p.state.as_str()),
        azure_asn: p.azure_asn as i32,
        peer_asn: p.peer_asn,
        primary: text(&p.primary_peer_address_prefix),
        secondary: text(&p.secondary_peer_address_prefix),
        ports: text(""),
        shared_key: p.shared_key.as_deref().map_or(Value::Null, text),
        vlan_id: p.vlan_id as i32,
        microsoft,
        provisioning_state: text("Succeeded"),
        gateway_manager_etag: text(""),
        last_modified_by: text("Customer"),
        connections: Value::array(p.connections.iter().map(|c| connections::connection(c, false)).collect()),
        peered_connections: Value::array(p.peered_connections.iter().map(|c| connections::connection(c, true)).collect()),
        route_filter: p.route_filter_id.as_deref().map_or(Value::Null, route_filter_reference),
    })
}

fn items(v: &Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a.borrow().clone(),
        Value::List(l) => l.items.borrow().clone(),
        Value::Null => Vec::new(),
        other => vec![other.clone()],
    }
}

fn number(v: &Value, name: &str) -> u32 {
    member(v, name).and_then(|x| u32::from_arg(&x)).unwrap_or(0)
}

/// The `peerings` of the PUT Set-AzExpressRouteCircuit sends: every PSPeering on the object.
pub fn peering_puts(list: &Value) -> Vec<ArmPeeringPut> {
    items(list)
        .iter()
        .map(|p| {
            let config = member(p, "MicrosoftPeeringConfig").filter(|c| !c.is_null());
            ArmPeeringPut {
                name: member_text(p, "Name").unwrap_or_default(),
                peering_type: member_text(p, "PeeringType").unwrap_or_default(),
                peer_asn: number(p, "PeerASN"),
                primary_peer_address_prefix: member_text(p, "PrimaryPeerAddressPrefix").unwrap_or_default(),
                secondary_peer_address_prefix: member_text(p, "SecondaryPeerAddressPrefix").unwrap_or_default(),
                vlan_id: number(p, "VlanId"),
                shared_key: member_text(p, "SharedKey"),
                microsoft: config.map(|c| ArmMicrosoftConfigPut {
                    advertised_public_prefixes: member(&c, "AdvertisedPublicPrefixes").map(|l| items(&l).iter().map(to_string).collect()).unwrap_or_default(),
                    customer_asn: Some(number(&c, "CustomerASN")).filter(|n| *n != 0),
                    routing_registry_name: member_text(&c, "RoutingRegistryName"),
                    prefix_info: member(&c, "AdvertisedPublicPrefixInfo")
                        .map(|l| {
                            items(&l)
                                .iter()
                                .map(|i| ArmPrefixInfo {
                                    prefix: member_text(i, "Prefix").unwrap_or_default(),
                                    validation_id: member_text(i, "ValidationId"),
                                    signature: member_text(i, "Signature"),
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                }),
                connections: connections::connection_puts(p),
                route_filter_id: member(p, "RouteFilter").filter(|f| !f.is_null()).and_then(|f| member_text(&f, "Id")).filter(|id| !id.is_empty()),
            }
        })
        .collect()
}

fn microsoft_text(v: &Value) -> String {
    json_text(member(v, "MicrosoftPeeringConfig").as_ref())
}

fn route_filter_text(v: &Value) -> String {
    json_text(member(v, "RouteFilter").as_ref())
}

/// PSPeering's list view: `SecondaryPeerAddressPrefix` twice and no `State`, as the format
/// file has it.
pub fn peering_view() -> TableView {
    TableView {
        list: true,
        ..TableView::new(
            PEERING,
            vec![
                prop("Name"),
                prop("Id"),
                prop("Etag"),
                prop("PeeringType"),
                prop("AzureASN"),
                prop("PeerASN"),
                prop("PrimaryPeerAddressPrefix"),
                prop("SecondaryPeerAddressPrefix"),
                prop("PrimaryAzurePort"),
                prop("SecondaryAzurePort"),
                prop("SecondaryPeerAddressPrefix"),
                prop("SharedKey"),
                prop("VlanId"),
                item("MicrosoftPeeringConfig", ColumnValue::Computed(microsoft_text)),
                prop("ProvisioningState"),
                prop("GatewayManagerEtag"),
                prop("LastModifiedBy"),
                item("RouteFilter", ColumnValue::Computed(route_filter_text)),
            ],
        )
    }
}
