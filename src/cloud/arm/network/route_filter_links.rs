//! A route filter attached to a circuit's Microsoft peering. The attachment travels in the
//! circuit PUT (`$ckt.Peerings[0].RouteFilter = $routefilter`, routefilter 2019-02); the
//! peering keeps the filter's id and the filter lists the peerings that use it, so neither
//! side's answer reads the other. What the filter lets through decides which of
//! Microsoft's prefixes the peering receives: "Microsoft peering of ExpressRoute circuits
//! that are configured on or after August 1, 2017 will not have any prefixes advertised
//! until a route filter is attached" (routing-arm 2017-07).

use chrono::{NaiveDate, NaiveDateTime};

use super::errors;
use super::ids::{network_id, parse_id};
use super::route_filters::{RouteFilterRecord, KIND};
use crate::cloud::arm::bgp_communities::{all_service_prefixes, prefixes_of};
use crate::cloud::arm::{arm_peering_type, errors as arm_errors};
use crate::cloud::circuit::CircuitRecord;
use crate::cloud::errors::CloudResult;
use crate::cloud::peering::{BgpPeeringAccessType, PeeringRecord};
use crate::cloud::world::World;

/// Microsoft peerings configured before this day still receive every service prefix.
fn route_filter_cutoff() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2017, 8, 1).and_then(|d| d.and_hms_opt(0, 0, 0)).unwrap_or_default()
}

/// (peering id, filter id) for each peering of the circuit that has a filter.
fn filter_links(circuit: &CircuitRecord, circuit_id: &str) -> Vec<(String, String)> {
    circuit
        .peerings
        .iter()
        .filter_map(|p| p.route_filter.as_ref().map(|f| (format!("{circuit_id}/peerings/{}", arm_peering_type(p.access_type)), f.clone())))
        .collect()
}

impl World {
    /// The stored id of the filter a PUT's peering names (`path` is its place in the body),
    /// refused unless it is a route filter that exists and the peering is Microsoft peering.
    pub(crate) fn attachable_route_filter(&self, access: BgpPeeringAccessType, sent: Option<&str>, path: &str) -> CloudResult<Option<String>> {
        let Some(id) = sent.map(str::trim).filter(|s| !s.is_empty()) else {
            return Ok(None);
        };
        if access != BgpPeeringAccessType::Microsoft {
            return Err(errors::route_filter_only_microsoft(arm_peering_type(access)));
        }
        let parsed = parse_id(id).filter(|p| p.is(KIND)).ok_or_else(|| errors::invalid_reference(id, path))?;
        let filter =
            self.stored_network::<RouteFilterRecord>(&parsed.subscription, &parsed.group, &parsed.name).ok_or_else(|| errors::reference_not_found(id))?;
        Ok(Some(network_id(&parsed.subscription, &filter.common.resource_group, KIND, &filter.common.name)))
    }

    /// After a circuit PUT: each filter lists the peerings now using it, and only those.
    pub(crate) fn sync_route_filter_links(&mut self, before: &[(String, String)], circuit: &CircuitRecord, circuit_id: &str) {
        let after = filter_links(circuit, circuit_id);
        for (peering, filter) in before.iter().filter(|l| !after.contains(l)) {
            self.edit_route_filter(filter, |r| r.peerings.retain(|p| !p.eq_ignore_ascii_case(peering)));
        }
        for (peering, filter) in after.iter().filter(|l| !before.contains(l)) {
            self.edit_route_filter(filter, |r| r.peerings.push(peering.clone()));
        }
    }

    /// The circuit's filter links before a PUT changes them.
    pub(crate) fn route_filter_links_of(circuit: &CircuitRecord, circuit_id: &str) -> Vec<(String, String)> {
        filter_links(circuit, circuit_id)
    }

    fn edit_route_filter(&mut self, filter_id: &str, edit: impl FnOnce(&mut RouteFilterRecord)) {
        let Some(parsed) = parse_id(filter_id) else { return };
        if let Some(mut record) = self.stored_network::<RouteFilterRecord>(&parsed.subscription, &parsed.group, &parsed.name) {
            edit(&mut record);
            self.store_network(&parsed.subscription, &record);
        }
    }

    /// Refuses to delete a circuit whose Microsoft peering still has a filter.
    pub(crate) fn check_no_route_filter(circuit: &CircuitRecord) -> CloudResult<()> {
        if circuit.peerings.iter().any(|p| p.route_filter.is_some()) {
            return Err(arm_errors::circuit_has_route_filter());
        }
        Ok(())
    }

    /// The prefixes Microsoft advertises on a Microsoft peering: every service's for a
    /// peering configured before 1 August 2017, else those of the communities the attached
    /// filter's Allow rule lists (none without a filter).
    pub(crate) fn microsoft_advertised_prefixes(&self, peering: &PeeringRecord) -> Vec<&'static str> {
        if peering.created_at < route_filter_cutoff() {
            return all_service_prefixes().collect();
        }
        let Some(parsed) = peering.route_filter.as_deref().and_then(parse_id) else {
            return Vec::new();
        };
        let Some(filter) = self.stored_network::<RouteFilterRecord>(&parsed.subscription, &parsed.group, &parsed.name) else {
            return Vec::new();
        };
        filter.rules.iter().flat_map(|r| r.communities.iter()).flat_map(|c| prefixes_of(c)).collect()
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::super::tests::circuit_put;
    use super::super::{RouteFilterPut, RouteFilterRulePut};
    use crate::cloud::arm::{ArmCircuitPut, ArmMicrosoftConfigPut, ArmPeeringPut};
    use crate::cloud::circuit::tests::world;
    use crate::cloud::diagnostics::DevicePath;
    use crate::cloud::peering::BgpPeeringAccessType;
    use crate::cloud::provider_side::tests::provider;
    use crate::cloud::provider_side::CrossConnectionOperation;
    use crate::cloud::world::{ServiceKey, SubscriptionId, World};

    fn microsoft(route_filter_id: Option<String>) -> ArmPeeringPut {
        ArmPeeringPut {
            name: "MicrosoftPeering".into(),
            peering_type: "MicrosoftPeering".into(),
            peer_asn: 100,
            primary_peer_address_prefix: "123.0.0.0/30".into(),
            secondary_peer_address_prefix: "123.0.0.4/30".into(),
            vlan_id: 300,
            microsoft: Some(ArmMicrosoftConfigPut {
                advertised_public_prefixes: vec!["123.1.0.0/24".into()],
                routing_registry_name: Some("ARIN".into()),
                ..Default::default()
            }),
            route_filter_id,
            ..Default::default()
        }
    }

    /// A provisioned circuit `c` in group `rg`, `days` after the world's start, and a route
    /// filter `f` allowing `communities`; the filter's id.
    fn setup(days: i64, communities: &[&str]) -> (World, SubscriptionId, ServiceKey, String) {
        let (mut w, sub) = world();
        w.advance_clock(Duration::days(days));
        w.add_registry_entry("ARIN", "123.1.0.0/24", 100).unwrap();
        w.create_or_update_resource_group(&sub, "rg", "West US", &Vec::new()).unwrap();
        let key = w.put_arm_circuit(&sub, circuit_put("rg", "c", None)).unwrap().service_key;
        let eq = provider(&w, "Equinix");
        w.new_cross_connection(&eq, &key).unwrap();
        w.set_cross_connection(&eq, &key, CrossConnectionOperation::NotifyCrossConnectionProvisioned, None).unwrap();
        let rule = RouteFilterRulePut {
            name: "r".into(),
            access: "Allow".into(),
            rule_type: "Community".into(),
            communities: communities.iter().map(|c| c.to_string()).collect(),
        };
        let put = RouteFilterPut { resource_group: "rg".into(), name: "f".into(), location: "West US".into(), rules: vec![rule], tags: Vec::new() };
        let id = w.put_route_filter(&sub, put).unwrap().id;
        (w, sub, key, id)
    }

    fn with(peerings: Vec<ArmPeeringPut>) -> ArmCircuitPut {
        ArmCircuitPut { peerings: Some(peerings), ..circuit_put("rg", "c", None) }
    }

    fn microsoft_prefixes(w: &World, sub: &SubscriptionId) -> Vec<String> {
        let rows: Vec<crate::cloud::diagnostics::RouteEntry> = w.arm_table(sub, "rg", "c", BgpPeeringAccessType::Microsoft, DevicePath::Primary).unwrap();
        rows.into_iter().filter(|r| r.path == "12076").map(|r| r.network).collect()
    }

    #[test]
    fn a_filter_lets_through_its_communities_prefixes_on_a_peering_configured_after_august_2017() {
        let (mut w, sub, _, id) = setup(400, &["12076:5030"]);
        w.put_arm_circuit(&sub, with(vec![microsoft(None)])).unwrap();
        assert!(microsoft_prefixes(&w, &sub).is_empty(), "nothing without a filter");
        let c = w.put_arm_circuit(&sub, with(vec![microsoft(Some(id.to_lowercase()))])).unwrap();
        assert_eq!(c.peerings[0].route_filter_id.as_deref(), Some(id.as_str()), "the stored id is the filter's own spelling");
        assert_eq!(microsoft_prefixes(&w, &sub), ["52.112.0.0/14", "52.122.0.0/15"], "IPv4 only in this table");
        let f = w.get_route_filter(&sub, "rg", "f").unwrap();
        assert_eq!(f.record.peerings, [format!("{}/peerings/MicrosoftPeering", c.id)]);
    }

    #[test]
    fn a_peering_configured_before_august_2017_receives_every_service_prefix() {
        let (mut w, sub, _, _) = setup(0, &["12076:5030"]);
        w.put_arm_circuit(&sub, with(vec![microsoft(None)])).unwrap();
        assert_eq!(microsoft_prefixes(&w, &sub).len(), super::all_service_prefixes().filter(|p| !p.contains(':')).count());
    }

    #[test]
    fn only_microsoft_peering_takes_an_existing_filter_and_a_used_filter_stays() {
        let (mut w, sub, key, id) = setup(400, &["12076:5010"]);
        let private = ArmPeeringPut { name: "AzurePrivatePeering".into(), peering_type: "AzurePrivatePeering".into(), ..microsoft(Some(id.clone())) };
        let private = ArmPeeringPut {
            microsoft: None,
            primary_peer_address_prefix: "10.0.0.0/30".into(),
            secondary_peer_address_prefix: "10.0.0.4/30".into(),
            ..private
        };
        assert_eq!(w.put_arm_circuit(&sub, with(vec![private])).unwrap_err().code, "RouteFilterNotSupportedOnPeering");
        assert_eq!(w.put_arm_circuit(&sub, with(vec![microsoft(Some("f".into()))])).unwrap_err().code, "LinkedInvalidPropertyId");
        assert_eq!(w.put_arm_circuit(&sub, with(vec![microsoft(Some(format!("{id}x")))])).unwrap_err().code, "InvalidResourceReference");
        w.put_arm_circuit(&sub, with(vec![microsoft(Some(id.clone()))])).unwrap();
        assert_eq!(w.remove_route_filter(&sub, "rg", "f").unwrap_err().code, "InUseRouteFilterCannotBeDeleted");
        // Deprovisioned: the delete waits for the filter to go, and detaching needs no provider.
        w.request_deprovisioning(&sub, &key).unwrap();
        let eq = provider(&w, "Equinix");
        w.set_cross_connection(&eq, &key, CrossConnectionOperation::NotifyCrossConnectionNotProvisioned, None).unwrap();
        assert_eq!(w.remove_arm_circuit(&sub, "rg", "c").unwrap_err().code, "CircuitHasRouteFilter");
        w.put_arm_circuit(&sub, with(vec![microsoft(None)])).unwrap();
        assert!(w.get_route_filter(&sub, "rg", "f").unwrap().record.peerings.is_empty());
        w.remove_arm_circuit(&sub, "rg", "c").unwrap();
        w.remove_route_filter(&sub, "rg", "f").unwrap();
    }
}
