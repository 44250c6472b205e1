//! Connections of type ExpressRoute between a gateway and a circuit (IPsec connections to a
//! local network gateway are `ipsec_connections.rs`). The circuit may be the
//! caller's or, with an authorization key, another subscription's: the key must be one of
//! the circuit's authorizations and not yet used ("valid for only one connection"); the
//! connection then holds it until it is deleted. The circuit must be provisioned with
//! private peering, and its link limit counts classic links and ARM connections together.

use uuid::Uuid;

use super::errors;
use super::ids::{network_id, parse_id};
use super::records::{ArmConnectionRef, Common, ConnectionKind, ConnectionRecord, GatewayKind, GatewaySku};
use crate::cloud::arm::errors as arm_errors;
use crate::cloud::arm::resource::merge_tags;
use crate::cloud::arm::{etag_text, normalize_region, ProvisioningState, Tags};
use crate::cloud::authorization::AuthorizationRecord;
use crate::cloud::circuit::{CircuitRecord, CircuitStatus, ProviderProvisioningState};
use crate::cloud::errors::CloudResult;
use crate::cloud::link::max_links;
use crate::cloud::peering::BgpPeeringAccessType;
use crate::cloud::world::{ServiceKey, SubscriptionId, World};

pub(crate) const KIND: &str = "connections";

/// `connectionStatus` of an ExpressRoute connection once it is made (chosen: no recording of
/// one was found; the connection exists only over a provisioned, peered circuit).
pub const CONNECTED: &str = "Connected";

/// `connectionStatus` of an IPsec connection: the lab has no on-premises device to bring the
/// tunnel up (chosen: the status the service reports before any tunnel is negotiated).
pub const IPSEC_STATUS: &str = "Unknown";

/// The body of a connection PUT.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConnectionPut {
    pub resource_group: String,
    pub name: String,
    pub location: String,
    /// As typed (`ExpressRoute`).
    pub kind: String,
    pub gateway1_id: String,
    pub peer_id: Option<String>,
    pub authorization_key: Option<String>,
    pub routing_weight: i64,
    pub express_route_gateway_bypass: bool,
    /// IPsec: the local network gateway's id and the pre-shared key.
    pub local_gateway2_id: Option<String>,
    pub shared_key: Option<String>,
    pub tags: Tags,
}

/// A connection as the service answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connection {
    pub record: ConnectionRecord,
    pub id: String,
    pub etag: String,
    pub provisioning_state: ProvisioningState,
    pub connection_status: &'static str,
}

/// The key an authorization is redeemed with: its id, the one key the circuit record keeps.
pub(crate) fn authorization_key(a: &AuthorizationRecord) -> String {
    a.id.to_string()
}

impl CircuitRecord {
    /// Classic links and ARM connections: what the circuit's link limit counts.
    pub(crate) fn link_count(&self) -> usize {
        self.links.len() + self.arm_connections.len()
    }

    fn authorization_in_use(&self, id: &Uuid) -> bool {
        self.used_links(id) > 0
    }
}

/// A new connection's gateway: of the kind the connection needs (`wrong` refuses another) and
/// built.
pub(super) fn ready_gateway(gateway: &super::Gateway, kind: GatewayKind, wrong: fn(&str) -> crate::cloud::errors::CloudError) -> CloudResult<()> {
    if gateway.record.kind != kind {
        return Err(wrong(&gateway.id));
    }
    if gateway.provisioning_state != ProvisioningState::Succeeded {
        return Err(errors::gateway_busy(&gateway.id));
    }
    Ok(())
}

impl World {
    pub(super) fn connection_view(&self, caller: &SubscriptionId, c: &ConnectionRecord) -> Connection {
        let id = network_id(caller, &c.common.resource_group, KIND, &c.common.name);
        let connection_status = if c.kind == ConnectionKind::IPsec { IPSEC_STATUS } else { CONNECTED };
        Connection { record: c.clone(), etag: etag_text(&c.common.etag), id, provisioning_state: ProvisioningState::Succeeded, connection_status }
    }

    /// Whether the group holds a connection of this name.
    pub fn connection_exists(&self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<bool> {
        self.network_exists::<ConnectionRecord>(caller, group, name)
    }

    /// The circuit a PeerId names (an ARM circuit, in its owner's subscription).
    fn peer_circuit(&self, peer: &str) -> Option<ServiceKey> {
        let p = parse_id(peer).filter(|p| p.is("expressRouteCircuits"))?;
        self.arm_circuit_keys(&p.subscription, Some(&p.group)).into_iter().find(|k| self.circuits.get(k).is_some_and(|c| c.name.eq_ignore_ascii_case(&p.name)))
    }

    /// PUT of a connection: creates it, or changes its routing weight, FastPath setting and tags.
    pub fn put_connection(&mut self, caller: &SubscriptionId, put: ConnectionPut) -> CloudResult<Connection> {
        self.caller(caller)?;
        let group = self.group(caller, &put.resource_group)?.name.clone();
        let region = normalize_region(&put.location).ok_or_else(|| arm_errors::location_not_available(&put.location, "Microsoft.Network/connections"))?;
        super::check_name(&put.name)?;
        let kind = ConnectionKind::parse(&put.kind).ok_or_else(|| super::invalid_value("connectionType", &put.kind))?;
        let weight =
            i32::try_from(put.routing_weight).ok().filter(|w| (0..=32000).contains(w)).ok_or_else(|| errors::routing_weight_invalid(put.routing_weight))?;
        match kind {
            ConnectionKind::ExpressRoute => {}
            ConnectionKind::IPsec => return self.put_ipsec_connection(caller, put, (group, region), weight),
            other => return Err(errors::connection_type_unsupported(other.as_str())),
        }
        let id = network_id(caller, &group, KIND, &put.name);
        let existing = self.stored_network::<ConnectionRecord>(caller, &group, &put.name);
        let gateway = self.gateway_by_id(caller, existing.as_ref().map_or(put.gateway1_id.as_str(), |o| o.gateway1_id.as_str()))?;
        if put.express_route_gateway_bypass && !matches!(gateway.record.sku, GatewaySku::UltraPerformance | GatewaySku::ErGw3AZ) {
            return Err(errors::fast_path_needs_sku(&gateway.id, gateway.record.sku.as_str()));
        }
        if let Some(old) = existing {
            let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
            if !same(&old.gateway1_id, &put.gateway1_id) {
                return Err(errors::connection_fixed("virtualNetworkGateway1"));
            }
            if !same(&old.peer_id, put.peer_id.as_deref().unwrap_or_default()) {
                return Err(errors::connection_fixed("peer"));
            }
            let record = ConnectionRecord {
                common: Common { tags: merge_tags(&put.tags), etag: self.ids.next_guid(), ..old.common },
                routing_weight: weight,
                express_route_gateway_bypass: put.express_route_gateway_bypass,
                ..old
            };
            return Ok(self.save_connection(caller, &record));
        }
        ready_gateway(&gateway, GatewayKind::ExpressRoute, errors::gateway_not_express_route)?;
        let peer = put.peer_id.clone().unwrap_or_default();
        let owner = parse_id(&peer).filter(|p| p.is("expressRouteCircuits")).ok_or_else(errors::cannot_parse_request)?.subscription;
        let key_text = put.authorization_key.clone().filter(|k| !k.trim().is_empty());
        if owner != *caller && key_text.is_none() {
            return Err(errors::linked_authorization_failed(&id, &peer));
        }
        let key = self.peer_circuit(&peer).ok_or_else(|| errors::reference_not_found(&peer))?;
        let circuit = self.circuits.get(&key).ok_or_else(|| errors::reference_not_found(&peer))?;
        let usable = circuit.provider_state == ProviderProvisioningState::Provisioned
            && circuit.status == CircuitStatus::Enabled
            && circuit.peerings.iter().any(|p| p.access_type == BgpPeeringAccessType::Private);
        if !usable {
            return Err(errors::circuit_not_ready(&peer));
        }
        let connected = |c: &ArmConnectionRef| {
            c.subscription == *caller
                && self.arm_networks.of(caller).connections.iter().any(|x| {
                    x.gateway1_id.eq_ignore_ascii_case(&gateway.id)
                        && network_id(caller, &x.common.resource_group, KIND, &x.common.name).eq_ignore_ascii_case(&c.connection_id)
                })
        };
        if circuit.arm_connections.iter().any(connected) {
            return Err(errors::already_connected(&gateway.id, &peer));
        }
        let authorization = match (owner != *caller, &key_text) {
            (true, Some(k)) => {
                let a = circuit
                    .authorizations
                    .iter()
                    .find(|a| authorization_key(a).eq_ignore_ascii_case(k.trim()))
                    .ok_or_else(|| errors::authorization_key_invalid(&peer))?;
                if circuit.authorization_in_use(&a.id) {
                    return Err(errors::authorization_key_used(&peer));
                }
                Some(a.id)
            }
            _ => None,
        };
        let limit = max_links(circuit.sku, circuit.bandwidth);
        if circuit.link_count() >= limit {
            return Err(errors::circuit_link_limit(&peer, limit));
        }
        let common = self.new_common(group, &put.name, region, &put.tags);
        let record = ConnectionRecord {
            common,
            kind,
            gateway1_id: gateway.id.clone(),
            peer_id: peer,
            circuit: key,
            authorization_key: key_text,
            routing_weight: weight,
            express_route_gateway_bypass: put.express_route_gateway_bypass,
            local_gateway2_id: None,
            shared_key: None,
        };
        if let Some(c) = self.circuits.get_mut(&key) {
            c.arm_connections.push(ArmConnectionRef { subscription: *caller, connection_id: id, authorization });
        }
        Ok(self.save_connection(caller, &record))
    }

    /// A connection PUT's last step: the record stored, the service's answer for it.
    pub(super) fn save_connection(&mut self, caller: &SubscriptionId, record: &ConnectionRecord) -> Connection {
        self.store_network(caller, record);
        self.connection_view(caller, record)
    }

    pub(super) fn gateway_by_id(&self, caller: &SubscriptionId, id: &str) -> CloudResult<super::Gateway> {
        let path = "properties.virtualNetworkGateway1.id";
        let p = parse_id(id).filter(|p| p.is(super::gateways::KIND)).ok_or_else(|| errors::invalid_reference(id, path))?;
        let set = self.arm_networks.of(caller);
        let g = set.gateways.iter().find(|g| p.subscription == *caller && g.common.is(&p.group, &p.name)).ok_or_else(|| errors::reference_not_found(id))?;
        Ok(self.gateway_view(caller, g))
    }

    /// The VNets the circuit's ARM connections reach, each as its address space and its
    /// GatewaySubnet's prefix (for the private peering's route table: the gateway announces
    /// the space). Read from each connection's own subscription.
    pub(crate) fn arm_connected_vnets(&self, circuit: &CircuitRecord) -> Vec<(Vec<String>, String)> {
        let mut out = Vec::new();
        for link in &circuit.arm_connections {
            let Some(c) = parse_id(&link.connection_id).and_then(|p| self.stored_network::<ConnectionRecord>(&p.subscription, &p.group, &p.name)) else {
                continue;
            };
            let Some(g) = parse_id(&c.gateway1_id).and_then(|p| self.stored_network::<super::GatewayRecord>(&p.subscription, &p.group, &p.name)) else {
                continue;
            };
            let set = self.arm_networks.of(&link.subscription);
            let Some(vnet) = set.virtual_networks.iter().find(|v| v.common.is(&g.vnet.0, &g.vnet.1)) else { continue };
            let gateway_subnet = vnet.subnets.iter().find(|s| s.name.eq_ignore_ascii_case("GatewaySubnet")).and_then(|s| s.address_prefixes.first().cloned());
            if let Some(prefix) = gateway_subnet {
                out.push((vnet.address_prefixes.clone(), prefix));
            }
        }
        out
    }

    /// GET of one connection.
    pub fn get_connection(&self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<Connection> {
        self.get_network::<ConnectionRecord>(caller, group, name)
    }

    /// The connections of a group, or of the subscription (for a wildcard group name).
    pub fn list_connections(&self, caller: &SubscriptionId, group: Option<&str>) -> CloudResult<Vec<Connection>> {
        self.list_network::<ConnectionRecord>(caller, group)
    }

    /// "Revoking an authorization results in all link connections being deleted from the
    /// subscription whose access was revoked" (linkvnet 2020): the connections redeemed with
    /// the authorization `id` of the circuit `key` go, from whichever subscription made them.
    pub(crate) fn drop_connections_of_authorization(&mut self, key: &ServiceKey, id: &Uuid) {
        let Some(circuit) = self.circuits.get_mut(key) else { return };
        let (revoked, kept): (Vec<ArmConnectionRef>, Vec<ArmConnectionRef>) = circuit.arm_connections.drain(..).partition(|c| c.authorization == Some(*id));
        circuit.arm_connections = kept;
        for c in revoked {
            let set = self.arm_networks.of_mut(&c.subscription);
            set.connections.retain(|x| !network_id(&c.subscription, &x.common.resource_group, KIND, &x.common.name).eq_ignore_ascii_case(&c.connection_id));
        }
    }

    /// DELETE of a connection: the circuit forgets it and its authorization is free again.
    pub fn remove_connection(&mut self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<()> {
        let Some(c) = self.network_to_delete::<ConnectionRecord>(caller, group, name)? else {
            return Ok(());
        };
        let id = network_id(caller, &c.common.resource_group, KIND, &c.common.name);
        if let Some(circuit) = self.circuits.get_mut(&c.circuit) {
            circuit.arm_connections.retain(|r| !(r.subscription == *caller && r.connection_id.eq_ignore_ascii_case(&id)));
        }
        self.forget_network::<ConnectionRecord>(caller, group, name);
        Ok(())
    }
}
