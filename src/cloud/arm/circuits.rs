//! ARM circuits: the PUT that creates or overwrites one, GET by group and name, lists by
//! group or subscription, DELETE. The rules of bandwidth, SKU family, ports, link limits and
//! billing are the dedicated-circuit backend's, shared with the classic face
//! ([`World::update_circuit`]); what only ARM has lives in the record's [`ArmFace`].

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::authorizations::ArmAuthorization;
use super::errors;
use super::peerings::{ArmPeering, ArmPeeringPut};
use super::resource::{circuit_id, merge_tags, normalize_region, ArmSkuTier, ProvisioningState, Tags};
use crate::cloud::catalog;
use crate::cloud::circuit::{BillingType, CircuitRecord, CircuitSku, CircuitStatus, CircuitUpdate, NewCircuit, ProviderProvisioningState};
use crate::cloud::errors::{self as classic, CloudResult};
use crate::cloud::peering::{BgpPeeringAccessType, PeeringRecord};
use crate::cloud::world::{ServiceKey, SubscriptionId, World};

/// What Resource Manager keeps of a circuit beyond the dedicated circuit itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArmFace {
    /// The group the circuit is filed under, as created.
    pub resource_group: String,
    /// ARM region name (`westus`).
    pub location: String,
    /// Tags.
    #[serde(default)]
    pub tags: Tags,
    /// `sku.tier`.
    pub sku_tier: ArmSkuTier,
    /// `sku.name` as last sent (the service keeps it even when tier or family changed:
    /// TestExpressRouteCircuitCRUD).
    pub sku_name: String,
    /// `serviceProviderName` as sent (the record keeps `equinix` as typed).
    pub service_provider_name: String,
    /// `peeringLocation` as sent.
    pub peering_location: String,
    /// False for circuits created in ARM.
    pub allow_classic_operations: bool,
    /// `provisioningState` once the last operation settled.
    pub provisioning_state: ProvisioningState,
    /// `resourceGuid`, also what the etag is derived from.
    pub resource_guid: Uuid,
}

/// The body of a circuit PUT (New-AzExpressRouteCircuit, Set-AzExpressRouteCircuit).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArmCircuitPut {
    /// Resource group name.
    pub resource_group: String,
    /// Circuit name.
    pub name: String,
    /// Region as typed (`West US`).
    pub location: String,
    /// `sku.tier` as sent, if a SKU was sent.
    pub sku_tier: Option<String>,
    /// `sku.family` as sent.
    pub sku_family: Option<String>,
    /// `sku.name` as sent.
    pub sku_name: Option<String>,
    /// `serviceProviderProperties.serviceProviderName`.
    pub service_provider_name: Option<String>,
    /// `serviceProviderProperties.peeringLocation`.
    pub peering_location: Option<String>,
    /// `serviceProviderProperties.bandwidthInMbps`.
    pub bandwidth_in_mbps: Option<u32>,
    /// `allowClassicOperations`; absent keeps the current value (false when new).
    pub allow_classic_operations: Option<bool>,
    /// Tags.
    pub tags: Tags,
    /// `peerings`; absent keeps the circuit's peerings (an object without the list).
    pub peerings: Option<Vec<ArmPeeringPut>>,
    /// The names of `authorizations`; absent keeps the circuit's authorizations.
    pub authorizations: Option<Vec<String>>,
}

/// A circuit as Resource Manager answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArmCircuit {
    pub name: String,
    pub resource_group: String,
    pub location: String,
    pub id: String,
    /// `W/"<guid>"`.
    pub etag: String,
    pub resource_guid: Uuid,
    pub provisioning_state: ProvisioningState,
    pub sku_name: String,
    pub sku_tier: ArmSkuTier,
    pub sku_family: BillingType,
    pub circuit_provisioning_state: CircuitStatus,
    pub service_provider_provisioning_state: ProviderProvisioningState,
    /// What the provider last noted on its cross connection.
    pub service_provider_notes: Option<String>,
    pub service_provider_name: String,
    pub peering_location: String,
    pub bandwidth_in_mbps: u32,
    /// Set once the provider has created the cross connection.
    pub stag: Option<u32>,
    pub service_key: ServiceKey,
    pub allow_classic_operations: bool,
    pub tags: Tags,
    pub peerings: Vec<ArmPeering>,
    pub authorizations: Vec<ArmAuthorization>,
}

impl CircuitRecord {
    /// The ARM view of a circuit with an ARM face.
    fn arm_view(&self) -> Option<ArmCircuit> {
        let face = self.arm.as_ref()?;
        let id = circuit_id(&self.subscription, &face.resource_group, &self.name);
        let etag = super::etag_text(&self.etag());
        Some(ArmCircuit {
            name: self.name.clone(),
            resource_group: face.resource_group.clone(),
            location: face.location.clone(),
            peerings: self.peerings.iter().map(|p| p.arm_view(&id, &etag)).collect(),
            authorizations: self.authorizations.iter().map(|a| self.arm_authorization(a, &id, &etag)).collect(),
            id,
            etag,
            resource_guid: face.resource_guid,
            provisioning_state: face.provisioning_state,
            sku_name: face.sku_name.clone(),
            sku_tier: face.sku_tier,
            sku_family: self.billing_type,
            circuit_provisioning_state: self.status,
            service_provider_provisioning_state: self.provider_state,
            service_provider_notes: self.cross_connection.as_ref().and_then(|x| x.provisioning_error.clone()),
            service_provider_name: face.service_provider_name.clone(),
            peering_location: face.peering_location.clone(),
            bandwidth_in_mbps: self.bandwidth,
            stag: self.cross_connection.as_ref().map(|x| x.stag),
            service_key: self.service_key,
            allow_classic_operations: face.allow_classic_operations,
            tags: face.tags.clone(),
        })
    }

    /// A fresh etag whenever anything the service shows changed, whichever face (or the
    /// provider) changed it: derived from the resource guid and the visible state, so the
    /// classic and provider operations need not know etags exist.
    pub(super) fn etag(&self) -> Uuid {
        let visible = serde_json::to_string(&(
            &self.arm,
            self.bandwidth,
            self.billing_type,
            self.sku,
            self.provider_state,
            self.status,
            &self.peerings,
            &self.authorizations,
            &self.links,
        ))
        .unwrap_or_default();
        let salt = self.arm.as_ref().map_or(Uuid::nil(), |f| f.resource_guid);
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&fnv1a(0xcbf2_9ce4_8422_2325, salt.as_bytes(), visible.as_bytes()).to_le_bytes());
        bytes[8..].copy_from_slice(&fnv1a(0x8422_2325_cbf2_9ce4, salt.as_bytes(), visible.as_bytes()).to_le_bytes());
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }
}

/// FNV-1a over two byte strings: stable across builds and platforms, unlike std's hasher.
fn fnv1a(offset: u64, a: &[u8], b: &[u8]) -> u64 {
    a.iter().chain(b).fold(offset, |h, byte| (h ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3))
}

/// The network provider's name rule: 1–80 characters of word characters, `.`, `-`, `_`,
/// starting with a word character and ending with one or `_`.
pub(super) fn valid_resource_name(name: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let first = name.chars().next().is_some_and(word);
    let last = name.chars().last().is_some_and(word);
    (1..=80).contains(&name.chars().count()) && first && last && name.chars().all(|c| word(c) || c == '.' || c == '-')
}

/// The SKU a PUT asks for: tier and family in the service's spelling; no SKU at all is a
/// Standard, metered circuit.
fn sku_of(put: &ArmCircuitPut) -> CloudResult<(ArmSkuTier, BillingType, String)> {
    let tier_text = put.sku_tier.clone().unwrap_or_else(|| "Standard".into());
    let family_text = put.sku_family.clone().unwrap_or_else(|| "MeteredData".into());
    let (Some(tier), Some(family)) = (ArmSkuTier::parse(&tier_text), BillingType::parse(&family_text)) else {
        return Err(errors::invalid_sku(&tier_text, &family_text));
    };
    if tier == ArmSkuTier::Local && family != BillingType::UnlimitedData {
        return Err(errors::local_needs_unlimited());
    }
    let name = put.sku_name.clone().unwrap_or_else(|| format!("{tier_text}_{family_text}"));
    Ok((tier, family, name))
}

/// The dedicated circuit's sku for an ARM tier: only Premium changes what the backend bills.
fn backend_sku(tier: ArmSkuTier) -> CircuitSku {
    if tier == ArmSkuTier::Premium {
        CircuitSku::Premium
    } else {
        CircuitSku::Standard
    }
}

impl World {
    /// Whether the group holds a circuit of this name (the cmdlets' existence GET).
    pub fn arm_circuit_exists(&self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<bool> {
        self.caller(caller)?;
        Ok(self.group(caller, group).is_ok() && self.arm_circuit_key(caller, group, name).is_some())
    }

    /// PUT of a circuit: creates it (billing starts, the provider receives the order) or,
    /// when the group already holds one of that name, applies the body to it.
    pub fn put_arm_circuit(&mut self, caller: &SubscriptionId, put: ArmCircuitPut) -> CloudResult<ArmCircuit> {
        self.caller(caller)?;
        let group = self.group(caller, &put.resource_group)?.name.clone();
        if !valid_resource_name(&put.name) {
            return Err(errors::invalid_resource_name(&put.name));
        }
        let region = normalize_region(&put.location).ok_or_else(|| errors::location_not_available(&put.location, "Microsoft.Network/expressRouteCircuits"))?;
        let (tier, family, sku_name) = sku_of(&put)?;
        if let Some(key) = self.arm_circuit_key(caller, &group, &put.name) {
            return self.overwrite_arm_circuit(caller, &key, put, (tier, family, sku_name));
        }
        let (Some(provider_name), Some(peering_location)) = (put.service_provider_name.clone(), put.peering_location.clone()) else {
            return Err(errors::provider_properties_missing());
        };
        // Peerings need a provisioned circuit, which a new one never is.
        if put.peerings.as_ref().is_some_and(|p| !p.is_empty()) {
            return Err(classic::circuit_not_in_state("Provisioned"));
        }
        let authorizations = put.authorizations.as_ref().map(|sent| self.plan_arm_authorizations(&[], sent)).transpose()?;
        let bandwidth = put.bandwidth_in_mbps.unwrap_or(0);
        let provider = catalog::find_provider(&provider_name).ok_or_else(classic::provider_not_found)?;
        let location = provider.find_location(&peering_location).ok_or_else(|| classic::location_not_found(&peering_location, &provider_name))?;
        if !provider.offers(bandwidth) {
            return Err(classic::bandwidth_not_found(bandwidth, &provider_name));
        }
        if self.circuits.has_name(caller, &put.name) {
            return Err(errors::circuit_name_taken(&put.name));
        }
        let face = ArmFace {
            resource_group: group,
            location: region.to_string(),
            tags: merge_tags(&put.tags),
            sku_tier: tier,
            sku_name,
            service_provider_name: provider_name,
            peering_location,
            allow_classic_operations: put.allow_classic_operations.unwrap_or(false),
            provisioning_state: ProvisioningState::Succeeded,
            resource_guid: self.ids.next_guid(),
        };
        let order = NewCircuit {
            name: put.name,
            bandwidth,
            location: location.to_string(),
            service_provider_name: provider.name.to_string(),
            sku: backend_sku(tier),
            billing_type: family,
        };
        let key = self.place_order(caller, order, Some(face));
        if let (Some(plan), Some(circuit)) = (authorizations, self.circuits.get_mut(&key)) {
            circuit.apply_authorizations(plan);
        }
        self.arm_view_of(&key)
    }

    /// The PUT of an existing circuit: the backend's change rules (bandwidth up only, within
    /// the provider's offers and the port; family metered → unlimited only; the link limit
    /// of a Standard circuit), then what only ARM keeps. The provider and peering location
    /// are fixed at creation.
    fn overwrite_arm_circuit(
        &mut self,
        caller: &SubscriptionId,
        key: &ServiceKey,
        put: ArmCircuitPut,
        sku: (ArmSkuTier, BillingType, String),
    ) -> CloudResult<ArmCircuit> {
        let (tier, family, sku_name) = sku;
        let current = self.arm_view_of(key)?;
        let differs = |sent: &Option<String>, kept: &str| sent.as_ref().is_some_and(|s| !s.trim().eq_ignore_ascii_case(kept));
        if differs(&put.service_provider_name, &current.service_provider_name) || differs(&put.peering_location, &current.peering_location) {
            return Err(errors::provider_change_not_allowed());
        }
        let peerings = put.peerings.as_ref().map(|sent| self.plan_arm_peerings(key, sent)).transpose()?;
        let stored_authorizations = self.circuits.get(key).map(|c| c.authorizations.clone()).unwrap_or_default();
        let authorizations = put.authorizations.as_ref().map(|sent| self.plan_arm_authorizations(&stored_authorizations, sent)).transpose()?;
        let update = CircuitUpdate { bandwidth: put.bandwidth_in_mbps, sku: Some(backend_sku(tier)), billing_type: Some(family) };
        self.change_circuit_terms(caller, key, update)?;
        if let Some(planned) = peerings {
            self.install_arm_peerings(key, planned, &current.id);
        }
        if let (Some(plan), Some(circuit)) = (authorizations, self.circuits.get_mut(key)) {
            circuit.apply_authorizations(plan);
        }
        if let Some(face) = self.circuits.get_mut(key).and_then(|c| c.arm.as_mut()) {
            face.sku_tier = tier;
            face.sku_name = sku_name;
            face.tags = merge_tags(&put.tags);
            face.allow_classic_operations = put.allow_classic_operations.unwrap_or(face.allow_classic_operations);
            face.provisioning_state = ProvisioningState::Succeeded;
        }
        self.arm_view_of(key)
    }

    /// Gives the circuit the peerings a PUT planned (`plan_arm_peerings`), and keeps what
    /// points at them in step: the peer circuits' records of its Global Reach connections and
    /// the route filters attached to its Microsoft peering. `circuit_id` is the id the
    /// peerings are known by (the circuit's, which a cross connection PUT also reaches).
    pub(super) fn install_arm_peerings(&mut self, key: &ServiceKey, planned: Vec<PeeringRecord>, circuit_id: &str) {
        let private_connections =
            |c: &CircuitRecord| c.peerings.iter().find(|p| p.access_type == BgpPeeringAccessType::Private).map(|p| p.connections.clone()).unwrap_or_default();
        let before = self.circuits.get(key).map(private_connections).unwrap_or_default();
        let filters_before = self.circuits.get(key).map(|c| World::route_filter_links_of(c, circuit_id)).unwrap_or_default();
        if let Some(circuit) = self.circuits.get_mut(key) {
            circuit.peerings = planned;
        }
        let after = self.circuits.get(key).map(private_connections).unwrap_or_default();
        let private_id = format!("{circuit_id}/peerings/AzurePrivatePeering");
        self.sync_peered_connections(key, &private_id, &before, &after);
        if let Some(circuit) = self.circuits.get(key).cloned() {
            self.sync_route_filter_links(&filters_before, &circuit, circuit_id);
        }
    }

    /// GET of one circuit. Counts as a read for the provider's Auto policy, as the classic
    /// GET does.
    pub fn get_arm_circuit(&mut self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<ArmCircuit> {
        self.caller(caller)?;
        self.group(caller, group)?;
        let key = self.arm_circuit_key(caller, group, name).ok_or_else(|| errors::circuit_not_found(group, name))?;
        self.note_reads(&[key]);
        self.arm_view_of(&key)
    }

    /// The circuits of a group, or of the whole subscription, in creation order.
    pub fn list_arm_circuits(&mut self, caller: &SubscriptionId, group: Option<&str>) -> CloudResult<Vec<ArmCircuit>> {
        self.caller(caller)?;
        if let Some(g) = group {
            self.group(caller, g)?;
        }
        let keys = self.arm_circuit_keys(caller, group);
        self.note_reads(&keys);
        Ok(keys.iter().filter_map(|k| self.circuits.get(k)).filter_map(CircuitRecord::arm_view).collect())
    }

    /// DELETE of a circuit: refused while the provider has not deprovisioned it (the recorded
    /// ConflictError), while VNets are linked or authorizations remain; billing stops. A
    /// circuit that is not there is already deleted.
    pub fn remove_arm_circuit(&mut self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<()> {
        self.caller(caller)?;
        self.group(caller, group)?;
        let Some(key) = self.arm_circuit_key(caller, group, name) else {
            return Ok(());
        };
        self.check_arm_delete(&key)?;
        self.drop_circuit(&key);
        Ok(())
    }

    pub(super) fn check_arm_delete(&self, key: &ServiceKey) -> CloudResult<()> {
        let circuit = self.circuits.get(key).ok_or_else(|| classic::circuit_not_found(key))?;
        if circuit.provider_state != ProviderProvisioningState::NotProvisioned {
            return Err(classic::circuit_not_deprovisioned());
        }
        if circuit.link_count() > 0 {
            return Err(classic::circuit_in_use());
        }
        if !circuit.authorizations.is_empty() {
            return Err(errors::circuit_has_authorizations());
        }
        if circuit.peerings.iter().any(|p| !p.connections.is_empty() || !p.peered_connections.is_empty()) {
            return Err(errors::circuit_has_global_reach());
        }
        World::check_no_route_filter(circuit)
    }

    /// Removes a circuit, frees its port share and ends its billing.
    pub(super) fn drop_circuit(&mut self, key: &ServiceKey) {
        if let Some(removed) = self.circuits.remove(key) {
            self.ports.transfer(removed.port_claim(), None);
        }
        self.close_billing(key);
    }

    /// The keys of the caller's ARM circuits (of one group), in creation order.
    pub(super) fn arm_circuit_keys(&self, caller: &SubscriptionId, group: Option<&str>) -> Vec<ServiceKey> {
        let in_group = |c: &&CircuitRecord| c.arm.as_ref().is_some_and(|f| group.is_none_or(|g| f.resource_group.eq_ignore_ascii_case(g)));
        self.circuits.of(caller, None).into_iter().filter(in_group).map(|c| c.service_key).collect()
    }

    pub(super) fn arm_circuit_key(&self, caller: &SubscriptionId, group: &str, name: &str) -> Option<ServiceKey> {
        let keys = self.arm_circuit_keys(caller, Some(group));
        keys.into_iter().find(|k| self.circuits.get(k).is_some_and(|c| c.name.eq_ignore_ascii_case(name)))
    }

    pub(super) fn arm_view_of(&self, key: &ServiceKey) -> CloudResult<ArmCircuit> {
        self.circuits.get(key).and_then(CircuitRecord::arm_view).ok_or_else(|| classic::circuit_not_found(key))
    }
}

#[cfg(test)]
mod tests;
