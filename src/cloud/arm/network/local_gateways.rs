//! Local network gateways: what Azure knows of an on-premises VPN device — its public address
//! (or DNS name), the address space behind it and, for dynamic routing, its BGP speaker. The
//! resource configures nothing on the device; a site-to-site connection names it, and while
//! one does it cannot be deleted.

use std::net::Ipv4Addr;

use super::ids::network_id;
use super::records::{LocalBgpRecord, LocalGatewayRecord};
use crate::cloud::arm::errors as arm_errors;
use crate::cloud::arm::{etag_text, normalize_region, Tags};
use crate::cloud::errors::CloudResult;
use crate::cloud::world::{SubscriptionId, World};

pub(crate) const KIND: &str = "localNetworkGateways";

/// The body of a local network gateway PUT.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocalGatewayPut {
    pub resource_group: String,
    pub name: String,
    pub location: String,
    /// The device's public IPv4 address; empty when it is named by `fqdn`.
    pub gateway_ip: String,
    pub fqdn: String,
    pub address_prefixes: Vec<String>,
    /// ASN, BGP peering address and peer weight, when the device speaks BGP.
    pub bgp: Option<(u32, String, i32)>,
    pub tags: Tags,
}

/// A local network gateway as the service answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalGateway {
    pub record: LocalGatewayRecord,
    pub id: String,
    pub etag: String,
}

fn ipv4(text: &str, property: &str) -> CloudResult<String> {
    text.trim().parse::<Ipv4Addr>().map(|a| a.to_string()).map_err(|_| super::invalid_value(property, text))
}

impl World {
    pub(crate) fn local_gateway_view(&self, caller: &SubscriptionId, r: &LocalGatewayRecord) -> LocalGateway {
        let id = network_id(caller, &r.common.resource_group, KIND, &r.common.name);
        LocalGateway { record: r.clone(), etag: etag_text(&r.common.etag), id }
    }

    /// Whether the group holds a local network gateway of this name.
    pub fn local_gateway_exists(&self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<bool> {
        self.network_exists::<LocalGatewayRecord>(caller, group, name)
    }

    /// PUT of a local network gateway: creates it, or replaces its address, prefixes, BGP
    /// settings and tags. The address must be an IPv4 address unless a name is given, each
    /// prefix a network prefix, and a BGP peering address an IPv4 address.
    pub fn put_local_gateway(&mut self, caller: &SubscriptionId, put: LocalGatewayPut) -> CloudResult<LocalGateway> {
        self.caller(caller)?;
        let group = self.group(caller, &put.resource_group)?.name.clone();
        let region =
            normalize_region(&put.location).ok_or_else(|| arm_errors::location_not_available(&put.location, "Microsoft.Network/localNetworkGateways"))?;
        super::check_name(&put.name)?;
        let gateway_ip =
            if put.fqdn.trim().is_empty() || !put.gateway_ip.trim().is_empty() { ipv4(&put.gateway_ip, "gatewayIpAddress")? } else { String::new() };
        for p in &put.address_prefixes {
            super::vnets::prefix(p)?;
        }
        let bgp = match &put.bgp {
            Some((asn, address, weight)) => {
                Some(LocalBgpRecord { asn: *asn, peering_address: ipv4(address, "bgpSettings.bgpPeeringAddress")?, peer_weight: *weight })
            }
            None => None,
        };
        let existing = self.stored_network::<LocalGatewayRecord>(caller, &group, &put.name);
        let etag = self.ids.next_guid();
        let common = self.put_common(existing.map(|e| e.common), etag, (group, &put.name), region, &put.tags);
        let record = LocalGatewayRecord { common, gateway_ip, fqdn: put.fqdn.trim().to_string(), address_prefixes: put.address_prefixes.clone(), bgp };
        self.store_network(caller, &record);
        Ok(self.local_gateway_view(caller, &record))
    }

    /// GET of one local network gateway.
    pub fn get_local_gateway(&self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<LocalGateway> {
        self.get_network::<LocalGatewayRecord>(caller, group, name)
    }

    /// The local network gateways of a group, or of the subscription.
    pub fn list_local_gateways(&self, caller: &SubscriptionId, group: Option<&str>) -> CloudResult<Vec<LocalGateway>> {
        self.list_network::<LocalGatewayRecord>(caller, group)
    }

    /// DELETE of a local network gateway: refused while a connection names it.
    pub fn remove_local_gateway(&mut self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<()> {
        let Some(l) = self.network_to_delete::<LocalGatewayRecord>(caller, group, name)? else {
            return Ok(());
        };
        let id = network_id(caller, &l.common.resource_group, KIND, &l.common.name);
        if let Some(connection) = self.connection_to_local_gateway(caller, &id) {
            return Err(super::errors::local_gateway_in_use(&id, &connection));
        }
        self.forget_network::<LocalGatewayRecord>(caller, group, name);
        Ok(())
    }
}
