//! The classic gateway API of the coexistence pages (New-/Get-/Remove-/Resize-
//! AzureVirtualNetworkGateway, the local network gateways and the connections between
//! them): gateways named by id. A VNet's VPN gateways are kept on its record (the network
//! configuration row), a subscription's local network gateways on its record; a connection
//! belongs to its virtual network gateway.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::errors::{CloudError, CloudResult, ErrorKind};
use super::net::Ipv4Prefix;
use super::vnet::{GatewaySku, GatewayType};
use super::world::{ServiceKey, SubscriptionId, World};

/// A virtual network gateway of the id-based API (a VNet has at most one, beside the
/// ExpressRoute gateway New-AzureVNetGateway makes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VirtualNetworkGateway {
    pub id: Uuid,
    pub name: String,
    pub gateway_type: GatewayType,
    pub sku: GatewaySku,
    pub location: String,
    #[serde(default)]
    pub vnet_id: Option<String>,
    #[serde(default)]
    pub asn: u32,
    #[serde(default)]
    pub bgp_peering_address: Option<String>,
    #[serde(default)]
    pub peer_weight: i32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub connections: Vec<GatewayConnection>,
}

/// An on-premises VPN device and the address space behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalNetworkGateway {
    pub id: Uuid,
    pub name: String,
    pub ip_address: String,
    pub address_space: Vec<String>,
}

/// A connection of a virtual network gateway to a local network gateway or another VNet's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GatewayConnection {
    pub name: String,
    pub connected_entity_id: Uuid,
    pub connection_type: String,
    pub routing_weight: i32,
    pub shared_key: String,
}

/// What New-AzureVirtualNetworkGateway asks for.
pub struct NewVirtualNetworkGateway<'a> {
    pub vnet: &'a str,
    pub name: &'a str,
    pub gateway_type: GatewayType,
    pub sku: GatewaySku,
    pub location: Option<&'a str>,
    pub vnet_id: Option<&'a str>,
    pub asn: u32,
    pub bgp_peering_address: Option<&'a str>,
    pub peer_weight: i32,
}

/// What New-AzureVirtualNetworkGatewayConnection asks for.
pub struct NewGatewayConnection<'a> {
    pub gateway: Uuid,
    pub connected_entity: Uuid,
    pub name: &'a str,
    pub connection_type: &'a str,
    pub routing_weight: i32,
    pub shared_key: Option<&'a str>,
}

/// The connection types the service took (`Ipsec/Dedicated/VpnClient/Vnet2Vnet`).
pub const CONNECTION_TYPES: &[&str] = &["IPsec", DEDICATED, "VpnClient", "Vnet2Vnet"];

/// The ExpressRoute kind: the connected entity is a circuit's service key, and the connection
/// is that circuit's link to the gateway's VNet (one record on the circuit, counted by every
/// link rule, listed by Get-AzureDedicatedCircuitLink).
pub const DEDICATED: &str = "Dedicated";

fn bad(status: u16, code: &str, message: String) -> CloudError {
    CloudError { status, code: code.into(), message, kind: ErrorKind::Sync }
}

// Chosen texts, in the service's style (no recording of this API's errors exists).
fn gateway_not_found(id: &Uuid) -> CloudError {
    bad(404, "ResourceNotFound", format!("The virtual network gateway '{id}' was not found."))
}
fn local_gateway_not_found(id: &Uuid) -> CloudError {
    bad(404, "ResourceNotFound", format!("The local network gateway '{id}' was not found."))
}
fn connection_not_found(gateway: &Uuid, entity: &Uuid) -> CloudError {
    bad(404, "ResourceNotFound", format!("The virtual network gateway '{gateway}' has no connection to '{entity}'."))
}

impl World {
    /// Every id-based virtual network gateway of the caller, with its VNet's name.
    pub fn classic_virtual_network_gateways(&self, caller: &SubscriptionId) -> CloudResult<Vec<(String, VirtualNetworkGateway)>> {
        self.caller(caller)?;
        Ok(self.vnets.of(caller).into_iter().flat_map(|v| v.vpn_gateways.iter().map(|g| (v.config.name.clone(), g.clone()))).collect())
    }

    /// One of them by id.
    pub fn classic_virtual_network_gateway(&self, caller: &SubscriptionId, id: &Uuid) -> CloudResult<(String, VirtualNetworkGateway)> {
        self.classic_virtual_network_gateways(caller)?.into_iter().find(|(_, g)| g.id == *id).ok_or_else(|| gateway_not_found(id))
    }

    pub fn classic_create_virtual_network_gateway(&mut self, caller: &SubscriptionId, new: NewVirtualNetworkGateway) -> CloudResult<VirtualNetworkGateway> {
        self.caller(caller)?;
        let id = self.ids.next_guid();
        let v = self.vnets.find_mut(caller, new.vnet).ok_or_else(|| super::errors::vnet_not_found(new.vnet))?;
        if !v.has_gateway_subnet() {
            return Err(super::errors::gateway_subnet_missing(&v.config.name));
        }
        if !v.vpn_gateways.is_empty() {
            return Err(super::errors::gateway_exists(&v.config.name));
        }
        let gateway = VirtualNetworkGateway {
            id,
            name: new.name.to_string(),
            gateway_type: new.gateway_type,
            sku: new.sku,
            location: new.location.map_or_else(|| v.config.location.clone(), str::to_string),
            vnet_id: new.vnet_id.map(str::to_string),
            asn: new.asn,
            bgp_peering_address: new.bgp_peering_address.map(str::to_string),
            peer_weight: new.peer_weight,
            connections: Vec::new(),
        };
        v.vpn_gateways.push(gateway.clone());
        Ok(gateway)
    }

    fn classic_gateway_mut(&mut self, caller: &SubscriptionId, id: &Uuid) -> CloudResult<&mut VirtualNetworkGateway> {
        let (vnet, _) = self.classic_virtual_network_gateway(caller, id)?;
        let v = self.vnets.find_mut(caller, &vnet).ok_or_else(|| gateway_not_found(id))?;
        v.vpn_gateways.iter_mut().find(|g| g.id == *id).ok_or_else(|| gateway_not_found(id))
    }

    /// Delete: refused while the gateway has connections.
    pub fn classic_remove_virtual_network_gateway(&mut self, caller: &SubscriptionId, id: &Uuid) -> CloudResult<()> {
        let (vnet, g) = self.classic_virtual_network_gateway(caller, id)?;
        if !g.connections.is_empty() {
            return Err(bad(400, "BadRequest", format!("The virtual network gateway '{id}' has connections. Please delete the connections and retry.")));
        }
        if let Some(v) = self.vnets.find_mut(caller, &vnet) {
            v.vpn_gateways.retain(|g| g.id != *id);
        }
        Ok(())
    }

    pub fn classic_resize_virtual_network_gateway(&mut self, caller: &SubscriptionId, id: &Uuid, sku: GatewaySku) -> CloudResult<()> {
        self.classic_gateway_mut(caller, id)?.sku = sku;
        Ok(())
    }

    pub fn classic_local_network_gateways(&self, caller: &SubscriptionId) -> CloudResult<Vec<LocalNetworkGateway>> {
        Ok(self.caller(caller)?.local_network_gateways.clone())
    }

    pub fn classic_local_network_gateway(&self, caller: &SubscriptionId, id: &Uuid) -> CloudResult<LocalNetworkGateway> {
        self.classic_local_network_gateways(caller)?.into_iter().find(|g| g.id == *id).ok_or_else(|| local_gateway_not_found(id))
    }

    /// Create: an IPv4 device address and IPv4 prefixes; names unique in the subscription.
    pub fn classic_create_local_network_gateway(
        &mut self,
        caller: &SubscriptionId,
        name: &str,
        ip: &str,
        space: &[String],
    ) -> CloudResult<LocalNetworkGateway> {
        if ip.trim().parse::<std::net::Ipv4Addr>().is_err() {
            return Err(bad(400, "BadRequest", format!("The IP address '{ip}' of the local network gateway is not valid.")));
        }
        if let Some(p) = space.iter().find(|p| Ipv4Prefix::parse(p).is_none_or(|x| !x.is_network())) {
            return Err(bad(400, "BadRequest", format!("The address prefix '{p}' of the local network gateway is not valid.")));
        }
        if self.classic_local_network_gateways(caller)?.iter().any(|g| g.name.eq_ignore_ascii_case(name.trim())) {
            return Err(bad(409, "ConflictError", format!("A local network gateway named '{name}' already exists.")));
        }
        let gateway =
            LocalNetworkGateway { id: self.ids.next_guid(), name: name.trim().to_string(), ip_address: ip.trim().to_string(), address_space: space.to_vec() };
        self.caller_mut(caller)?.local_network_gateways.push(gateway.clone());
        Ok(gateway)
    }

    /// Delete: refused while a virtual network gateway connects to it.
    pub fn classic_remove_local_network_gateway(&mut self, caller: &SubscriptionId, id: &Uuid) -> CloudResult<()> {
        self.classic_local_network_gateway(caller, id)?;
        if self.classic_virtual_network_gateways(caller)?.iter().any(|(_, g)| g.connections.iter().any(|c| c.connected_entity_id == *id)) {
            return Err(bad(400, "BadRequest", format!("The local network gateway '{id}' is in use by a connection. Please delete the connection and retry.")));
        }
        self.caller_mut(caller)?.local_network_gateways.retain(|g| g.id != *id);
        Ok(())
    }

    /// Every connection of the caller's gateways, with the gateway's id.
    pub fn classic_gateway_connections(&self, caller: &SubscriptionId) -> CloudResult<Vec<(Uuid, GatewayConnection)>> {
        Ok(self.classic_virtual_network_gateways(caller)?.into_iter().flat_map(|(_, g)| g.connections.into_iter().map(move |c| (g.id, c))).collect())
    }

    pub fn classic_gateway_connection(&self, caller: &SubscriptionId, gateway: &Uuid, entity: &Uuid) -> CloudResult<GatewayConnection> {
        let (_, g) = self.classic_virtual_network_gateway(caller, gateway)?;
        g.connections.into_iter().find(|c| c.connected_entity_id == *entity).ok_or_else(|| connection_not_found(gateway, entity))
    }

    /// Create: the entity is a local network gateway or another virtual network gateway of
    /// the caller; one connection per pair; a key is made when none is given. A `Dedicated`
    /// connection links a circuit instead, under New-AzureDedicatedCircuitLink's rules, with
    /// the id-based gateway (dynamic routing) as the VNet's gateway, and has no shared key.
    pub fn classic_create_gateway_connection(&mut self, caller: &SubscriptionId, new: NewGatewayConnection) -> CloudResult<GatewayConnection> {
        let (vnet, gateway) = self.classic_virtual_network_gateway(caller, &new.gateway)?;
        let Some(kind) = CONNECTION_TYPES.iter().find(|t| t.eq_ignore_ascii_case(new.connection_type.trim())) else {
            return Err(bad(
                400,
                "BadRequest",
                format!("The gateway connection type '{}' is not valid. Valid types are: {}.", new.connection_type, CONNECTION_TYPES.join(", ")),
            ));
        };
        let entity = new.connected_entity;
        let key = if *kind == DEDICATED {
            let dynamic = gateway.gateway_type == GatewayType::DynamicRouting;
            self.add_circuit_link(caller, &entity, &vnet, |_| dynamic)?;
            String::new()
        } else {
            let known = self.classic_local_network_gateway(caller, &entity).is_ok()
                || (entity != new.gateway && self.classic_virtual_network_gateway(caller, &entity).is_ok());
            if !known {
                return Err(bad(404, "ResourceNotFound", format!("The connected entity '{entity}' was not found.")));
            }
            if self.classic_gateway_connection(caller, &new.gateway, &entity).is_ok() {
                return Err(bad(409, "ConflictError", format!("The virtual network gateway '{}' is already connected to '{entity}'.", new.gateway)));
            }
            match new.shared_key {
                Some(k) => k.to_string(),
                None => self.ids.next_guid().simple().to_string(),
            }
        };
        let connection = GatewayConnection {
            name: new.name.to_string(),
            connected_entity_id: entity,
            connection_type: kind.to_string(),
            routing_weight: new.routing_weight,
            shared_key: key,
        };
        self.classic_gateway_mut(caller, &new.gateway)?.connections.push(connection.clone());
        Ok(connection)
    }

    /// Delete; a `Dedicated` connection's circuit link goes with it.
    pub fn classic_remove_gateway_connection(&mut self, caller: &SubscriptionId, gateway: &Uuid, entity: &Uuid) -> CloudResult<()> {
        let connection = self.classic_gateway_connection(caller, gateway, entity)?;
        if connection.connection_type == DEDICATED {
            let (vnet, _) = self.classic_virtual_network_gateway(caller, gateway)?;
            if let Some(circuit) = self.circuits.get_mut(entity) {
                circuit.links.retain(|l| !l.is(caller, &vnet));
            }
        }
        self.classic_gateway_mut(caller, gateway)?.connections.retain(|c| c.connected_entity_id != *entity);
        Ok(())
    }

    /// Remove-AzureDedicatedCircuitLink's other half: the `Dedicated` connection of the VNet's
    /// id-based gateway to the circuit, if the link was made as one.
    pub(crate) fn forget_dedicated_connection(&mut self, caller: &SubscriptionId, vnet: &str, key: &ServiceKey) {
        if let Some(v) = self.vnets.find_mut(caller, vnet) {
            for g in &mut v.vpn_gateways {
                g.connections.retain(|c| !(c.connection_type == DEDICATED && c.connected_entity_id == *key));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::circuit::tests::world;
    use crate::cloud::vnet::tests::vnet;

    #[test]
    fn a_vpn_gateway_connects_to_a_local_network_and_removal_follows_the_order() {
        let (mut w, sub) = world();
        w.set_vnet_config(&sub, vec![vnet("V", true)]).unwrap();
        let new = |vnet| NewVirtualNetworkGateway {
            vnet,
            name: "S2S",
            gateway_type: GatewayType::DynamicRouting,
            sku: GatewaySku::HighPerformance,
            location: None,
            vnet_id: None,
            asn: 0,
            bgp_peering_address: None,
            peer_weight: 0,
        };
        let g = w.classic_create_virtual_network_gateway(&sub, new("V")).unwrap();
        assert_eq!(g.location, "West US");
        assert_eq!(w.classic_create_virtual_network_gateway(&sub, new("v")).unwrap_err().code, "ConflictError");
        assert_eq!(w.classic_create_virtual_network_gateway(&sub, new("Nope")).unwrap_err().code, "ResourceNotFound");
        let l = w.classic_create_local_network_gateway(&sub, "OnPrem", "131.107.1.10", &["192.168.0.0/16".into()]).unwrap();
        assert!(w.classic_create_local_network_gateway(&sub, "Bad", "131.107.1", &[]).is_err());
        assert!(w.classic_create_local_network_gateway(&sub, "Bad", "131.107.1.1", &["192.168.0.1/16".into()]).is_err());
        let conn = |kind| NewGatewayConnection {
            gateway: g.id,
            connected_entity: l.id,
            name: "Azure2Local",
            connection_type: kind,
            routing_weight: 0,
            shared_key: Some("abc123"),
        };
        assert_eq!(w.classic_create_gateway_connection(&sub, conn("Bogus")).unwrap_err().code, "BadRequest");
        assert_eq!(w.classic_create_gateway_connection(&sub, conn("ipsec")).unwrap().connection_type, "IPsec");
        assert_eq!(w.classic_create_gateway_connection(&sub, conn("IPsec")).unwrap_err().code, "ConflictError");
        assert!(w.classic_remove_local_network_gateway(&sub, &l.id).is_err(), "in use");
        assert!(w.classic_remove_virtual_network_gateway(&sub, &g.id).is_err(), "has a connection");
        assert!(w.set_vnet_config(&sub, Vec::new()).is_err(), "a VNet with a gateway stays");
        w.classic_remove_gateway_connection(&sub, &g.id, &l.id).unwrap();
        w.classic_remove_local_network_gateway(&sub, &l.id).unwrap();
        w.classic_resize_virtual_network_gateway(&sub, &g.id, GatewaySku::Standard).unwrap();
        assert_eq!(w.classic_virtual_network_gateway(&sub, &g.id).unwrap().1.sku, GatewaySku::Standard);
        w.classic_remove_virtual_network_gateway(&sub, &g.id).unwrap();
        assert!(w.classic_virtual_network_gateways(&sub).unwrap().is_empty());
    }

    #[test]
    fn a_dedicated_connection_is_the_circuits_link_to_the_gateways_vnet() {
        let (mut w, sub, key) = crate::cloud::link::tests::linkable(0);
        w.set_vnet_config(&sub, vec![vnet("V", true)]).unwrap();
        let new = |gateway_type| NewVirtualNetworkGateway {
            vnet: "V",
            name: "Er",
            gateway_type,
            sku: GatewaySku::Default,
            location: None,
            vnet_id: None,
            asn: 0,
            bgp_peering_address: None,
            peer_weight: 0,
        };
        let static_gw = w.classic_create_virtual_network_gateway(&sub, new(GatewayType::StaticRouting)).unwrap();
        let conn = |gateway, connected_entity| NewGatewayConnection {
            gateway,
            connected_entity,
            name: "ToEr",
            connection_type: "dedicated",
            routing_weight: 0,
            shared_key: Some("ignored"),
        };
        assert_eq!(w.classic_create_gateway_connection(&sub, conn(static_gw.id, key)).unwrap_err().code, "BadRequest", "static routing");
        w.classic_remove_virtual_network_gateway(&sub, &static_gw.id).unwrap();
        let g = w.classic_create_virtual_network_gateway(&sub, new(GatewayType::DynamicRouting)).unwrap();
        assert_eq!(w.classic_create_gateway_connection(&sub, conn(g.id, g.id)).unwrap_err().code, "ResourceNotFound", "not a circuit");
        let c = w.classic_create_gateway_connection(&sub, conn(g.id, key)).unwrap();
        assert_eq!((c.connection_type.as_str(), c.shared_key.as_str()), (DEDICATED, ""));
        assert_eq!(w.list_circuit_links(&sub, &key).unwrap().len(), 1);
        assert!(w.new_circuit_link(&sub, &key, "V").is_err(), "linked once");
        w.remove_circuit_link(&sub, &key, "V").unwrap();
        assert!(w.classic_gateway_connections(&sub).unwrap().is_empty(), "the link's removal removes the connection");
        w.classic_create_gateway_connection(&sub, conn(g.id, key)).unwrap();
        w.classic_remove_gateway_connection(&sub, &g.id, &key).unwrap();
        assert!(w.list_circuit_links(&sub, &key).unwrap().is_empty(), "the connection's removal removes the link");
    }
}
