//! Global Reach: connections from a circuit's private peering to another circuit's private
//! peering (Add-AzExpressRouteCircuitConnectionConfig edits the local object; the circuit PUT
//! carries them). The peer circuit sees each one as a peered connection. A peer in another
//! subscription needs an authorization key of the peer circuit; one in the same subscription
//! does not. The address prefix is a /29 for the two links between the circuits.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::errors;
use crate::cloud::circuit::CircuitRecord;
use crate::cloud::errors::CloudResult;
use crate::cloud::net::Ipv4Prefix;
use crate::cloud::peering::BgpPeeringAccessType;
use crate::cloud::world::{ServiceKey, World};

/// A connection made by the private peering of the circuit that holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CircuitConnectionRecord {
    pub(crate) name: String,
    pub(crate) peer_circuit: ServiceKey,
    /// The peer's private peering id, as sent (ARM circuits are never renamed).
    pub(crate) peer_peering_id: String,
    pub(crate) address_prefix: String,
    pub(crate) authorization_key: Option<String>,
}

/// The peer circuit's record of a connection made to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeeredConnectionRecord {
    pub(crate) name: String,
    pub(crate) from_circuit: ServiceKey,
    pub(crate) from_peering_id: String,
    pub(crate) address_prefix: String,
}

/// One connection of a PUT's private peering.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArmConnectionPut {
    pub name: String,
    /// `peerExpressRouteCircuitPeering.id`.
    pub peer_peering_id: String,
    pub address_prefix: String,
    pub authorization_key: Option<String>,
}

/// A connection as the GET answers it (`expressRouteCircuitConnection`), from either side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArmCircuitConnection {
    pub name: String,
    pub id: String,
    pub etag: String,
    /// The peering that holds it.
    pub own_peering_id: String,
    /// The peering at the other end.
    pub peer_peering_id: String,
    pub address_prefix: String,
    pub authorization_key: Option<String>,
    /// `Connected`: both ends exist once the PUT succeeded.
    pub status: &'static str,
}

impl CircuitConnectionRecord {
    pub(crate) fn arm_view(&self, peering_id: &str, etag: &str) -> ArmCircuitConnection {
        ArmCircuitConnection {
            id: format!("{peering_id}/connections/{}", self.name),
            name: self.name.clone(),
            etag: etag.to_string(),
            own_peering_id: peering_id.to_string(),
            peer_peering_id: self.peer_peering_id.clone(),
            address_prefix: self.address_prefix.clone(),
            authorization_key: self.authorization_key.clone(),
            status: "Connected",
        }
    }
}

impl PeeredConnectionRecord {
    pub(crate) fn arm_view(&self, peering_id: &str, etag: &str) -> ArmCircuitConnection {
        ArmCircuitConnection {
            id: format!("{peering_id}/peerConnections/{}", self.name),
            name: self.name.clone(),
            etag: etag.to_string(),
            own_peering_id: peering_id.to_string(),
            peer_peering_id: self.from_peering_id.clone(),
            address_prefix: self.address_prefix.clone(),
            authorization_key: None,
            status: "Connected",
        }
    }
}

/// `(subscription, group, circuit, peering)` of a circuit peering id, case-insensitively.
fn parse_peering_id(id: &str) -> Option<(Uuid, String, String, String)> {
    let parts: Vec<&str> = id.trim().trim_start_matches('/').split('/').collect();
    let is = |i: usize, word: &str| parts.get(i).is_some_and(|p| p.eq_ignore_ascii_case(word));
    let shape = parts.len() == 10
        && is(0, "subscriptions")
        && is(2, "resourceGroups")
        && is(4, "providers")
        && is(5, "Microsoft.Network")
        && is(6, "expressRouteCircuits")
        && is(8, "peerings");
    if !shape {
        return None;
    }
    Some((parts[1].parse().ok()?, parts[3].to_string(), parts[7].to_string(), parts[9].to_string()))
}

impl World {
    /// Resolves and checks the connections a PUT gives circuit `own`'s private peering.
    pub(super) fn plan_connections(&self, own: &CircuitRecord, index: usize, sent: &[ArmConnectionPut]) -> CloudResult<Vec<CircuitConnectionRecord>> {
        let mut planned: Vec<CircuitConnectionRecord> = Vec::new();
        for (i, c) in sent.iter().enumerate() {
            if planned.iter().any(|p| p.name.eq_ignore_ascii_case(&c.name)) {
                return Err(errors::connection_name_twice(&c.name));
            }
            let path = format!("properties.peerings[{index}].properties.connections[{i}].properties.peerExpressRouteCircuitPeering.id");
            let (sub, group, name, peering) =
                parse_peering_id(&c.peer_peering_id).ok_or_else(|| errors::linked_invalid_property_id(&c.peer_peering_id, &path))?;
            let peer = self
                .arm_circuit_key(&sub, &group, &name)
                .and_then(|k| self.circuits.get(&k))
                .filter(|p| peering.eq_ignore_ascii_case("AzurePrivatePeering") && p.peerings.iter().any(|x| x.access_type == BgpPeeringAccessType::Private))
                .ok_or_else(|| errors::peer_peering_not_found(&c.peer_peering_id))?;
            if peer.service_key == own.service_key {
                return Err(errors::connection_to_itself(&c.name));
            }
            let prefix_ok = Ipv4Prefix::parse(&c.address_prefix).is_some_and(|p| p.len() == 29 && p.is_network());
            if !prefix_ok {
                return Err(errors::connection_prefix_invalid(&c.address_prefix, &c.name));
            }
            let key = c.authorization_key.clone().filter(|k| !k.trim().is_empty());
            if peer.subscription != own.subscription {
                let authorized = key.as_deref().and_then(|k| k.trim().parse::<Uuid>().ok()).is_some_and(|k| peer.authorizations.iter().any(|a| a.id == k));
                if !authorized {
                    return Err(errors::connection_not_authorized(&c.name));
                }
            }
            planned.push(CircuitConnectionRecord {
                name: c.name.clone(),
                peer_circuit: peer.service_key,
                peer_peering_id: c.peer_peering_id.clone(),
                address_prefix: c.address_prefix.clone(),
                authorization_key: key,
            });
        }
        Ok(planned)
    }

    /// After circuit `own`'s private peering changed from `old` to `new` connections: the
    /// peer circuits' records of them follow.
    pub(super) fn sync_peered_connections(&mut self, own: &ServiceKey, own_peering_id: &str, old: &[CircuitConnectionRecord], new: &[CircuitConnectionRecord]) {
        for gone in old.iter().filter(|o| !new.contains(o)) {
            if let Some(p) =
                self.circuits.get_mut(&gone.peer_circuit).and_then(|c| c.peerings.iter_mut().find(|p| p.access_type == BgpPeeringAccessType::Private))
            {
                p.peered_connections.retain(|r| !(r.from_circuit == *own && r.name.eq_ignore_ascii_case(&gone.name)));
            }
        }
        for added in new.iter().filter(|n| !old.contains(n)) {
            if let Some(p) =
                self.circuits.get_mut(&added.peer_circuit).and_then(|c| c.peerings.iter_mut().find(|p| p.access_type == BgpPeeringAccessType::Private))
            {
                p.peered_connections.push(PeeredConnectionRecord {
                    name: added.name.clone(),
                    from_circuit: *own,
                    from_peering_id: own_peering_id.to_string(),
                    address_prefix: added.address_prefix.clone(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::arm::{ArmCircuitPut, ArmPeeringPut};
    use crate::cloud::circuit::tests::world;
    use crate::cloud::provider_side::tests::provider;
    use crate::cloud::world::SubscriptionId;
    use crate::cloud::CrossConnectionOperation;

    fn put(name: &str, connections: Vec<ArmConnectionPut>) -> ArmCircuitPut {
        ArmCircuitPut {
            resource_group: "rg".into(),
            name: name.into(),
            location: "West US".into(),
            service_provider_name: Some("Equinix".into()),
            peering_location: Some("Silicon Valley".into()),
            bandwidth_in_mbps: Some(200),
            peerings: Some(vec![ArmPeeringPut {
                name: "AzurePrivatePeering".into(),
                peering_type: "AzurePrivatePeering".into(),
                peer_asn: 100,
                primary_peer_address_prefix: "10.0.0.0/30".into(),
                secondary_peer_address_prefix: "10.0.0.4/30".into(),
                vlan_id: 100,
                connections,
                ..Default::default()
            }]),
            ..Default::default()
        }
    }

    /// A provisioned circuit of `sub` with private peering; its private peering id.
    fn peered(w: &mut World, sub: &SubscriptionId, name: &str) -> (ServiceKey, String) {
        w.create_or_update_resource_group(sub, "rg", "West US", &Vec::new()).unwrap();
        let key = w.put_arm_circuit(sub, ArmCircuitPut { peerings: None, ..put(name, Vec::new()) }).unwrap().service_key;
        let eq = provider(w, "Equinix");
        w.new_cross_connection(&eq, &key).unwrap();
        w.set_cross_connection(&eq, &key, CrossConnectionOperation::NotifyCrossConnectionProvisioned, None).unwrap();
        let c = w.put_arm_circuit(sub, put(name, Vec::new())).unwrap();
        (key, c.peerings[0].id.clone())
    }

    fn to(peer: &str, key: Option<String>) -> ArmConnectionPut {
        ArmConnectionPut { name: "gr".into(), peer_peering_id: peer.into(), address_prefix: "10.20.0.0/29".into(), authorization_key: key }
    }

    #[test]
    fn a_connection_shows_on_both_circuits_and_goes_from_both() {
        let (mut w, sub) = world();
        let (_, p1) = peered(&mut w, &sub, "c1");
        let (k2, p2) = peered(&mut w, &sub, "c2");
        let c1 = w.put_arm_circuit(&sub, put("c1", vec![to(&p2.to_uppercase(), None)])).unwrap();
        let c = &c1.peerings[0].connections[0];
        assert_eq!((c.id.as_str(), c.status, c.own_peering_id.as_str()), (format!("{p1}/connections/gr").as_str(), "Connected", p1.as_str()));
        let c2 = w.get_arm_circuit(&sub, "rg", "c2").unwrap();
        assert_eq!(c2.peerings[0].peered_connections[0].peer_peering_id, p1);
        assert_eq!(w.remove_arm_circuit(&sub, "rg", "c2").unwrap_err().code, "ConflictError", "still provisioned");
        w.put_arm_circuit(&sub, put("c1", Vec::new())).unwrap();
        assert!(w.get_arm_circuit(&sub, "rg", "c2").unwrap().peerings[0].peered_connections.is_empty());
        assert!(w.circuits[&k2].peerings[0].peered_connections.is_empty());
    }

    #[test]
    fn another_subscriptions_circuit_needs_its_authorization_key() {
        let (mut w, sub) = world();
        let dev = w.find_subscription_by_name("Contoso Dev-Test").unwrap().id;
        peered(&mut w, &sub, "c1");
        let (_, p3) = peered(&mut w, &dev, "c3");
        let e = w.put_arm_circuit(&sub, put("c1", vec![to(&p3, None)])).unwrap_err();
        assert_eq!(e.code, "AuthorizationKeyInvalid");
        let c3 = w.put_arm_circuit(&dev, ArmCircuitPut { authorizations: Some(vec!["gr".into()]), peerings: None, ..put("c3", Vec::new()) }).unwrap();
        let key = c3.authorizations[0].authorization_key.to_string();
        let c1 = w.put_arm_circuit(&sub, put("c1", vec![to(&p3, Some(key))])).unwrap();
        assert_eq!(c1.peerings[0].connections.len(), 1);
    }

    #[test]
    fn malformed_and_missing_peers_prefixes_and_loops_are_refused() {
        let (mut w, sub) = world();
        let (_, p1) = peered(&mut w, &sub, "c1");
        let e = w.put_arm_circuit(&sub, put("c1", vec![to("c2", None)])).unwrap_err();
        assert_eq!(e.code, "LinkedInvalidPropertyId");
        assert!(e.message.contains("'properties.peerings[0].properties.connections[0].properties.peerExpressRouteCircuitPeering.id'"));
        let e = w.put_arm_circuit(&sub, put("c1", vec![to(&p1.replace("/c1/", "/nope/"), None)])).unwrap_err();
        assert!(e.message.starts_with("The peer circuit peering"));
        assert_eq!(
            w.put_arm_circuit(&sub, put("c1", vec![to(&p1, None)])).unwrap_err().message,
            "The circuit connection 'gr' cannot connect a circuit to itself."
        );
        let (_, p2) = peered(&mut w, &sub, "c2");
        let wide = ArmConnectionPut { address_prefix: "10.20.0.0/28".into(), ..to(&p2, None) };
        assert!(w.put_arm_circuit(&sub, put("c1", vec![wide])).unwrap_err().message.contains("Specify a /29"));
    }
}
