//! The peerings of an ARM circuit. Resource Manager has no peering operation of its own here:
//! the peerings travel inside the circuit PUT (`Set-AzExpressRouteCircuit` sends the whole
//! local object), so the service compares the list it receives with the circuit's peerings
//! and applies the difference under the classic backend's rules (`cloud/peering.rs`): a
//! provisioned, enabled circuit for any new or changed peering, /30 subnets, public space
//! for public and Microsoft peering, unique VLANs, the peer ASN, and Microsoft peering's
//! prefixes validated against the routing registry. One peering per type, as classic.

use super::errors;
use super::global_reach::{ArmCircuitConnection, ArmConnectionPut};
use crate::cloud::circuit::CircuitRecord;
use crate::cloud::errors::{self as classic, CloudResult};
use crate::cloud::peering::{split_list, validate, AdvertisedPublicPrefixesState, BgpPeeringAccessType, BgpPeeringState, PeeringRecord, AZURE_ASN};
use crate::cloud::world::{ServiceKey, World};

/// One peering of a circuit PUT, as the local PSPeering object carried it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArmPeeringPut {
    /// The child resource's name (`AzurePrivatePeering`).
    pub name: String,
    /// `peeringType` as sent.
    pub peering_type: String,
    pub peer_asn: u32,
    pub primary_peer_address_prefix: String,
    pub secondary_peer_address_prefix: String,
    pub vlan_id: u32,
    /// `sharedKey`, when one was set.
    pub shared_key: Option<String>,
    /// `microsoftPeeringConfig`, when the object had one.
    pub microsoft: Option<ArmMicrosoftConfigPut>,
    /// `connections` (Global Reach, private peering only).
    pub connections: Vec<ArmConnectionPut>,
    /// `routeFilter.id` (Microsoft peering only).
    pub route_filter_id: Option<String>,
}

/// `microsoftPeeringConfig` of a PUT.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArmMicrosoftConfigPut {
    pub advertised_public_prefixes: Vec<String>,
    pub customer_asn: Option<u32>,
    pub routing_registry_name: Option<String>,
    /// `advertisedPublicPrefixInfo`.
    pub prefix_info: Vec<ArmPrefixInfo>,
}

/// One `advertisedPublicPrefixInfo` entry: a prefix with the validation id and signature the
/// customer gives for it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ArmPrefixInfo {
    pub prefix: String,
    pub validation_id: Option<String>,
    pub signature: Option<String>,
}

string_enum! {
    /// `advertisedPublicPrefixesState` as Resource Manager names it (expressRouteCircuit.json).
    ArmPrefixesState { NotConfigured, Configuring, Configured, ValidationNeeded }
}

/// `microsoftPeeringConfig` as the service answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArmMicrosoftConfig {
    pub advertised_public_prefixes: Vec<String>,
    pub advertised_public_prefixes_state: ArmPrefixesState,
    /// 0 when the peering names no customer ASN (the cmdlets send 0 then).
    pub customer_asn: u32,
    pub routing_registry_name: String,
    pub prefix_info: Vec<ArmPrefixInfo>,
}

/// A peering as the circuit GET answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArmPeering {
    pub name: String,
    pub id: String,
    /// The circuit's etag: a child resource changes with its parent.
    pub etag: String,
    pub peering_type: &'static str,
    pub state: BgpPeeringState,
    pub azure_asn: u32,
    pub peer_asn: u32,
    pub primary_peer_address_prefix: String,
    pub secondary_peer_address_prefix: String,
    pub shared_key: Option<String>,
    pub vlan_id: u32,
    pub microsoft: Option<ArmMicrosoftConfig>,
    /// Global Reach connections this peering made.
    pub connections: Vec<ArmCircuitConnection>,
    /// Global Reach connections other circuits made to it.
    pub peered_connections: Vec<ArmCircuitConnection>,
    /// The id of the attached route filter.
    pub route_filter_id: Option<String>,
}

/// Resource Manager's name of a peering type (`ExpressRoutePeeringType`).
pub fn arm_peering_type(access: BgpPeeringAccessType) -> &'static str {
    match access {
        BgpPeeringAccessType::Private => "AzurePrivatePeering",
        BgpPeeringAccessType::Public => "AzurePublicPeering",
        BgpPeeringAccessType::Microsoft => "MicrosoftPeering",
    }
}

/// The peering type an ARM name stands for, case-insensitively.
pub fn parse_arm_peering_type(text: &str) -> Option<BgpPeeringAccessType> {
    BgpPeeringAccessType::ALL.iter().copied().find(|a| arm_peering_type(*a).eq_ignore_ascii_case(text.trim()))
}

/// The classic validation states in Resource Manager's enumeration: a prefix that needs a
/// support ticket is `ValidationNeeded` there (routing-arm 2017-07 tells the user to open
/// one when the state is ValidationNeeded).
fn arm_prefixes_state(state: AdvertisedPublicPrefixesState) -> ArmPrefixesState {
    match state {
        AdvertisedPublicPrefixesState::Configured => ArmPrefixesState::Configured,
        AdvertisedPublicPrefixesState::ValidationNeeded | AdvertisedPublicPrefixesState::ManualValidation => ArmPrefixesState::ValidationNeeded,
    }
}

impl PeeringRecord {
    /// The peering as Resource Manager answers it, under the circuit resource `circuit_id`.
    pub(crate) fn arm_view(&self, circuit_id: &str, etag: &str) -> ArmPeering {
        let name = arm_peering_type(self.access_type);
        let microsoft = (self.access_type == BgpPeeringAccessType::Microsoft).then(|| ArmMicrosoftConfig {
            advertised_public_prefixes: split_list(&self.advertised_public_prefixes).map(str::to_string).collect(),
            advertised_public_prefixes_state: arm_prefixes_state(self.prefixes_state),
            customer_asn: self.customer_asn,
            routing_registry_name: self.routing_registry_name.clone(),
            prefix_info: self.prefix_info.clone(),
        });
        let id = format!("{circuit_id}/peerings/{name}");
        ArmPeering {
            name: name.to_string(),
            connections: self.connections.iter().map(|c| c.arm_view(&id, etag)).collect(),
            peered_connections: self.peered_connections.iter().map(|c| c.arm_view(&id, etag)).collect(),
            id,
            etag: etag.to_string(),
            peering_type: name,
            state: self.state(),
            azure_asn: AZURE_ASN,
            peer_asn: self.peer_asn,
            primary_peer_address_prefix: self.primary_peer_subnet.clone(),
            secondary_peer_address_prefix: self.secondary_peer_subnet.clone(),
            shared_key: self.shared_key.clone(),
            vlan_id: self.vlan_id,
            microsoft,
            route_filter_id: self.route_filter.clone(),
        }
    }

    /// Whether a PUT's peering asks for anything other than what is stored.
    fn differs_from(&self, sent: &PeeringRecord) -> bool {
        (self.peer_asn, &self.primary_peer_subnet, &self.secondary_peer_subnet, self.vlan_id, &self.shared_key)
            != (sent.peer_asn, &sent.primary_peer_subnet, &sent.secondary_peer_subnet, sent.vlan_id, &sent.shared_key)
            || (self.advertised_public_prefixes.as_str(), self.customer_asn, self.routing_registry_name.as_str())
                != (sent.advertised_public_prefixes.as_str(), sent.customer_asn, sent.routing_registry_name.as_str())
            || self.prefix_info != sent.prefix_info
            || self.route_filter != sent.route_filter
    }
}

impl World {
    /// The circuit's peerings once a PUT carrying `sent` is applied: checked whole before
    /// anything changes, so a refused PUT leaves the circuit as it was. Unchanged peerings
    /// keep their history (creation time, approvals, the customer's routes).
    pub(super) fn plan_arm_peerings(&self, key: &ServiceKey, sent: &[ArmPeeringPut]) -> CloudResult<Vec<PeeringRecord>> {
        let circuit = self.circuits.get(key).ok_or_else(|| classic::circuit_not_found(key))?;
        let mut planned: Vec<PeeringRecord> = Vec::new();
        let mut changed = false;
        for (index, put) in sent.iter().enumerate() {
            let access = parse_arm_peering_type(&put.peering_type).ok_or_else(|| errors::invalid_peering_type(&put.peering_type))?;
            if !put.name.eq_ignore_ascii_case(arm_peering_type(access)) {
                return Err(errors::peering_name_mismatch(&put.name, arm_peering_type(access)));
            }
            if planned.iter().any(|p| p.access_type == access) {
                return Err(errors::peering_type_twice(arm_peering_type(access)));
            }
            let mut candidate = self.peering_record(circuit, access, put);
            let path = format!("properties.peerings[{index}].properties.routeFilter.id");
            candidate.route_filter = self.attachable_route_filter(access, put.route_filter_id.as_deref(), &path)?;
            if access != BgpPeeringAccessType::Private && !put.connections.is_empty() {
                return Err(errors::connections_only_on_private(arm_peering_type(access)));
            }
            candidate.connections = self.plan_connections(circuit, index, &put.connections)?;
            let advertised: Vec<&str> = split_list(&candidate.advertised_public_prefixes).collect();
            if let Some(stray) = candidate.prefix_info.iter().find(|i| !advertised.iter().any(|a| a.eq_ignore_ascii_case(i.prefix.trim()))) {
                return Err(errors::prefix_info_not_advertised(&stray.prefix));
            }
            match circuit.peerings.iter().find(|p| p.access_type == access) {
                Some(stored) if !stored.differs_from(&candidate) && stored.connections == candidate.connections => planned.push(stored.clone()),
                // Detaching a route filter takes something away, as removing a peering does:
                // it needs no provisioned circuit.
                Some(stored)
                    if stored.route_filter.is_some()
                        && candidate.route_filter.is_none()
                        && stored.connections == candidate.connections
                        && !stored.differs_from(&PeeringRecord { route_filter: stored.route_filter.clone(), ..candidate.clone() }) =>
                {
                    planned.push(PeeringRecord { route_filter: None, ..stored.clone() })
                }
                _ => {
                    changed = true;
                    planned.push(candidate);
                }
            }
        }
        let removed_private = circuit.peerings.iter().any(|p| p.access_type == BgpPeeringAccessType::Private)
            && !planned.iter().any(|p| p.access_type == BgpPeeringAccessType::Private);
        if removed_private && circuit.link_count() > 0 {
            return Err(classic::peering_in_use());
        }
        let peered = circuit.peerings.iter().any(|p| !p.peered_connections.is_empty());
        if removed_private && peered {
            return Err(errors::peering_has_peered_connections());
        }
        if changed {
            circuit.require_usable()?;
        }
        for (i, p) in planned.iter().enumerate() {
            let others: Vec<&PeeringRecord> = planned.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, o)| o).collect();
            validate(p, &others)?;
        }
        for p in planned.iter_mut() {
            p.revalidate(&self.registry);
        }
        Ok(planned)
    }

    /// A stored peering made of a PUT's fields, keeping what only the service knows of the
    /// peering of that type already there.
    fn peering_record(&self, circuit: &CircuitRecord, access: BgpPeeringAccessType, put: &ArmPeeringPut) -> PeeringRecord {
        let stored = circuit.peerings.iter().find(|p| p.access_type == access);
        let microsoft = put.microsoft.as_ref().filter(|_| access == BgpPeeringAccessType::Microsoft);
        PeeringRecord {
            access_type: access,
            peer_asn: put.peer_asn,
            primary_peer_subnet: put.primary_peer_address_prefix.clone(),
            secondary_peer_subnet: put.secondary_peer_address_prefix.clone(),
            vlan_id: put.vlan_id,
            shared_key: put.shared_key.clone().filter(|k| !k.is_empty()),
            advertised_public_prefixes: microsoft.map(|m| m.advertised_public_prefixes.join(",")).unwrap_or_default(),
            customer_asn: microsoft.and_then(|m| m.customer_asn).unwrap_or(0),
            routing_registry_name: microsoft.and_then(|m| m.routing_registry_name.clone()).unwrap_or_default(),
            prefixes_state: AdvertisedPublicPrefixesState::Configured,
            approved_prefixes: stored.map(|s| s.approved_prefixes.clone()).unwrap_or_default(),
            created_at: stored.map_or(self.now, |s| s.created_at),
            customer_routes: stored.map(|s| s.customer_routes.clone()).unwrap_or_default(),
            connections: Vec::new(),
            peered_connections: stored.map(|s| s.peered_connections.clone()).unwrap_or_default(),
            prefix_info: microsoft.map(|m| m.prefix_info.clone()).unwrap_or_default(),
            route_filter: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::arm::ArmCircuitPut;
    use crate::cloud::circuit::tests::world;
    use crate::cloud::provider_side::tests::provider;
    use crate::cloud::world::SubscriptionId;
    use crate::cloud::CrossConnectionOperation;

    fn circuit_put(peerings: Vec<ArmPeeringPut>) -> ArmCircuitPut {
        ArmCircuitPut {
            resource_group: "rg".into(),
            name: "ckt".into(),
            location: "West US".into(),
            service_provider_name: Some("Equinix".into()),
            peering_location: Some("Silicon Valley".into()),
            bandwidth_in_mbps: Some(200),
            peerings: Some(peerings),
            ..Default::default()
        }
    }

    fn private() -> ArmPeeringPut {
        ArmPeeringPut {
            name: "AzurePrivatePeering".into(),
            peering_type: "AzurePrivatePeering".into(),
            peer_asn: 100,
            primary_peer_address_prefix: "10.0.0.0/30".into(),
            secondary_peer_address_prefix: "10.0.0.4/30".into(),
            vlan_id: 200,
            ..Default::default()
        }
    }

    fn microsoft() -> ArmPeeringPut {
        ArmPeeringPut {
            name: "MicrosoftPeering".into(),
            peering_type: "MicrosoftPeering".into(),
            primary_peer_address_prefix: "123.0.0.0/30".into(),
            secondary_peer_address_prefix: "123.0.0.4/30".into(),
            vlan_id: 300,
            microsoft: Some(ArmMicrosoftConfigPut {
                advertised_public_prefixes: vec!["123.1.0.0/24".into()],
                customer_asn: Some(23),
                routing_registry_name: Some("ARIN".into()),
                prefix_info: Vec::new(),
            }),
            ..private()
        }
    }

    /// A circuit in group `rg`, provisioned by Equinix.
    fn provisioned() -> (World, SubscriptionId, ServiceKey) {
        let (mut w, sub) = world();
        w.create_or_update_resource_group(&sub, "rg", "West US", &Vec::new()).unwrap();
        let key = w.put_arm_circuit(&sub, circuit_put(Vec::new())).unwrap().service_key;
        let eq = provider(&w, "Equinix");
        w.new_cross_connection(&eq, &key).unwrap();
        w.set_cross_connection(&eq, &key, CrossConnectionOperation::NotifyCrossConnectionProvisioned, None).unwrap();
        (w, sub, key)
    }

    #[test]
    fn peering_types_have_their_arm_names() {
        assert_eq!(parse_arm_peering_type("azureprivatepeering"), Some(BgpPeeringAccessType::Private));
        assert_eq!(parse_arm_peering_type("MicrosoftPeering"), Some(BgpPeeringAccessType::Microsoft));
        assert_eq!(parse_arm_peering_type("Private"), None);
        assert_eq!(arm_peering_type(BgpPeeringAccessType::Public), "AzurePublicPeering");
    }

    #[test]
    fn a_new_circuit_takes_no_peering() {
        let (mut w, sub) = world();
        w.create_or_update_resource_group(&sub, "rg", "West US", &Vec::new()).unwrap();
        let e = w.put_arm_circuit(&sub, circuit_put(vec![private()])).unwrap_err();
        assert_eq!(e.message, "The specified dedicated circuit is not in Provisioned state.");
        assert!(w.list_arm_circuits(&sub, None).unwrap().is_empty(), "nothing ordered");
    }

    #[test]
    fn the_put_applies_its_peerings_on_a_provisioned_circuit() {
        let (mut w, sub, key) = provisioned();
        let c = w.put_arm_circuit(&sub, circuit_put(vec![private()])).unwrap();
        let p = &c.peerings[0];
        assert_eq!(
            (p.name.as_str(), p.peering_type, p.state, p.azure_asn, p.vlan_id),
            ("AzurePrivatePeering", "AzurePrivatePeering", BgpPeeringState::Enabled, 12076, 200)
        );
        assert_eq!(p.id, format!("{}/peerings/AzurePrivatePeering", c.id));
        assert_eq!(p.etag, c.etag);
        // The classic face holds the same peering.
        assert_eq!(w.circuits[&key].peerings[0].vlan_id, 200);
        let c = w.put_arm_circuit(&sub, circuit_put(Vec::new())).unwrap();
        assert!(c.peerings.is_empty() && w.circuits[&key].peerings.is_empty(), "an empty list removes them");
    }

    #[test]
    fn unchanged_peerings_need_no_provisioned_circuit_and_a_refusal_changes_nothing() {
        let (mut w, sub, key) = provisioned();
        w.put_arm_circuit(&sub, circuit_put(vec![private()])).unwrap();
        w.request_deprovisioning(&sub, &key).unwrap();
        let more = ArmCircuitPut { bandwidth_in_mbps: Some(500), ..circuit_put(vec![private()]) };
        assert_eq!(w.put_arm_circuit(&sub, more).unwrap().bandwidth_in_mbps, 500);
        let moved = ArmCircuitPut { bandwidth_in_mbps: Some(1000), ..circuit_put(vec![ArmPeeringPut { vlan_id: 201, ..private() }]) };
        let e = w.put_arm_circuit(&sub, moved).unwrap_err();
        assert_eq!(e.message, "The specified dedicated circuit is not in Provisioned state.");
        let c = w.get_arm_circuit(&sub, "rg", "ckt").unwrap();
        assert_eq!((c.bandwidth_in_mbps, c.peerings[0].vlan_id), (500, 200));
    }

    #[test]
    fn names_types_and_vlans_are_checked() {
        let (mut w, sub, _) = provisioned();
        let e = w.put_arm_circuit(&sub, circuit_put(vec![ArmPeeringPut { name: "Private1".into(), ..private() }])).unwrap_err();
        assert_eq!(e.message, "The peering name 'Private1' is not valid. The name of a peering of type AzurePrivatePeering must be 'AzurePrivatePeering'.");
        let e = w.put_arm_circuit(&sub, circuit_put(vec![private(), private()])).unwrap_err();
        assert_eq!(e.message, "A circuit can have only one peering of type AzurePrivatePeering.");
        let e = w.put_arm_circuit(&sub, circuit_put(vec![ArmPeeringPut { peering_type: "Private".into(), ..private() }])).unwrap_err();
        assert_eq!(e.code, "InvalidRequestFormat");
        let e = w.put_arm_circuit(&sub, circuit_put(vec![private(), ArmPeeringPut { vlan_id: 200, ..microsoft() }])).unwrap_err();
        assert_eq!(e.message, "The vlanId specified is already in use.");
    }

    #[test]
    fn microsoft_prefixes_validate_against_the_registry() {
        let (mut w, sub, _) = provisioned();
        w.add_registry_entry("ARIN", "123.1.0.0/24", 64999).unwrap();
        let c = w.put_arm_circuit(&sub, circuit_put(vec![microsoft()])).unwrap();
        let m = c.peerings[0].microsoft.clone().unwrap();
        assert_eq!((m.advertised_public_prefixes_state, m.customer_asn, m.routing_registry_name.as_str()), (ArmPrefixesState::ValidationNeeded, 23, "ARIN"));
        assert_eq!(c.peerings[0].state, BgpPeeringState::Disabled);
        w.add_registry_entry("ARIN", "123.1.0.0/24", 23).unwrap();
        let c = w.get_arm_circuit(&sub, "rg", "ckt").unwrap();
        assert_eq!(c.peerings[0].microsoft.as_ref().map(|m| m.advertised_public_prefixes_state), Some(ArmPrefixesState::Configured));
        // Unknown to every registry: support must look at it, which ARM calls ValidationNeeded.
        let other = ArmMicrosoftConfigPut { advertised_public_prefixes: vec!["124.1.0.0/24".into()], ..microsoft().microsoft.unwrap() };
        let c = w.put_arm_circuit(&sub, circuit_put(vec![ArmPeeringPut { microsoft: Some(other), ..microsoft() }])).unwrap();
        assert_eq!(c.peerings[0].microsoft.as_ref().map(|m| m.advertised_public_prefixes_state), Some(ArmPrefixesState::ValidationNeeded));
    }

    #[test]
    fn prefix_information_is_kept_for_advertised_prefixes_only() {
        let (mut w, sub, _) = provisioned();
        let info = |p: &str| ArmPrefixInfo { prefix: p.into(), validation_id: Some("Azure-1".into()), signature: None };
        let with = |p: &str| {
            let mut m = microsoft();
            if let Some(c) = m.microsoft.as_mut() {
                c.prefix_info = vec![info(p)];
            }
            m
        };
        let e = w.put_arm_circuit(&sub, circuit_put(vec![with("124.1.0.0/24")])).unwrap_err();
        assert_eq!(e.message, "The prefix '124.1.0.0/24' in advertisedPublicPrefixInfo is not one of the advertised public prefixes of the peering.");
        let c = w.put_arm_circuit(&sub, circuit_put(vec![with("123.1.0.0/24")])).unwrap();
        assert_eq!(c.peerings[0].microsoft.as_ref().map(|m| m.prefix_info.clone()), Some(vec![info("123.1.0.0/24")]));
    }
}
