//! Every script in `scripts/` runs clean on a fresh, seeded, in-memory world —
//! the README's first command among them.

use std::path::Path;
use std::process::Command;

#[test]
fn every_script_runs_clean() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts");
    let mut ran = 0;
    for entry in std::fs::read_dir(&dir).expect("scripts/ exists") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_none_or(|e| e != "ps1") {
            continue;
        }
        let output = Command::new(env!("CARGO_BIN_EXE_ersim"))
            .args(["-NonInteractive", "-InMemory", "-File"])
            .arg(&path)
            .env("ERSIM_SEED", "7")
            .env("NO_COLOR", "1")
            .output()
            .expect("the ersim binary runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{} exited with {:?}:\n{stderr}", path.display(), output.status.code());
        assert!(stderr.is_empty(), "{} wrote errors:\n{stderr}", path.display());
        ran += 1;
    }
    assert!(ran > 0, "no scripts found");
}

#[test]
fn the_lifecycle_ends_with_no_circuit_left() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts").join("lifecycle.ps1");
    let output = Command::new(env!("CARGO_BIN_EXE_ersim")).args(["-InMemory", "-File"]).arg(&script).env("ERSIM_SEED", "7").output().expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    for state in [
        "ServiceProviderProvisioningState : NotProvisioned",
        "state: Provisioning",
        "state: Deprovisioning",
        "Microsoft VLAN 300  Enabled  prefixes: Configured",
    ] {
        assert!(stdout.contains(state), "missing {state:?} in:\n{stdout}");
    }
    assert!(stdout.contains("== Done: 0 circuit(s) left, billing stopped."), "{stdout}");
}
