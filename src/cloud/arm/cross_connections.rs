//! The provider's Resource Manager face: `expressRouteCrossConnections`, one per circuit the
//! provider's catalogue entry was ordered for, named by the circuit's service key, in a
//! resource group named after its peering location (`CrossConnection-SiliconValley`, as the
//! REST reference's samples name it), in the provider's subscription. It is a view of the
//! same circuit record the classic provider cmdlets and the ErSim controls move, so a PUT
//! that changes `serviceProviderProvisioningState` goes through `provider_side.rs`'s
//! transitions, and one that carries peerings goes through the circuit's own peering rules
//! (`peerings.rs`). Diagnostics are the circuit's (`cloud/diagnostics.rs`).

use super::errors;
use super::peerings::{parse_arm_peering_type, ArmPeering, ArmPeeringPut};
use super::resource::resource_group_id;
use super::ArmConnectionPut;
use crate::cloud::circuit::{CircuitRecord, ProviderProvisioningState};
use crate::cloud::diagnostics::{ArpEntry, DevicePath, RouteEntry, RouteSummaryEntry};
use crate::cloud::errors::{self as classic, CloudResult};
use crate::cloud::peering::BgpPeeringAccessType;
use crate::cloud::provider_side::CrossConnectionOperation;
use crate::cloud::world::{ServiceKey, SubscriptionId, World};

/// A cross connection as the GET answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArmCrossConnection {
    /// The circuit's service key.
    pub name: String,
    pub resource_group: String,
    /// The circuit's ARM region; empty for a circuit that has only a classic face.
    pub location: String,
    pub id: String,
    pub etag: String,
    pub primary_azure_port: String,
    pub secondary_azure_port: String,
    /// 0 until the provider first takes the order.
    pub stag: u32,
    pub peering_location: String,
    pub bandwidth_in_mbps: u32,
    pub service_provider_provisioning_state: ProviderProvisioningState,
    /// What the provider last noted (the classic cmdlets' `ProvisioningError`).
    pub service_provider_notes: Option<String>,
    /// The customer's circuit resource, when the circuit has a Resource Manager face.
    pub express_route_circuit_id: Option<String>,
    /// The circuit's peerings, as children of the cross connection.
    pub peerings: Vec<ArmPeering>,
}

/// The PUT Set-AzExpressRouteCrossConnection and the peering cmdlets send.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArmCrossConnectionPut {
    pub resource_group: String,
    pub name: String,
    /// `serviceProviderProvisioningState` as sent.
    pub service_provider_provisioning_state: Option<String>,
    pub service_provider_notes: Option<String>,
    /// `peerings`, when the body carried the list.
    pub peerings: Option<Vec<ArmPeeringPut>>,
}

/// `CrossConnection-` and the peering location's letters and digits.
pub fn cross_connection_group(peering_location: &str) -> String {
    let compact: String = peering_location.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    format!("CrossConnection-{compact}")
}

impl CircuitRecord {
    fn cross_connection_group(&self) -> String {
        cross_connection_group(&self.location)
    }

    fn arm_cross_connection(&self, provider_subscription: &SubscriptionId) -> ArmCrossConnection {
        let group = self.cross_connection_group();
        let name = self.service_key.to_string();
        let id = format!("{}/providers/Microsoft.Network/expressRouteCrossConnections/{name}", resource_group_id(provider_subscription, &group));
        let etag = super::etag_text(&self.etag());
        let xc = self.cross_connection.as_ref();
        let face = self.arm.as_ref();
        ArmCrossConnection {
            peerings: self.peerings.iter().map(|p| p.arm_view(&id, &etag)).collect(),
            location: face.map(|f| f.location.clone()).unwrap_or_default(),
            express_route_circuit_id: face.map(|f| super::circuit_id(&self.subscription, &f.resource_group, &self.name)),
            name,
            resource_group: group,
            id,
            etag,
            primary_azure_port: xc.map(|x| x.primary_port.clone()).unwrap_or_default(),
            secondary_azure_port: xc.map(|x| x.secondary_port.clone()).unwrap_or_default(),
            stag: xc.map_or(0, |x| x.stag),
            peering_location: self.location.clone(),
            bandwidth_in_mbps: self.bandwidth,
            service_provider_provisioning_state: self.provider_state,
            service_provider_notes: xc.and_then(|x| x.provisioning_error.clone()),
        }
    }
}

/// A diagnostics table of a peering's path, as the circuit's diagnostics build it.
pub(crate) trait DiagnosticTable: Sized {
    fn rows(world: &World, circuit: &CircuitRecord, access: BgpPeeringAccessType, path: DevicePath) -> Vec<Self>;
}

impl DiagnosticTable for ArpEntry {
    fn rows(world: &World, circuit: &CircuitRecord, access: BgpPeeringAccessType, path: DevicePath) -> Vec<Self> {
        world.arp_rows_of(circuit, access, path)
    }
}

impl DiagnosticTable for RouteEntry {
    fn rows(world: &World, circuit: &CircuitRecord, access: BgpPeeringAccessType, path: DevicePath) -> Vec<Self> {
        world.route_rows_of(circuit, access, path)
    }
}

impl DiagnosticTable for RouteSummaryEntry {
    fn rows(world: &World, circuit: &CircuitRecord, access: BgpPeeringAccessType, path: DevicePath) -> Vec<Self> {
        world.summary_rows_of(circuit, access, path)
    }
}

/// What a stored peering keeps that the provider's object does not carry: the customer's
/// Global Reach connections and route filter ride along unchanged.
fn keep_customer_parts(circuit: &CircuitRecord, mut put: ArmPeeringPut) -> ArmPeeringPut {
    let stored = parse_arm_peering_type(&put.peering_type).and_then(|a| circuit.peering(a));
    if let Some(stored) = stored {
        put.connections = stored
            .connections
            .iter()
            .map(|c| ArmConnectionPut {
                name: c.name.clone(),
                peer_peering_id: c.peer_peering_id.clone(),
                address_prefix: c.address_prefix.clone(),
                authorization_key: c.authorization_key.clone(),
            })
            .collect();
        put.route_filter_id = stored.route_filter.clone();
    }
    put
}

impl World {
    /// The circuit a provider's request names by group and service key; a customer's
    /// subscription, another provider's circuit or the wrong group find nothing.
    fn provider_arm_circuit(&self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<&CircuitRecord> {
        self.caller(caller)?;
        let not_found = || errors::cross_connection_not_found(group, name);
        let provider = self.caller_provider(caller).map_err(|_| not_found())?;
        let key: ServiceKey = name.trim().parse().map_err(|_| not_found())?;
        self.circuits.get(&key).filter(|c| c.provider == provider.name && c.cross_connection_group().eq_ignore_ascii_case(group.trim())).ok_or_else(not_found)
    }

    /// GET …/expressRouteCrossConnections, of one group or of the subscription, in circuit
    /// creation order. A customer's subscription has none.
    pub fn list_arm_cross_connections(&self, caller: &SubscriptionId, group: Option<&str>) -> CloudResult<Vec<ArmCrossConnection>> {
        self.caller(caller)?;
        let Ok(provider) = self.caller_provider(caller) else {
            return Ok(Vec::new());
        };
        Ok(self
            .circuits
            .of_provider(provider.name)
            .into_iter()
            .filter(|c| c.provider == provider.name && group.is_none_or(|g| c.cross_connection_group().eq_ignore_ascii_case(g.trim())))
            .map(|c| c.arm_cross_connection(caller))
            .collect())
    }

    /// GET of one cross connection.
    pub fn get_arm_cross_connection(&self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<ArmCrossConnection> {
        Ok(self.provider_arm_circuit(caller, group, name)?.arm_cross_connection(caller))
    }

    pub fn arm_cross_connection_exists(&self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<bool> {
        self.caller(caller)?;
        Ok(self.provider_arm_circuit(caller, group, name).is_ok())
    }

    /// PUT of a cross connection: the peerings first (checked whole, under the circuit's
    /// rules), then the provider's state through the provider side's transitions.
    /// `Provisioned` asked of a circuit not yet taken goes through `Provisioning` on the way,
    /// as a provider's system would; `Deprovisioning` is the customer's request, never the
    /// provider's to set.
    pub fn put_arm_cross_connection(&mut self, caller: &SubscriptionId, put: ArmCrossConnectionPut) -> CloudResult<ArmCrossConnection> {
        let circuit = self.provider_arm_circuit(caller, &put.resource_group, &put.name)?;
        let key = circuit.service_key;
        let current = circuit.provider_state;
        let target = match put.service_provider_provisioning_state.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => current,
            Some(text) => match ProviderProvisioningState::parse(text) {
                Some(state) if state != ProviderProvisioningState::Deprovisioning || state == current => state,
                _ => return Err(errors::provider_state_not_settable(text)),
            },
        };
        let notes = put.service_provider_notes.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_string);
        let planned = match put.peerings {
            Some(sent) => {
                let sent: Vec<ArmPeeringPut> = sent.into_iter().map(|p| keep_customer_parts(circuit, p)).collect();
                Some(self.plan_arm_peerings(&key, &sent)?)
            }
            None => None,
        };
        self.move_provider_state(caller, &key, current, target)?;
        if let Some(planned) = planned {
            let peerings_id = self.circuits.get(&key).map(|c| c.arm_cross_connection(caller).id).unwrap_or_default();
            let circuit_id = self.circuits.get(&key).and_then(|c| c.arm_cross_connection(caller).express_route_circuit_id).unwrap_or(peerings_id);
            self.install_arm_peerings(&key, planned, &circuit_id);
        }
        if let Some(xc) = self.circuits.get_mut(&key).and_then(|c| c.cross_connection.as_mut()) {
            xc.provisioning_error = notes;
        }
        self.get_arm_cross_connection(caller, &put.resource_group, &put.name)
    }

    /// The provider-side transitions a PUT's state asks for, by the classic operations.
    fn move_provider_state(
        &mut self,
        caller: &SubscriptionId,
        key: &ServiceKey,
        current: ProviderProvisioningState,
        target: ProviderProvisioningState,
    ) -> CloudResult<()> {
        use ProviderProvisioningState::*;
        match (current, target) {
            (a, b) if a == b => Ok(()),
            (_, NotProvisioned) => self.set_cross_connection(caller, key, CrossConnectionOperation::NotifyCrossConnectionNotProvisioned, None).map(drop),
            (NotProvisioned, Provisioning) => self.new_cross_connection(caller, key).map(drop),
            (NotProvisioned, Provisioned) => {
                self.new_cross_connection(caller, key)?;
                self.set_cross_connection(caller, key, CrossConnectionOperation::NotifyCrossConnectionProvisioned, None).map(drop)
            }
            (_, Provisioned) => self.set_cross_connection(caller, key, CrossConnectionOperation::NotifyCrossConnectionProvisioned, None).map(drop),
            // Back to Provisioning from Provisioned or Deprovisioning: the classic side has no
            // such notification, and neither does the service.
            _ => Err(classic::circuit_not_in_state("NotProvisioned")),
        }
    }

    /// The cross connection's peering of a type, for its diagnostics.
    fn cross_connection_peering(&self, caller: &SubscriptionId, group: &str, name: &str, access: BgpPeeringAccessType) -> CloudResult<&CircuitRecord> {
        let circuit = self.provider_arm_circuit(caller, group, name)?;
        match circuit.peering(access) {
            Some(_) => Ok(circuit),
            None => Err(errors::bgp_peering_not_found(super::arm_peering_type(access), &circuit.service_key)),
        }
    }

    /// POST …/expressRouteCrossConnections/{key}/peerings/{p}/arpTables/{path} (or
    /// routeTables, routeTablesSummary): the circuit's own table of that kind.
    pub(crate) fn cross_connection_table<T: DiagnosticTable>(
        &self,
        caller: &SubscriptionId,
        group: &str,
        name: &str,
        access: BgpPeeringAccessType,
        path: DevicePath,
    ) -> CloudResult<Vec<T>> {
        let circuit = self.cross_connection_peering(caller, group, name, access)?;
        Ok(T::rows(self, circuit, access, path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::arm::network::tests::circuit_put;
    use crate::cloud::circuit::tests::world;
    use crate::cloud::provider_side::tests::provider;

    /// An ARM circuit `ckt` in `rg`, ordered from Equinix in Silicon Valley.
    fn ordered() -> (World, SubscriptionId, SubscriptionId, ServiceKey) {
        let (mut w, sub) = world();
        w.create_or_update_resource_group(&sub, "rg", "West US", &Vec::new()).unwrap();
        let key = w.put_arm_circuit(&sub, circuit_put("rg", "ckt", None)).unwrap().service_key;
        let eq = provider(&w, "Equinix");
        (w, sub, eq, key)
    }

    fn state_put(key: &ServiceKey, state: &str) -> ArmCrossConnectionPut {
        ArmCrossConnectionPut {
            resource_group: "CrossConnection-SiliconValley".into(),
            name: key.to_string(),
            service_provider_provisioning_state: Some(state.into()),
            ..Default::default()
        }
    }

    #[test]
    fn the_provider_sees_the_circuit_by_service_key_in_its_location_group() {
        let (w, sub, eq, key) = ordered();
        let all = w.list_arm_cross_connections(&eq, None).unwrap();
        assert_eq!(all.len(), 1);
        let xc = &all[0];
        assert_eq!((xc.name.as_str(), xc.resource_group.as_str(), xc.location.as_str()), (key.to_string().as_str(), "CrossConnection-SiliconValley", "westus"));
        assert_eq!(
            xc.id,
            format!("/subscriptions/{eq}/resourceGroups/CrossConnection-SiliconValley/providers/Microsoft.Network/expressRouteCrossConnections/{key}")
        );
        assert_eq!(
            xc.express_route_circuit_id.as_deref(),
            Some(format!("/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/ckt").as_str())
        );
        assert_eq!((xc.stag, xc.service_provider_provisioning_state), (0, ProviderProvisioningState::NotProvisioned));
        assert!(w.list_arm_cross_connections(&sub, None).unwrap().is_empty(), "a customer has no cross connections");
        assert!(w.list_arm_cross_connections(&provider(&w, "AT&T"), None).unwrap().is_empty());
        assert!(w.list_arm_cross_connections(&eq, Some("CrossConnection-London")).unwrap().is_empty());
        let e = w.get_arm_cross_connection(&eq, "CrossConnection-London", &key.to_string()).unwrap_err();
        assert_eq!(e.status, 404);
        assert_eq!(
            e.message,
            format!("The Resource 'Microsoft.Network/expressRouteCrossConnections/{key}' under resource group 'CrossConnection-London' was not found.")
        );
    }

    #[test]
    fn setting_the_provider_state_moves_the_customers_circuit() {
        let (mut w, sub, eq, key) = ordered();
        let xc = w.put_arm_cross_connection(&eq, state_put(&key, "Provisioned")).unwrap();
        assert_eq!(xc.service_provider_provisioning_state, ProviderProvisioningState::Provisioned);
        assert!(xc.primary_azure_port.starts_with("EQUI-SIL-") && xc.stag == 1);
        let c = w.get_arm_circuit(&sub, "rg", "ckt").unwrap();
        assert_eq!(c.service_provider_provisioning_state, ProviderProvisioningState::Provisioned);
        // The classic provider cmdlets see the same state.
        assert_eq!(w.get_cross_connection(&eq, &key).unwrap().provisioning_state, ProviderProvisioningState::Provisioned);
        let e = w.put_arm_cross_connection(&eq, state_put(&key, "Deprovisioning")).unwrap_err();
        assert_eq!((e.status, e.code.as_str()), (400, "InvalidServiceProviderProvisioningState"));
        assert!(w.put_arm_cross_connection(&eq, state_put(&key, "Sideways")).is_err());
        w.request_deprovisioning(&sub, &key).unwrap();
        let mut put = state_put(&key, "NotProvisioned");
        put.service_provider_notes = Some("Port released".into());
        let xc = w.put_arm_cross_connection(&eq, put).unwrap();
        assert_eq!(
            (xc.service_provider_provisioning_state, xc.service_provider_notes.as_deref()),
            (ProviderProvisioningState::NotProvisioned, Some("Port released"))
        );
        w.remove_arm_circuit(&sub, "rg", "ckt").unwrap();
        assert!(w.list_arm_cross_connections(&eq, None).unwrap().is_empty());
    }

    #[test]
    fn peerings_sent_by_the_provider_follow_the_circuit_rules() {
        let (mut w, sub, eq, key) = ordered();
        let peering = ArmPeeringPut {
            name: "AzurePrivatePeering".into(),
            peering_type: "AzurePrivatePeering".into(),
            peer_asn: 65010,
            primary_peer_address_prefix: "10.0.0.0/30".into(),
            secondary_peer_address_prefix: "10.0.0.4/30".into(),
            vlan_id: 200,
            ..Default::default()
        };
        let mut put = state_put(&key, "");
        put.peerings = Some(vec![peering.clone()]);
        let e = w.put_arm_cross_connection(&eq, put.clone()).unwrap_err();
        assert_eq!(e.message, "The specified dedicated circuit is not in Provisioned state.");
        w.put_arm_cross_connection(&eq, state_put(&key, "Provisioned")).unwrap();
        let xc = w.put_arm_cross_connection(&eq, put).unwrap();
        assert_eq!(xc.peerings.len(), 1);
        assert!(xc.peerings[0].id.ends_with(&format!("expressRouteCrossConnections/{key}/peerings/AzurePrivatePeering")));
        let c = w.get_arm_circuit(&sub, "rg", "ckt").unwrap();
        assert_eq!(c.peerings[0].vlan_id, 200, "the customer sees the provider's peering");
        let rows: Vec<RouteSummaryEntry> =
            w.cross_connection_table(&eq, "CrossConnection-SiliconValley", &key.to_string(), BgpPeeringAccessType::Private, DevicePath::Primary).unwrap();
        assert_eq!(rows[0].asn, 65010);
        let e = w
            .cross_connection_table::<ArpEntry>(&eq, "CrossConnection-SiliconValley", &key.to_string(), BgpPeeringAccessType::Microsoft, DevicePath::Primary)
            .unwrap_err();
        assert_eq!(e.status, 400);
        let mut remove = state_put(&key, "");
        remove.peerings = Some(Vec::new());
        assert!(w.put_arm_cross_connection(&eq, remove).unwrap().peerings.is_empty());
    }
}
