//! Links between a circuit and classic VNets (`dedicatedcircuits/{key}/vnets/{name}`).
//!
//! The VNet name is scoped to the calling subscription, as in the real URL. A subscription
//! other than the circuit owner's may link only through an authorization that names its
//! account.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::circuit::{CircuitRecord, CircuitSku};
use super::errors::{self, CloudResult};
use super::peering::BgpPeeringAccessType;
use super::vnet::{GatewayState, GatewayType, VirtualNetwork};
use super::world::{ServiceKey, SubscriptionId, World};

/// "A single VNet can be linked to up to four ExpressRoute circuits" (linkvnet-classic doc).
pub const MAX_CIRCUITS_PER_VNET: usize = 4;

/// Links a Standard circuit allows ("up to 10 virtual networks").
pub const STANDARD_LINK_LIMIT: usize = 10;

string_enum! {
    /// `DedicatedCircuitLinkState`; `Provisioned` is the only value ever observed.
    DedicatedCircuitLinkState { Provisioned }
}

/// A link as the service answers it (`AzureDedicatedCircuitLink`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DedicatedCircuitLink {
    /// Link state.
    pub state: DedicatedCircuitLinkState,
    /// The VNet's configured name.
    pub vnet_name: String,
}

/// Stored link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct LinkRecord {
    pub(crate) vnet_name: String,
    /// The VNet's subscription (the caller that made the link).
    pub(crate) subscription: SubscriptionId,
    /// The authorization used, for links from other subscriptions.
    pub(crate) authorization: Option<Uuid>,
}

impl LinkRecord {
    fn view(&self) -> DedicatedCircuitLink {
        DedicatedCircuitLink { state: DedicatedCircuitLinkState::Provisioned, vnet_name: self.vnet_name.clone() }
    }

    pub(crate) fn is(&self, caller: &SubscriptionId, vnet: &str) -> bool {
        self.subscription == *caller && self.vnet_name.eq_ignore_ascii_case(vnet.trim())
    }
}

/// VNet links a circuit allows: 10 for Standard; for Premium the 2015 limits table by
/// bandwidth (50 Mbps: 20, 100/200 Mbps: 25, 500 Mbps: 40, 1 Gbps: 50, 2 Gbps: 60,
/// 5 Gbps: 75, 10 Gbps: 100).
pub fn max_links(sku: CircuitSku, bandwidth: u32) -> usize {
    match sku {
        CircuitSku::Standard => STANDARD_LINK_LIMIT,
        CircuitSku::Premium => match bandwidth {
            0..=50 => 20,
            51..=200 => 25,
            201..=500 => 40,
            501..=1000 => 50,
            1001..=2000 => 60,
            2001..=5000 => 75,
            _ => 100,
        },
    }
}

impl World {
    /// The circuit, if the caller owns it or an authorization names the caller's account.
    pub(crate) fn linkable_circuit(&self, caller: &SubscriptionId, key: &ServiceKey) -> CloudResult<&CircuitRecord> {
        let account = &self.caller(caller)?.account;
        self.circuits
            .get(key)
            .filter(|c| c.classic_visible() && (c.subscription == *caller || c.authorizations.iter().any(|a| a.names(account))))
            .ok_or_else(|| errors::circuit_not_found(key))
    }

    /// Links of all circuits to the caller's VNet `vnet`.
    pub(crate) fn links_of_vnet(&self, caller: &SubscriptionId, vnet: &str) -> usize {
        self.circuits.linked_to(caller, vnet).len()
    }

    /// Refuses an update whose sku would allow fewer links than exist (premium removal).
    pub(crate) fn check_link_limit_for(&self, next: &CircuitRecord) -> CloudResult<()> {
        let limit = max_links(next.sku, next.bandwidth);
        if next.link_count() > limit {
            return Err(errors::too_many_links_for_standard(next.link_count(), limit));
        }
        Ok(())
    }

    /// New-AzureDedicatedCircuitLink: through the VNet's ExpressRoute gateway, which must be a
    /// provisioned dynamic routing one.
    pub fn new_circuit_link(&mut self, caller: &SubscriptionId, key: &ServiceKey, vnet: &str) -> CloudResult<DedicatedCircuitLink> {
        let ready =
            |v: &VirtualNetwork| v.gateway.as_ref().is_some_and(|g| g.gateway_type == GatewayType::DynamicRouting && g.state == GatewayState::Provisioned);
        self.add_circuit_link(caller, key, vnet, ready)
    }

    /// Links the caller's VNet to the circuit under every link rule; `gateway_ready` says
    /// whether the VNet has the gateway the link goes through (New-AzureDedicatedCircuitLink's
    /// ExpressRoute gateway, or the id-based gateway of a `Dedicated` gateway connection).
    pub(crate) fn add_circuit_link(
        &mut self,
        caller: &SubscriptionId,
        key: &ServiceKey,
        vnet: &str,
        gateway_ready: impl Fn(&VirtualNetwork) -> bool,
    ) -> CloudResult<DedicatedCircuitLink> {
        let account = self.caller(caller)?.account.clone();
        let circuit = self.linkable_circuit(caller, key)?;
        circuit.require_usable()?;
        let has_private = circuit.peerings.iter().any(|p| p.access_type == BgpPeeringAccessType::Private);
        if !has_private {
            return Err(errors::private_peering_missing());
        }
        let vnet_record = self.vnets.find(caller, vnet).ok_or_else(|| errors::vnet_not_found(vnet))?;
        let vnet_name = vnet_record.config.name.clone();
        if !gateway_ready(vnet_record) {
            return Err(errors::gateway_not_ready(&vnet_name));
        }
        if circuit.links.iter().any(|l| l.is(caller, &vnet_name)) {
            return Err(errors::link_exists(&vnet_name));
        }
        if self.links_of_vnet(caller, &vnet_name) >= MAX_CIRCUITS_PER_VNET {
            return Err(errors::vnet_circuit_limit(&vnet_name, MAX_CIRCUITS_PER_VNET));
        }
        let limit = max_links(circuit.sku, circuit.bandwidth);
        if circuit.link_count() >= limit {
            return Err(errors::circuit_link_limit(limit));
        }
        let authorization = if circuit.subscription == *caller {
            None
        } else {
            let with_room = circuit.authorizations.iter().find(|a| a.names(&account) && circuit.used_links(&a.id) < a.limit as usize);
            Some(with_room.ok_or_else(errors::authorization_exhausted)?.id)
        };
        let link = LinkRecord { vnet_name, subscription: *caller, authorization };
        let view = link.view();
        if let Some(c) = self.circuits.get_mut(key) {
            c.links.push(link);
        }
        Ok(view)
    }

    /// Get-AzureDedicatedCircuitLink -VNetName.
    pub fn get_circuit_link(&self, caller: &SubscriptionId, key: &ServiceKey, vnet: &str) -> CloudResult<DedicatedCircuitLink> {
        self.linkable_circuit(caller, key)?.links.iter().find(|l| l.is(caller, vnet)).map(LinkRecord::view).ok_or_else(|| errors::link_not_found(vnet))
    }

    /// Get-AzureDedicatedCircuitLink: the circuit's links to the caller's VNets.
    pub fn list_circuit_links(&self, caller: &SubscriptionId, key: &ServiceKey) -> CloudResult<Vec<DedicatedCircuitLink>> {
        Ok(self.linkable_circuit(caller, key)?.links.iter().filter(|l| l.subscription == *caller).map(LinkRecord::view).collect())
    }

    /// Remove-AzureDedicatedCircuitLink; a `Dedicated` gateway connection that was this link
    /// goes with it.
    pub fn remove_circuit_link(&mut self, caller: &SubscriptionId, key: &ServiceKey, vnet: &str) -> CloudResult<()> {
        self.get_circuit_link(caller, key, vnet)?;
        if let Some(c) = self.circuits.get_mut(key) {
            c.links.retain(|l| !l.is(caller, vnet));
        }
        self.forget_dedicated_connection(caller, vnet, key);
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::cloud::circuit::tests::world;
    use crate::cloud::circuit::CircuitUpdate;
    use crate::cloud::errors::ErrorKind;
    use crate::cloud::peering::tests::private_peering;
    use crate::cloud::provider_side::tests::provisioned_circuit;
    use crate::cloud::vnet::tests::vnet;
    use crate::cloud::vnet::GatewaySku;

    /// A provisioned circuit with private peering, and VNets `V0..Vn` with gateways.
    pub(crate) fn linkable(n: usize) -> (World, SubscriptionId, ServiceKey) {
        let (mut w, sub) = world();
        let key = provisioned_circuit(&mut w, &sub, "c");
        w.new_bgp_peering(&sub, &key, BgpPeeringAccessType::Private, private_peering()).unwrap();
        add_vnets(&mut w, &sub, n);
        (w, sub, key)
    }

    pub(crate) fn add_vnets(w: &mut World, sub: &SubscriptionId, n: usize) {
        let configs = (0..n).map(|i| vnet(&format!("V{i}"), true)).collect();
        w.set_vnet_config(sub, configs).unwrap();
        for i in 0..n {
            w.create_gateway(sub, &format!("V{i}"), GatewayType::DynamicRouting, GatewaySku::Default).unwrap();
        }
    }

    #[test]
    fn link_lifecycle() {
        let (mut w, sub, key) = linkable(1);
        let l = w.new_circuit_link(&sub, &key, "v0").unwrap();
        assert_eq!((l.state, l.vnet_name.as_str()), (DedicatedCircuitLinkState::Provisioned, "V0"));
        assert_eq!(w.get_circuit_link(&sub, &key, "V0").unwrap(), l);
        assert_eq!(w.list_circuit_links(&sub, &key).unwrap(), vec![l]);
        let e = w.new_circuit_link(&sub, &key, "V0").unwrap_err();
        assert_eq!((e.status, e.code.as_str()), (409, "ConflictError"));

        // Links block the gateway, the private peering and the circuit.
        let e = w.remove_gateway(&sub, "V0").unwrap_err();
        assert_eq!(
            e.to_string(),
            "BadRequest : A dedicated circuit link associated with the gateway prevents this operation. Please delete the link and retry."
        );
        let e = w.remove_bgp_peering(&sub, &key, BgpPeeringAccessType::Private).unwrap_err();
        assert_eq!(
            e.to_string(),
            "BadRequest: The specified bgp peering is in use. Please delete the links associated with the specified service key and try again."
        );
        w.circuits[&key].provider_state = crate::cloud::ProviderProvisioningState::NotProvisioned;
        let e = w.remove_circuit(&sub, &key).unwrap_err();
        assert!(e.message.starts_with("The specified dedicated circuit is in use."));

        w.remove_circuit_link(&sub, &key, "V0").unwrap();
        let e = w.remove_circuit_link(&sub, &key, "V0").unwrap_err();
        assert_eq!(e.message, "The dedicated circuit link for the virtual network 'V0' was not found.");
        w.remove_gateway(&sub, "V0").unwrap();
        w.remove_circuit(&sub, &key).unwrap();
    }

    #[test]
    fn deleting_a_deprovisioned_circuit_takes_peerings_and_authorizations() {
        let (mut w, sub, key) = linkable(0);
        w.new_link_authorization(&sub, &key, "d", 1, "devtest@contoso.com").unwrap();
        let eq = crate::cloud::provider_side::tests::provider(&w, "Equinix");
        w.set_cross_connection(&eq, &key, crate::cloud::CrossConnectionOperation::NotifyCrossConnectionNotProvisioned, None).unwrap();
        w.remove_circuit(&sub, &key).unwrap();
        assert!(w.circuits.values().is_empty());
        let dev = w.find_subscription_by_name("Contoso Dev-Test").unwrap().id;
        assert!(w.list_authorized_circuits(&dev).unwrap().is_empty());
    }

    #[test]
    fn link_prerequisites() {
        let (mut w, sub) = world();
        let key = w.create_circuit(&sub, crate::cloud::circuit::tests::new_circuit("c")).unwrap().service_key;
        add_vnets(&mut w, &sub, 1);
        let e = w.new_circuit_link(&sub, &key, "V0").unwrap_err();
        assert_eq!(e.message, "The specified dedicated circuit is not in Provisioned state.");
        let key = provisioned_circuit(&mut w, &sub, "p");
        let e = w.new_circuit_link(&sub, &key, "V0").unwrap_err();
        assert_eq!(e.message, "Private BGP peering is not configured for the specified dedicated circuit.");
        w.new_bgp_peering(&sub, &key, BgpPeeringAccessType::Private, private_peering()).unwrap();
        let e = w.new_circuit_link(&sub, &key, "Nope").unwrap_err();
        assert_eq!(e.code, "ResourceNotFound");
        w.set_vnet_config(&sub, vec![vnet("V0", true), vnet("Static", true), vnet("Bare", true)]).unwrap();
        w.create_gateway(&sub, "Static", GatewayType::StaticRouting, GatewaySku::Default).unwrap();
        for name in ["Static", "Bare"] {
            let e = w.new_circuit_link(&sub, &key, name).unwrap_err();
            assert_eq!(e.message, format!("The virtual network '{name}' does not have a provisioned dynamic routing gateway."));
        }
        w.new_circuit_link(&sub, &key, "V0").unwrap();
    }

    #[test]
    fn a_vnet_links_to_at_most_four_circuits() {
        let (mut w, sub, _) = linkable(1);
        for i in 0..5 {
            let key = provisioned_circuit(&mut w, &sub, &format!("x{i}"));
            let mut p = private_peering();
            p.vlan_id = 100;
            w.new_bgp_peering(&sub, &key, BgpPeeringAccessType::Private, p).unwrap();
            let r = w.new_circuit_link(&sub, &key, "V0");
            if i < 4 {
                r.unwrap();
            } else {
                assert_eq!(r.unwrap_err().message, "The virtual network 'V0' is already linked to the maximum number of dedicated circuits (4).");
            }
        }
    }

    #[test]
    fn standard_circuits_take_ten_links_and_premium_more() {
        let (mut w, sub, key) = linkable(12);
        for i in 0..10 {
            w.new_circuit_link(&sub, &key, &format!("V{i}")).unwrap();
        }
        let e = w.new_circuit_link(&sub, &key, "V10").unwrap_err();
        assert_eq!(e.message, "The maximum number of links (10) for the specified dedicated circuit has been reached.");
        let premium = CircuitUpdate { sku: Some(CircuitSku::Premium), ..Default::default() };
        w.update_circuit(&sub, &key, premium).unwrap();
        w.new_circuit_link(&sub, &key, "V10").unwrap();
        let standard = CircuitUpdate { sku: Some(CircuitSku::Standard), ..Default::default() };
        let e = w.update_circuit(&sub, &key, standard.clone()).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Operation);
        assert_eq!(e.code, "InvalidOperation");
        w.remove_circuit_link(&sub, &key, "V10").unwrap();
        w.update_circuit(&sub, &key, standard).unwrap();
    }

    #[test]
    fn premium_limits_follow_the_table() {
        let p = |bw| max_links(CircuitSku::Premium, bw);
        assert_eq!([p(50), p(100), p(200), p(500), p(1000), p(2000), p(5000), p(10000)], [20, 25, 25, 40, 50, 60, 75, 100]);
        assert_eq!(max_links(CircuitSku::Standard, 10000), 10);
    }

    #[test]
    fn other_subscriptions_cannot_see_the_circuit_without_authorization() {
        let (mut w, _, key) = linkable(0);
        let dev = w.find_subscription_by_name("Contoso Dev-Test").unwrap().id;
        add_vnets(&mut w, &dev, 1);
        let e = w.new_circuit_link(&dev, &key, "V0").unwrap_err();
        assert_eq!(e.message, format!("The specified dedicated circuit with service key '{key}' was not found."));
        assert!(w.list_circuit_links(&dev, &key).is_err());
    }
}
