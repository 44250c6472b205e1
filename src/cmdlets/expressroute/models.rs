//! The output objects of the module, shaped as the SDK models declare them: the real type
//! names, properties in declaration order (alphabetical, as the Hyak generator wrote them)
//! with their declared types, enum-typed properties holding enum values.

use crate::cloud::{AuthorizedCircuit, BgpPeering, Circuit, CrossConnection, DedicatedCircuitLink, LinkAuthorization, PeeringStats, ServiceProvider};
use crate::engine::value::{PsObject, Value};

use super::enums::{self, BGP_PEERING_STATE, DEDICATED_CIRCUIT_LINK_STATE, DEDICATED_CIRCUIT_STATE, PROVIDER_PROVISIONING_STATE};

pub const CIRCUIT: &str = "Microsoft.WindowsAzure.Management.ExpressRoute.Models.AzureDedicatedCircuit";
pub const BGP_PEERING: &str = "Microsoft.WindowsAzure.Management.ExpressRoute.Models.AzureBgpPeering";
pub const LINK: &str = "Microsoft.WindowsAzure.Management.ExpressRoute.Models.AzureDedicatedCircuitLink";
pub const AUTHORIZATION: &str = "Microsoft.WindowsAzure.Management.ExpressRoute.Models.AzureDedicatedCircuitLinkAuthorization";
pub const AUTHORIZED_CIRCUIT: &str = "Microsoft.WindowsAzure.Management.ExpressRoute.Models.AzureAuthorizedDedicatedCircuit";
pub const PROVIDER: &str = "Microsoft.WindowsAzure.Management.ExpressRoute.Models.AzureDedicatedCircuitServiceProvider";
pub const BANDWIDTH: &str = "Microsoft.WindowsAzure.Management.ExpressRoute.Models.DedicatedCircuitBandwidth";
pub const STATS: &str = "Microsoft.WindowsAzure.Management.ExpressRoute.Models.AzureDedicatedCircuitStats";
pub const CROSS_CONNECTION: &str = "Microsoft.WindowsAzure.Management.ExpressRoute.Models.AzureCrossConnection";

fn text(s: &str) -> Value {
    Value::str(s)
}

/// `AzureDedicatedCircuit`: 9 properties. `BillingType` is a string in the model; the list
/// answer carries none (the recorded server quirk), which prints as an empty value.
pub fn circuit(c: &Circuit) -> Value {
    let mut o = PsObject::typed(CIRCUIT);
    o.add_typed("Bandwidth", "uint", Value::UInt(c.bandwidth));
    o.add_typed("BillingType", "string", c.billing_type.map(|b| text(b.as_str())).unwrap_or(Value::Null));
    o.add_typed("CircuitName", "string", text(&c.circuit_name));
    o.add_typed("Location", "string", text(&c.location));
    o.add_typed("ServiceKey", "string", text(&c.service_key.to_string()));
    o.add_typed("ServiceProviderName", "string", text(&c.service_provider_name));
    o.add_typed(
        "ServiceProviderProvisioningState",
        PROVIDER_PROVISIONING_STATE.full_name,
        enums::value(&PROVIDER_PROVISIONING_STATE, c.service_provider_provisioning_state.as_str()),
    );
    o.add_typed("Sku", enums::CIRCUIT_SKU.full_name, enums::value(&enums::CIRCUIT_SKU, c.sku.as_str()));
    o.add_typed("Status", DEDICATED_CIRCUIT_STATE.full_name, enums::value(&DEDICATED_CIRCUIT_STATE, c.status.as_str()));
    Value::object(o)
}

/// `AzureBgpPeering`: 12 properties; `AzureAsn` is always 12076.
pub fn bgp_peering(p: &BgpPeering) -> Value {
    let mut o = PsObject::typed(BGP_PEERING);
    o.add_typed("AdvertisedPublicPrefixes", "string", text(&p.advertised_public_prefixes));
    o.add_typed("AdvertisedPublicPrefixesState", "string", text(p.advertised_public_prefixes_state.as_str()));
    o.add_typed("AzureAsn", "uint", Value::UInt(p.azure_asn));
    o.add_typed("CustomerAutonomousSystemNumber", "uint", Value::UInt(p.customer_autonomous_system_number));
    o.add_typed("PeerAsn", "uint", Value::UInt(p.peer_asn));
    o.add_typed("PrimaryAzurePort", "string", text(&p.primary_azure_port));
    o.add_typed("PrimaryPeerSubnet", "string", text(&p.primary_peer_subnet));
    o.add_typed("RoutingRegistryName", "string", text(&p.routing_registry_name));
    o.add_typed("SecondaryAzurePort", "string", text(&p.secondary_azure_port));
    o.add_typed("SecondaryPeerSubnet", "string", text(&p.secondary_peer_subnet));
    o.add_typed("State", BGP_PEERING_STATE.full_name, enums::value(&BGP_PEERING_STATE, p.state.as_str()));
    o.add_typed("VlanId", "uint", Value::UInt(p.vlan_id));
    Value::object(o)
}

/// `AzureDedicatedCircuitLink`: 2 properties, so it prints as a table.
pub fn link(l: &DedicatedCircuitLink) -> Value {
    let mut o = PsObject::typed(LINK);
    o.add_typed("State", DEDICATED_CIRCUIT_LINK_STATE.full_name, enums::value(&DEDICATED_CIRCUIT_LINK_STATE, l.state.as_str()));
    o.add_typed("VnetName", "string", text(&l.vnet_name));
    Value::object(o)
}

/// `AzureDedicatedCircuitLinkAuthorization`: 5 properties, a list.
pub fn authorization(a: &LinkAuthorization) -> Value {
    let mut o = PsObject::typed(AUTHORIZATION);
    o.add_typed("Description", "string", text(&a.description));
    o.add_typed("Limit", "int", Value::Int(a.limit as i32));
    o.add_typed("LinkAuthorizationId", "string", text(&a.link_authorization_id.to_string()));
    o.add_typed("MicrosoftIds", "string", text(&a.microsoft_ids));
    o.add_typed("Used", "int", Value::Int(a.used as i32));
    Value::object(o)
}

/// `AzureAuthorizedDedicatedCircuit`: 9 properties.
pub fn authorized_circuit(c: &AuthorizedCircuit) -> Value {
    let mut o = PsObject::typed(AUTHORIZED_CIRCUIT);
    o.add_typed("Bandwidth", "uint", Value::UInt(c.bandwidth));
    o.add_typed("CircuitName", "string", text(&c.circuit_name));
    o.add_typed("Location", "string", text(&c.location));
    o.add_typed("MaximumAllowedLinks", "int", Value::Int(c.maximum_allowed_links as i32));
    o.add_typed("ServiceKey", "string", text(&c.service_key.to_string()));
    o.add_typed("ServiceProviderName", "string", text(&c.service_provider_name));
    o.add_typed(
        "ServiceProviderProvisioningState",
        PROVIDER_PROVISIONING_STATE.full_name,
        enums::value(&PROVIDER_PROVISIONING_STATE, c.service_provider_provisioning_state.as_str()),
    );
    o.add_typed("Status", DEDICATED_CIRCUIT_STATE.full_name, enums::value(&DEDICATED_CIRCUIT_STATE, c.status.as_str()));
    o.add_typed("UsedLinks", "int", Value::Int(c.used_links as i32));
    Value::object(o)
}

/// `AzureDedicatedCircuitServiceProvider`, shown through the module's table view.
pub fn provider(p: &ServiceProvider) -> Value {
    let bandwidths = p
        .bandwidths
        .iter()
        .map(|b| {
            let mut o = PsObject::typed(BANDWIDTH);
            o.add_typed("Bandwidth", "uint", Value::UInt(b.bandwidth));
            o.add_typed("Label", "string", text(b.label));
            Value::object(o)
        })
        .collect();
    let mut o = PsObject::typed(PROVIDER);
    o.add_typed(
        "DedicatedCircuitBandwidths",
        "System.Collections.Generic.IList[Microsoft.WindowsAzure.Management.ExpressRoute.Models.DedicatedCircuitBandwidth]",
        Value::array(bandwidths),
    );
    o.add_typed("DedicatedCircuitLocations", "string", text(p.locations));
    o.add_typed("Name", "string", text(p.name));
    o.add_typed("Type", "string", text(p.provider_type.as_str()));
    Value::object(o)
}

/// `AzureDedicatedCircuitStats`: 4 counters, a table.
pub fn stats(s: &PeeringStats) -> Value {
    let mut o = PsObject::typed(STATS);
    o.add_typed("PrimaryBytesIn", "ulong", Value::ULong(s.primary_bytes_in));
    o.add_typed("PrimaryBytesOut", "ulong", Value::ULong(s.primary_bytes_out));
    o.add_typed("SecondaryBytesIn", "ulong", Value::ULong(s.secondary_bytes_in));
    o.add_typed("SecondaryBytesOut", "ulong", Value::ULong(s.secondary_bytes_out));
    Value::object(o)
}

/// `AzureCrossConnection`: the provider's view; states are strings in this model.
pub fn cross_connection(x: &CrossConnection) -> Value {
    let mut o = PsObject::typed(CROSS_CONNECTION);
    o.add_typed("Bandwidth", "int", Value::Int(x.bandwidth as i32));
    o.add_typed("PrimaryAzurePort", "string", text(&x.primary_azure_port));
    o.add_typed("ProvisioningState", "string", text(x.provisioning_state.as_str()));
    o.add_typed("SecondaryAzurePort", "string", text(&x.secondary_azure_port));
    o.add_typed("ServiceKey", "string", text(&x.service_key.to_string()));
    o.add_typed("STag", "int", Value::Int(x.stag as i32));
    o.add_typed("Status", "string", text(x.status.as_str()));
    Value::object(o)
}
