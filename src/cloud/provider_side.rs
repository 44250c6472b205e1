//! The connectivity provider's side: cross connections (`/services/networking/crossconnections`).
//!
//! A provider subscription sees only circuits ordered from its own catalogue provider; to it a
//! circuit of another provider does not exist. Ports are 10 Gbps pairs per provider and
//! location, filled first-fit, so a later bandwidth upgrade can run out of room on its port
//! ("You may have to recreate the ExpressRoute circuit if there is inadequate capacity on the
//! existing port", circuit-classic 2018).

use serde::{Deserialize, Serialize};

use super::circuit::{CircuitRecord, CircuitStatus, ProviderProvisioningState};
use super::errors::{self, CloudResult};
use super::ports::PortClaim;
use super::world::{ServiceKey, SubscriptionId, World};

/// Capacity of one Azure port pair, Mbps.
pub const PORT_CAPACITY_MBPS: u32 = 10_000;

string_enum! {
    /// `UpdateCrossConnectionOperation` of Set-AzureCrossConnection.
    CrossConnectionOperation { NotifyCrossConnectionProvisioned, NotifyCrossConnectionNotProvisioned }
}

/// A cross connection as the provider sees it (`AzureCrossConnection`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrossConnection {
    /// Mbps.
    pub bandwidth: u32,
    /// Empty until the cross connection exists.
    pub primary_azure_port: String,
    /// Same as the circuit's provider-side state.
    pub provisioning_state: ProviderProvisioningState,
    /// Empty until the cross connection exists.
    pub secondary_azure_port: String,
    /// Service key.
    pub service_key: ServiceKey,
    /// Service VLAN tag; 0 until the cross connection exists.
    pub stag: u32,
    /// The circuit's Microsoft-side status.
    pub status: CircuitStatus,
    /// Last `ProvisioningError` the provider reported, if any.
    pub provisioning_error: Option<String>,
}

/// Stored cross-connection data of a circuit. Kept after NotProvisioned (the recorded list
/// shows NotProvisioned entries with ports and STag).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct CrossConnectionRecord {
    pub(crate) port: u32,
    pub(crate) primary_port: String,
    pub(crate) secondary_port: String,
    pub(crate) stag: u32,
    pub(crate) provisioning_error: Option<String>,
}

impl CircuitRecord {
    fn cross_connection_view(&self) -> CrossConnection {
        let xc = self.cross_connection.as_ref();
        CrossConnection {
            bandwidth: self.bandwidth,
            primary_azure_port: xc.map(|x| x.primary_port.clone()).unwrap_or_default(),
            provisioning_state: self.provider_state,
            secondary_azure_port: xc.map(|x| x.secondary_port.clone()).unwrap_or_default(),
            service_key: self.service_key,
            stag: xc.map_or(0, |x| x.stag),
            status: self.status,
            provisioning_error: xc.and_then(|x| x.provisioning_error.clone()),
        }
    }

    /// The port this circuit occupies, while the provider holds it.
    fn active_port(&self) -> Option<u32> {
        match self.provider_state {
            ProviderProvisioningState::NotProvisioned => None,
            _ => self.cross_connection.as_ref().map(|x| x.port),
        }
    }

    /// What this circuit holds in the port index, if anything.
    pub(crate) fn port_claim(&self) -> Option<PortClaim> {
        self.active_port().map(|port| (self.provider.clone(), self.location.clone(), port, self.bandwidth))
    }
}

/// Port names in the shape of the 2015 EXP doc (`EQIX-SJC-06GMR-CIS-1-PRI-A`): provider code,
/// location code, port number.
fn port_names(provider: &str, location: &str, port: u32) -> (String, String) {
    let code = |s: &str, n: usize| -> String { s.chars().filter(|c| c.is_ascii_alphanumeric()).take(n).collect::<String>().to_ascii_uppercase() };
    let stem = format!("{}-{}-{:02}GMR", code(provider, 4), code(location, 3), port);
    (format!("{stem}-CIS-1-PRI-A"), format!("{stem}-CIS-2-SEC-A"))
}

impl World {
    /// Mbps in use per port of `provider` at `location`, counted from the circuits on first use.
    fn port_usage(&mut self, provider: &str, location: &str) -> &mut Vec<u32> {
        let circuits = &self.circuits;
        self.ports.usage(provider, location, || circuits.port_use(provider, location))
    }

    /// Whether `next` (a stored circuit with a new bandwidth) fits on the port it occupies.
    pub(crate) fn port_has_room(&mut self, next: &CircuitRecord) -> bool {
        let Some(port) = next.active_port() else { return true };
        // The index counts the circuit at its stored bandwidth; only the others' use counts.
        let own = self.circuits.get(&next.service_key).and_then(CircuitRecord::port_claim).map_or(0, |(.., bw)| bw);
        let used = self.port_usage(&next.provider, &next.location).get(port as usize - 1).copied().unwrap_or(0);
        used.saturating_sub(own) + next.bandwidth <= PORT_CAPACITY_MBPS
    }

    /// A circuit of the calling provider; others do not exist for it.
    fn provider_circuit(&self, caller: &SubscriptionId, key: &ServiceKey) -> CloudResult<&CircuitRecord> {
        let provider = self.caller_provider(caller)?;
        self.circuits.get(key).filter(|c| c.provider == provider.name).ok_or_else(|| errors::circuit_not_found(key))
    }

    /// Get-AzureCrossConnection -ServiceKey.
    pub fn get_cross_connection(&self, caller: &SubscriptionId, key: &ServiceKey) -> CloudResult<CrossConnection> {
        Ok(self.provider_circuit(caller, key)?.cross_connection_view())
    }

    /// Get-AzureCrossConnection: circuits of this provider that have a cross connection, in
    /// circuit creation order.
    pub fn list_cross_connections(&self, caller: &SubscriptionId) -> CloudResult<Vec<CrossConnection>> {
        let provider = self.caller_provider(caller)?;
        Ok(self
            .circuits
            .of_provider(provider.name)
            .into_iter()
            .filter(|c| c.provider == provider.name && c.cross_connection.is_some())
            .map(CircuitRecord::cross_connection_view)
            .collect())
    }

    /// New-AzureCrossConnection: NotProvisioned → Provisioning.
    pub fn new_cross_connection(&mut self, caller: &SubscriptionId, key: &ServiceKey) -> CloudResult<CrossConnection> {
        let circuit = self.provider_circuit(caller, key)?;
        if circuit.provider_state != ProviderProvisioningState::NotProvisioned {
            return Err(errors::circuit_not_in_state("NotProvisioned"));
        }
        self.start_cross_connection(key);
        let circuit = self.circuits.get(key).ok_or_else(|| errors::circuit_not_found(key))?;
        Ok(circuit.cross_connection_view())
    }

    /// The provider starts provisioning `key` (by its own call or by policy): Provisioning,
    /// with a port pair that has room (keeping the previous one when it still fits) and an
    /// STag (kept across re-provisioning).
    pub(crate) fn start_cross_connection(&mut self, key: &ServiceKey) {
        let Some(circuit) = self.circuits.get(key) else {
            return;
        };
        let (provider, location, bw) = (circuit.provider.clone(), circuit.location.clone(), circuit.bandwidth);
        let previous = circuit.cross_connection.clone();
        // This circuit's own bandwidth does not count against it (it may hold a port already).
        let own = circuit.active_port();
        let usage = self.port_usage(&provider, &location);
        let used = |port: u32| {
            let u = usage.get(port as usize - 1).copied().unwrap_or(0);
            if own == Some(port) {
                u.saturating_sub(bw)
            } else {
                u
            }
        };
        let port = match previous.as_ref().map(|x| x.port) {
            Some(p) if used(p) + bw <= PORT_CAPACITY_MBPS => p,
            // First fit; one past the ports in use is always free.
            _ => (1..=usage.len() as u32 + 1).find(|p| used(*p) + bw <= PORT_CAPACITY_MBPS).unwrap_or(usage.len() as u32 + 1),
        };
        if own != Some(port) {
            if let Some(o) = own {
                usage[o as usize - 1] = usage[o as usize - 1].saturating_sub(bw);
            }
            if usage.len() < port as usize {
                usage.resize(port as usize, 0);
            }
            usage[port as usize - 1] += bw;
        }
        let stag = match previous.as_ref() {
            Some(x) => x.stag,
            None => {
                let next = self.next_stag.entry(provider.clone()).or_insert(1);
                let stag = *next;
                *next = next.saturating_add(1);
                stag
            }
        };
        let (primary_port, secondary_port) = port_names(&provider, &location, port);
        if let Some(circuit) = self.circuits.get_mut(key) {
            circuit.cross_connection = Some(CrossConnectionRecord { port, primary_port, secondary_port, stag, provisioning_error: None });
            circuit.provider_state = ProviderProvisioningState::Provisioning;
        }
    }

    /// Set-AzureCrossConnection. Provisioned: from Provisioning (repeating it is harmless).
    /// NotProvisioned: from any state — abandoning a provisioning, deprovisioning on the
    /// provider's own initiative, or completing a customer's deprovisioning request. The
    /// provider's own call replaces any transition its policy had under way.
    pub fn set_cross_connection(
        &mut self,
        caller: &SubscriptionId,
        key: &ServiceKey,
        operation: CrossConnectionOperation,
        provisioning_error: Option<&str>,
    ) -> CloudResult<CrossConnection> {
        let state = self.provider_circuit(caller, key)?.provider_state;
        let next = match operation {
            CrossConnectionOperation::NotifyCrossConnectionProvisioned => match state {
                ProviderProvisioningState::Provisioning | ProviderProvisioningState::Provisioned => ProviderProvisioningState::Provisioned,
                _ => return Err(errors::circuit_not_in_state("Provisioning")),
            },
            CrossConnectionOperation::NotifyCrossConnectionNotProvisioned => ProviderProvisioningState::NotProvisioned,
        };
        let circuit = self.circuits.get_mut(key).ok_or_else(|| errors::circuit_not_found(key))?;
        let before = circuit.port_claim();
        circuit.provider_state = next;
        self.ports.transfer(before, circuit.port_claim());
        circuit.pending = None;
        if let Some(xc) = circuit.cross_connection.as_mut() {
            xc.provisioning_error = provisioning_error.map(str::trim).filter(|e| !e.is_empty()).map(str::to_string);
        }
        Ok(circuit.cross_connection_view())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::cloud::circuit::tests::{new_circuit, world};
    use crate::cloud::circuit::CircuitUpdate;
    use crate::cloud::errors::ErrorKind;
    use uuid::Uuid;

    pub(crate) fn provider(w: &World, name: &str) -> SubscriptionId {
        w.find_subscription_by_name(&format!("{name} Provider")).unwrap().id
    }

    /// Creates a circuit and lets Equinix provision it.
    pub(crate) fn provisioned_circuit(w: &mut World, sub: &SubscriptionId, name: &str) -> ServiceKey {
        let key = w.create_circuit(sub, new_circuit(name)).unwrap().service_key;
        let eq = provider(w, "Equinix");
        w.new_cross_connection(&eq, &key).unwrap();
        w.set_cross_connection(&eq, &key, CrossConnectionOperation::NotifyCrossConnectionProvisioned, None).unwrap();
        key
    }

    #[test]
    fn provisioning_sequence() {
        let (mut w, sub) = world();
        let key = w.create_circuit(&sub, new_circuit("c")).unwrap().service_key;
        let eq = provider(&w, "Equinix");
        let before = w.get_cross_connection(&eq, &key).unwrap();
        assert_eq!((before.stag, before.primary_azure_port.as_str()), (0, ""));
        assert!(w.list_cross_connections(&eq).unwrap().is_empty());

        let xc = w.new_cross_connection(&eq, &key).unwrap();
        assert_eq!(xc.provisioning_state, ProviderProvisioningState::Provisioning);
        assert_eq!(xc.primary_azure_port, "EQUI-SIL-01GMR-CIS-1-PRI-A");
        assert_eq!(xc.secondary_azure_port, "EQUI-SIL-01GMR-CIS-2-SEC-A");
        assert_eq!((xc.stag, xc.bandwidth, xc.status), (1, 200, CircuitStatus::Enabled));
        let c = w.get_circuit(&sub, &key).unwrap();
        assert_eq!(c.service_provider_provisioning_state, ProviderProvisioningState::Provisioning);

        let e = w.new_cross_connection(&eq, &key).unwrap_err();
        assert_eq!(e.to_string(), "BadRequest: The specified dedicated circuit is not in NotProvisioned state.");

        let op = CrossConnectionOperation::NotifyCrossConnectionProvisioned;
        let xc = w.set_cross_connection(&eq, &key, op, Some("")).unwrap();
        assert_eq!(xc.provisioning_state, ProviderProvisioningState::Provisioned);
        w.set_cross_connection(&eq, &key, op, None).unwrap();
        assert_eq!(w.list_cross_connections(&eq).unwrap().len(), 1);
    }

    #[test]
    fn customer_requested_deprovisioning_sequence() {
        let (mut w, sub) = world();
        let key = provisioned_circuit(&mut w, &sub, "c");
        let eq = provider(&w, "Equinix");
        let c = w.request_deprovisioning(&sub, &key).unwrap();
        assert_eq!(c.service_provider_provisioning_state, ProviderProvisioningState::Deprovisioning);
        assert_eq!(c.status, CircuitStatus::Enabled);
        assert_eq!(w.remove_circuit(&sub, &key).unwrap_err().code, "ConflictError");
        let e = w.set_cross_connection(&eq, &key, CrossConnectionOperation::NotifyCrossConnectionProvisioned, None).unwrap_err();
        assert_eq!(e.message, "The specified dedicated circuit is not in Provisioning state.");
        let xc = w.set_cross_connection(&eq, &key, CrossConnectionOperation::NotifyCrossConnectionNotProvisioned, None).unwrap();
        assert_eq!(xc.provisioning_state, ProviderProvisioningState::NotProvisioned);
        assert_eq!(xc.stag, 1, "the cross connection keeps its STag");
        let c = w.get_circuit(&sub, &key).unwrap();
        assert_eq!((c.service_provider_provisioning_state, c.status), (ProviderProvisioningState::NotProvisioned, CircuitStatus::Enabled));
        let e = w.request_deprovisioning(&sub, &key).unwrap_err();
        assert_eq!(e.message, "The specified dedicated circuit is not in Provisioned state.");
        w.remove_circuit(&sub, &key).unwrap();
        assert!(w.list_cross_connections(&eq).unwrap().is_empty());
    }

    #[test]
    fn provider_can_abandon_provisioning_with_an_error_text() {
        let (mut w, sub) = world();
        let key = w.create_circuit(&sub, new_circuit("c")).unwrap().service_key;
        let eq = provider(&w, "Equinix");
        w.new_cross_connection(&eq, &key).unwrap();
        let xc = w.set_cross_connection(&eq, &key, CrossConnectionOperation::NotifyCrossConnectionNotProvisioned, Some("Port not ready")).unwrap();
        assert_eq!(xc.provisioning_error.as_deref(), Some("Port not ready"));
        let again = w.new_cross_connection(&eq, &key).unwrap();
        assert_eq!((again.stag, again.provisioning_error), (1, None));
    }

    #[test]
    fn customers_and_other_providers_are_refused() {
        let (mut w, sub) = world();
        let key = w.create_circuit(&sub, new_circuit("c")).unwrap().service_key;
        let e = w.new_cross_connection(&sub, &key).unwrap_err();
        assert_eq!((e.status, e.code.as_str()), (403, "ForbiddenError"));
        assert_eq!(e.message, format!("The subscription '{sub}' is not registered as a dedicated circuit service provider."));
        assert!(w.list_cross_connections(&sub).is_err());
        let att = provider(&w, "AT&T");
        let e = w.get_cross_connection(&att, &key).unwrap_err();
        assert_eq!(e.message, format!("The specified dedicated circuit with service key '{key}' was not found."));
        assert!(w.new_cross_connection(&att, &key).is_err());
        assert!(w.get_cross_connection(&att, &Uuid::nil()).is_err());
    }

    #[test]
    fn stags_count_per_provider_and_ports_fill_first_fit() {
        let (mut w, sub) = world();
        let eq = provider(&w, "Equinix");
        let mut keys = Vec::new();
        for (i, bw) in [5000, 5000, 1000].into_iter().enumerate() {
            let mut n = new_circuit(&format!("c{i}"));
            n.bandwidth = bw;
            let key = w.create_circuit(&sub, n).unwrap().service_key;
            keys.push((key, w.new_cross_connection(&eq, &key).unwrap()));
        }
        let stags: Vec<_> = keys.iter().map(|(_, x)| x.stag).collect();
        assert_eq!(stags, [1, 2, 3]);
        assert!(keys[0].1.primary_azure_port.contains("-01GMR-"));
        assert!(keys[1].1.primary_azure_port.contains("-01GMR-"));
        assert!(keys[2].1.primary_azure_port.contains("-02GMR-"));

        // Port 1 is full: upgrading c0 fails as a long-running operation.
        let e = w.update_circuit(&sub, &keys[0].0, CircuitUpdate { bandwidth: Some(10000), ..Default::default() }).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Operation);
        assert_eq!(e.to_string(), "InvalidOperation : Insufficient bandwidth available to perform this circuit update operation");
        // c2 sits alone on port 2 and can grow.
        w.update_circuit(&sub, &keys[2].0, CircuitUpdate { bandwidth: Some(5000), ..Default::default() }).unwrap();
    }

    /// The port index is kept up to date through upgrades, deprovisioning and removal
    /// instead of being rebuilt; a copy of the world (whose index is rebuilt on first use)
    /// must place and refuse exactly as the original does.
    #[test]
    fn the_kept_port_index_answers_as_a_rebuilt_one() {
        let (mut w, sub) = world();
        let eq = provider(&w, "Equinix");
        let create = |w: &mut World, name: &str, bw| {
            let mut n = new_circuit(name);
            n.bandwidth = bw;
            w.create_circuit(&sub, n).unwrap().service_key
        };
        let a = create(&mut w, "a", 5000);
        let b = create(&mut w, "b", 2000);
        for key in [a, b] {
            w.new_cross_connection(&eq, &key).unwrap();
            w.set_cross_connection(&eq, &key, CrossConnectionOperation::NotifyCrossConnectionProvisioned, None).unwrap();
        }
        // Port 1 now holds 7,000 Mbps; b grows to 5,000 on it, filling it.
        w.update_circuit(&sub, &b, CircuitUpdate { bandwidth: Some(5000), ..Default::default() }).unwrap();
        let grow_a = CircuitUpdate { bandwidth: Some(10000), ..Default::default() };
        assert!(w.clone().update_circuit(&sub, &a, grow_a.clone()).is_err());
        assert!(w.update_circuit(&sub, &a, grow_a.clone()).is_err());
        // a is deprovisioned and removed: its 5,000 Mbps are free again.
        w.request_deprovisioning(&sub, &a).unwrap();
        w.set_cross_connection(&eq, &a, CrossConnectionOperation::NotifyCrossConnectionNotProvisioned, None).unwrap();
        w.remove_circuit(&sub, &a).unwrap();
        let c = create(&mut w, "c", 5000);
        let mut copy = w.clone();
        let port = |xc: CrossConnection| xc.primary_azure_port;
        assert_eq!(port(w.new_cross_connection(&eq, &c).unwrap()), port(copy.new_cross_connection(&eq, &c).unwrap()));
        assert!(port(w.get_cross_connection(&eq, &c).unwrap()).contains("-01GMR-"), "c takes a's place on port 1");
        let grow_b = CircuitUpdate { bandwidth: Some(10000), ..Default::default() };
        assert_eq!(w.update_circuit(&sub, &b, grow_b.clone()).is_err(), copy.update_circuit(&sub, &b, grow_b).is_err());
    }
}
