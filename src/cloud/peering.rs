//! BGP peerings (Private, Public, Microsoft) of a circuit.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::circuit::CircuitRecord;
use super::errors::{self, CloudResult};
use super::net::Ipv4Prefix;
use super::registry::{find_registry, RoutingRegistry};
use super::world::{ServiceKey, SubscriptionId, World};

/// Microsoft's AS number on every peering (every doc and session record).
pub const AZURE_ASN: u32 = 12076;

string_enum! {
    /// `BgpPeeringAccessType` (Private = 0, Public = 1, Microsoft = 2).
    BgpPeeringAccessType { Private, Public, Microsoft }
}

string_enum! {
    /// `BgpPeeringState`: whether the BGP session is enabled on the Microsoft edge.
    BgpPeeringState { Disabled, Enabled }
}

string_enum! {
    /// `AdvertisedPublicPrefixesState` (workflows doc: configured, validation needed, manual
    /// validation). Private and Public peerings report `Configured` (routing-classic doc).
    AdvertisedPublicPrefixesState { Configured, ValidationNeeded, ManualValidation }
}

/// A peering as the service answers it (`AzureBgpPeering`, 12 properties).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BgpPeering {
    /// Which peering (not a wire property; the URL segment).
    pub access_type: BgpPeeringAccessType,
    /// Comma-separated prefixes as given; empty except for Microsoft peering.
    pub advertised_public_prefixes: String,
    /// Registry validation state of the prefixes.
    pub advertised_public_prefixes_state: AdvertisedPublicPrefixesState,
    /// Always 12076.
    pub azure_asn: u32,
    /// 0 when not given.
    pub customer_autonomous_system_number: u32,
    /// The peer's AS number.
    pub peer_asn: u32,
    /// The circuit's primary Azure port (empty before a cross connection).
    pub primary_azure_port: String,
    /// As given, e.g. `10.0.0.0/30`.
    pub primary_peer_subnet: String,
    /// As given; empty except for Microsoft peering.
    pub routing_registry_name: String,
    /// The circuit's secondary Azure port.
    pub secondary_azure_port: String,
    /// As given.
    pub secondary_peer_subnet: String,
    /// Session state: Disabled while Microsoft peering's prefixes are not Configured.
    pub state: BgpPeeringState,
    /// VLAN id.
    pub vlan_id: u32,
}

/// Parameters of New-AzureBGPPeering (`CreateBgpPeering`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewBgpPeering {
    /// Peer AS number.
    pub peer_asn: u32,
    /// Primary /30.
    pub primary_peer_subnet: String,
    /// Secondary /30.
    pub secondary_peer_subnet: String,
    /// VLAN id 1–4094, unique across the circuit's peerings.
    pub vlan_id: u32,
    /// MD5 key.
    pub shared_key: Option<String>,
    /// Microsoft peering: comma-separated public prefixes.
    pub advertised_public_prefixes: Option<String>,
    /// Microsoft peering: AS the prefixes are registered to, when not the peer AS.
    pub customer_asn: Option<u32>,
    /// Microsoft peering: registry to validate against.
    pub routing_registry_name: Option<String>,
}

/// Fields of Set-AzureBGPPeering (`UpdateBgpPeering`); only given fields change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BgpPeeringUpdate {
    /// New peer AS number.
    pub peer_asn: Option<u32>,
    /// New primary /30.
    pub primary_peer_subnet: Option<String>,
    /// New secondary /30.
    pub secondary_peer_subnet: Option<String>,
    /// New VLAN id.
    pub vlan_id: Option<u32>,
    /// New MD5 key.
    pub shared_key: Option<String>,
    /// New advertised prefixes (Microsoft).
    pub advertised_public_prefixes: Option<String>,
    /// New customer ASN (Microsoft).
    pub customer_asn: Option<u32>,
    /// New registry (Microsoft).
    pub routing_registry_name: Option<String>,
}

/// Stored peering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PeeringRecord {
    pub(crate) access_type: BgpPeeringAccessType,
    pub(crate) peer_asn: u32,
    pub(crate) primary_peer_subnet: String,
    pub(crate) secondary_peer_subnet: String,
    pub(crate) vlan_id: u32,
    pub(crate) shared_key: Option<String>,
    pub(crate) advertised_public_prefixes: String,
    pub(crate) customer_asn: u32,
    pub(crate) routing_registry_name: String,
    pub(crate) prefixes_state: AdvertisedPublicPrefixesState,
    /// Prefixes a simulated support ticket approved.
    pub(crate) approved_prefixes: Vec<String>,
    pub(crate) created_at: NaiveDateTime,
    /// Routes the customer's routers advertise (simulation control, for route tables).
    pub(crate) customer_routes: Vec<String>,
    /// Global Reach connections this (private) peering made to other circuits' peerings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) connections: Vec<super::arm::CircuitConnectionRecord>,
    /// Global Reach connections other circuits made to this peering.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) peered_connections: Vec<super::arm::PeeredConnectionRecord>,
    /// Microsoft peering: the validation id and signature given per advertised prefix
    /// (`advertisedPublicPrefixInfo`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) prefix_info: Vec<super::arm::ArmPrefixInfo>,
    /// Microsoft peering: the id of the route filter attached to it (Resource Manager).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) route_filter: Option<String>,
}

/// The AS Azure uses towards VNet gateways (routing doc: "Verify that you are not using 65515").
pub(crate) const VNET_GATEWAY_ASN: u32 = 65515;

impl PeeringRecord {
    pub(crate) fn state(&self) -> BgpPeeringState {
        match self.prefixes_state {
            AdvertisedPublicPrefixesState::Configured => BgpPeeringState::Enabled,
            _ => BgpPeeringState::Disabled,
        }
    }

    /// The AS the advertised prefixes must be registered to.
    fn origin_asn(&self) -> u32 {
        if self.customer_asn != 0 {
            self.customer_asn
        } else {
            self.peer_asn
        }
    }

    pub(crate) fn advertised_prefixes(&self) -> Vec<Ipv4Prefix> {
        split_list(&self.advertised_public_prefixes).filter_map(Ipv4Prefix::parse).collect()
    }

    pub(crate) fn revalidate(&mut self, registry: &RoutingRegistry) {
        self.prefixes_state = match self.access_type {
            BgpPeeringAccessType::Microsoft => {
                registry.evaluate(&self.routing_registry_name, self.origin_asn(), &self.advertised_prefixes(), &self.approved_prefixes)
            }
            _ => AdvertisedPublicPrefixesState::Configured,
        };
    }

    fn view(&self, circuit: &CircuitRecord) -> BgpPeering {
        let xc = circuit.cross_connection.as_ref();
        BgpPeering {
            access_type: self.access_type,
            advertised_public_prefixes: self.advertised_public_prefixes.clone(),
            advertised_public_prefixes_state: self.prefixes_state,
            azure_asn: AZURE_ASN,
            customer_autonomous_system_number: self.customer_asn,
            peer_asn: self.peer_asn,
            primary_azure_port: xc.map(|x| x.primary_port.clone()).unwrap_or_default(),
            primary_peer_subnet: self.primary_peer_subnet.clone(),
            routing_registry_name: self.routing_registry_name.clone(),
            secondary_azure_port: xc.map(|x| x.secondary_port.clone()).unwrap_or_default(),
            secondary_peer_subnet: self.secondary_peer_subnet.clone(),
            state: self.state(),
            vlan_id: self.vlan_id,
        }
    }
}

/// Items of a comma-separated list, trimmed, blanks dropped.
pub(crate) fn split_list(text: &str) -> impl Iterator<Item = &str> {
    text.split(',').map(str::trim).filter(|s| !s.is_empty())
}

/// A /30 network address; public space for Public and Microsoft peering.
fn check_subnet(subnet: &str, public: bool) -> CloudResult<Ipv4Prefix> {
    Ipv4Prefix::parse(subnet).filter(|p| p.len() == 30 && p.is_network() && (!public || p.is_public())).ok_or_else(|| errors::bgp_peer_ip_invalid(subnet))
}

/// All field rules of a peering, in the order the service is assumed to apply them.
pub(crate) fn validate(peering: &PeeringRecord, others: &[&PeeringRecord]) -> CloudResult<()> {
    let public = peering.access_type != BgpPeeringAccessType::Private;
    let primary = check_subnet(&peering.primary_peer_subnet, public)?;
    let secondary = check_subnet(&peering.secondary_peer_subnet, public)?;
    if primary == secondary {
        return Err(errors::bgp_peer_ip_invalid(&peering.secondary_peer_subnet));
    }
    if !(1..=4094).contains(&peering.vlan_id) {
        return Err(errors::vlan_invalid());
    }
    if others.iter().any(|o| o.vlan_id == peering.vlan_id) {
        return Err(errors::vlan_in_use());
    }
    if peering.peer_asn == 0 || (peering.access_type == BgpPeeringAccessType::Private && peering.peer_asn == VNET_GATEWAY_ASN) {
        return Err(errors::peer_asn_invalid(peering.peer_asn));
    }
    if peering.access_type == BgpPeeringAccessType::Microsoft {
        if split_list(&peering.advertised_public_prefixes).next().is_none() {
            return Err(errors::advertised_prefixes_required());
        }
        for item in split_list(&peering.advertised_public_prefixes) {
            let ok = Ipv4Prefix::parse(item).is_some_and(|p| p.is_network() && p.is_public());
            if !ok {
                return Err(errors::advertised_prefix_invalid(item));
            }
        }
        if peering.routing_registry_name.trim().is_empty() {
            return Err(errors::routing_registry_required());
        }
        if find_registry(&peering.routing_registry_name).is_none() {
            return Err(errors::routing_registry_invalid(&peering.routing_registry_name));
        }
    }
    Ok(())
}

impl World {
    fn peering_index(circuit: &CircuitRecord, access_type: BgpPeeringAccessType) -> Option<usize> {
        circuit.peerings.iter().position(|p| p.access_type == access_type)
    }

    /// Validates `candidate` against the circuit's other peerings, evaluates its prefixes and
    /// stores it (replacing the peering of the same type).
    fn store_peering(&mut self, key: &ServiceKey, mut candidate: PeeringRecord) -> CloudResult<BgpPeering> {
        let registry = &self.registry;
        let circuit = self.circuits.get_mut(key).ok_or_else(|| errors::circuit_not_found(key))?;
        let others: Vec<&PeeringRecord> = circuit.peerings.iter().filter(|p| p.access_type != candidate.access_type).collect();
        validate(&candidate, &others)?;
        candidate.revalidate(registry);
        match Self::peering_index(circuit, candidate.access_type) {
            Some(i) => circuit.peerings[i] = candidate.clone(),
            None => circuit.peerings.push(candidate.clone()),
        }
        Ok(candidate.view(circuit))
    }

    /// New-AzureBGPPeering. The circuit must be Provisioned and Enabled; one peering per type.
    pub fn new_bgp_peering(
        &mut self,
        caller: &SubscriptionId,
        key: &ServiceKey,
        access_type: BgpPeeringAccessType,
        new: NewBgpPeering,
    ) -> CloudResult<BgpPeering> {
        let circuit = self.classic_lifecycle(caller, key, errors::circuit_not_found)?;
        circuit.require_usable()?;
        if Self::peering_index(circuit, access_type).is_some() {
            return Err(errors::peering_exists());
        }
        let microsoft = access_type == BgpPeeringAccessType::Microsoft;
        let candidate = PeeringRecord {
            access_type,
            peer_asn: new.peer_asn,
            primary_peer_subnet: new.primary_peer_subnet,
            secondary_peer_subnet: new.secondary_peer_subnet,
            vlan_id: new.vlan_id,
            shared_key: new.shared_key,
            advertised_public_prefixes: microsoft.then_some(new.advertised_public_prefixes).flatten().unwrap_or_default(),
            customer_asn: microsoft.then_some(new.customer_asn).flatten().unwrap_or(0),
            routing_registry_name: microsoft.then_some(new.routing_registry_name).flatten().unwrap_or_default(),
            prefixes_state: AdvertisedPublicPrefixesState::Configured,
            approved_prefixes: Vec::new(),
            created_at: self.now,
            customer_routes: Vec::new(),
            connections: Vec::new(),
            peered_connections: Vec::new(),
            prefix_info: Vec::new(),
            route_filter: None,
        };
        self.store_peering(key, candidate)
    }

    /// Get-AzureBGPPeering.
    pub fn get_bgp_peering(&self, caller: &SubscriptionId, key: &ServiceKey, access_type: BgpPeeringAccessType) -> CloudResult<BgpPeering> {
        let circuit = self.classic_lifecycle(caller, key, errors::circuit_not_found)?;
        Self::peering_index(circuit, access_type).map(|i| circuit.peerings[i].view(circuit)).ok_or_else(errors::peering_not_found)
    }

    /// Set-AzureBGPPeering's update: the given fields replace the stored ones; every rule is
    /// checked again on the result and Microsoft prefixes are re-validated.
    pub fn update_bgp_peering(
        &mut self,
        caller: &SubscriptionId,
        key: &ServiceKey,
        access_type: BgpPeeringAccessType,
        update: BgpPeeringUpdate,
    ) -> CloudResult<BgpPeering> {
        let circuit = self.classic_lifecycle(caller, key, errors::circuit_not_found)?;
        circuit.require_usable()?;
        let i = Self::peering_index(circuit, access_type).ok_or_else(errors::peering_not_found)?;
        let mut candidate = circuit.peerings[i].clone();
        let microsoft = access_type == BgpPeeringAccessType::Microsoft;
        if let Some(v) = update.peer_asn {
            candidate.peer_asn = v;
        }
        if let Some(v) = update.primary_peer_subnet {
            candidate.primary_peer_subnet = v;
        }
        if let Some(v) = update.secondary_peer_subnet {
            candidate.secondary_peer_subnet = v;
        }
        if let Some(v) = update.vlan_id {
            candidate.vlan_id = v;
        }
        if let Some(v) = update.shared_key {
            candidate.shared_key = Some(v);
        }
        if microsoft {
            if let Some(v) = update.advertised_public_prefixes {
                candidate.advertised_public_prefixes = v;
            }
            if let Some(v) = update.customer_asn {
                candidate.customer_asn = v;
            }
            if let Some(v) = update.routing_registry_name {
                candidate.routing_registry_name = v;
            }
        }
        self.store_peering(key, candidate)
    }

    /// Remove-AzureBGPPeering. Refused while VNet links use the circuit's private peering.
    pub fn remove_bgp_peering(&mut self, caller: &SubscriptionId, key: &ServiceKey, access_type: BgpPeeringAccessType) -> CloudResult<()> {
        self.classic_lifecycle(caller, key, errors::circuit_not_found)?;
        let circuit = self.owned_circuit_mut(caller, key, errors::circuit_not_found)?;
        let i = Self::peering_index(circuit, access_type).ok_or_else(errors::peering_not_found)?;
        if access_type == BgpPeeringAccessType::Private && circuit.link_count() > 0 {
            return Err(errors::peering_in_use());
        }
        circuit.peerings.remove(i);
        Ok(())
    }

    /// Simulation control: support approves the Microsoft peering's prefixes that are awaiting
    /// manual validation.
    pub fn approve_prefix_validation(&mut self, caller: &SubscriptionId, key: &ServiceKey) -> CloudResult<BgpPeering> {
        self.caller(caller)?;
        let registry = &self.registry;
        let circuit = self.circuits.get_mut(key).filter(|c| c.subscription == *caller).ok_or_else(|| errors::circuit_not_found(key))?;
        let i = Self::peering_index(circuit, BgpPeeringAccessType::Microsoft).ok_or_else(errors::peering_not_found)?;
        let peering = &mut circuit.peerings[i];
        if peering.prefixes_state != AdvertisedPublicPrefixesState::ManualValidation {
            return Err(errors::no_manual_validation_pending());
        }
        peering.approved_prefixes = peering.advertised_prefixes().iter().map(|p| p.to_string()).collect();
        peering.revalidate(registry);
        Ok(circuit.peerings[i].view(circuit))
    }

    /// Re-evaluates every Microsoft peering after the registry changed.
    pub(crate) fn revalidate_microsoft_peerings(&mut self) {
        let registry = &self.registry;
        for circuit in self.circuits.values_mut() {
            for p in circuit.peerings.iter_mut() {
                p.revalidate(registry);
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::cloud::circuit::tests::{new_circuit, world};
    use crate::cloud::provider_side::tests::provisioned_circuit;
    use AdvertisedPublicPrefixesState::*;
    use BgpPeeringAccessType::*;

    pub(crate) fn private_peering() -> NewBgpPeering {
        NewBgpPeering {
            peer_asn: 1234,
            primary_peer_subnet: "10.0.0.0/30".into(),
            secondary_peer_subnet: "10.0.0.4/30".into(),
            vlan_id: 100,
            ..Default::default()
        }
    }

    fn public_peering() -> NewBgpPeering {
        NewBgpPeering { primary_peer_subnet: "131.107.0.0/30".into(), secondary_peer_subnet: "131.107.0.4/30".into(), vlan_id: 200, ..private_peering() }
    }

    fn microsoft_peering() -> NewBgpPeering {
        NewBgpPeering {
            vlan_id: 300,
            customer_asn: Some(2245),
            advertised_public_prefixes: Some("123.0.0.0/30".into()),
            routing_registry_name: Some("ARIN".into()),
            shared_key: Some("A1B2C3D4".into()),
            ..public_peering()
        }
    }

    fn setup() -> (World, SubscriptionId, ServiceKey) {
        let (mut w, sub) = world();
        let key = provisioned_circuit(&mut w, &sub, "c");
        (w, sub, key)
    }

    #[test]
    fn private_peering_matches_the_documented_output() {
        let (mut w, sub, key) = setup();
        let p = w.new_bgp_peering(&sub, &key, Private, private_peering()).unwrap();
        assert_eq!(p.advertised_public_prefixes, "");
        assert_eq!(p.advertised_public_prefixes_state, Configured);
        assert_eq!((p.azure_asn, p.customer_autonomous_system_number), (12076, 0));
        assert_eq!((p.peer_asn, p.vlan_id, p.state), (1234, 100, BgpPeeringState::Enabled));
        assert_eq!(p.primary_peer_subnet, "10.0.0.0/30");
        assert_eq!(p.secondary_peer_subnet, "10.0.0.4/30");
        assert_eq!(p.routing_registry_name, "");
        assert_eq!(p.primary_azure_port, "EQUI-SIL-01GMR-CIS-1-PRI-A");
        assert_eq!(w.get_bgp_peering(&sub, &key, Private).unwrap(), p);
    }

    #[test]
    fn circuit_must_be_provisioned() {
        let (mut w, sub) = world();
        let key = w.create_circuit(&sub, new_circuit("c")).unwrap().service_key;
        let e = w.new_bgp_peering(&sub, &key, Private, private_peering()).unwrap_err();
        assert_eq!(e.to_string(), "BadRequest: The specified dedicated circuit is not in Provisioned state.");
        w.circuits[&key].provider_state = crate::cloud::ProviderProvisioningState::Provisioned;
        w.circuits[&key].status = crate::cloud::CircuitStatus::Disabling;
        let e = w.new_bgp_peering(&sub, &key, Private, private_peering()).unwrap_err();
        assert_eq!(e.message, "The specified dedicated circuit is not in Enabled status.");
    }

    #[test]
    fn recorded_peering_errors() {
        let (mut w, sub, key) = setup();
        let bad = NewBgpPeering { primary_peer_subnet: "98.251.199.31/30".into(), secondary_peer_subnet: "192.168.9.252/30".into(), ..private_peering() };
        let e = w.new_bgp_peering(&sub, &key, Private, bad).unwrap_err();
        assert_eq!((e.status, e.to_string().as_str()), (400, "BadRequest: The specified BGP peer IP address '98.251.199.31/30' is not valid."));
        let bad = NewBgpPeering { secondary_peer_subnet: "192.168.9.250/30".into(), ..private_peering() };
        let e = w.new_bgp_peering(&sub, &key, Private, bad).unwrap_err();
        assert_eq!(e.message, "The specified BGP peer IP address '192.168.9.250/30' is not valid.");

        w.new_bgp_peering(&sub, &key, Private, private_peering()).unwrap();
        let again = NewBgpPeering { vlan_id: 1350, ..private_peering() };
        let e = w.new_bgp_peering(&sub, &key, Private, again).unwrap_err();
        assert_eq!((e.status, e.to_string().as_str()), (409, "ConflictError: BGP peering could not be created as it already exists."));
        let same_vlan = NewBgpPeering { vlan_id: 100, ..public_peering() };
        let e = w.new_bgp_peering(&sub, &key, Public, same_vlan).unwrap_err();
        assert_eq!(e.to_string(), "ConflictError: The vlanId specified is already in use.");
    }

    #[test]
    fn subnet_and_vlan_and_asn_rules() {
        let (mut w, sub, key) = setup();
        let mut try_new = |kind, n: NewBgpPeering| w.new_bgp_peering(&sub, &key, kind, n);
        let e = try_new(Private, NewBgpPeering { secondary_peer_subnet: "10.0.0.0/30".into(), ..private_peering() }).unwrap_err();
        assert_eq!(e.message, "The specified BGP peer IP address '10.0.0.0/30' is not valid.");
        let e = try_new(Private, NewBgpPeering { primary_peer_subnet: "10.0.0.0/29".into(), ..private_peering() }).unwrap_err();
        assert_eq!(e.code, "BadRequest");
        let e = try_new(Public, NewBgpPeering { primary_peer_subnet: "10.0.0.0/30".into(), ..public_peering() }).unwrap_err();
        assert_eq!(e.message, "The specified BGP peer IP address '10.0.0.0/30' is not valid.");
        for vlan in [0, 4095] {
            let e = try_new(Private, NewBgpPeering { vlan_id: vlan, ..private_peering() }).unwrap_err();
            assert_eq!(e.message, "The vlanId specified is not valid.");
        }
        for asn in [0, 65515] {
            let e = try_new(Private, NewBgpPeering { peer_asn: asn, ..private_peering() }).unwrap_err();
            assert_eq!(e.message, format!("The specified peer ASN {asn} is not valid."));
        }
        try_new(Private, NewBgpPeering { vlan_id: 4094, ..private_peering() }).unwrap();
        try_new(Public, public_peering()).unwrap();
    }

    #[test]
    fn microsoft_peering_requirements() {
        let (mut w, sub, key) = setup();
        let mut try_new = |n: NewBgpPeering| w.new_bgp_peering(&sub, &key, Microsoft, n);
        let e = try_new(NewBgpPeering { advertised_public_prefixes: None, ..microsoft_peering() }).unwrap_err();
        assert_eq!(e.message, "Advertised public prefixes must be specified for Microsoft peering.");
        let e = try_new(NewBgpPeering { advertised_public_prefixes: Some("123.0.0.0/30, 10.1.0.0/16".into()), ..microsoft_peering() }).unwrap_err();
        assert_eq!(e.message, "The specified advertised public prefix '10.1.0.0/16' is not valid.");
        let e = try_new(NewBgpPeering { routing_registry_name: None, ..microsoft_peering() }).unwrap_err();
        assert_eq!(e.message, "A routing registry name must be specified for Microsoft peering.");
        let e = try_new(NewBgpPeering { routing_registry_name: Some("IANA".into()), ..microsoft_peering() }).unwrap_err();
        assert_eq!(e.message, "The specified routing registry name 'IANA' is not valid.");
        // Nothing in the registry knows 123.0.0.0/30 yet: manual validation, session down.
        let p = try_new(microsoft_peering()).unwrap();
        assert_eq!(p.advertised_public_prefixes, "123.0.0.0/30");
        assert_eq!(p.customer_autonomous_system_number, 2245);
        assert_eq!(p.routing_registry_name, "ARIN");
        assert_eq!((p.advertised_public_prefixes_state, p.state), (ManualValidation, BgpPeeringState::Disabled));
    }

    #[test]
    fn registry_drives_the_prefix_state() {
        let (mut w, sub, key) = setup();
        w.add_registry_entry("ARIN", "123.0.0.0/24", 2245).unwrap();
        let p = w.new_bgp_peering(&sub, &key, Microsoft, microsoft_peering()).unwrap();
        assert_eq!((p.advertised_public_prefixes_state, p.state), (Configured, BgpPeeringState::Enabled));
        // A contradicting record: validation needed, session down.
        w.add_registry_entry("ARIN", "123.0.0.0/24", 9999).unwrap();
        let p = w.get_bgp_peering(&sub, &key, Microsoft).unwrap();
        assert_eq!((p.advertised_public_prefixes_state, p.state), (ValidationNeeded, BgpPeeringState::Disabled));
        // Fixing the customer ASN on the peering re-validates.
        let fix = BgpPeeringUpdate { customer_asn: Some(9999), ..Default::default() };
        let p = w.update_bgp_peering(&sub, &key, Microsoft, fix).unwrap();
        assert_eq!(p.advertised_public_prefixes_state, Configured);
        // Record gone: nobody knows the prefix.
        w.remove_registry_entry("ARIN", "123.0.0.0/24").unwrap();
        assert_eq!(w.get_bgp_peering(&sub, &key, Microsoft).unwrap().advertised_public_prefixes_state, ManualValidation);
        let p = w.approve_prefix_validation(&sub, &key).unwrap();
        assert_eq!((p.advertised_public_prefixes_state, p.state), (Configured, BgpPeeringState::Enabled));
        let e = w.approve_prefix_validation(&sub, &key).unwrap_err();
        assert_eq!(e.code, "BadRequest");
    }

    #[test]
    fn customer_asn_defaults_to_the_peer_asn_for_validation() {
        let (mut w, sub, key) = setup();
        w.add_registry_entry("RADB", "123.0.0.0/24", 1234).unwrap();
        let n = NewBgpPeering { customer_asn: None, routing_registry_name: Some("radb".into()), ..microsoft_peering() };
        let p = w.new_bgp_peering(&sub, &key, Microsoft, n).unwrap();
        assert_eq!((p.customer_autonomous_system_number, p.advertised_public_prefixes_state), (0, Configured));
    }

    #[test]
    fn update_changes_only_given_fields_and_rechecks() {
        let (mut w, sub, key) = setup();
        w.new_bgp_peering(&sub, &key, Private, private_peering()).unwrap();
        w.new_bgp_peering(&sub, &key, Public, public_peering()).unwrap();
        let p = w.update_bgp_peering(&sub, &key, Private, BgpPeeringUpdate { vlan_id: Some(500), shared_key: Some("k".into()), ..Default::default() }).unwrap();
        assert_eq!((p.vlan_id, p.peer_asn, p.primary_peer_subnet.as_str()), (500, 1234, "10.0.0.0/30"));
        let e = w.update_bgp_peering(&sub, &key, Private, BgpPeeringUpdate { vlan_id: Some(200), ..Default::default() }).unwrap_err();
        assert_eq!(e.message, "The vlanId specified is already in use.");
        let e = w.update_bgp_peering(&sub, &key, Microsoft, BgpPeeringUpdate::default()).unwrap_err();
        assert_eq!((e.status, e.to_string().as_str()), (404, "ResourceNotFound: The specified bgp peering does not exist."));
        assert_eq!(w.get_bgp_peering(&sub, &key, Private).unwrap().vlan_id, 500);
    }

    #[test]
    fn remove_peering() {
        let (mut w, sub, key) = setup();
        w.new_bgp_peering(&sub, &key, Public, public_peering()).unwrap();
        w.remove_bgp_peering(&sub, &key, Public).unwrap();
        assert_eq!(w.remove_bgp_peering(&sub, &key, Public).unwrap_err().code, "ResourceNotFound");
        assert!(w.get_bgp_peering(&sub, &key, Public).is_err());
        let dev = w.find_subscription_by_name("Contoso Dev-Test").unwrap().id;
        assert_eq!(w.get_bgp_peering(&dev, &key, Public).unwrap_err().code, "ResourceNotFound");
    }
}
