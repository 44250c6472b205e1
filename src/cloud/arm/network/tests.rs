use super::*;
use crate::cloud::arm::{ArmCircuit, ArmCircuitPut, ArmPeeringPut, ProvisioningState};
use crate::cloud::circuit::tests::world;
use crate::cloud::provider_side::tests::provider;
use crate::cloud::provider_side::CrossConnectionOperation;
use crate::cloud::world::{ServiceKey, SubscriptionId, World};

fn vnet_put(name: &str, space: &str, subnets: &[(&str, &str)]) -> VnetPut {
    VnetPut {
        resource_group: "rg".into(),
        name: name.into(),
        location: "West US".into(),
        address_prefixes: vec![space.into()],
        subnets: subnets.iter().map(|(n, p)| SubnetPut { name: n.to_string(), address_prefixes: vec![p.to_string()] }).collect(),
        ..Default::default()
    }
}

fn ip_put(name: &str, allocation: &str) -> PublicIpPut {
    PublicIpPut { resource_group: "rg".into(), name: name.into(), location: "westus".into(), allocation: allocation.into(), ..Default::default() }
}

fn gateway_put(w: &World, sub: &SubscriptionId, name: &str, vnet: &str, ip: &str, kind: &str, sku: &str) -> GatewayPut {
    let v = w.get_virtual_network(sub, "rg", vnet).unwrap();
    let subnet = v.subnets.iter().find(|s| s.name == "GatewaySubnet").map(|s| s.id.clone());
    let ip = w.get_public_ip(sub, "rg", ip).unwrap().id;
    GatewayPut {
        resource_group: "rg".into(),
        name: name.into(),
        location: "West US".into(),
        kind: Some(kind.into()),
        sku: Some(sku.into()),
        ip_configurations: vec![GatewayIpConfigPut { name: "cfg".into(), subnet_id: subnet, public_ip_id: Some(ip), private_ip: None }],
        ..Default::default()
    }
}

/// In `sub`: a group `rg`, VNet `v` with a /27 GatewaySubnet, a Dynamic IP and a ready ER
/// gateway `gw`.
fn add_gateway(w: &mut World, sub: &SubscriptionId) {
    w.create_or_update_resource_group(sub, "rg", "West US", &Vec::new()).unwrap();
    w.put_virtual_network(sub, vnet_put("v", "10.1.0.0/16", &[("default", "10.1.0.0/24"), ("GatewaySubnet", "10.1.255.0/27")])).unwrap();
    w.put_public_ip(sub, ip_put("ip", "Dynamic")).unwrap();
    let put = gateway_put(w, sub, "gw", "v", "ip", "ExpressRoute", "Standard");
    w.put_virtual_network_gateway(sub, put, true).unwrap();
}

/// The default subscription with [`add_gateway`]'s resources.
fn with_gateway() -> (World, SubscriptionId) {
    let (mut w, sub) = world();
    add_gateway(&mut w, &sub);
    (w, sub)
}

/// The second subscription, which connects to another's circuit with an authorization key.
fn dev_subscription(w: &World) -> SubscriptionId {
    w.find_subscription_by_name("Contoso Dev-Test").unwrap().id
}

/// The PUT of an ARM circuit at Equinix, Silicon Valley, 200 Mbps, without peerings.
pub(crate) fn circuit_put(group: &str, name: &str, allow_classic_operations: Option<bool>) -> ArmCircuitPut {
    ArmCircuitPut {
        resource_group: group.into(),
        name: name.into(),
        location: "West US".into(),
        service_provider_name: Some("Equinix".into()),
        peering_location: Some("Silicon Valley".into()),
        bandwidth_in_mbps: Some(200),
        allow_classic_operations,
        ..Default::default()
    }
}

/// The ARM circuit `name` of `owner` in a new group `group`, provisioned by the provider, with
/// private peering (sent as Resource Manager sends it: in the circuit's PUT).
pub(crate) fn peered_circuit(w: &mut World, owner: &SubscriptionId, group: &str, name: &str, allow_classic_operations: Option<bool>) -> ArmCircuit {
    w.create_or_update_resource_group(owner, group, "West US", &Vec::new()).unwrap();
    let mut put = circuit_put(group, name, allow_classic_operations);
    let key = w.put_arm_circuit(owner, put.clone()).unwrap().service_key;
    let eq = provider(w, "Equinix");
    w.new_cross_connection(&eq, &key).unwrap();
    w.set_cross_connection(&eq, &key, CrossConnectionOperation::NotifyCrossConnectionProvisioned, None).unwrap();
    put.peerings = Some(vec![ArmPeeringPut {
        name: "AzurePrivatePeering".into(),
        peering_type: "AzurePrivatePeering".into(),
        peer_asn: 65020,
        primary_peer_address_prefix: "172.16.0.0/30".into(),
        secondary_peer_address_prefix: "172.16.0.4/30".into(),
        vlan_id: 200,
        ..Default::default()
    }]);
    w.put_arm_circuit(owner, put).unwrap()
}

/// An ARM circuit `c` of `owner` in group `circuits`, peered; its id and key. Classic links
/// and link authorizations share it (facts §3.7).
fn ready_circuit(w: &mut World, owner: &SubscriptionId) -> (String, ServiceKey) {
    let c = peered_circuit(w, owner, "circuits", "c", Some(true));
    (c.id, c.service_key)
}

fn connection_put(w: &World, sub: &SubscriptionId, name: &str, peer: &str, key: Option<&str>) -> ConnectionPut {
    ConnectionPut {
        resource_group: "rg".into(),
        name: name.into(),
        location: "West US".into(),
        kind: "ExpressRoute".into(),
        gateway1_id: w.get_virtual_network_gateway(sub, "rg", "gw").unwrap().id,
        peer_id: Some(peer.into()),
        authorization_key: key.map(str::to_string),
        ..Default::default()
    }
}

#[test]
fn subnets_are_checked_as_one_layout() {
    let (mut w, sub) = world();
    w.create_or_update_resource_group(&sub, "rg", "West US", &Vec::new()).unwrap();
    let code = |w: &mut World, put| w.put_virtual_network(&sub, put).unwrap_err().code;
    assert_eq!(code(&mut w, vnet_put("v", "10.1.0.0/16", &[("a", "10.2.0.0/24")])), "NetcfgInvalidSubnet");
    assert_eq!(code(&mut w, vnet_put("v", "10.1.0.0/16", &[("a", "10.1.0.0/24"), ("b", "10.1.0.128/25")])), "NetcfgSubnetRangesOverlap");
    assert_eq!(code(&mut w, vnet_put("v", "10.1.0.0/16", &[("a", "10.1.0.0/24"), ("A", "10.1.1.0/24")])), "DuplicateResourceName");
    assert_eq!(code(&mut w, vnet_put("v", "10.1.0.1/16", &[])), "InvalidAddressPrefixFormat");
    let v = w.put_virtual_network(&sub, vnet_put("v", "10.1.0.0/16", &[("GatewaySubnet", "10.1.255.0/27")])).unwrap();
    assert_eq!(v.location(), "westus");
    assert!(v.subnets[0].id.ends_with("/virtualNetworks/v/subnets/GatewaySubnet"));
    assert_eq!(w.list_virtual_networks(&sub, None).unwrap().len(), 1);
    assert_eq!(
        w.get_virtual_network(&sub, "rg", "nope").unwrap_err().message,
        "The Resource 'Microsoft.Network/virtualNetworks/nope' under resource group 'rg' was not found."
    );
}

impl VirtualNetwork {
    fn location(&self) -> &str {
        &self.common.location
    }
}

#[test]
fn a_gateway_builds_for_45_minutes_in_its_gateway_subnet() {
    let (mut w, sub) = world();
    w.create_or_update_resource_group(&sub, "rg", "West US", &Vec::new()).unwrap();
    w.put_virtual_network(&sub, vnet_put("small", "10.2.0.0/16", &[("GatewaySubnet", "10.2.0.0/28"), ("other", "10.2.1.0/24")])).unwrap();
    w.put_virtual_network(&sub, vnet_put("v", "10.1.0.0/16", &[("GatewaySubnet", "10.1.255.0/27")])).unwrap();
    w.put_public_ip(&sub, ip_put("ip", "Dynamic")).unwrap();
    assert_eq!(w.get_public_ip(&sub, "rg", "ip").unwrap().record.address, None);
    let mut small = gateway_put(&w, &sub, "gw", "small", "ip", "ExpressRoute", "Standard");
    assert_eq!(w.put_virtual_network_gateway(&sub, small.clone(), true).unwrap_err().code, "GatewaySubnetTooSmall");
    small.ip_configurations[0].subnet_id = small.ip_configurations[0].subnet_id.as_ref().map(|s| s.replace("GatewaySubnet", "other"));
    assert_eq!(w.put_virtual_network_gateway(&sub, small, true).unwrap_err().code, "InvalidGatewaySubnet");
    let put = gateway_put(&w, &sub, "gw", "v", "ip", "ExpressRoute", "VpnGw1");
    assert_eq!(w.put_virtual_network_gateway(&sub, put, true).unwrap_err().code, "InvalidGatewaySku");
    let start = w.now();
    let put = gateway_put(&w, &sub, "gw", "v", "ip", "ExpressRoute", "Standard");
    let g = w.put_virtual_network_gateway(&sub, put, false).unwrap();
    assert_eq!(g.provisioning_state, ProvisioningState::Updating);
    assert!(w.get_public_ip(&sub, "rg", "ip").unwrap().record.address.is_some(), "a Dynamic address is assigned to a gateway");
    assert_eq!(w.remove_virtual_network_gateway(&sub, "rg", "gw").unwrap_err().code, "AnotherOperationInProgress");
    w.advance_clock(chrono::Duration::minutes(GATEWAY_BUILD_MINUTES - 1));
    assert_eq!(w.get_virtual_network_gateway(&sub, "rg", "gw").unwrap().provisioning_state, ProvisioningState::Updating);
    w.advance_clock(chrono::Duration::minutes(1));
    assert_eq!(w.get_virtual_network_gateway(&sub, "rg", "gw").unwrap().provisioning_state, ProvisioningState::Succeeded);
    assert_eq!(w.now() - start, chrono::Duration::minutes(45));
    let v = w.get_virtual_network(&sub, "rg", "v").unwrap();
    assert_eq!(v.subnets[0].ip_configurations, vec![format!("{}/ipConfigurations/cfg", g.id)]);
}

#[test]
fn one_gateway_of_each_type_per_vnet_and_static_basic_ips_refused() {
    let (mut w, sub) = with_gateway();
    w.put_public_ip(&sub, ip_put("ip2", "Dynamic")).unwrap();
    let put = gateway_put(&w, &sub, "gw2", "v", "ip2", "ExpressRoute", "HighPerformance");
    assert_eq!(w.put_virtual_network_gateway(&sub, put, true).unwrap_err().code, "VnetGatewayAlreadyExists");
    let put = gateway_put(&w, &sub, "gw2", "v", "ip", "Vpn", "VpnGw1");
    assert_eq!(w.put_virtual_network_gateway(&sub, put, true).unwrap_err().code, "PublicIpAddressAlreadyInUse");
    w.put_public_ip(&sub, ip_put("static", "Static")).unwrap();
    let put = gateway_put(&w, &sub, "vpn", "v", "static", "Vpn", "VpnGw1");
    let e = w.put_virtual_network_gateway(&sub, put, true).unwrap_err();
    assert!(e.message.ends_with("must have PublicIPAllocationMethod as Dynamic."), "{}", e.message);
    let put = gateway_put(&w, &sub, "vpn", "v", "ip2", "Vpn", "VpnGw1");
    w.put_virtual_network_gateway(&sub, put, true).unwrap();
    let mut std_dynamic = ip_put("std", "Dynamic");
    std_dynamic.sku = Some("Standard".into());
    assert_eq!(w.put_public_ip(&sub, std_dynamic).unwrap_err().code, "StandardSkuPublicIPAddressesMustBeStatic");
}

#[test]
fn resize_stays_within_the_type_and_away_from_ultra_performance() {
    let (mut w, sub) = with_gateway();
    let mut put = gateway_put(&w, &sub, "gw", "v", "ip", "ExpressRoute", "HighPerformance");
    assert_eq!(w.put_virtual_network_gateway(&sub, put.clone(), true).unwrap().record.sku, GatewaySku::HighPerformance);
    put.sku = Some("UltraPerformance".into());
    assert_eq!(w.put_virtual_network_gateway(&sub, put.clone(), true).unwrap_err().code, "GatewaySkuResizeNotAllowed");
    put.sku = Some("VpnGw2".into());
    assert_eq!(w.put_virtual_network_gateway(&sub, put.clone(), true).unwrap_err().code, "InvalidGatewaySku");
    put.kind = Some("Vpn".into());
    assert_eq!(w.put_virtual_network_gateway(&sub, put, true).unwrap_err().code, "InvalidRequestFormat");
}

#[test]
fn what_is_in_use_cannot_be_deleted_in_the_wrong_order() {
    let (mut w, sub) = with_gateway();
    let (peer, key) = ready_circuit(&mut w, &sub);
    w.put_connection(&sub, connection_put(&w, &sub, "conn", &peer, None)).unwrap();
    assert_eq!(w.remove_public_ip(&sub, "rg", "ip").unwrap_err().code, "PublicIPAddressInUse");
    assert_eq!(w.remove_virtual_network(&sub, "rg", "v").unwrap_err().code, "InUseSubnetCannotBeDeleted");
    let mut without = vnet_put("v", "10.1.0.0/16", &[("default", "10.1.0.0/24")]);
    assert_eq!(w.put_virtual_network(&sub, without.clone()).unwrap_err().code, "InUseSubnetCannotBeDeleted");
    without.subnets.push(SubnetPut { name: "GatewaySubnet".into(), address_prefixes: vec!["10.1.255.0/26".into()] });
    assert_eq!(w.put_virtual_network(&sub, without).unwrap_err().code, "InUseSubnetCannotBeUpdated");
    assert_eq!(w.remove_virtual_network_gateway(&sub, "rg", "gw").unwrap_err().code, "InUseVirtualNetworkGatewayCannotBeDeleted");
    assert_eq!(w.circuits.get(&key).unwrap().link_count(), 1);
    w.remove_connection(&sub, "rg", "conn").unwrap();
    assert_eq!(w.circuits.get(&key).unwrap().link_count(), 0);
    w.remove_virtual_network_gateway(&sub, "rg", "gw").unwrap();
    assert_eq!(w.get_public_ip(&sub, "rg", "ip").unwrap().record.address, None, "the Dynamic address is given back");
    w.remove_public_ip(&sub, "rg", "ip").unwrap();
    w.remove_virtual_network(&sub, "rg", "v").unwrap();
    assert!(w.list_virtual_networks(&sub, Some("rg")).unwrap().is_empty());
}

#[test]
fn a_connection_counts_towards_the_circuit_and_blocks_its_delete() {
    let (mut w, sub) = with_gateway();
    let (peer, key) = ready_circuit(&mut w, &sub);
    let c = w.put_connection(&sub, connection_put(&w, &sub, "conn", &peer, None)).unwrap();
    assert_eq!((c.connection_status, c.record.routing_weight), (CONNECTED, 0));
    // The connected VNet's space is in the private peering's routes, from its gateway.
    w.advance_clock(chrono::Duration::minutes(30));
    let routes: Vec<crate::cloud::diagnostics::RouteEntry> =
        w.arm_table(&sub, "circuits", "c", crate::cloud::peering::BgpPeeringAccessType::Private, crate::cloud::diagnostics::DevicePath::Secondary).unwrap();
    assert!(routes.iter().any(|r| (r.network.as_str(), r.next_hop.as_str(), r.path.as_str()) == ("10.1.0.0/16", "10.1.255.5", "65515")), "{routes:?}");
    assert_eq!(w.put_connection(&sub, connection_put(&w, &sub, "again", &peer, None)).unwrap_err().code, "GatewayAlreadyConnectedToCircuit");
    let mut heavier = connection_put(&w, &sub, "conn", &peer, None);
    heavier.routing_weight = 100;
    assert_eq!(w.put_connection(&sub, heavier.clone()).unwrap().record.routing_weight, 100);
    heavier.routing_weight = 32001;
    assert_eq!(w.put_connection(&sub, heavier).unwrap_err().code, "InvalidRoutingWeight");
    let eq = provider(&w, "Equinix");
    w.set_cross_connection(&eq, &key, CrossConnectionOperation::NotifyCrossConnectionNotProvisioned, None).unwrap();
    let e = w.remove_arm_circuit(&sub, "circuits", "c").unwrap_err();
    assert_eq!(e.message, crate::cloud::errors::circuit_in_use().message);
    // Removing the private peering (a circuit PUT without it) is refused while it is in use.
    let mut without = circuit_put("circuits", "c", Some(true));
    without.peerings = Some(Vec::new());
    let e = w.put_arm_circuit(&sub, without).unwrap_err();
    assert_eq!(e.message, crate::cloud::errors::peering_in_use().message);
}

#[test]
fn the_link_limit_counts_classic_links_and_arm_connections() {
    let (mut w, sub) = with_gateway();
    let (peer, key) = ready_circuit(&mut w, &sub);
    crate::cloud::link::tests::add_vnets(&mut w, &sub, 10);
    for i in 0..9 {
        w.new_circuit_link(&sub, &key, &format!("V{i}")).unwrap();
    }
    w.put_connection(&sub, connection_put(&w, &sub, "conn", &peer, None)).unwrap();
    assert_eq!(w.circuits.get(&key).unwrap().link_count(), 10);
    let e = w.new_circuit_link(&sub, &key, "V9").unwrap_err();
    assert_eq!(e.message, crate::cloud::errors::circuit_link_limit(10).message);
    w.remove_connection(&sub, "rg", "conn").unwrap();
    w.new_circuit_link(&sub, &key, "V9").unwrap();
    assert_eq!(w.put_connection(&sub, connection_put(&w, &sub, "conn", &peer, None)).unwrap_err().code, "ExpressRouteCircuitLinkLimitReached");
}

#[test]
fn another_subscription_connects_once_per_authorization_key() {
    let (mut w, owner) = world();
    let (peer, key) = ready_circuit(&mut w, &owner);
    let auth = w.new_link_authorization(&owner, &key, "for dev", 1, "devtest@contoso.com").unwrap().link_authorization_id.to_string();
    let dev = dev_subscription(&w);
    add_gateway(&mut w, &dev);
    assert_eq!(w.put_connection(&dev, connection_put(&w, &dev, "conn", &peer, None)).unwrap_err().code, "LinkedAuthorizationFailed");
    let wrong = uuid::Uuid::nil().to_string();
    assert_eq!(w.put_connection(&dev, connection_put(&w, &dev, "conn", &peer, Some(&wrong))).unwrap_err().code, "InvalidAuthorizationKey");
    let auth_id = format!("{peer}/authorizations/a");
    assert_eq!(w.put_connection(&dev, connection_put(&w, &dev, "conn", &auth_id, Some(&auth))).unwrap_err().message, "Cannot parse the request.");
    w.put_connection(&dev, connection_put(&w, &dev, "conn", &peer, Some(&auth))).unwrap();
    let mut elsewhere = connection_put(&w, &dev, "conn2", &peer, Some(&auth));
    elsewhere.resource_group = "rg".into();
    w.create_or_update_resource_group(&owner, "rg", "West US", &Vec::new()).unwrap();
    assert_eq!(w.put_connection(&dev, elsewhere).unwrap_err().code, "GatewayAlreadyConnectedToCircuit");
    let refs = &w.circuits.get(&key).unwrap().arm_connections;
    assert_eq!((refs.len(), refs[0].subscription, refs[0].authorization.map(|a| a.to_string())), (1, dev, Some(auth.clone())));
    w.remove_connection(&dev, "rg", "conn").unwrap();
    w.put_connection(&dev, connection_put(&w, &dev, "conn", &peer, Some(&auth))).unwrap();
}

#[test]
fn a_used_key_is_refused() {
    let (mut w, owner) = world();
    let (peer, key) = ready_circuit(&mut w, &owner);
    let auth = w.new_link_authorization(&owner, &key, "for dev", 1, "devtest@contoso.com").unwrap().link_authorization_id.to_string();
    let dev = dev_subscription(&w);
    w.create_or_update_resource_group(&dev, "rg", "West US", &Vec::new()).unwrap();
    for (v, space) in [("v", "10.1.0.0/16"), ("w", "10.2.0.0/16")] {
        let mut put = vnet_put(v, space, &[]);
        put.subnets.push(SubnetPut { name: "GatewaySubnet".into(), address_prefixes: vec![space.replace(".0.0/16", ".255.0/27")] });
        w.put_virtual_network(&dev, put).unwrap();
        w.put_public_ip(&dev, ip_put(&format!("ip-{v}"), "Dynamic")).unwrap();
        let put = gateway_put(&w, &dev, &format!("gw-{v}"), v, &format!("ip-{v}"), "ExpressRoute", "Standard");
        w.put_virtual_network_gateway(&dev, put, true).unwrap();
    }
    let conn = |w: &World, name: &str, gw: &str| ConnectionPut {
        gateway1_id: w.get_virtual_network_gateway(&dev, "rg", gw).unwrap().id,
        ..connection_put_without_gateway(name, &peer, &auth)
    };
    w.put_connection(&dev, conn(&w, "a", "gw-v")).unwrap();
    assert_eq!(w.put_connection(&dev, conn(&w, "b", "gw-w")).unwrap_err().code, "AuthorizationAlreadyInUse");
}

fn connection_put_without_gateway(name: &str, peer: &str, key: &str) -> ConnectionPut {
    ConnectionPut {
        resource_group: "rg".into(),
        name: name.into(),
        location: "West US".into(),
        kind: "ExpressRoute".into(),
        peer_id: Some(peer.into()),
        authorization_key: Some(key.into()),
        ..Default::default()
    }
}

#[test]
fn a_circuit_must_be_provisioned_and_peered() {
    let (mut w, sub) = with_gateway();
    w.create_or_update_resource_group(&sub, "circuits", "West US", &Vec::new()).unwrap();
    let raw = w.put_arm_circuit(&sub, circuit_put("circuits", "raw", None)).unwrap();
    assert_eq!(w.put_connection(&sub, connection_put(&w, &sub, "conn", &raw.id, None)).unwrap_err().code, "ExpressRouteCircuitNotReady");
    let missing = raw.id.replace("/raw", "/gone");
    assert_eq!(w.put_connection(&sub, connection_put(&w, &sub, "conn", &missing, None)).unwrap_err().code, "InvalidResourceReference");
}

#[test]
fn the_sets_survive_a_document_round_trip() {
    let (w, _) = with_gateway();
    let text = serde_json::to_string(&w).unwrap();
    let back: World = serde_json::from_str(&text).unwrap();
    assert_eq!(back.arm_networks, w.arm_networks);
    let (plain, _) = world();
    assert!(!serde_json::to_string(&plain).unwrap().contains("arm_networks"), "a world without them saves as before");
}

#[test]
fn removing_the_group_removes_its_network_in_dependency_order() {
    let (mut w, sub) = with_gateway();
    let (peer, key) = ready_circuit(&mut w, &sub);
    w.put_connection(&sub, connection_put(&w, &sub, "conn", &peer, None)).unwrap();
    w.remove_resource_group(&sub, "rg").unwrap();
    assert!(w.arm_networks.of(&sub).is_empty());
    assert_eq!(w.circuits.get(&key).unwrap().link_count(), 0, "the circuit forgot the connection");
}

#[test]
fn fast_path_needs_an_ultra_performance_or_ergw3az_gateway() {
    let (mut w, sub) = with_gateway();
    let (peer, _) = ready_circuit(&mut w, &sub);
    let mut put = connection_put(&w, &sub, "conn", &peer, None);
    put.express_route_gateway_bypass = true;
    assert_eq!(w.put_connection(&sub, put.clone()).unwrap_err().code, "ExpressRouteGatewayBypassNotSupported");
    put.express_route_gateway_bypass = false;
    w.put_connection(&sub, put.clone()).unwrap();
    put.express_route_gateway_bypass = true;
    assert_eq!(w.put_connection(&sub, put).unwrap_err().code, "ExpressRouteGatewayBypassNotSupported", "nor on an existing connection");
}

#[test]
fn revoking_the_authorization_deletes_the_connections_made_with_it() {
    let (mut w, owner) = with_gateway();
    let (peer, key) = ready_circuit(&mut w, &owner);
    w.put_connection(&owner, connection_put(&w, &owner, "own", &peer, None)).unwrap();
    let auth = w.new_link_authorization(&owner, &key, "for dev", 1, "devtest@contoso.com").unwrap().link_authorization_id;
    let dev = dev_subscription(&w);
    add_gateway(&mut w, &dev);
    w.put_connection(&dev, connection_put(&w, &dev, "conn", &peer, Some(&auth.to_string()))).unwrap();
    w.remove_link_authorization(&owner, &key, &auth).unwrap();
    assert!(w.list_connections(&dev, Some("rg")).unwrap().is_empty(), "the user's connection went with the authorization");
    assert_eq!(w.list_connections(&owner, Some("rg")).unwrap().len(), 1, "the owner's own connection stays");
    assert_eq!(w.circuits.get(&key).unwrap().link_count(), 1);
}

#[test]
fn coexisting_gateways_need_non_basic_skus_and_a_route_based_vpn() {
    let (mut w, sub) = with_gateway();
    w.put_public_ip(&sub, ip_put("vpn", "Dynamic")).unwrap();
    let basic = gateway_put(&w, &sub, "vpngw", "v", "vpn", "Vpn", "Basic");
    assert_eq!(w.put_virtual_network_gateway(&sub, basic, true).unwrap_err().code, "GatewayCoexistenceNotSupported");
    let mut policy = gateway_put(&w, &sub, "vpngw", "v", "vpn", "Vpn", "VpnGw1");
    policy.vpn_type = Some("PolicyBased".into());
    assert_eq!(w.put_virtual_network_gateway(&sub, policy.clone(), true).unwrap_err().code, "GatewayCoexistenceNotSupported");
    policy.vpn_type = Some("RouteBased".into());
    let vpn = w.put_virtual_network_gateway(&sub, policy.clone(), true).unwrap();
    assert_eq!(vpn.bgp, Some((65515, "10.1.255.30".to_string())), "the default ASN and the GatewaySubnet's last host");
    policy.asn = Some(65010);
    assert_eq!(w.put_virtual_network_gateway(&sub, policy, true).unwrap().bgp.map(|b| b.0), Some(65010));
    assert_eq!(w.get_virtual_network_gateway(&sub, "rg", "gw").unwrap().bgp, None, "an ExpressRoute gateway has none");
}

#[test]
fn a_route_filter_has_one_allow_rule_of_microsoft_communities() {
    let (mut w, sub) = world();
    w.create_or_update_resource_group(&sub, "rg", "West US", &Vec::new()).unwrap();
    let rule = |name: &str, access: &str, communities: &[&str]| RouteFilterRulePut {
        name: name.into(),
        access: access.into(),
        rule_type: "Community".into(),
        communities: communities.iter().map(|c| c.to_string()).collect(),
    };
    let put =
        |rules: Vec<RouteFilterRulePut>| RouteFilterPut { resource_group: "rg".into(), name: "f".into(), location: "West US".into(), rules, tags: Vec::new() };
    let f = w.put_route_filter(&sub, put(Vec::new())).unwrap();
    assert!(f.id.ends_with("/providers/Microsoft.Network/routeFilters/f") && f.record.rules.is_empty());
    let code = |w: &mut World, rules| w.put_route_filter(&sub, put(rules)).unwrap_err().code;
    assert_eq!(code(&mut w, vec![rule("a", "Allow", &["12076:5010"]), rule("b", "Allow", &["12076:5040"])]), "RouteFilterRuleLimitExceeded");
    assert_eq!(code(&mut w, vec![rule("a", "Deny", &["12076:5010"])]), "RouteFilterRuleAccessNotSupported");
    assert_eq!(code(&mut w, vec![rule("a", "Allow", &["65000:1"])]), "InvalidBgpCommunity");
    let f = w.put_route_filter(&sub, put(vec![rule("Allow-EXO-D365", "allow", &["12076:5010", "12076:5040"])])).unwrap();
    assert_eq!((f.record.rules[0].access.as_str(), f.record.rules[0].communities.len()), ("Allow", 2));
    assert_eq!(w.list_route_filters(&sub, None).unwrap().len(), 1);
    w.remove_route_filter(&sub, "rg", "F").unwrap();
    assert_eq!(w.get_route_filter(&sub, "rg", "f").unwrap_err().code, "ResourceNotFound");
}

fn local_put(name: &str, ip: &str, prefixes: &[&str]) -> LocalGatewayPut {
    LocalGatewayPut {
        resource_group: "rg".into(),
        name: name.into(),
        location: "West US".into(),
        gateway_ip: ip.into(),
        address_prefixes: prefixes.iter().map(|p| p.to_string()).collect(),
        ..Default::default()
    }
}

#[test]
fn a_local_network_gateway_needs_an_address_and_network_prefixes_and_keeps_its_guid() {
    let (mut w, sub) = world();
    w.create_or_update_resource_group(&sub, "rg", "West US", &Vec::new()).unwrap();
    assert_eq!(w.put_local_gateway(&sub, local_put("site", "not-an-ip", &["10.1.0.0/16"])).unwrap_err().status, 400);
    assert_eq!(w.put_local_gateway(&sub, local_put("site", "203.0.113.1", &["10.1.0.1/16"])).unwrap_err().code, "InvalidAddressPrefixFormat");
    let by_name = LocalGatewayPut { fqdn: "vpn.contoso.com".into(), ..local_put("named", "", &[]) };
    assert_eq!(w.put_local_gateway(&sub, by_name).unwrap().record.gateway_ip, "");
    let first = w.put_local_gateway(&sub, local_put("site", "203.0.113.1", &["10.1.0.0/16"])).unwrap();
    let bgp = LocalGatewayPut { bgp: Some((65050, "10.1.255.254".into(), 5)), ..local_put("SITE", "203.0.113.1", &["10.1.0.0/16", "10.2.0.0/16"]) };
    let second = w.put_local_gateway(&sub, bgp).unwrap();
    assert_eq!(second.record.common.resource_guid, first.record.common.resource_guid);
    assert_ne!(second.etag, first.etag);
    assert_eq!(second.record.bgp.as_ref().map(|b| b.asn), Some(65050));
    assert_eq!(w.list_local_gateways(&sub, Some("rg")).unwrap().len(), 2);
    w.remove_local_gateway(&sub, "rg", "site").unwrap();
    assert_eq!(w.get_local_gateway(&sub, "rg", "site").unwrap_err().status, 404);
}

#[test]
fn an_ipsec_connection_needs_a_vpn_gateway_and_holds_its_local_gateway() {
    let (mut w, sub) = with_gateway();
    let local = w.put_local_gateway(&sub, local_put("site", "203.0.113.1", &["10.9.0.0/16"])).unwrap();
    let ipsec = |w: &World, gw: &str| ConnectionPut {
        kind: "IPsec".into(),
        gateway1_id: w.get_virtual_network_gateway(&sub, "rg", gw).unwrap().id,
        peer_id: None,
        local_gateway2_id: Some(local.id.clone()),
        shared_key: Some("abc123".into()),
        ..connection_put(w, &sub, "s2s", "", None)
    };
    assert_eq!(w.put_connection(&sub, ipsec(&w, "gw")).unwrap_err().code, "InvalidGatewayType");
    let mut vpn = gateway_put(&w, &sub, "vpn", "v", "ip", "Vpn", "VpnGw1");
    vpn.vpn_type = Some("RouteBased".into());
    w.put_public_ip(&sub, ip_put("ip2", "Dynamic")).unwrap();
    vpn.ip_configurations[0].public_ip_id = Some(w.get_public_ip(&sub, "rg", "ip2").unwrap().id);
    w.put_virtual_network_gateway(&sub, vpn, true).unwrap();
    let c = w.put_connection(&sub, ipsec(&w, "vpn")).unwrap();
    assert_eq!((c.connection_status, c.record.shared_key.as_deref()), (IPSEC_STATUS, Some("abc123")));
    assert_eq!(w.remove_local_gateway(&sub, "rg", "site").unwrap_err().code, "InUseLocalNetworkGatewayCannotBeDeleted");
    w.remove_connection(&sub, "rg", "s2s").unwrap();
    w.remove_local_gateway(&sub, "rg", "site").unwrap();
}
