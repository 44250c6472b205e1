//! The state file through the real binary: concurrent processes never lose an update, and a
//! corrupt file is reported, left alone, and recoverable with `Reset-ErSimState -Force`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh directory under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("ersim-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn ersim(state: &Path, command: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_ersim"));
    c.args(["-NonInteractive", "-StateFile"]).arg(state).args(["-Command", command]);
    c.env_remove("ERSIM_STATE").env_remove("ERSIM_SEED").env("NO_COLOR", "1");
    c
}

fn run(state: &Path, command: &str) -> Output {
    ersim(state, command).output().expect("the ersim binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const PROCESSES: usize = 2;
const CIRCUITS_EACH: usize = 200;

#[test]
fn concurrent_processes_on_one_state_file_lose_no_circuit() {
    let dir = TempDir::new("procs");
    let state = dir.0.join("state.db");
    let children: Vec<_> = (0..PROCESSES)
        .map(|p| {
            let script = format!(
                "foreach ($i in 1..{CIRCUITS_EACH}) {{ New-AzureDedicatedCircuit -CircuitName \"p{p}-c$i\" -ServiceProviderName Equinix \
                 -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force | Out-Null }}"
            );
            ersim(&state, &script).spawn().expect("spawn ersim")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("wait for ersim");
        assert!(out.status.success(), "a writer failed: {}", text(&out.stderr));
    }
    let out = run(&state, "(Get-AzureDedicatedCircuit | Measure-Object).Count");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).trim(), (PROCESSES * CIRCUITS_EACH).to_string());
    // Every process's names are all there, none twice.
    let out = run(&state, "(Get-AzureDedicatedCircuit | Select-Object -Unique CircuitName | Measure-Object).Count");
    assert_eq!(text(&out.stdout).trim(), (PROCESSES * CIRCUITS_EACH).to_string(), "{}", text(&out.stderr));
}

#[test]
fn a_corrupt_state_file_is_reported_left_alone_and_reset_recovers() {
    let dir = TempDir::new("corrupt");
    let state = dir.0.join("state.json");
    let garbage = b"{\"schema\": 1, \"world\": [truncated";
    std::fs::write(&state, garbage).expect("write the corrupt file");

    let out = run(&state, "Get-AzureDedicatedCircuit");
    assert_ne!(out.status.code(), Some(0), "a corrupt state file must fail the command");
    let err = text(&out.stderr);
    assert!(err.contains(&state.display().to_string()), "the error names the file: {err}");
    assert!(err.contains("not valid JSON"), "the error says what is wrong: {err}");
    assert!(err.contains("Reset-ErSimState"), "the error says how to recover: {err}");
    assert_eq!(std::fs::read(&state).expect("the file is still there"), garbage, "the file must be left byte for byte");

    // A change is refused too, and still leaves the file alone.
    let out = run(
        &state,
        "New-AzureDedicatedCircuit -CircuitName x -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force",
    );
    assert_ne!(out.status.code(), Some(0));
    assert_eq!(std::fs::read(&state).expect("the file is still there"), garbage);

    let out = run(&state, "Reset-ErSimState -Force");
    assert!(out.status.success(), "reset recovers: {}", text(&out.stderr));
    let out = run(&state, "(Get-AzureDedicatedCircuit | Measure-Object).Count");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).trim(), "0");
}
