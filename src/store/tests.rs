//! Store behaviour on real files, threads and processes.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::Duration as Span;
use serde_json::json;

use super::*;
use crate::cloud::circuit::tests::new_circuit;
use crate::cloud::world::tests::t0;
use crate::cloud::{FaultEffect, NewFault};

/// A scratch directory removed when dropped (no extra crate for this).
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Scratch {
        static N: AtomicU32 = AtomicU32::new(0);
        let dir = std::env::temp_dir().join(format!("ersim-store-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed)));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn file(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        set_mode(&self.0, 0o700);
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn fresh() -> World {
    World::default_world_seeded(t0(), 1)
}

fn store_with(path: &Path, lock_timeout: Duration) -> Store {
    Store::open(Location::file(path), StoreConfig { lock_timeout }, fresh).unwrap()
}

fn store(path: &Path) -> Store {
    store_with(path, Duration::from_secs(60))
}

fn add_circuit(store: &Store, name: &str) -> Result<(), StoreError> {
    store.transaction(|w| {
        let sub = w.selected_subscription().unwrap().id;
        w.create_circuit(&sub, new_circuit(name)).unwrap();
        Ok(())
    })
}

fn circuits(store: &Store) -> usize {
    store.read(|w| w.summary().circuits_by_state[0].1).unwrap()
}

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    let _ = fs::set_permissions(path, fs::Permissions::from_mode(mode));
}

/// Whether permission bits stop us (they do not stop root, as CI runs).
fn permissions_apply(dir: &Path) -> bool {
    let probe = dir.join("probe");
    let denied = fs::write(&probe, b"x").is_err();
    let _ = fs::remove_file(probe);
    denied
}

#[test]
fn round_trip_through_the_file() {
    let dir = Scratch::new();
    let path = dir.file("state.db");
    add_circuit(&store(&path), "one").unwrap();
    assert_eq!(&fs::read(&path).unwrap()[..16], b"SQLite format 3\0");
    let again = store(&path);
    assert_eq!(circuits(&again), 1);
    let world = again.read(World::clone).unwrap();
    assert_eq!(format::decode(&format::encode(&world).unwrap()).unwrap(), world);
    let exported = dir.file("export.json");
    again.export(&exported).unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&fs::read(&exported).unwrap()).unwrap();
    assert_eq!(doc["schema"], json!(SCHEMA));
}

#[test]
fn resource_groups_and_arm_circuits_live_in_the_database() {
    let dir = Scratch::new();
    let path = dir.file("state.db");
    store(&path)
        .transaction(|w| {
            let sub = w.selected_subscription().unwrap().id;
            w.create_or_update_resource_group(&sub, "rg", "West US", &Vec::new()).unwrap();
            let put = crate::cloud::arm::ArmCircuitPut {
                resource_group: "rg".into(),
                name: "ckt".into(),
                location: "westus".into(),
                service_provider_name: Some("Equinix".into()),
                peering_location: Some("Silicon Valley".into()),
                bandwidth_in_mbps: Some(200),
                ..Default::default()
            };
            w.put_arm_circuit(&sub, put).unwrap();
            Ok::<(), StoreError>(())
        })
        .unwrap();
    let again = store(&path);
    let (groups, names) = again
        .transaction(|w| {
            let sub = w.selected_subscription().unwrap().id;
            let groups = w.list_resource_groups(&sub).unwrap().len();
            Ok::<_, StoreError>((groups, w.list_arm_circuits(&sub, Some("RG")).unwrap().into_iter().map(|c| c.name).collect::<Vec<_>>()))
        })
        .unwrap();
    assert_eq!((groups, names), (1, vec!["ckt".to_string()]));
    again
        .transaction(|w| {
            let sub = w.selected_subscription().unwrap().id;
            w.remove_resource_group(&sub, "rg").unwrap();
            Ok::<(), StoreError>(())
        })
        .unwrap();
    let groups = store(&path).read(|w| w.list_resource_groups(&w.selected_subscription().unwrap().id).unwrap().len()).unwrap();
    assert_eq!(groups, 0, "the removal was saved over the earlier row");
}

#[test]
fn a_missing_file_is_a_fresh_world_saved_on_first_use() {
    let dir = Scratch::new();
    let path = dir.file("state.db");
    let s = Store::open(Location::file(&path), StoreConfig::default(), || World::default_world(t0())).unwrap();
    assert!(!path.exists());
    let first = s.read(|w| w.subscriptions()[0].id).unwrap();
    assert!(path.exists());
    assert_eq!(s.read(|w| w.subscriptions()[0].id).unwrap(), first);
}

/// The size of the database's write-ahead log: what a commit appends to.
fn wal_len(path: &Path) -> u64 {
    fs::metadata(format!("{}-wal", path.display())).map(|m| m.len()).unwrap_or(0)
}

#[test]
fn only_changes_are_written() {
    let dir = Scratch::new();
    let path = dir.file("state.db");
    let s = store(&path);
    add_circuit(&s, "one").unwrap();
    let before = wal_len(&path);
    s.transaction(|w| {
        let sub = w.selected_subscription().unwrap().id;
        Ok::<_, StoreError>(w.list_circuits(&sub).unwrap().len())
    })
    .unwrap();
    assert_eq!(wal_len(&path), before, "a transaction that changes nothing writes nothing");
    s.transaction(|w| {
        w.advance_clock(Span::seconds(1));
        Ok::<_, StoreError>(())
    })
    .unwrap();
    assert!(wal_len(&path) > before);
}

enum CallError {
    Cloud(crate::cloud::CloudError),
    Store(StoreError),
}

impl From<StoreError> for CallError {
    fn from(e: StoreError) -> Self {
        CallError::Store(e)
    }
}

#[test]
fn what_a_failing_call_changes_on_purpose_is_kept() {
    let dir = Scratch::new();
    let path = dir.file("state.db");
    let s = store(&path);
    s.transaction(|w| {
        w.add_fault(NewFault {
            operation: "Get-*".into(),
            service_key: None,
            count: Some(1),
            probability: None,
            effect: FaultEffect::Fail(crate::cloud::CloudError {
                status: 500,
                code: "InternalError".into(),
                message: "boom".into(),
                kind: crate::cloud::ErrorKind::Sync,
            }),
        })
        .unwrap();
        Ok::<_, StoreError>(())
    })
    .unwrap();
    let call = |s: &Store| {
        let result = s.transaction(|w| w.apply_faults("Get-AzureDedicatedCircuit", None).map_err(CallError::Cloud));
        match result {
            Ok(()) => "ok".to_string(),
            Err(CallError::Cloud(e)) => e.code,
            Err(CallError::Store(e)) => e.to_string(),
        }
    };
    assert_eq!(call(&s), "InternalError");
    assert_eq!(call(&store(&path)), "ok", "the fault was consumed and saved");
}

#[test]
fn a_panic_in_a_transaction_saves_nothing() {
    let dir = Scratch::new();
    let path = dir.file("state.db");
    let s = store(&path);
    add_circuit(&s, "one").unwrap();
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _: Result<(), StoreError> = s.transaction(|w| {
            w.advance_clock(Span::hours(5));
            let sub = w.selected_subscription().unwrap().id;
            w.create_circuit(&sub, new_circuit("two")).unwrap();
            panic!("in the middle");
        });
    }));
    assert!(caught.is_err());
    assert_eq!(circuits(&s), 1);
    assert_eq!(s.read(World::now).unwrap(), t0());
    add_circuit(&s, "two").unwrap();
    assert_eq!(circuits(&store(&path)), 2, "the connection is usable after the rollback");
}

#[test]
fn a_corrupt_file_is_refused_and_left_byte_identical() {
    let dir = Scratch::new();
    let path = dir.file("state.json");
    // A JSON state file cut short: its migration fails, and nothing replaces it.
    let garbage = b"{\n  \"schema\": 1,\n  \"world\": {\n    \"now\": \"2016-";
    fs::write(&path, garbage).unwrap();
    let s = store(&path);
    let e = s.read(|_| ()).unwrap_err();
    let text = e.to_string();
    assert!(matches!(e, StoreError::Corrupt { .. }));
    assert!(text.contains(&path.display().to_string()), "{text}");
    assert!(text.contains("line 4 column"), "{text}");
    assert!(text.contains("Reset-ErSimState"), "{text}");
    assert!(matches!(add_circuit(&s, "x"), Err(StoreError::Corrupt { .. })));
    assert!(s.export(&dir.file("out.json")).is_err());
    assert_eq!(fs::read(&path).unwrap(), garbage);
    s.reset().unwrap();
    assert_eq!(circuits(&s), 0);
}

#[test]
fn a_newer_schema_is_refused_naming_file_and_versions() {
    let dir = Scratch::new();
    let path = dir.file("state.json");
    let newer = json!({"schema": 7, "world": {"shape": "unknown"}}).to_string();
    fs::write(&path, &newer).unwrap();
    let s = store(&path);
    let text = add_circuit(&s, "x").unwrap_err().to_string();
    assert_eq!(
        text,
        format!(
            "The state file {} has schema 7, but this ersim understands schema 1 at most: it was written by a newer ersim. Use that version, or choose another state file. The file has been left as it is.",
            path.display()
        )
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), newer);
}

#[test]
fn a_json_state_file_is_migrated_and_kept_as_a_backup() {
    let dir = Scratch::new();
    let path = dir.file("state.json");
    // Schema 0: a world serialized on its own, the oldest state file there is.
    let mut old = fresh();
    old.advance_clock(Span::hours(3));
    let sub = old.selected_subscription().unwrap().id;
    old.create_circuit(&sub, new_circuit("kept")).unwrap();
    let json = serde_json::to_vec(&old).unwrap();
    fs::write(&path, &json).unwrap();
    let s = store(&path);
    assert_eq!(s.read(World::now).unwrap(), old.now());
    assert_eq!(s.read(World::clone).unwrap(), old);
    assert_eq!(&fs::read(&path).unwrap()[..16], b"SQLite format 3\0");
    assert_eq!(fs::read(dir.file("state.json.json.bak")).unwrap(), json, "the JSON is kept as it was");
    add_circuit(&s, "x").unwrap();
    assert_eq!(circuits(&store(&path)), 2);
}

#[test]
fn the_default_database_takes_over_the_json_state_beside_it() {
    let dir = Scratch::new();
    let json = dir.file("ersim/state.json");
    fs::create_dir_all(json.parent().unwrap()).unwrap();
    let mut old = fresh();
    let sub = old.selected_subscription().unwrap().id;
    old.create_circuit(&sub, new_circuit("from-json")).unwrap();
    let bytes = format::encode(&old).unwrap();
    fs::write(&json, &bytes).unwrap();
    let db = dir.file("ersim/state.db");
    let s = Store::open(Location::File { path: db.clone(), create_dir: true }, StoreConfig::default(), fresh).unwrap();
    assert_eq!(circuits(&s), 1);
    assert_eq!(fs::read(&json).unwrap(), bytes, "the JSON file is left as it is");
    add_circuit(&s, "new").unwrap();
    let again = Store::open(Location::File { path: db, create_dir: true }, StoreConfig::default(), fresh).unwrap();
    assert_eq!(circuits(&again), 2, "migrated once, then the database is the state");
}

#[test]
fn files_are_private_to_the_user() {
    let dir = Scratch::new();
    let path = dir.file("nested/ersim/state.db");
    let default_like = Location::File { path: path.clone(), create_dir: true };
    let s = Store::open(default_like, StoreConfig::default(), fresh).unwrap();
    add_circuit(&s, "x").unwrap();
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(Path::new(&format!("{}-wal", path.display()))), 0o600, "SQLite gives its journal the file's mode");
    assert_eq!(mode(path.parent().unwrap()), 0o700);
    s.export(&dir.file("export.json")).unwrap();
    assert_eq!(mode(&dir.file("export.json")), 0o600);
    // A mode the user chose on purpose is kept.
    set_mode(&path, 0o640);
    add_circuit(&s, "y").unwrap();
    assert_eq!(mode(&path), 0o640);
}

#[test]
fn a_missing_directory_is_reported_not_created() {
    let dir = Scratch::new();
    let path = dir.file("nope/state.db");
    let e = Store::open(Location::file(&path), StoreConfig::default(), fresh).err().unwrap();
    assert_eq!(
        e.to_string(),
        format!("The directory {} of the state file does not exist. Create it, or choose another state file.", dir.file("nope").display())
    );
    assert!(!dir.file("nope").exists());
    for not_a_file in [dir.0.clone(), dir.file("x/..")] {
        let e = Store::open(Location::file(&not_a_file), StoreConfig::default(), fresh).err().unwrap();
        assert!(matches!(e, StoreError::NotAFile { .. }), "{e}");
    }
}

#[test]
fn a_read_only_directory_refuses_saves_and_keeps_the_file() {
    let dir = Scratch::new();
    let sub = dir.file("ro");
    fs::create_dir(&sub).unwrap();
    let path = sub.join("state.db");
    let s = store(&path);
    add_circuit(&s, "one").unwrap();
    let before = fs::read(&path).unwrap();
    set_mode(&sub, 0o500);
    if !permissions_apply(&sub) {
        return; // running as root: permission bits do not apply
    }
    let e = add_circuit(&s, "two").unwrap_err();
    assert!(matches!(e, StoreError::Write { .. }), "{e}");
    assert!(e.to_string().contains("The previous state is unchanged"), "{e}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(circuits(&s), 1, "reads still work");
}

#[test]
fn an_unreadable_file_is_reported() {
    let dir = Scratch::new();
    let path = dir.file("state.db");
    add_circuit(&store(&path), "one").unwrap();
    set_mode(&path, 0o000);
    if fs::read(&path).is_ok() {
        return; // running as root
    }
    let e = store(&path).read(|_| ()).unwrap_err();
    assert!(matches!(e, StoreError::Read { .. }), "{e}");
}

#[test]
fn threads_never_lose_an_update() {
    let dir = Scratch::new();
    let path = dir.file("state.db");
    let s = store(&path);
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                for _ in 0..50 {
                    s.transaction(|w| {
                        w.advance_clock(Span::seconds(1));
                        Ok::<_, StoreError>(())
                    })
                    .unwrap();
                }
            });
        }
    });
    assert_eq!(store(&path).read(World::now).unwrap(), t0() + Span::seconds(200));
}

#[test]
fn a_held_lock_times_out_with_a_clear_error() {
    let dir = Scratch::new();
    let path = dir.file("state.db");
    let holder = &store(&path);
    add_circuit(holder, "first").unwrap();
    let (held_tx, held_rx) = mpsc::channel();
    let (release_tx, release_rx) = mpsc::channel::<()>();
    let outcome = std::thread::scope(|scope| {
        scope.spawn(move || {
            holder
                .transaction(|w| {
                    w.advance_clock(Span::seconds(1));
                    held_tx.send(()).unwrap();
                    release_rx.recv().unwrap();
                    Ok::<_, StoreError>(())
                })
                .unwrap();
        });
        held_rx.recv().unwrap();
        let waiter = store_with(&path, Duration::from_millis(150));
        let start = Instant::now();
        let e = add_circuit(&waiter, "x");
        let waited = start.elapsed();
        let read = waiter.read(|w| w.now());
        release_tx.send(()).unwrap();
        (e, waited, read)
    });
    let (e, waited, read) = outcome;
    let e = e.unwrap_err();
    assert!(waited >= Duration::from_millis(150), "it waited for the writer");
    assert!(matches!(e, StoreError::LockTimeout { .. }), "{e}");
    assert!(e.to_string().contains("another ersim process is using this state file"), "{e}");
    assert!(e.to_string().contains("state.db"), "{e}");
    assert_eq!(read.unwrap(), t0(), "a reader does not wait for a writer, and sees the last commit");
    add_circuit(&store(&path), "x").unwrap();
}

#[test]
fn import_checks_everything_before_changing_anything() {
    let dir = Scratch::new();
    let path = dir.file("state.db");
    let s = store(&path);
    add_circuit(&s, "one").unwrap();
    let before = s.read(World::clone).unwrap();

    let bad = dir.file("bad.json");
    fs::write(&bad, b"{\"schema\": 1, \"world\": 3}").unwrap();
    let e = s.import(&bad).unwrap_err().to_string();
    assert!(e.starts_with(&format!("Cannot import {}: its world", bad.display())), "{e}");
    assert!(e.ends_with("Nothing was changed."), "{e}");

    fs::write(&bad, json!({"schema": 9}).to_string()).unwrap();
    let e = s.import(&bad).unwrap_err().to_string();
    assert!(e.contains("schema 9, but this ersim understands schema 1"), "{e}");

    let mut doc: serde_json::Value = serde_json::from_slice(&format::encode(&before).unwrap()).unwrap();
    doc["world"]["selected_subscription"] = json!(uuid::Uuid::nil());
    fs::write(&bad, doc.to_string()).unwrap();
    let e = s.import(&bad).unwrap_err().to_string();
    assert!(e.contains("inconsistent"), "{e}");

    assert!(s.import(&dir.file("absent.json")).is_err());
    assert_eq!(store(&path).read(World::clone).unwrap(), before);
}

#[test]
fn export_and_import_restore_a_state_even_over_a_corrupt_file() {
    let dir = Scratch::new();
    let path = dir.file("state.db");
    let s = store(&path);
    add_circuit(&s, "one").unwrap();
    let saved = dir.file("backup.json");
    s.export(&saved).unwrap();
    let world = s.read(World::clone).unwrap();
    fs::write(&path, b"not json").unwrap();
    s.import(&saved).unwrap();
    assert_eq!(s.read(World::clone).unwrap(), world);
}

#[test]
fn the_in_memory_store_keeps_the_same_promises_without_files() {
    let s = Store::open(Location::InMemory, StoreConfig::default(), fresh).unwrap();
    assert_eq!(s.path(), None);
    add_circuit(&s, "one").unwrap();
    assert_eq!(circuits(&s), 1);
    let failed: Result<(), StoreError> = s.transaction(|w| {
        w.advance_clock(Span::hours(1));
        Err(StoreError::NoDefaultLocation)
    });
    assert!(failed.is_err());
    assert_eq!(s.read(World::now).unwrap(), t0() + Span::hours(1));
    let dir = Scratch::new();
    s.export(&dir.file("m.json")).unwrap();
    s.reset().unwrap();
    assert_eq!(circuits(&s), 0);
    s.import(&dir.file("m.json")).unwrap();
    assert_eq!(circuits(&s), 1);
}

// ---- several processes ----------------------------------------------------------------------

const CHILD_MODE: &str = "ERSIM_STORE_TEST_CHILD";
const CHILD_PATH: &str = "ERSIM_STORE_TEST_PATH";
const CHILD_TAG: &str = "ERSIM_STORE_TEST_TAG";
const CHILD_TEST: &str = "store::tests::child_process_entry";

/// Not a test of its own: the body of the child processes below (a no-op otherwise).
#[test]
fn child_process_entry() {
    let (Ok(mode), Some(path)) = (std::env::var(CHILD_MODE), std::env::var_os(CHILD_PATH)) else {
        return;
    };
    let s = store(Path::new(&path));
    let tag = std::env::var(CHILD_TAG).unwrap_or_default();
    match mode.as_str() {
        "circuits" => {
            for i in 0..PER_PROCESS {
                add_circuit(&s, &format!("p{tag}-{i}")).unwrap();
            }
        }
        // Save as fast as possible until killed.
        _ => {
            for i in 0.. {
                s.transaction(|w| {
                    w.advance_clock(Span::seconds(1));
                    if i % 4 == 0 {
                        let sub = w.selected_subscription().unwrap().id;
                        w.create_circuit(&sub, new_circuit(&format!("k{i}"))).unwrap();
                    }
                    Ok::<_, StoreError>(())
                })
                .unwrap();
            }
        }
    }
}

const PER_PROCESS: usize = 60;

fn spawn_child(mode: &str, path: &Path, tag: &str) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", CHILD_TEST, "--test-threads=1", "--quiet"])
        .env(CHILD_MODE, mode)
        .env(CHILD_PATH, path)
        .env(CHILD_TAG, tag)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn processes_never_lose_an_update() {
    let dir = Scratch::new();
    let path = dir.file("state.db");
    let children: Vec<Child> = ["a", "b"].iter().map(|tag| spawn_child("circuits", &path, tag)).collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    assert_eq!(circuits(&store(&path)), 2 * PER_PROCESS);
}

#[test]
fn a_writer_killed_mid_save_leaves_a_loadable_file() {
    let dir = Scratch::new();
    let path = dir.file("state.db");
    let mut last = t0();
    for round in 0..12u64 {
        let mut child = spawn_child("spin", &path, "");
        std::thread::sleep(Duration::from_millis(20 + round * 9));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let now = store(&path).read(World::now).unwrap();
        assert!(now >= last, "the state never goes back");
        last = now;
    }
    assert!(last > t0(), "the children saved something");
}

#[test]
fn a_corrupt_database_is_refused_and_left_byte_identical() {
    let dir = Scratch::new();
    let path = dir.file("state.db");
    add_circuit(&store(&path), "one").unwrap();
    // Keep the header, break the pages after it.
    let mut bytes = fs::read(&path).unwrap();
    for b in bytes.iter_mut().skip(100) {
        *b = 0x5A;
    }
    fs::write(&path, &bytes).unwrap();
    let s = store(&path);
    let e = s.read(|_| ()).unwrap_err();
    assert!(matches!(e, StoreError::Corrupt { .. }), "{e}");
    assert!(e.to_string().contains("Reset-ErSimState"), "{e}");
    assert!(matches!(add_circuit(&s, "x"), Err(StoreError::Corrupt { .. })));
    assert_eq!(fs::read(&path).unwrap(), bytes);
    s.reset().unwrap();
    assert_eq!(circuits(&s), 0);
}

#[test]
fn a_row_that_does_not_decode_fails_its_transaction_and_changes_nothing() {
    let dir = Scratch::new();
    let path = dir.file("state.db");
    let s = store(&path);
    add_circuit(&s, "one").unwrap();
    let key = s.read(|w| w.circuits.iter()[0].0).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("UPDATE circuits SET body = '{\"not\": \"a circuit\"}'", []).unwrap();
    drop(conn);
    let again = store(&path);
    let e: Result<(), StoreError> = again.transaction(|w| {
        w.advance_clock(Span::hours(1));
        let sub = w.selected_subscription().unwrap().id;
        let _ = w.get_circuit(&sub, &key);
        Ok(())
    });
    let e = e.unwrap_err();
    assert!(matches!(e, StoreError::Corrupt { .. }), "{e}");
    assert!(e.to_string().contains(&format!("circuit {key} does not decode")), "{e}");
    assert_eq!(again.read(World::now).unwrap(), t0(), "the clock did not move: nothing was committed");
}

/// The same VNet operations on a world in memory and on one in rows end alike: configurations
/// in the order they were last set, gateways provisioned by the clock, removals kept.
#[test]
fn vnets_in_rows_behave_as_vnets_in_memory() {
    use crate::cloud::link::tests::add_vnets;
    use crate::cloud::{GatewaySku, GatewayState, GatewayType};
    let steps = |w: &mut World| {
        let ids: Vec<_> = w.subscriptions().iter().map(|s| s.id).collect();
        let (a, b) = (ids[0], ids[1]);
        add_vnets(w, &a, 2);
        add_vnets(w, &b, 1);
        w.remove_gateway(&a, "V1").unwrap();
        w.set_vnet_config(&a, vec![w.virtual_network(&a, "V0").unwrap().config]).unwrap();
        w.set_gateway_delay(Span::minutes(30)).unwrap();
        w.remove_gateway(&b, "V0").unwrap();
        w.create_gateway(&b, "V0", GatewayType::DynamicRouting, GatewaySku::Default).unwrap();
    };
    let dir = Scratch::new();
    let s = store(&dir.file("state.db"));
    let mut memory = fresh();
    steps(&mut memory);
    s.transaction(|w| {
        steps(w);
        Ok::<_, StoreError>(())
    })
    .unwrap();
    let b = memory.subscriptions()[1].id;
    assert_eq!(s.read(|w| w.get_gateway(&b, "V0").unwrap().state).unwrap(), GatewayState::Provisioning);
    memory.advance_clock(Span::minutes(30));
    s.transaction(|w| {
        w.advance_clock(Span::minutes(30));
        Ok::<_, StoreError>(())
    })
    .unwrap();
    assert_eq!(s.read(|w| w.get_gateway(&b, "V0").unwrap().state).unwrap(), GatewayState::Provisioned);
    assert_eq!(format::encode(&store(&dir.file("state.db")).read(World::clone).unwrap()).unwrap(), format::encode(&memory).unwrap());
}

#[test]
fn network_sets_live_in_their_table_and_a_schema_1_database_gains_it() {
    use crate::cloud::arm::network::{SubnetPut, VnetPut};
    let dir = Scratch::new();
    let path = dir.file("state.db");
    add_circuit(&store(&path), "before").unwrap();
    // A database of the schema before network sets: no table, user_version 1.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("DROP TABLE arm_networks; PRAGMA user_version = 1;").unwrap();
    drop(conn);
    let put = VnetPut {
        resource_group: "rg".into(),
        name: "v".into(),
        location: "westus".into(),
        address_prefixes: vec!["10.0.0.0/16".into()],
        subnets: vec![SubnetPut { name: "GatewaySubnet".into(), address_prefixes: vec!["10.0.255.0/27".into()] }],
        ..Default::default()
    };
    store(&path)
        .transaction(|w| {
            let sub = w.selected_subscription().unwrap().id;
            w.create_or_update_resource_group(&sub, "rg", "West US", &Vec::new()).unwrap();
            w.put_virtual_network(&sub, put).unwrap();
            Ok::<(), StoreError>(())
        })
        .unwrap();
    let version: i64 = rusqlite::Connection::open(&path).unwrap().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, 2);
    let rows: i64 = rusqlite::Connection::open(&path).unwrap().query_row("SELECT count(*) FROM arm_networks", [], |r| r.get(0)).unwrap();
    assert_eq!(rows, 1, "one row for the subscription");
    let names = store(&path)
        .read(|w| w.list_virtual_networks(&w.selected_subscription().unwrap().id, None).unwrap().into_iter().map(|v| v.common.name).collect::<Vec<_>>())
        .unwrap();
    assert_eq!((names, circuits(&store(&path))), (vec!["v".to_string()], 1));
    store(&path)
        .transaction(|w| {
            let sub = w.selected_subscription().unwrap().id;
            w.remove_virtual_network(&sub, "rg", "v").unwrap();
            Ok::<(), StoreError>(())
        })
        .unwrap();
    let rows: i64 = rusqlite::Connection::open(&path).unwrap().query_row("SELECT count(*) FROM arm_networks", [], |r| r.get(0)).unwrap();
    assert_eq!(rows, 0, "an emptied set leaves no row");
}
