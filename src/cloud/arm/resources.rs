//! The generic resources API (`/subscriptions/{s}/resources`, `…/resourceGroups/{g}/resources`
//! and a GET by id) over what the subscription holds in Resource Manager: its circuits, its
//! network resources and, for a provider, its cross connections. Each is answered as the
//! generic resource the Resources SDK reads (id, name, type, location, tags), in a fixed order
//! of kinds and, within a kind, in creation order (Chosen: the service's own order was not
//! recorded).

use super::errors;
use super::network::{network_id, Common, NetworkSet};
use crate::cloud::errors::CloudResult;
use crate::cloud::world::{SubscriptionId, World};

/// One resource as the generic API answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArmResource {
    pub id: String,
    pub name: String,
    pub resource_group: String,
    /// `Microsoft.Network/expressRouteCircuits`…
    pub resource_type: String,
    pub location: String,
    pub tags: super::Tags,
}

/// The network kinds as the generic API names them, each with its list in the set.
fn network_kinds(set: &NetworkSet) -> [(&'static str, Vec<&Common>); 6] {
    [
        ("virtualNetworks", set.virtual_networks.iter().map(|r| &r.common).collect()),
        ("publicIPAddresses", set.public_ips.iter().map(|r| &r.common).collect()),
        ("virtualNetworkGateways", set.gateways.iter().map(|r| &r.common).collect()),
        ("connections", set.connections.iter().map(|r| &r.common).collect()),
        ("localNetworkGateways", set.local_gateways.iter().map(|r| &r.common).collect()),
        ("routeFilters", set.route_filters.iter().map(|r| &r.common).collect()),
    ]
}

impl World {
    /// LIST of the subscription's resources, or of one group's (whose absence is the recorded
    /// `ResourceGroupNotFound`).
    pub fn list_arm_resources(&mut self, caller: &SubscriptionId, group: Option<&str>) -> CloudResult<Vec<ArmResource>> {
        self.caller(caller)?;
        if let Some(g) = group {
            self.group(caller, g)?;
        }
        let mut all: Vec<ArmResource> = self
            .list_arm_circuits(caller, group)?
            .into_iter()
            .map(|c| ArmResource {
                id: c.id,
                name: c.name,
                resource_group: c.resource_group,
                resource_type: "Microsoft.Network/expressRouteCircuits".into(),
                location: c.location,
                tags: c.tags,
            })
            .collect();
        let set = self.arm_networks.of(caller);
        for (kind, records) in network_kinds(&set) {
            all.extend(records.into_iter().filter(|c| c.in_group(group)).map(|c| ArmResource {
                id: network_id(caller, &c.resource_group, kind, &c.name),
                name: c.name.clone(),
                resource_group: c.resource_group.clone(),
                resource_type: format!("Microsoft.Network/{kind}"),
                location: c.location.clone(),
                tags: c.tags.clone(),
            }));
        }
        all.extend(self.list_arm_cross_connections(caller, group)?.into_iter().map(|x| ArmResource {
            id: x.id,
            name: x.name,
            resource_group: x.resource_group,
            resource_type: "Microsoft.Network/expressRouteCrossConnections".into(),
            location: x.location,
            tags: Vec::new(),
        }));
        Ok(all)
    }

    /// GET of a resource by id: its group must exist, then the resource of that type and name.
    pub fn get_arm_resource(&mut self, caller: &SubscriptionId, id: &str) -> CloudResult<ArmResource> {
        self.caller(caller)?;
        let parts: Vec<&str> = id.trim().trim_end_matches('/').split('/').collect();
        let at = |i: usize, word: &str| parts.get(i).is_some_and(|p| p.eq_ignore_ascii_case(word));
        let well_formed = parts.len() == 9 && parts[0].is_empty() && at(1, "subscriptions") && at(3, "resourceGroups") && at(5, "providers");
        if !well_formed {
            return Err(errors::invalid_resource_id(id));
        }
        let (group, resource_type, name) = (parts[4], format!("{}/{}", parts[6], parts[7]), parts[8]);
        if !parts[2].eq_ignore_ascii_case(&caller.to_string()) {
            return Err(errors::resource_not_found(&resource_type, group, name));
        }
        self.group(caller, group)?;
        self.list_arm_resources(caller, Some(group))?
            .into_iter()
            .find(|r| r.resource_type.eq_ignore_ascii_case(&resource_type) && r.name.eq_ignore_ascii_case(name))
            .ok_or_else(|| errors::resource_not_found(&resource_type, group, name))
    }
}

#[cfg(test)]
mod tests {
    use crate::cloud::arm::network::tests::circuit_put;
    use crate::cloud::circuit::tests::world;

    #[test]
    fn the_list_holds_every_kind_of_the_subscription_and_a_get_finds_one_by_id() {
        let (mut w, sub) = world();
        w.create_or_update_resource_group(&sub, "rg", "West US", &Vec::new()).unwrap();
        w.create_or_update_resource_group(&sub, "other", "West US", &Vec::new()).unwrap();
        let circuit = w.put_arm_circuit(&sub, circuit_put("rg", "ckt", None)).unwrap();
        let all = w.list_arm_resources(&sub, None).unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!((all[0].resource_type.as_str(), all[0].location.as_str()), ("Microsoft.Network/expressRouteCircuits", "westus"));
        assert!(w.list_arm_resources(&sub, Some("other")).unwrap().is_empty());
        assert_eq!(w.list_arm_resources(&sub, Some("nogroup")).unwrap_err().code, "ResourceGroupNotFound");
        assert_eq!(w.get_arm_resource(&sub, &circuit.id.to_uppercase()).unwrap().name, "ckt", "ids are read without regard to case");
        assert_eq!(w.get_arm_resource(&sub, &circuit.id).unwrap().name, "ckt");
        let missing = circuit.id.replace("/ckt", "/nope");
        let e = w.get_arm_resource(&sub, &missing).unwrap_err();
        assert_eq!(e.message, "The Resource 'Microsoft.Network/expressRouteCircuits/nope' under resource group 'rg' was not found.");
        assert_eq!(w.get_arm_resource(&sub, "not-an-id").unwrap_err().code, "InvalidResourceId");
    }
}
