//! Site-to-site connections of type IPsec: a built VPN gateway to a local network gateway, with
//! a pre-shared key. The tunnel itself needs the on-premises device, which the lab does not
//! have, so the connection is made but never reports Connected; a local network gateway a
//! connection names cannot be deleted.

use uuid::Uuid;

use super::connections::{ready_gateway, Connection, ConnectionPut};
use super::errors;
use super::ids::{network_id, parse_id};
use super::records::{Common, ConnectionKind, ConnectionRecord, GatewayKind, LocalGatewayRecord};
use crate::cloud::arm::resource::merge_tags;
use crate::cloud::errors::CloudResult;
use crate::cloud::world::{SubscriptionId, World};

impl World {
    /// The IPsec part of a connection PUT (its name, region and weight already checked): a new
    /// one needs a VPN gateway that is built and a local network gateway of the caller's; an
    /// existing one keeps both ends and takes the key, weight and tags sent.
    pub(super) fn put_ipsec_connection(
        &mut self,
        caller: &SubscriptionId,
        put: ConnectionPut,
        (group, region): (String, &str),
        weight: i32,
    ) -> CloudResult<Connection> {
        let existing = self.stored_network::<ConnectionRecord>(caller, &group, &put.name);
        let gateway = self.gateway_by_id(caller, existing.as_ref().map_or(put.gateway1_id.as_str(), |o| o.gateway1_id.as_str()))?;
        let local_id = self.local_gateway_id(caller, put.local_gateway2_id.as_deref().unwrap_or_default())?;
        let shared_key = put.shared_key.clone().filter(|k| !k.is_empty());
        if let Some(old) = existing {
            let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
            if !same(&old.gateway1_id, &put.gateway1_id) {
                return Err(errors::connection_fixed("virtualNetworkGateway1"));
            }
            if !old.local_gateway2_id.as_deref().is_some_and(|o| same(o, &local_id)) {
                return Err(errors::connection_fixed("localNetworkGateway2"));
            }
            let record = ConnectionRecord {
                common: Common { tags: merge_tags(&put.tags), etag: self.ids.next_guid(), ..old.common },
                routing_weight: weight,
                shared_key: shared_key.or(old.shared_key),
                ..old
            };
            return Ok(self.save_connection(caller, &record));
        }
        ready_gateway(&gateway, GatewayKind::Vpn, errors::gateway_not_vpn)?;
        let common = self.new_common(group, &put.name, region, &put.tags);
        let record = ConnectionRecord {
            common,
            kind: ConnectionKind::IPsec,
            gateway1_id: gateway.id.clone(),
            peer_id: String::new(),
            circuit: Uuid::nil(),
            authorization_key: None,
            routing_weight: weight,
            express_route_gateway_bypass: false,
            local_gateway2_id: Some(local_id),
            shared_key,
        };
        Ok(self.save_connection(caller, &record))
    }

    /// The id of the caller's local network gateway that `id` names, as the service spells it.
    fn local_gateway_id(&self, caller: &SubscriptionId, id: &str) -> CloudResult<String> {
        let p =
            parse_id(id).filter(|p| p.is(super::local_gateways::KIND)).ok_or_else(|| errors::invalid_reference(id, "properties.localNetworkGateway2.id"))?;
        let found = self
            .stored_network::<LocalGatewayRecord>(caller, &p.group, &p.name)
            .filter(|_| p.subscription == *caller)
            .ok_or_else(|| errors::reference_not_found(id))?;
        Ok(network_id(caller, &found.common.resource_group, super::local_gateways::KIND, &found.common.name))
    }

    /// The connection that names the local network gateway `id`, if one does (its delete rule).
    pub(super) fn connection_to_local_gateway(&self, caller: &SubscriptionId, id: &str) -> Option<String> {
        let set = self.arm_networks.of(caller);
        let c = set.connections.iter().find(|c| c.local_gateway2_id.as_deref().is_some_and(|l| l.eq_ignore_ascii_case(id)))?;
        Some(network_id(caller, &c.common.resource_group, super::connections::KIND, &c.common.name))
    }
}
