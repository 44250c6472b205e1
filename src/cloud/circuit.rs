//! Dedicated circuits: the customer-side operations and the circuit's data.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::authorization::AuthorizationRecord;
use super::catalog::{self, ServiceProvider};
use super::errors::{self, CloudResult};
use super::link::LinkRecord;
use super::peering::PeeringRecord;
use super::policy::PendingTransition;
use super::provider_side::CrossConnectionRecord;
use super::world::{ServiceKey, SubscriptionId, World};

string_enum! {
    /// Metering plan (`BillingType`: MeteredData = 0, UnlimitedData = 1).
    BillingType { MeteredData, UnlimitedData }
}

string_enum! {
    /// Circuit sku (`CircuitSku`).
    CircuitSku { Standard, Premium }
}

string_enum! {
    /// `ServiceProviderProvisioningState` (NotProvisioned = 0 … Deprovisioning = 3).
    ProviderProvisioningState { NotProvisioned, Provisioning, Provisioned, Deprovisioning }
}

string_enum! {
    /// `Status`, Microsoft's side of the circuit (`DedicatedCircuitState`).
    CircuitStatus { Enabled, Enabling, Disabling, Disabled }
}

/// A circuit as the service answers it (`AzureDedicatedCircuit`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Circuit {
    /// Mbps.
    pub bandwidth: u32,
    /// `None` in list answers: the real list response carried `<BillingType i:nil="true"/>`
    /// while get-by-key carried the value (SDK session @c022dac5).
    pub billing_type: Option<BillingType>,
    /// Circuit name.
    pub circuit_name: String,
    /// Peering location, catalogue spelling.
    pub location: String,
    /// Service key.
    pub service_key: ServiceKey,
    /// Provider name lower-cased, as the server returns it (`equinix`, `at&t`).
    pub service_provider_name: String,
    /// Canonical catalogue name (`Equinix`), for lookups; not part of the wire object.
    pub provider_canonical_name: String,
    /// Provider-side state.
    pub service_provider_provisioning_state: ProviderProvisioningState,
    /// Sku.
    pub sku: CircuitSku,
    /// Microsoft-side status.
    pub status: CircuitStatus,
}

/// Parameters of New-AzureDedicatedCircuit (`CreateDedicatedCircuit`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCircuit {
    /// Circuit name.
    pub name: String,
    /// Mbps.
    pub bandwidth: u32,
    /// Peering location.
    pub location: String,
    /// Provider name as typed (error texts echo it).
    pub service_provider_name: String,
    /// Sku.
    pub sku: CircuitSku,
    /// Metering plan.
    pub billing_type: BillingType,
}

/// Fields of Set-AzureDedicatedCircuitProperties (`UpdateDedicatedCircuit`); only given
/// fields change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CircuitUpdate {
    /// New bandwidth (upward only, offered by the provider).
    pub bandwidth: Option<u32>,
    /// New sku.
    pub sku: Option<CircuitSku>,
    /// New metering plan (MeteredData → UnlimitedData only).
    pub billing_type: Option<BillingType>,
}

/// Stored circuit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct CircuitRecord {
    pub(crate) service_key: ServiceKey,
    pub(crate) subscription: SubscriptionId,
    pub(crate) name: String,
    pub(crate) bandwidth: u32,
    pub(crate) billing_type: BillingType,
    pub(crate) location: String,
    /// Canonical catalogue name.
    pub(crate) provider: String,
    pub(crate) sku: CircuitSku,
    pub(crate) provider_state: ProviderProvisioningState,
    pub(crate) status: CircuitStatus,
    pub(crate) created_at: NaiveDateTime,
    /// Set once the provider has created the cross connection.
    pub(crate) cross_connection: Option<CrossConnectionRecord>,
    #[serde(default)]
    pub(crate) peerings: Vec<PeeringRecord>,
    #[serde(default)]
    pub(crate) links: Vec<LinkRecord>,
    #[serde(default)]
    pub(crate) authorizations: Vec<AuthorizationRecord>,
    /// Provider work under way by policy (Auto / Clock), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) pending: Option<PendingTransition>,
    /// What Resource Manager keeps of a circuit created there (none for a classic circuit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) arm: Option<super::arm::ArmFace>,
    /// Resource Manager connections to the circuit, from any subscription.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) arm_connections: Vec<super::arm::network::ArmConnectionRef>,
}

impl CircuitRecord {
    pub(crate) fn view(&self, with_billing_type: bool) -> Circuit {
        Circuit {
            bandwidth: self.bandwidth,
            billing_type: with_billing_type.then_some(self.billing_type),
            circuit_name: self.name.clone(),
            location: self.location.clone(),
            service_key: self.service_key,
            service_provider_name: self.provider.to_lowercase(),
            provider_canonical_name: self.provider.clone(),
            service_provider_provisioning_state: self.provider_state,
            sku: self.sku,
            status: self.status,
        }
    }

    /// Provisioned and Enabled: "the only state the circuit can be in for you to be able to
    /// use it" (workflows doc).
    pub(crate) fn require_usable(&self) -> CloudResult<()> {
        if self.provider_state != ProviderProvisioningState::Provisioned {
            return Err(errors::circuit_not_in_state("Provisioned"));
        }
        if self.status != CircuitStatus::Enabled {
            return Err(errors::circuit_not_enabled());
        }
        Ok(())
    }

    pub(crate) fn catalog_entry(&self) -> Option<&'static ServiceProvider> {
        catalog::find_provider(&self.provider)
    }
}

impl World {
    /// The provider catalogue (Get-AzureDedicatedCircuitServiceProvider).
    pub fn list_service_providers(&self, caller: &SubscriptionId) -> CloudResult<&'static [ServiceProvider]> {
        self.caller(caller)?;
        Ok(catalog::PROVIDERS)
    }

    /// New-AzureDedicatedCircuit. Checks, in the order the recordings imply: provider,
    /// location, bandwidth, then the name. Starts billing.
    pub fn create_circuit(&mut self, caller: &SubscriptionId, new: NewCircuit) -> CloudResult<Circuit> {
        self.caller(caller)?;
        let provider = catalog::find_provider(&new.service_provider_name).ok_or_else(errors::provider_not_found)?;
        let location = provider.find_location(&new.location).ok_or_else(|| errors::location_not_found(&new.location, &new.service_provider_name))?;
        if !provider.offers(new.bandwidth) {
            return Err(errors::bandwidth_not_found(new.bandwidth, &new.service_provider_name));
        }
        if new.name.trim().is_empty() || new.name.contains(char::is_whitespace) {
            return Err(errors::circuit_name_invalid(&new.name));
        }
        if self.circuits.has_name(caller, &new.name) {
            return Err(errors::circuit_name_exists(&new.name));
        }
        let order = NewCircuit { location: location.to_string(), service_provider_name: provider.name.to_string(), ..new };
        let key = self.place_order(caller, order, None);
        self.get_circuit_view(&key)
    }

    /// A circuit the checks accepted, in either model: filed under a new service key, billed
    /// from now, and handed to the provider. `order` carries the catalogue's spelling of the
    /// provider and the location.
    pub(crate) fn place_order(&mut self, caller: &SubscriptionId, order: NewCircuit, arm: Option<super::arm::ArmFace>) -> ServiceKey {
        let record = CircuitRecord {
            service_key: self.ids.next_guid(),
            subscription: *caller,
            name: order.name,
            bandwidth: order.bandwidth,
            billing_type: order.billing_type,
            location: order.location,
            provider: order.service_provider_name,
            sku: order.sku,
            provider_state: ProviderProvisioningState::NotProvisioned,
            status: CircuitStatus::Enabled,
            created_at: self.now,
            cross_connection: None,
            peerings: Vec::new(),
            links: Vec::new(),
            authorizations: Vec::new(),
            pending: None,
            arm,
            arm_connections: Vec::new(),
        };
        let key = record.service_key;
        self.open_billing(&record);
        self.circuits.insert(key, record);
        self.provider_takes_order(&key);
        key
    }

    /// Get-AzureDedicatedCircuit -ServiceKey: the caller's circuit, with its BillingType.
    /// Mutable because a read counts towards a provider transition under the Auto policy.
    pub fn get_circuit(&mut self, caller: &SubscriptionId, key: &ServiceKey) -> CloudResult<Circuit> {
        self.classic_circuit(caller, key, errors::circuit_not_found)?;
        self.note_reads(&[*key]);
        self.get_circuit_view(key)
    }

    /// Get-AzureDedicatedCircuit: the caller's circuits in creation order, BillingType `None`
    /// as in the real list response. Each listed circuit counts as read (Auto policy).
    pub fn list_circuits(&mut self, caller: &SubscriptionId) -> CloudResult<Vec<Circuit>> {
        self.caller(caller)?;
        let keys: Vec<ServiceKey> = self.circuits.of(caller, None).iter().filter(|c| c.classic_visible()).map(|c| c.service_key).collect();
        self.note_reads(&keys);
        Ok(keys.iter().filter_map(|k| self.circuits.get(k)).map(|c| c.view(false)).collect())
    }

    /// A stored circuit's full view, without counting a read.
    fn get_circuit_view(&self, key: &ServiceKey) -> CloudResult<Circuit> {
        self.circuits.get(key).map(|c| c.view(true)).ok_or_else(|| errors::circuit_not_found(key))
    }

    /// Remove-AzureDedicatedCircuit. Refused while VNet links exist and while the provider
    /// has not deprovisioned the circuit (Provisioning, Provisioned, Deprovisioning). Peerings
    /// and authorizations go with the circuit; billing stops.
    pub fn remove_circuit(&mut self, caller: &SubscriptionId, key: &ServiceKey) -> CloudResult<()> {
        let circuit = self.classic_lifecycle(caller, key, errors::service_key_not_valid)?;
        if circuit.link_count() > 0 {
            return Err(errors::circuit_in_use());
        }
        if circuit.provider_state != ProviderProvisioningState::NotProvisioned {
            return Err(errors::circuit_not_deprovisioned());
        }
        if let Some(removed) = self.circuits.remove(key) {
            self.ports.transfer(removed.port_claim(), None);
        }
        self.close_billing(key);
        Ok(())
    }

    /// Set-AzureDedicatedCircuitProperties. Applies the given fields; billing restarts under
    /// the new terms when anything changed.
    pub fn update_circuit(&mut self, caller: &SubscriptionId, key: &ServiceKey, update: CircuitUpdate) -> CloudResult<Circuit> {
        self.classic_lifecycle(caller, key, errors::circuit_not_found)?;
        self.change_circuit_terms(caller, key, update)
    }

    /// The change rules of the dedicated-circuit backend, whichever model asks.
    pub(crate) fn change_circuit_terms(&mut self, caller: &SubscriptionId, key: &ServiceKey, update: CircuitUpdate) -> CloudResult<Circuit> {
        // A copy, so the port index can be consulted (and built) while the old terms are read.
        let circuit = self.owned_circuit(caller, key, errors::circuit_not_found)?.clone();
        let mut next = circuit.clone();
        if let Some(bw) = update.bandwidth {
            if bw < circuit.bandwidth {
                return Err(errors::bandwidth_downgrade(bw, circuit.bandwidth));
            }
            let offered = circuit.catalog_entry().is_some_and(|p| p.offers(bw));
            if !offered {
                return Err(errors::bandwidth_not_found(bw, &circuit.provider.to_lowercase()));
            }
            next.bandwidth = bw;
        }
        if let Some(bt) = update.billing_type {
            if circuit.billing_type == BillingType::UnlimitedData && bt == BillingType::MeteredData {
                return Err(errors::billing_type_downgrade());
            }
            next.billing_type = bt;
        }
        if let Some(sku) = update.sku {
            next.sku = sku;
        }
        // Resource checks happen in the backend, so they fail the long-running operation.
        if next.bandwidth > circuit.bandwidth && !self.port_has_room(&next) {
            return Err(errors::insufficient_bandwidth());
        }
        self.check_link_limit_for(&next)?;
        let changed = next.bandwidth != circuit.bandwidth || next.sku != circuit.sku || next.billing_type != circuit.billing_type;
        if changed {
            self.close_billing(key);
            self.open_billing(&next);
        }
        let view = next.view(true);
        self.ports.transfer(circuit.port_claim(), next.port_claim());
        self.circuits.insert(*key, next);
        Ok(view)
    }

    /// Simulation control: the customer asks the provider to deprovision. The provider side
    /// then reports `Deprovisioning` until it notifies NotProvisioned (workflows doc, ADO wiki),
    /// or until the provider policy completes it. A provisioning under way is abandoned.
    pub fn request_deprovisioning(&mut self, caller: &SubscriptionId, key: &ServiceKey) -> CloudResult<Circuit> {
        let circuit = self.owned_circuit_mut(caller, key, errors::circuit_not_found)?;
        match circuit.provider_state {
            ProviderProvisioningState::Provisioning | ProviderProvisioningState::Provisioned => {
                circuit.provider_state = ProviderProvisioningState::Deprovisioning;
                circuit.pending = None;
            }
            _ => return Err(errors::circuit_not_in_state("Provisioned")),
        }
        self.provider_takes_deprovisioning(key);
        self.get_circuit_view(key)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::cloud::errors::ErrorKind;
    use crate::cloud::world::tests::t0;
    use chrono::Duration;
    use uuid::Uuid;

    pub(crate) fn world() -> (World, SubscriptionId) {
        let w = World::default_world_seeded(t0(), 1);
        let sub = w.selected_subscription().unwrap().id;
        (w, sub)
    }

    pub(crate) fn new_circuit(name: &str) -> NewCircuit {
        NewCircuit {
            name: name.into(),
            bandwidth: 200,
            location: "Silicon Valley".into(),
            service_provider_name: "Equinix".into(),
            sku: CircuitSku::Standard,
            billing_type: BillingType::MeteredData,
        }
    }

    #[test]
    fn create_returns_the_documented_initial_state() {
        let (mut w, sub) = world();
        let c = w.create_circuit(&sub, new_circuit("MyTestCircuit")).unwrap();
        assert_eq!(c.service_provider_name, "equinix");
        assert_eq!(c.provider_canonical_name, "Equinix");
        assert_eq!(c.service_provider_provisioning_state, ProviderProvisioningState::NotProvisioned);
        assert_eq!(c.status, CircuitStatus::Enabled);
        assert_eq!(c.billing_type, Some(BillingType::MeteredData));
        assert_eq!(c.location, "Silicon Valley");
        assert_eq!(w.get_circuit(&sub, &c.service_key).unwrap(), c);
    }

    #[test]
    fn provider_and_location_match_case_insensitively() {
        let (mut w, sub) = world();
        let mut n = new_circuit("c1");
        n.service_provider_name = "at&t".into();
        n.location = "washington dc".into();
        n.bandwidth = 50;
        let c = w.create_circuit(&sub, n).unwrap();
        assert_eq!(c.service_provider_name, "at&t");
        assert_eq!(c.location, "Washington DC");
    }

    #[test]
    fn create_errors_have_the_recorded_texts() {
        let (mut w, sub) = world();
        let mut n = new_circuit("circuit1192");
        n.service_provider_name = "provider3211".into();
        n.location = "location9341".into();
        n.bandwidth = 999;
        let e = w.create_circuit(&sub, n).unwrap_err();
        assert_eq!((e.status, e.to_string().as_str()), (404, "ResourceNotFound: The provider could not be found."));

        let mut n = new_circuit("circuit2085");
        n.location = "location9062".into();
        n.service_provider_name = "equinix".into();
        let e = w.create_circuit(&sub, n).unwrap_err();
        assert_eq!(e.to_string(), "ResourceNotFound: The specified location location9062 does not exist for the provider equinix");

        let mut n = new_circuit("circuit2877");
        n.bandwidth = 999;
        n.location = "Amsterdam".into();
        let e = w.create_circuit(&sub, n).unwrap_err();
        assert_eq!(e.to_string(), "ResourceNotFound: The specified bandwidth 999 does not exist for the provider Equinix");
        assert_eq!(e.kind, ErrorKind::Sync);

        w.create_circuit(&sub, new_circuit("circuit2981")).unwrap();
        let e = w.create_circuit(&sub, new_circuit("circuit2981")).unwrap_err();
        assert_eq!((e.status, e.to_string().as_str()), (409, "ConflictError: The circuit with name 'circuit2981' already exists."));

        let e = w.create_circuit(&sub, new_circuit("My Circuit")).unwrap_err();
        assert_eq!(e.code, "BadRequest");
        assert!(w.billing_records().len() == 1);
    }

    #[test]
    fn singtel_domestic_refuses_5gbps() {
        let (mut w, sub) = world();
        let mut n = new_circuit("s");
        n.service_provider_name = "SingTel Domestic".into();
        n.location = "Singapore".into();
        n.bandwidth = 5000;
        let e = w.create_circuit(&sub, n).unwrap_err();
        assert_eq!(e.message, "The specified bandwidth 5000 does not exist for the provider SingTel Domestic");
    }

    #[test]
    fn same_name_in_another_subscription_is_allowed() {
        let (mut w, sub) = world();
        let dev = w.find_subscription_by_name("Contoso Dev-Test").unwrap().id;
        w.create_circuit(&sub, new_circuit("shared")).unwrap();
        w.create_circuit(&dev, new_circuit("shared")).unwrap();
        assert_eq!(w.list_circuits(&sub).unwrap().len(), 1);
        assert_eq!(w.list_circuits(&dev).unwrap().len(), 1);
    }

    #[test]
    fn get_and_delete_unknown_keys_use_the_recorded_texts() {
        let (mut w, sub) = world();
        let nil = Uuid::nil();
        let e = w.get_circuit(&sub, &nil).unwrap_err();
        assert_eq!((e.status, e.code.as_str()), (404, "ResourceNotFound"));
        assert_eq!(e.message, "The specified dedicated circuit with service key '00000000-0000-0000-0000-000000000000' was not found.");
        let e = w.remove_circuit(&sub, &nil).unwrap_err();
        assert_eq!(
            (e.status, e.to_string().as_str()),
            (400, "BadRequest: The specified service key '00000000-0000-0000-0000-000000000000' is not valid or could not be found.")
        );
    }

    #[test]
    fn circuits_of_other_subscriptions_are_invisible() {
        let (mut w, sub) = world();
        let dev = w.find_subscription_by_name("Contoso Dev-Test").unwrap().id;
        let c = w.create_circuit(&sub, new_circuit("c")).unwrap();
        assert_eq!(w.get_circuit(&dev, &c.service_key).unwrap_err().code, "ResourceNotFound");
        assert_eq!(w.remove_circuit(&dev, &c.service_key).unwrap_err().code, "BadRequest");
    }

    #[test]
    fn list_hides_billing_type_and_keeps_creation_order() {
        let (mut w, sub) = world();
        w.create_circuit(&sub, new_circuit("b")).unwrap();
        w.create_circuit(&sub, new_circuit("a")).unwrap();
        let list = w.list_circuits(&sub).unwrap();
        let names: Vec<_> = list.iter().map(|c| c.circuit_name.as_str()).collect();
        assert_eq!(names, ["b", "a"]);
        assert!(list.iter().all(|c| c.billing_type.is_none()));
    }

    #[test]
    fn unknown_caller_is_refused() {
        let (mut w, _) = world();
        let e = w.create_circuit(&Uuid::nil(), new_circuit("x")).unwrap_err();
        assert_eq!(e.code, "ForbiddenError");
        assert!(w.list_circuits(&Uuid::nil()).is_err());
        assert!(w.list_service_providers(&Uuid::nil()).is_err());
    }

    #[test]
    fn provider_list_is_the_catalogue() {
        let (w, sub) = world();
        assert_eq!(w.list_service_providers(&sub).unwrap().len(), 31);
    }

    #[test]
    fn delete_not_provisioned_circuit_stops_billing() {
        let (mut w, sub) = world();
        let c = w.create_circuit(&sub, new_circuit("c")).unwrap();
        w.advance_clock(Duration::hours(3));
        w.remove_circuit(&sub, &c.service_key).unwrap();
        assert!(w.list_circuits(&sub).unwrap().is_empty());
        let r = &w.billing_records()[0];
        assert_eq!(r.start, t0());
        assert_eq!(r.end, Some(t0() + Duration::hours(3)));
    }

    #[test]
    fn delete_is_refused_until_the_provider_deprovisions() {
        let (mut w, sub) = world();
        let key = w.create_circuit(&sub, new_circuit("c")).unwrap().service_key;
        for state in [ProviderProvisioningState::Provisioning, ProviderProvisioningState::Provisioned, ProviderProvisioningState::Deprovisioning] {
            w.circuits[&key].provider_state = state;
            let e = w.remove_circuit(&sub, &key).unwrap_err();
            assert_eq!(
                e.to_string(),
                "ConflictError: The specified dedicated circuit is not in Deprovisioned state. Please initiate the deprovisioning process with your service provider."
            );
        }
        assert!(w.billing_records()[0].end.is_none(), "still billed");
    }

    #[test]
    fn update_rules() {
        let (mut w, sub) = world();
        let key = w.create_circuit(&sub, new_circuit("c")).unwrap().service_key;
        let up = |bw| CircuitUpdate { bandwidth: Some(bw), ..Default::default() };
        // 50 → 10000 accepted while NotProvisioned in the recording; here 200 → 10000.
        let c = w.update_circuit(&sub, &key, up(10000)).unwrap();
        assert_eq!(c.bandwidth, 10000);
        let e = w.update_circuit(&sub, &key, up(1000)).unwrap_err();
        assert_eq!(e.code, "BadRequest");
        assert!(e.message.contains("Downgrading the bandwidth"));
        let e = w.update_circuit(&sub, &key, up(20000)).unwrap_err();
        assert_eq!(e.message, "The specified bandwidth 20000 does not exist for the provider equinix");
        // Same bandwidth is a no-op, not a downgrade.
        w.update_circuit(&sub, &key, up(10000)).unwrap();

        let c = w
            .update_circuit(&sub, &key, CircuitUpdate { sku: Some(CircuitSku::Premium), billing_type: Some(BillingType::UnlimitedData), ..Default::default() })
            .unwrap();
        assert_eq!((c.sku, c.billing_type), (CircuitSku::Premium, Some(BillingType::UnlimitedData)));
        let back = CircuitUpdate { billing_type: Some(BillingType::MeteredData), ..Default::default() };
        let e = w.update_circuit(&sub, &key, back).unwrap_err();
        assert_eq!(e.to_string(), "BadRequest: Changing the billing type from UnlimitedData to MeteredData is not supported.");
        let c = w.update_circuit(&sub, &key, CircuitUpdate { sku: Some(CircuitSku::Standard), ..Default::default() }).unwrap();
        assert_eq!(c.sku, CircuitSku::Standard);
        let e = w.update_circuit(&sub, &Uuid::nil(), CircuitUpdate::default()).unwrap_err();
        assert_eq!(e.code, "ResourceNotFound");
    }

    #[test]
    fn updates_restart_billing_only_when_terms_change() {
        let (mut w, sub) = world();
        let key = w.create_circuit(&sub, new_circuit("c")).unwrap().service_key;
        w.advance_clock(Duration::days(1));
        w.update_circuit(&sub, &key, CircuitUpdate::default()).unwrap();
        assert_eq!(w.billing_records().len(), 1);
        w.update_circuit(&sub, &key, CircuitUpdate { bandwidth: Some(1000), ..Default::default() }).unwrap();
        let r = w.billing_records();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].end, Some(t0() + Duration::days(1)));
        assert_eq!((r[1].bandwidth, r[1].start), (1000, t0() + Duration::days(1)));
        assert!(r[1].end.is_none());
    }

    #[test]
    fn string_enums_parse_case_insensitively() {
        assert_eq!(BillingType::parse("unlimiteddata"), Some(BillingType::UnlimitedData));
        assert_eq!(CircuitSku::parse("PREMIUM"), Some(CircuitSku::Premium));
        assert_eq!(CircuitSku::parse("gold"), None);
        assert_eq!(ProviderProvisioningState::Deprovisioning.to_string(), "Deprovisioning");
        assert_eq!(CircuitStatus::ALL.len(), 4);
    }
}
