//! Criterion benchmarks: parsing (against tree-sitter-powershell), the
//! interpreter, cmdlet dispatch, formatting, and state load/save as the world
//! grows. `scripts/bench.sh` runs them and prints the ratios.

use std::hint::black_box;

// The same allocator as the binary, so the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use ersim::cloud::{
    BgpPeeringAccessType, BillingType, CircuitSku, CrossConnectionOperation, GatewaySku, GatewayType, NewBgpPeering, NewCircuit, SubnetConfig,
    VirtualNetworkConfig, World,
};
use ersim::engine::value::{PsObject, Value};
use ersim::format::Formatter;
use ersim::host::session::{Session, SessionOptions};
use ersim::lang::ast::Source;
use ersim::store::{Location, Store, StoreConfig};

/// A script of `n` lines in the style of provisioning scripts.
fn generated_script(lines: usize) -> String {
    let templates = [
        "$circuit = New-AzureDedicatedCircuit -CircuitName \"c$i\" -ServiceProviderName 'Equinix' -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force",
        "if ($circuit.ServiceProviderProvisioningState -ne 'Provisioned') { Write-Host (\"{0} is {1}\" -f $circuit.CircuitName, $circuit.Status) }",
        "foreach ($p in @('Private', 'Public')) { Get-AzureBGPPeering -AccessType $p -ServiceKey $circuit.ServiceKey | Select-Object VlanId, State }",
        "$total += [int]$circuit.Bandwidth * 2; $names = $list | Where-Object { $_.Name -like 'c*' } | ForEach-Object { $_.Name.ToUpper() }",
        "# a comment line explaining the next step of the workflow",
        "$h = @{ Name = 'lab'; Keys = 1..5; Nested = [pscustomobject]@{ a = 1; b = \"x$($i)y\" } }",
    ];
    (0..lines).map(|i| templates[i % templates.len()]).collect::<Vec<_>>().join("\n")
}

/// The documentation-style scripts of the repository.
fn repository_scripts() -> String {
    let mut text = String::new();
    for dir in ["scripts", "tests/transcripts/expressroute", "tests/transcripts/language"] {
        let Ok(entries) = std::fs::read_dir(dir) else { continue };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "ps1")).collect();
        paths.sort();
        for p in paths {
            text.push_str(&std::fs::read_to_string(p).unwrap_or_default());
            text.push('\n');
        }
    }
    text
}

fn parse(c: &mut Criterion) {
    let mut ts = tree_sitter::Parser::new();
    ts.set_language(&tree_sitter_powershell::LANGUAGE.into()).expect("the PowerShell grammar loads");
    for (name, text) in [("generated", generated_script(20_000)), ("repository", repository_scripts())] {
        let mut g = c.benchmark_group(format!("parse/{name}"));
        g.throughput(Throughput::Bytes(text.len() as u64));
        // Freeing the tree is left out of both timings: the binary exits without freeing it.
        g.bench_function("ersim", |b| {
            b.iter_with_large_drop(|| {
                let src = Source::new(None, text.clone());
                ersim::lang::parse_script(&src)
            })
        });
        g.bench_function("tree-sitter", |b| b.iter_with_large_drop(|| ts.parse(&text, None)));
        g.finish();
    }
}

fn session() -> Session {
    let options = SessionOptions { interactive: false, in_memory: true, ..Default::default() };
    Session::with_io(options, Box::new(std::io::sink()), Box::new(std::io::sink()), None).expect("a session")
}

fn run(session: &mut Session, script: &str) {
    let src = Source::new(None, script.to_string());
    let sb = ersim::lang::parse_script(&src).expect("the bench script parses");
    let _ = session.interp.run_top(&sb, &mut |_, v| {
        black_box(v);
        Ok(())
    });
}

fn interpreter(c: &mut Criterion) {
    let mut g = c.benchmark_group("interpreter");
    let mut s = session();
    g.bench_function("for-100k", |b| b.iter(|| run(&mut s, "$x = 0; for ($i = 0; $i -lt 100000; $i++) { $x += $i }")));
    g.bench_function("pipeline-10k", |b| b.iter(|| run(&mut s, "1..10000 | Where-Object { $_ % 3 -eq 0 } | ForEach-Object { $_ * 2 } | Out-Null")));
    g.finish();
}

fn dispatch(c: &mut Criterion) {
    let mut s = session();
    run(&mut s, "for ($i = 0; $i -lt 1000; $i++) { New-AzureDedicatedCircuit -CircuitName \"c$i\" -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force | Out-Null }; $k = (Get-AzureDedicatedCircuit)[500].ServiceKey");
    c.bench_function("dispatch/get-circuit-of-1000", |b| b.iter(|| run(&mut s, "Get-AzureDedicatedCircuit -ServiceKey $k | Out-Null")));
}

fn formatting(c: &mut Criterion) {
    let objects = |props: usize| -> Vec<Value> {
        (0..1000)
            .map(|i| {
                let mut o = PsObject::custom();
                for p in 0..props {
                    o.add_note(&format!("Property{p}"), Value::str(format!("value {i}-{p}")));
                }
                Value::object(o)
            })
            .collect()
    };
    let mut g = c.benchmark_group("format-1000");
    for (name, props) in [("list", 9), ("table", 3)] {
        let items = objects(props);
        g.bench_function(name, |b| {
            b.iter(|| {
                let mut f = Formatter::new(119, ersim::engine::views::ViewTable::default());
                for v in &items {
                    f.push(v, 0);
                }
                f.end_group();
                black_box(f.take_lines().len())
            })
        });
    }
    g.finish();
}

/// A world of `n` circuits, each provisioned, with private peering and a VNet link.
pub fn world_of(n: usize) -> World {
    let mut w = World::default_world_seeded(ersim::engine::clock::default_epoch(), 1);
    let customer = w.find_subscription_by_name("Contoso Production").expect("default subscription").id;
    let provider = w.find_subscription_by_name("Equinix Provider").expect("provider subscription").id;
    let vnets = n.div_ceil(4);
    let configs = (0..vnets)
        .map(|i| VirtualNetworkConfig {
            name: format!("v{i}"),
            location: "West US".into(),
            address_spaces: vec!["10.1.0.0/16".into()],
            subnets: vec![SubnetConfig { name: "GatewaySubnet".into(), address_prefix: "10.1.1.0/28".into() }],
            ..Default::default()
        })
        .collect();
    w.set_vnet_config(&customer, configs).expect("VNets");
    for i in 0..vnets {
        w.create_gateway(&customer, &format!("v{i}"), GatewayType::DynamicRouting, GatewaySku::Default).expect("a gateway");
    }
    for i in 0..n {
        let new = NewCircuit {
            name: format!("c{i}"),
            bandwidth: 200,
            location: "Silicon Valley".into(),
            service_provider_name: "Equinix".into(),
            sku: CircuitSku::Standard,
            billing_type: BillingType::MeteredData,
        };
        let key = w.create_circuit(&customer, new).expect("a circuit").service_key;
        w.new_cross_connection(&provider, &key).expect("provisioning starts");
        w.set_cross_connection(&provider, &key, CrossConnectionOperation::NotifyCrossConnectionProvisioned, None).expect("provisioned");
        let peering = NewBgpPeering {
            peer_asn: 65001,
            primary_peer_subnet: "10.0.0.0/30".into(),
            secondary_peer_subnet: "10.0.0.4/30".into(),
            vlan_id: 100,
            shared_key: None,
            advertised_public_prefixes: None,
            customer_asn: None,
            routing_registry_name: None,
        };
        w.new_bgp_peering(&customer, &key, BgpPeeringAccessType::Private, peering).expect("a peering");
        w.new_circuit_link(&customer, &key, &format!("v{}", i / 4)).expect("a link");
    }
    w
}

/// The store on a database of 10, 1,000 and 10,000 circuits: a cmdlet's transaction reads and
/// writes only the rows it touches, so these should cost about the same at every size.
fn state(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("ersim-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let mut g = c.benchmark_group("state");
    g.sample_size(10);
    for n in [10usize, 1_000, 10_000] {
        let path = dir.join(format!("state-{n}.db"));
        let _ = std::fs::remove_file(&path);
        let world = std::sync::Mutex::new(Some(world_of(n)));
        let store =
            Store::open(Location::file(path), StoreConfig::default(), move || world.lock().expect("the world").take().expect("made once")).expect("a store");
        let customer = store.read(|w| w.selected_subscription().expect("a subscription").id).expect("first save");
        let key = store.read(|w| w.circuit_names(&customer)[0].service_key).expect("a circuit");
        g.bench_with_input(BenchmarkId::new("get-one-circuit", n), &n, |b, _| {
            b.iter(|| store.transaction(|w| Ok::<_, ersim::store::StoreError>(black_box(w.get_circuit(&customer, &key).is_ok()))).expect("read"))
        });
        g.bench_with_input(BenchmarkId::new("advance-clock", n), &n, |b, _| {
            b.iter(|| {
                store
                    .transaction(|w| {
                        w.advance_clock(chrono::Duration::seconds(1));
                        Ok::<_, ersim::store::StoreError>(())
                    })
                    .expect("save")
            })
        });
        let mut i = 0;
        g.bench_with_input(BenchmarkId::new("create-circuit", n), &n, |b, _| {
            b.iter(|| {
                i += 1;
                let new = NewCircuit {
                    name: format!("bench-{i}"),
                    bandwidth: 50,
                    location: "Silicon Valley".into(),
                    service_provider_name: "Equinix".into(),
                    sku: CircuitSku::Standard,
                    billing_type: BillingType::MeteredData,
                };
                store.transaction(|w| Ok::<_, ersim::store::StoreError>(w.create_circuit(&customer, new).expect("created").service_key)).expect("create")
            })
        });
    }
    g.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, parse, interpreter, dispatch, formatting, state);
criterion_main!(benches);
