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

/// Runs a script from scripts/ with arguments: (exit code, stdout, stderr).
fn run_script(name: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts").join(name);
    let output = Command::new(env!("CARGO_BIN_EXE_ersim"))
        .args(["-NonInteractive", "-InMemory", "-File"])
        .arg(&script)
        .args(args)
        .env("ERSIM_SEED", "7")
        .output()
        .expect("runs");
    (output.status.code(), String::from_utf8_lossy(&output.stdout).to_string(), String::from_utf8_lossy(&output.stderr).to_string())
}

#[test]
fn the_ci_check_fails_the_job_when_the_service_or_the_order_fails() {
    let (code, out, _) = run_script("ci-provision-check.ps1", &[]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("All checks passed."), "{out}");
    for args in [&["-InjectFault"][..], &["-Provider", "Nowhere"][..]] {
        let (code, out, err) = run_script("ci-provision-check.ps1", args);
        assert_eq!(code, Some(1), "{args:?} should fail the job:\n{out}{err}");
        assert!(out.contains("FAIL  ") && out.contains("1 check(s) failed."), "{args:?}:\n{out}");
    }
}

#[test]
fn the_polling_example_waits_on_the_virtual_clock_and_on_reads() {
    let (code, out, err) = run_script("poll-provisioning.ps1", &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("Provisioned after 10 minutes of virtual time."), "{out}");
    assert!(out.contains("read 2: Provisioning") && out.contains("read 3: Provisioned"), "{out}");
    assert!(out.contains("== Done: 0 circuit(s) left."), "{out}");
}

#[test]
fn the_pester_example_passes_against_the_simulated_world() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new(env!("CARGO_BIN_EXE_ersim"))
        .args(["-NonInteractive", "-InMemory", "-Command", "Invoke-Pester scripts/pester -Output Detailed"])
        .current_dir(dir)
        .env("ERSIM_SEED", "7")
        .env("NO_COLOR", "1")
        .output()
        .expect("the ersim binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    for line in [
        "[+] is provisioned by the provider",
        "[+] configures private and Microsoft peering",
        "[+] fails cleanly when the service refuses",
        "[+] leaves no circuit behind",
    ] {
        assert!(stdout.contains(line), "missing {line:?} in:\n{stdout}");
    }
    assert!(stdout.contains("Tests Passed: 5, Failed: 0, Skipped: 0 NotRun: 0"), "{stdout}");
}
