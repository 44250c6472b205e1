//! The service's rules hold after any sequence of operations, valid or not, called on
//! `cloud::World` directly: `World::check_invariants`, plus the rules a customer can see —
//! no two peerings of a circuit share a VLAN, a circuit's links never exceed its limit nor a
//! VNet's circuits theirs, and every link has its circuit, a gateway and a private peering.

use std::collections::HashSet;

use ersim::cloud::link::{max_links, MAX_CIRCUITS_PER_VNET};
use ersim::cloud::vnet::{GatewaySku, GatewayType, SubnetConfig, VirtualNetworkConfig};
use ersim::cloud::*;
use ersim::engine::clock::default_epoch;
use proptest::prelude::*;
use uuid::Uuid;

const PROVIDERS_USED: [&str; 3] = ["Equinix", "AT&T", "No Such Provider"];
const LOCATIONS: [&str; 3] = ["Silicon Valley", "Washington DC", "Atlantis"];
const VNETS: [&str; 3] = ["VNet-A", "VNet-B", "Missing"];
const ACCESS: [BgpPeeringAccessType; 3] = [BgpPeeringAccessType::Private, BgpPeeringAccessType::Public, BgpPeeringAccessType::Microsoft];

#[derive(Debug, Clone)]
enum Op {
    Create { provider: usize, location: usize, bandwidth: u32, premium: bool },
    Provision { circuit: usize, provisioned: bool },
    Deprovision { circuit: usize },
    Update { circuit: usize, bandwidth: Option<u32>, premium: Option<bool> },
    RemoveCircuit { circuit: usize },
    NewPeering { circuit: usize, access: usize, vlan: u32, subnet: usize },
    UpdatePeering { circuit: usize, access: usize, vlan: u32 },
    RemovePeering { circuit: usize, access: usize },
    SetVnets { with_gateway_subnet: Vec<bool> },
    NewGateway { vnet: usize, dynamic: bool },
    RemoveGateway { vnet: usize },
    Link { circuit: usize, vnet: usize },
    Unlink { circuit: usize, vnet: usize },
    Clock { minutes: i64 },
}

fn op() -> impl Strategy<Value = Op> {
    let circuit = 0..6usize;
    let bandwidth = prop::sample::select(vec![0u32, 50, 100, 200, 500, 1000, 10000, 7]);
    let vlan = prop::sample::select(vec![0u32, 1, 100, 101, 200, 4094, 4095, 70000]);
    prop_oneof![
        3 => (0..3usize, 0..3usize, bandwidth.clone(), any::<bool>()).prop_map(|(provider, location, bandwidth, premium)| Op::Create { provider, location, bandwidth, premium }),
        3 => (circuit.clone(), any::<bool>()).prop_map(|(circuit, provisioned)| Op::Provision { circuit, provisioned }),
        1 => circuit.clone().prop_map(|circuit| Op::Deprovision { circuit }),
        1 => (circuit.clone(), prop::option::of(bandwidth), prop::option::of(any::<bool>())).prop_map(|(circuit, bandwidth, premium)| Op::Update { circuit, bandwidth, premium }),
        1 => circuit.clone().prop_map(|circuit| Op::RemoveCircuit { circuit }),
        4 => (circuit.clone(), 0..3usize, vlan.clone(), 0..4usize).prop_map(|(circuit, access, vlan, subnet)| Op::NewPeering { circuit, access, vlan, subnet }),
        1 => (circuit.clone(), 0..3usize, vlan).prop_map(|(circuit, access, vlan)| Op::UpdatePeering { circuit, access, vlan }),
        1 => (circuit.clone(), 0..3usize).prop_map(|(circuit, access)| Op::RemovePeering { circuit, access }),
        2 => prop::collection::vec(any::<bool>(), 0..3).prop_map(|with_gateway_subnet| Op::SetVnets { with_gateway_subnet }),
        2 => (0..3usize, any::<bool>()).prop_map(|(vnet, dynamic)| Op::NewGateway { vnet, dynamic }),
        1 => (0..3usize).prop_map(|vnet| Op::RemoveGateway { vnet }),
        4 => (circuit.clone(), 0..3usize).prop_map(|(circuit, vnet)| Op::Link { circuit, vnet }),
        1 => (circuit, 0..3usize).prop_map(|(circuit, vnet)| Op::Unlink { circuit, vnet }),
        1 => (-10i64..600).prop_map(|minutes| Op::Clock { minutes }),
    ]
}

struct Lab {
    world: World,
    customer: SubscriptionId,
    /// Keys of every circuit created (removed ones too), and one that never existed.
    keys: Vec<ServiceKey>,
}

impl Lab {
    fn new(seed: u64) -> Lab {
        let world = World::default_world_seeded(default_epoch(), seed);
        let customer = world.find_subscription_by_name("Contoso Production").expect("the default customer").id;
        Lab { world, customer, keys: vec![Uuid::nil()] }
    }

    /// Applies one operation; its result (a value or a CloudError) is not the point.
    fn apply(&mut self, op: &Op) {
        let me = self.customer;
        let keys = &mut self.keys;
        let key = |i: usize, keys: &[ServiceKey]| keys[i % keys.len()];
        let w = &mut self.world;
        match *op {
            Op::Create { provider, location, bandwidth, premium } => {
                let new = NewCircuit {
                    name: format!("c{}", keys.len()),
                    bandwidth,
                    location: LOCATIONS[location].into(),
                    service_provider_name: PROVIDERS_USED[provider].into(),
                    sku: if premium { CircuitSku::Premium } else { CircuitSku::Standard },
                    billing_type: BillingType::MeteredData,
                };
                if let Ok(c) = w.create_circuit(&me, new) {
                    keys.push(c.service_key);
                }
            }
            Op::Provision { circuit, provisioned } => {
                let key = key(circuit, keys);
                let Ok(c) = w.get_circuit(&me, &key) else { return };
                let Some(provider) = w.find_subscription_by_name(&format!("{} Provider", c.provider_canonical_name)).map(|s| s.id) else { return };
                let _ = w.new_cross_connection(&provider, &key);
                let operation = if provisioned {
                    CrossConnectionOperation::NotifyCrossConnectionProvisioned
                } else {
                    CrossConnectionOperation::NotifyCrossConnectionNotProvisioned
                };
                let _ = w.set_cross_connection(&provider, &key, operation, None);
            }
            Op::Deprovision { circuit } => drop(w.request_deprovisioning(&me, &key(circuit, keys))),
            Op::Update { circuit, bandwidth, premium } => {
                let sku = premium.map(|p| if p { CircuitSku::Premium } else { CircuitSku::Standard });
                let _ = w.update_circuit(&me, &key(circuit, keys), CircuitUpdate { bandwidth, sku, billing_type: None });
            }
            Op::RemoveCircuit { circuit } => drop(w.remove_circuit(&me, &key(circuit, keys))),
            Op::NewPeering { circuit, access, vlan, subnet } => {
                let new = NewBgpPeering {
                    peer_asn: 65001,
                    primary_peer_subnet: format!("10.{subnet}.0.0/30"),
                    secondary_peer_subnet: format!("10.{subnet}.0.4/30"),
                    vlan_id: vlan,
                    shared_key: None,
                    advertised_public_prefixes: (access == 2).then(|| "123.1.0.0/24".into()),
                    customer_asn: None,
                    routing_registry_name: None,
                };
                let _ = w.new_bgp_peering(&me, &key(circuit, keys), ACCESS[access], new);
            }
            Op::UpdatePeering { circuit, access, vlan } => {
                let update = BgpPeeringUpdate { vlan_id: Some(vlan), ..Default::default() };
                let _ = w.update_bgp_peering(&me, &key(circuit, keys), ACCESS[access], update);
            }
            Op::RemovePeering { circuit, access } => drop(w.remove_bgp_peering(&me, &key(circuit, keys), ACCESS[access])),
            Op::SetVnets { ref with_gateway_subnet } => {
                let configs = with_gateway_subnet
                    .iter()
                    .enumerate()
                    .map(|(i, gw)| VirtualNetworkConfig {
                        name: VNETS[i].into(),
                        location: "West US".into(),
                        address_spaces: vec![format!("10.{}.0.0/16", 100 + i)],
                        subnets: gw
                            .then(|| SubnetConfig { name: "GatewaySubnet".into(), address_prefix: format!("10.{}.1.0/28", 100 + i) })
                            .into_iter()
                            .collect(),
                        ..Default::default()
                    })
                    .collect();
                let _ = w.set_vnet_config(&me, configs);
            }
            Op::NewGateway { vnet, dynamic } => {
                let ty = if dynamic { GatewayType::DynamicRouting } else { GatewayType::StaticRouting };
                let _ = w.create_gateway(&me, VNETS[vnet], ty, GatewaySku::Default);
            }
            Op::RemoveGateway { vnet } => drop(w.remove_gateway(&me, VNETS[vnet])),
            Op::Link { circuit, vnet } => drop(w.new_circuit_link(&me, &key(circuit, keys), VNETS[vnet])),
            Op::Unlink { circuit, vnet } => drop(w.remove_circuit_link(&me, &key(circuit, keys), VNETS[vnet])),
            Op::Clock { minutes } => w.advance_clock(chrono::Duration::minutes(minutes)),
        }
    }

    /// The rules, as a customer sees them through the service's own answers.
    fn check(&mut self) -> Result<(), String> {
        self.world.check_invariants().map_err(|v| v.to_string())?;
        let me = self.customer;
        let circuits = self.world.list_circuits(&me).map_err(|e| e.message.clone())?;
        let mut circuits_per_vnet = std::collections::HashMap::<String, usize>::new();
        for c in &circuits {
            let key = c.service_key;
            let peerings: Vec<BgpPeering> = ACCESS.iter().filter_map(|a| self.world.get_bgp_peering(&me, &key, *a).ok()).collect();
            let vlans: HashSet<u32> = peerings.iter().map(|p| p.vlan_id).collect();
            if vlans.len() != peerings.len() {
                return Err(format!("circuit {key}: two peerings share a VLAN: {:?}", peerings.iter().map(|p| p.vlan_id).collect::<Vec<_>>()));
            }
            let links = self.world.list_circuit_links(&me, &key).map_err(|e| e.message.clone())?;
            let limit = max_links(c.sku, c.bandwidth);
            if links.len() > limit {
                return Err(format!("circuit {key}: {} links, limit {limit}", links.len()));
            }
            let private = peerings.iter().any(|p| p.access_type == BgpPeeringAccessType::Private);
            for l in &links {
                *circuits_per_vnet.entry(l.vnet_name.to_ascii_lowercase()).or_default() += 1;
                if !private {
                    return Err(format!("circuit {key}: link to {} without a private peering", l.vnet_name));
                }
                if self.world.get_gateway(&me, &l.vnet_name).is_err() {
                    return Err(format!("circuit {key}: link to {} without a gateway", l.vnet_name));
                }
            }
        }
        if let Some((vnet, n)) = circuits_per_vnet.iter().find(|(_, n)| **n > MAX_CIRCUITS_PER_VNET) {
            return Err(format!("VNet {vnet} has {n} circuits"));
        }
        Ok(())
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn rules_hold_after_any_sequence_of_operations(seed in any::<u64>(), ops in prop::collection::vec(op(), 1..60)) {
        let mut lab = Lab::new(seed);
        for (i, op) in ops.iter().enumerate() {
            lab.apply(op);
            if let Err(broken) = lab.check() {
                prop_assert!(false, "after step {i} ({op:?}): {broken}");
            }
        }
    }
}

/// The generated operations reach the states the rules are about: a circuit linked to a VNet.
#[test]
fn the_operations_can_build_a_linked_circuit() {
    let mut lab = Lab::new(1);
    for op in [
        Op::Create { provider: 0, location: 0, bandwidth: 200, premium: false },
        Op::Provision { circuit: 1, provisioned: true },
        Op::NewPeering { circuit: 1, access: 0, vlan: 100, subnet: 0 },
        Op::NewPeering { circuit: 1, access: 1, vlan: 100, subnet: 1 },
        Op::SetVnets { with_gateway_subnet: vec![true] },
        Op::NewGateway { vnet: 0, dynamic: true },
        Op::Link { circuit: 1, vnet: 0 },
        Op::RemovePeering { circuit: 1, access: 0 },
        Op::RemoveGateway { vnet: 0 },
    ] {
        lab.apply(&op);
        lab.check().unwrap_or_else(|broken| panic!("{op:?}: {broken}"));
    }
    let key = lab.keys[1];
    assert_eq!(lab.world.list_circuit_links(&lab.customer, &key).map(|l| l.len()), Ok(1), "the link stands; removing its peering or gateway was refused");
    assert!(lab.world.get_bgp_peering(&lab.customer, &key, BgpPeeringAccessType::Public).is_err(), "the second peering on VLAN 100 was refused");
}
