//! The move of a classic circuit to Resource Manager (Move-AzExpressRouteCircuit: a PUT of
//! `{name, location, serviceKey, tags}`, AZ §1.4). Nothing moves but the circuit: it keeps
//! its service key, provider state, billing, peerings, classic links and link authorizations,
//! gets an ARM face under the name given ("The circuit will essentially be renamed",
//! move-arm 2019-02) and `allowClassicOperations` true (expressroute-move 2016-04). The
//! provider is not involved.

use super::circuits::{valid_resource_name, ArmCircuit, ArmFace};
use super::errors;
use super::resource::{merge_tags, normalize_region, ArmSkuTier, ProvisioningState, Tags};
use crate::cloud::circuit::CircuitSku;
use crate::cloud::errors::CloudResult;
use crate::cloud::world::{ServiceKey, SubscriptionId, World};

/// The body of the move PUT.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArmCircuitMove {
    pub resource_group: String,
    /// The circuit's name in Resource Manager from now on.
    pub name: String,
    /// Any region (a classic circuit has none; the page suggests one near the peering location).
    pub location: String,
    /// The classic circuit's service key, as sent.
    pub service_key: String,
    pub tags: Tags,
}

impl World {
    /// Moves the caller's classic circuit `service_key` into the group under `name`. Moving
    /// it again to the same group and name only updates its tags.
    pub fn move_circuit_to_arm(&mut self, caller: &SubscriptionId, mv: ArmCircuitMove) -> CloudResult<ArmCircuit> {
        self.caller(caller)?;
        let group = self.group(caller, &mv.resource_group)?.name.clone();
        if !valid_resource_name(&mv.name) {
            return Err(errors::invalid_resource_name(&mv.name));
        }
        let region = normalize_region(&mv.location).ok_or_else(|| errors::location_not_available(&mv.location, "Microsoft.Network/expressRouteCircuits"))?;
        let not_found = || errors::service_key_not_found(&mv.service_key);
        let key: ServiceKey = mv.service_key.trim().parse().map_err(|_| not_found())?;
        let mut record = self.circuits.get(&key).filter(|c| c.subscription == *caller).cloned().ok_or_else(not_found)?;
        let at_that_name = self.arm_circuit_key(caller, &group, &mv.name);
        if let Some(face) = record.arm.as_mut() {
            if at_that_name != Some(key) {
                return Err(errors::circuit_already_in_arm(&key, &face.resource_group, &record.name));
            }
            face.tags = merge_tags(&mv.tags);
            self.circuits.insert(key, record);
            return self.arm_view_of(&key);
        }
        if at_that_name.is_some() || (self.circuits.has_name(caller, &mv.name) && !record.name.eq_ignore_ascii_case(&mv.name)) {
            return Err(errors::circuit_name_taken(&mv.name));
        }
        let tier = if record.sku == CircuitSku::Premium { ArmSkuTier::Premium } else { ArmSkuTier::Standard };
        record.arm = Some(ArmFace {
            resource_group: group,
            location: region.to_string(),
            tags: merge_tags(&mv.tags),
            sku_tier: tier,
            sku_name: format!("{}_{}", tier.as_str(), record.billing_type.as_str()),
            service_provider_name: record.provider.clone(),
            peering_location: record.location.clone(),
            allow_classic_operations: true,
            provisioning_state: ProvisioningState::Succeeded,
            resource_guid: self.ids.next_guid(),
        });
        record.name = mv.name;
        self.circuits.insert(key, record);
        self.arm_view_of(&key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::circuit::tests::{new_circuit, world};

    fn setup() -> (World, SubscriptionId, ServiceKey) {
        let (mut w, sub) = world();
        w.create_or_update_resource_group(&sub, "DemoRG", "West US", &Vec::new()).unwrap();
        let key = w.create_circuit(&sub, new_circuit("classic")).unwrap().service_key;
        w.new_link_authorization(&sub, &key, "partner", 2, "").unwrap();
        (w, sub, key)
    }

    fn mv(key: ServiceKey, name: &str) -> ArmCircuitMove {
        ArmCircuitMove { resource_group: "DemoRG".into(), name: name.into(), location: "West US".into(), service_key: key.to_string(), tags: Vec::new() }
    }

    #[test]
    fn the_moved_circuit_keeps_its_key_and_authorizations_and_allows_classic_operations() {
        let (mut w, sub, key) = setup();
        let billed = w.billing_records().len();
        let c = w.move_circuit_to_arm(&sub, mv(key, "MyCircuit")).unwrap();
        assert_eq!((c.name.as_str(), c.resource_group.as_str(), c.location.as_str(), c.service_key), ("MyCircuit", "DemoRG", "westus", key));
        assert!(c.allow_classic_operations);
        assert_eq!((c.sku_tier, c.sku_name.as_str()), (ArmSkuTier::Standard, "Standard_MeteredData"));
        assert_eq!(c.authorizations[0].name, "partner");
        assert_eq!(w.billing_records().len(), billed, "billing goes on unchanged");
        // Renamed on both faces; the classic side still reads it, but no longer deletes it.
        assert_eq!(w.get_circuit(&sub, &key).unwrap().circuit_name, "MyCircuit");
        assert_eq!(w.remove_circuit(&sub, &key).unwrap_err().code, "BadRequest");
        // Again to the same place: the same circuit, new tags.
        let again = w.move_circuit_to_arm(&sub, ArmCircuitMove { tags: vec![("env".into(), "lab".into())], ..mv(key, "mycircuit") }).unwrap();
        assert_eq!((again.resource_guid, again.tags.len()), (c.resource_guid, 1));
    }

    #[test]
    fn the_move_checks_key_name_and_place() {
        let (mut w, sub, key) = setup();
        let e = w.move_circuit_to_arm(&sub, mv(uuid::Uuid::nil(), "x")).unwrap_err();
        assert_eq!((e.status, e.code.as_str()), (404, "NotFound"));
        let e = w.move_circuit_to_arm(&sub, ArmCircuitMove { service_key: "<Service-key>".into(), ..mv(key, "x") }).unwrap_err();
        assert_eq!(e.message, "The dedicated circuit with service key '<Service-key>' was not found in this subscription.");
        let other = w.create_circuit(&sub, new_circuit("taken")).unwrap().service_key;
        assert_eq!(w.move_circuit_to_arm(&sub, mv(key, "taken")).unwrap_err().code, "ConflictError");
        assert_eq!(w.move_circuit_to_arm(&sub, mv(key, "bad name")).unwrap_err().code, "InvalidResourceName");
        assert_eq!(
            w.move_circuit_to_arm(&sub, ArmCircuitMove { location: "Nowhere".into(), ..mv(key, "a") }).unwrap_err().code,
            "LocationNotAvailableForResourceType"
        );
        w.move_circuit_to_arm(&sub, mv(key, "first")).unwrap();
        let e = w.move_circuit_to_arm(&sub, mv(key, "second")).unwrap_err();
        assert_eq!(e.message, format!("The dedicated circuit with service key '{key}' has already been moved to the Resource Manager deployment model as 'first' in resource group 'DemoRG'."));
        assert_eq!(w.move_circuit_to_arm(&sub, mv(other, "first")).unwrap_err().code, "ConflictError", "the name is the first circuit's now");
    }
}
