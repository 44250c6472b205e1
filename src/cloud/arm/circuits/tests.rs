use super::*;
use crate::cloud::circuit::tests::world;
use crate::cloud::provider_side::tests::provider;
use crate::cloud::CrossConnectionOperation;
use chrono::Duration;

fn doc_circuit() -> ArmCircuitPut {
    ArmCircuitPut {
        resource_group: "ExpressRouteResourceGroup".into(),
        name: "ExpressRouteARMCircuit".into(),
        location: "West US".into(),
        sku_tier: Some("Standard".into()),
        sku_family: Some("MeteredData".into()),
        sku_name: None,
        service_provider_name: Some("Equinix".into()),
        peering_location: Some("Silicon Valley".into()),
        bandwidth_in_mbps: Some(200),
        allow_classic_operations: None,
        tags: Vec::new(),
        peerings: None,
        authorizations: None,
    }
}

fn world_with_group() -> (World, SubscriptionId) {
    let (mut w, sub) = world();
    w.create_or_update_resource_group(&sub, "ExpressRouteResourceGroup", "West US", &Vec::new()).unwrap();
    (w, sub)
}

/// The provider provisions the circuit by its service key, as for a classic circuit.
fn provision(w: &mut World, key: &ServiceKey) {
    let eq = provider(w, "Equinix");
    w.new_cross_connection(&eq, key).unwrap();
    w.set_cross_connection(&eq, key, CrossConnectionOperation::NotifyCrossConnectionProvisioned, None).unwrap();
}

#[test]
fn create_answers_the_documented_initial_state() {
    let (mut w, sub) = world_with_group();
    let c = w.put_arm_circuit(&sub, doc_circuit()).unwrap();
    assert_eq!((c.name.as_str(), c.resource_group.as_str(), c.location.as_str()), ("ExpressRouteARMCircuit", "ExpressRouteResourceGroup", "westus"));
    assert_eq!(
        c.id,
        format!("/subscriptions/{sub}/resourceGroups/ExpressRouteResourceGroup/providers/Microsoft.Network/expressRouteCircuits/ExpressRouteARMCircuit")
    );
    assert_eq!((c.provisioning_state, c.circuit_provisioning_state), (ProvisioningState::Succeeded, CircuitStatus::Enabled));
    assert_eq!(c.service_provider_provisioning_state, ProviderProvisioningState::NotProvisioned);
    assert_eq!((c.sku_name.as_str(), c.sku_tier, c.sku_family), ("Standard_MeteredData", ArmSkuTier::Standard, BillingType::MeteredData));
    assert_eq!((c.service_provider_name.as_str(), c.peering_location.as_str(), c.bandwidth_in_mbps), ("Equinix", "Silicon Valley", 200));
    assert!(!c.allow_classic_operations);
    assert_eq!(c.stag, None);
    assert!(c.etag.starts_with("W/\"") && c.etag.ends_with('"') && c.etag.len() == 40);
    assert_eq!(w.billing_records().len(), 1, "billed from creation");
    assert_eq!(w.get_arm_circuit(&sub, "expressrouteresourcegroup", "expressroutearmcircuit").unwrap(), c);
}

#[test]
fn the_provider_acts_on_the_service_key_and_the_classic_side_sees_the_circuit_only_when_allowed() {
    let (mut w, sub) = world_with_group();
    let c = w.put_arm_circuit(&sub, doc_circuit()).unwrap();
    assert_eq!(w.get_circuit(&sub, &c.service_key).unwrap_err().code, "ResourceNotFound", "allowClassicOperations false: not there");
    assert!(w.list_circuits(&sub).unwrap().is_empty());
    provision(&mut w, &c.service_key);
    let after = w.get_arm_circuit(&sub, "ExpressRouteResourceGroup", "ExpressRouteARMCircuit").unwrap();
    assert_eq!(after.service_provider_provisioning_state, ProviderProvisioningState::Provisioned);
    assert!(after.stag.is_some());
    assert_ne!(after.etag, c.etag, "a provider change is a change");

    let allow = ArmCircuitPut { allow_classic_operations: Some(true), ..doc_circuit() };
    w.put_arm_circuit(&sub, allow).unwrap();
    let classic = w.get_circuit(&sub, &c.service_key).unwrap();
    assert_eq!((classic.circuit_name.as_str(), classic.location.as_str(), classic.bandwidth), ("ExpressRouteARMCircuit", "Silicon Valley", 200));
    assert_eq!(w.list_circuits(&sub).unwrap().len(), 1);
    // Its lifecycle stays with Resource Manager.
    let refused =
        "The specified dedicated circuit is managed in the Resource Manager deployment model. This operation is not allowed in the classic deployment model.";
    assert_eq!(w.remove_circuit(&sub, &c.service_key).unwrap_err().message, refused);
    let more = CircuitUpdate { bandwidth: Some(500), sku: None, billing_type: None };
    assert_eq!(w.update_circuit(&sub, &c.service_key, more).unwrap_err().message, refused);
    let e = w
        .new_bgp_peering(&sub, &c.service_key, crate::cloud::peering::BgpPeeringAccessType::Private, crate::cloud::peering::tests::private_peering())
        .unwrap_err();
    assert_eq!((e.status, e.message.as_str()), (400, refused));
    // Link authorizations are the classic side's to manage.
    w.new_link_authorization(&sub, &c.service_key, "classic", 2, "").unwrap();
    assert_eq!(w.get_arm_circuit(&sub, "ExpressRouteResourceGroup", "ExpressRouteARMCircuit").unwrap().authorizations[0].name, "classic");
}

#[test]
fn create_checks_group_name_region_sku_and_catalogue() {
    let (mut w, sub) = world_with_group();
    let mut p = doc_circuit();
    p.resource_group = "Nowhere".into();
    let e = w.put_arm_circuit(&sub, p).unwrap_err();
    assert_eq!((e.status, e.message.as_str()), (404, "Resource group 'Nowhere' could not be found."));
    for bad in ["-lead", "trail-", "has space", ""] {
        let mut p = doc_circuit();
        p.name = bad.into();
        assert_eq!(w.put_arm_circuit(&sub, p).unwrap_err().code, "InvalidResourceName", "{bad}");
    }
    let mut p = doc_circuit();
    p.location = "West EU".into();
    assert_eq!(w.put_arm_circuit(&sub, p).unwrap_err().code, "LocationNotAvailableForResourceType");
    let mut p = doc_circuit();
    p.sku_tier = Some("Local".into());
    assert_eq!(w.put_arm_circuit(&sub, p).unwrap_err().message, "A circuit with SKU tier Local must use the UnlimitedData family.");
    let mut p = doc_circuit();
    p.sku_tier = Some("Gold".into());
    assert_eq!(w.put_arm_circuit(&sub, p).unwrap_err().code, "InvalidRequestFormat");
    let mut p = doc_circuit();
    p.service_provider_name = Some("Nobody".into());
    assert_eq!(w.put_arm_circuit(&sub, p).unwrap_err().message, "The provider could not be found.");
    let mut p = doc_circuit();
    p.peering_location = Some("Atlantis".into());
    assert_eq!(w.put_arm_circuit(&sub, p).unwrap_err().message, "The specified location Atlantis does not exist for the provider Equinix");
    let mut p = doc_circuit();
    p.bandwidth_in_mbps = Some(123);
    assert_eq!(w.put_arm_circuit(&sub, p).unwrap_err().message, "The specified bandwidth 123 does not exist for the provider Equinix");
    let mut p = doc_circuit();
    p.service_provider_name = None;
    assert_eq!(w.put_arm_circuit(&sub, p).unwrap_err().code, "InvalidRequestFormat");
    assert!(w.billing_records().is_empty(), "nothing was created");
}

#[test]
fn a_sku_as_typed_keeps_its_name_and_no_sku_is_standard_metered() {
    let (mut w, sub) = world_with_group();
    let mut p = doc_circuit();
    p.sku_tier = Some("premium".into());
    p.sku_family = Some("unlimiteddata".into());
    let c = w.put_arm_circuit(&sub, p).unwrap();
    assert_eq!((c.sku_name.as_str(), c.sku_tier, c.sku_family), ("premium_unlimiteddata", ArmSkuTier::Premium, BillingType::UnlimitedData));
    let mut p = doc_circuit();
    p.name = "plain".into();
    p.sku_tier = None;
    p.sku_family = None;
    let c = w.put_arm_circuit(&sub, p).unwrap();
    assert_eq!((c.sku_name.as_str(), c.sku_tier), ("Standard_MeteredData", ArmSkuTier::Standard));
}

#[test]
fn a_second_put_changes_sku_and_bandwidth_by_the_backend_rules() {
    let (mut w, sub) = world_with_group();
    let c = w.put_arm_circuit(&sub, doc_circuit()).unwrap();
    w.advance_clock(Duration::days(1));
    let mut p = doc_circuit();
    p.sku_tier = Some("Premium".into());
    p.sku_name = Some("Premium_MeteredData".into());
    p.bandwidth_in_mbps = Some(1000);
    let up = w.put_arm_circuit(&sub, p.clone()).unwrap();
    assert_eq!((up.sku_tier, up.sku_name.as_str(), up.bandwidth_in_mbps), (ArmSkuTier::Premium, "Premium_MeteredData", 1000));
    assert_eq!(up.service_key, c.service_key);
    assert_ne!(up.etag, c.etag);
    assert_eq!(w.billing_records().len(), 2, "billing restarts under the new terms");
    // The recorded quirk: tier and family change while the name sent stays.
    p.sku_tier = Some("Standard".into());
    p.sku_family = Some("UnlimitedData".into());
    let kept = w.put_arm_circuit(&sub, p.clone()).unwrap();
    assert_eq!((kept.sku_tier, kept.sku_family, kept.sku_name.as_str()), (ArmSkuTier::Standard, BillingType::UnlimitedData, "Premium_MeteredData"));
    p.sku_family = Some("MeteredData".into());
    assert_eq!(w.put_arm_circuit(&sub, p.clone()).unwrap_err().message, "Changing the billing type from UnlimitedData to MeteredData is not supported.");
    p.sku_family = Some("UnlimitedData".into());
    p.bandwidth_in_mbps = Some(500);
    assert!(w.put_arm_circuit(&sub, p.clone()).unwrap_err().message.contains("Downgrading the bandwidth"));
    p.bandwidth_in_mbps = Some(1000);
    p.service_provider_name = Some("AT&T".into());
    assert_eq!(w.put_arm_circuit(&sub, p.clone()).unwrap_err().code, "InvalidRequestFormat");
    p.service_provider_name = Some("equinix".into());
    p.allow_classic_operations = Some(true);
    p.tags = vec![("env".into(), "lab".into())];
    let c = w.put_arm_circuit(&sub, p).unwrap();
    assert!(c.allow_classic_operations);
    assert_eq!(c.tags, vec![("env".to_string(), "lab".to_string())]);
}

#[test]
fn an_unchanged_circuit_keeps_its_etag() {
    let (mut w, sub) = world_with_group();
    let a = w.put_arm_circuit(&sub, doc_circuit()).unwrap();
    let b = w.get_arm_circuit(&sub, "ExpressRouteResourceGroup", "ExpressRouteARMCircuit").unwrap();
    assert_eq!(a.etag, b.etag);
}

#[test]
fn lists_by_group_and_by_subscription() {
    let (mut w, sub) = world_with_group();
    w.create_or_update_resource_group(&sub, "Other", "eastus", &Vec::new()).unwrap();
    w.put_arm_circuit(&sub, doc_circuit()).unwrap();
    let mut p = doc_circuit();
    p.resource_group = "other".into();
    p.name = "second".into();
    let second = w.put_arm_circuit(&sub, p).unwrap();
    assert_eq!(second.resource_group, "Other", "the group's own spelling");
    let mut p = doc_circuit();
    p.name = "second".into();
    assert_eq!(w.put_arm_circuit(&sub, p).unwrap_err().code, "ConflictError", "names are per subscription in the backend");
    w.create_circuit(&sub, crate::cloud::circuit::tests::new_circuit("classic")).unwrap();
    let all: Vec<String> = w.list_arm_circuits(&sub, None).unwrap().into_iter().map(|c| c.name).collect();
    assert_eq!(all, ["ExpressRouteARMCircuit", "second"], "classic circuits have no ARM face");
    assert_eq!(w.list_arm_circuits(&sub, Some("OTHER")).unwrap().len(), 1);
    assert_eq!(w.list_arm_circuits(&sub, Some("missing")).unwrap_err().code, "ResourceGroupNotFound");
    let dev = w.find_subscription_by_name("Contoso Dev-Test").unwrap().id;
    assert!(w.list_arm_circuits(&dev, None).unwrap().is_empty());
}

#[test]
fn get_of_a_missing_circuit_has_the_recorded_text() {
    let (mut w, sub) = world_with_group();
    let e = w.get_arm_circuit(&sub, "ExpressRouteResourceGroup", "ps404").unwrap_err();
    assert_eq!((e.status, e.code.as_str()), (404, "ResourceNotFound"));
    assert_eq!(e.message, "The Resource 'Microsoft.Network/expressRouteCircuits/ps404' under resource group 'ExpressRouteResourceGroup' was not found.");
    assert_eq!(w.get_arm_circuit(&sub, "nope", "ps404").unwrap_err().code, "ResourceGroupNotFound");
    assert!(!w.arm_circuit_exists(&sub, "ExpressRouteResourceGroup", "ps404").unwrap());
    assert!(!w.arm_circuit_exists(&sub, "nope", "ps404").unwrap());
}

#[test]
fn delete_is_refused_until_the_provider_deprovisions() {
    let (mut w, sub) = world_with_group();
    let c = w.put_arm_circuit(&sub, doc_circuit()).unwrap();
    provision(&mut w, &c.service_key);
    let e = w.remove_arm_circuit(&sub, "ExpressRouteResourceGroup", "ExpressRouteARMCircuit").unwrap_err();
    assert_eq!(e.code, "ConflictError");
    assert_eq!(
        e.message,
        "The specified dedicated circuit is not in Deprovisioned state. Please initiate the deprovisioning process with your service provider."
    );
    let e = w.remove_resource_group(&sub, "ExpressRouteResourceGroup").unwrap_err();
    assert_eq!(e.code, "ConflictError", "the group's delete meets the same rule");
    assert_eq!(w.list_resource_groups(&sub).unwrap().len(), 1);
    // The customer asks, the provider deprovisions by service key.
    w.request_deprovisioning(&sub, &c.service_key).unwrap();
    let eq = provider(&w, "Equinix");
    w.set_cross_connection(&eq, &c.service_key, CrossConnectionOperation::NotifyCrossConnectionNotProvisioned, None).unwrap();
    w.advance_clock(Duration::hours(2));
    w.remove_arm_circuit(&sub, "ExpressRouteResourceGroup", "ExpressRouteARMCircuit").unwrap();
    assert!(w.list_arm_circuits(&sub, None).unwrap().is_empty());
    assert!(w.billing_records()[0].end.is_some(), "billing stopped");
    // Deleting what is gone answers like a 204.
    w.remove_arm_circuit(&sub, "ExpressRouteResourceGroup", "ExpressRouteARMCircuit").unwrap();
}

#[test]
fn removing_a_group_removes_its_circuits() {
    let (mut w, sub) = world_with_group();
    w.put_arm_circuit(&sub, doc_circuit()).unwrap();
    w.remove_resource_group(&sub, "ExpressRouteResourceGroup").unwrap();
    assert!(w.list_arm_circuits(&sub, None).unwrap().is_empty());
    assert!(w.billing_records()[0].end.is_some());
}

#[test]
fn arm_state_survives_a_serde_round_trip() {
    let (mut w, sub) = world_with_group();
    w.put_arm_circuit(&sub, doc_circuit()).unwrap();
    let json = serde_json::to_string(&w).unwrap();
    let mut back: World = serde_json::from_str(&json).unwrap();
    assert_eq!(back, w);
    assert_eq!(back.list_arm_circuits(&sub, None).unwrap().len(), 1);
}
