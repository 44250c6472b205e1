//! A JSON state file of the JSON-state era moves into the database on first use, whole: the
//! fixture was written by that era's store (`tests/fixtures/make-json-state.ps1`), and after
//! the migration the world exports to the very same document, the JSON stays beside it as a
//! backup, and the world goes on (a pending transition completes on the clock).

mod common;

use std::path::Path;
use std::process::Command;

use common::TempDir;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/state-0.1.0.json");

fn run(state: &Path, command: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_ersim"))
        .current_dir(state.parent().expect("the state's folder"))
        .args(["-NonInteractive", "-StateFile"])
        .arg(state)
        .args(["-Command", command])
        .env_remove("ERSIM_STATE")
        .env_remove("ERSIM_SEED")
        .env("NO_COLOR", "1")
        .output()
        .expect("the ersim binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && stderr.is_empty(), "{command}: {stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_json_state_file_of_the_earlier_store_migrates_whole() {
    let dir = TempDir::new("migration");
    let state = dir.0.join("state.json");
    let fixture = std::fs::read(FIXTURE).expect("the fixture");
    std::fs::write(&state, &fixture).unwrap();

    let names = run(&state, "(Get-AzureDedicatedCircuit).CircuitName -join ','");
    assert_eq!(names, "provisioned,ordered,upgraded,pending\n");
    assert_eq!(&std::fs::read(&state).unwrap()[..16], b"SQLite format 3\0", "the state is a database now");
    assert_eq!(std::fs::read(dir.0.join("state.json.json.bak")).unwrap(), fixture, "the JSON is kept as it was");

    // The export goes through the lab's file system: the start directory is the state's folder.
    let exported = dir.0.join("export.json");
    run(&state, "Export-ErSimState -Path .\\export.json");
    assert_eq!(String::from_utf8(std::fs::read(&exported).unwrap()).unwrap(), String::from_utf8(fixture).unwrap(), "nothing was lost or changed");

    let key = run(&state, "(Get-AzureDedicatedCircuit | Where-Object CircuitName -eq provisioned).ServiceKey");
    let link = run(&state, &format!("(Get-AzureDedicatedCircuitLink -ServiceKey {}).VNetName", key.trim()));
    assert_eq!(link, "MyVNet\n");
    let pending = "(Get-AzureDedicatedCircuit | Where-Object CircuitName -eq pending).ServiceProviderProvisioningState";
    assert_eq!(run(&state, pending), "Provisioning\n");
    run(&state, "Step-ErSimClock -Hours 2 | Out-Null");
    assert_eq!(run(&state, pending), "Provisioned\n", "the transition pending in the JSON completes in the database");
}
