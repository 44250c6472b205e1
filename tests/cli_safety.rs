//! The command line fails safe: a closed output stops the run, bad state and input files are
//! clear errors before anything runs.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::Duration;

use common::{ersim, text, TempDir};

#[test]
fn a_closed_output_stops_an_endless_loop() {
    let mut child = ersim()
        .args(["-NonInteractive", "-InMemory", "-Command", "while ($true) { 'x' }"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start ersim");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    for _ in 0..3 {
        let mut line = String::new();
        out.read_line(&mut line).expect("a line");
        assert_eq!(line, "x\n");
    }
    // What `| head -3` does once it has its lines.
    drop(out);
    let mut err = child.stderr.take().expect("stderr");
    let status = common::wait_within(child, Duration::from_secs(60), "its output closed");
    let mut shown = String::new();
    std::io::Read::read_to_string(&mut err, &mut shown).expect("read stderr");
    assert_eq!(status.code(), Some(1), "a stopped pipeline; stderr: {shown}");
    assert_eq!(shown, "", "stopping for a closed output is not an error to show");
}

fn corrupt_state(dir: &TempDir) -> std::path::PathBuf {
    common::write(&dir.0, "state.json", "{ this is not a state")
}

#[test]
fn a_corrupt_state_file_stops_a_script_before_it_runs() {
    let dir = TempDir::new("cli-corrupt");
    let state = corrupt_state(&dir);
    let script = common::write(&dir.0, "s.ps1", "'first' + ' statement'\nGet-AzureDedicatedCircuit\n");
    for args in [vec!["-File", script.to_str().unwrap()], vec!["-Command", "'first' + ' statement'; Get-AzureDedicatedCircuit"]] {
        let out = ersim().args(["-NonInteractive", "-StateFile", state.to_str().unwrap()]).args(&args).output().unwrap();
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(text(&out.stdout), "", "{args:?}: nothing runs");
        assert_eq!(err.matches("cannot be used").count(), 1, "{args:?}: the store's error once: {err}");
        assert!(err.starts_with(&format!("The state file {} cannot be used", state.display())), "{err}");
    }
    assert_eq!(std::fs::read_to_string(&state).unwrap(), "{ this is not a state", "left as it is");
}

#[test]
fn a_device_as_state_file_or_script_is_refused_at_once() {
    let out = ersim().args(["-NonInteractive", "-StateFile", "/dev/zero", "-Command", "Get-AzureDedicatedCircuit"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), "The state file /dev/zero cannot be used: it is not a regular file. Choose another state file with -StateFile.\n");
    let out = ersim().args(["-NonInteractive", "-InMemory", "-File", "/dev/zero"]).output().unwrap();
    assert_eq!(out.status.code(), Some(64));
    assert_eq!(text(&out.stderr), "Cannot read the script file '/dev/zero': it is not a regular file.\n");
}

/// A sparse file one byte past the cap: refused by its size, before any of it is read.
fn past_the_cap(dir: &TempDir, name: &str) -> std::path::PathBuf {
    let path = dir.0.join(name);
    std::fs::File::create(&path).unwrap().set_len((256 << 20) + 1).unwrap();
    path
}

#[test]
fn every_input_file_past_the_size_cap_is_refused_before_it_is_read() {
    let dir = TempDir::new("cli-cap");
    let too_big = "is 268435457 bytes, larger than the 268435456 bytes ersim reads";
    let script = past_the_cap(&dir, "big.ps1");
    let out = ersim().args(["-NonInteractive", "-InMemory", "-File", script.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(64));
    assert_eq!(text(&out.stderr), format!("Cannot read the script file '{}': it {too_big}.\n", script.display()));
    let state = past_the_cap(&dir, "state.json");
    let out = ersim().args(["-NonInteractive", "-StateFile", state.to_str().unwrap(), "-Command", "Get-AzureDedicatedCircuit"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains(&format!("The state file {} cannot be used: it {too_big}.", state.display())), "{}", text(&out.stderr));
    past_the_cap(&dir, "net.xml");
    let out = ersim()
        .current_dir(&dir.0)
        .args(["-NonInteractive", "-InMemory", "-Command", "Import-ErSimState -Path .\\state.json; Set-AzureVNetConfig -ConfigurationPath .\\net.xml"])
        .output()
        .unwrap();
    let err = text(&out.stderr);
    // Both errors wrap at the console's width; their starts name the file and its size.
    assert!(err.contains("Import-ErSimState : Cannot import C:\\Users\\admin\\state.json: it is 268435457 bytes"), "{err}");
    assert!(err.contains("Set-AzureVNetConfig : Cannot read the file 'C:\\Users\\admin\\net.xml': it is 268435457 bytes"), "{err}");
}

#[test]
fn a_missing_script_and_an_unreadable_one_are_told_apart() {
    let dir = TempDir::new("cli-scripts");
    let missing = dir.0.join("missing.ps1");
    let out = ersim().args(["-NonInteractive", "-InMemory", "-File", missing.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(64));
    assert!(text(&out.stderr).contains("to the -File parameter does not exist"), "{}", text(&out.stderr));
    // A folder is there but is no script to read: told apart from a missing file.
    let folder = dir.0.join("folder.ps1");
    std::fs::create_dir(&folder).unwrap();
    let out = ersim().args(["-NonInteractive", "-InMemory", "-File", folder.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(64));
    assert_eq!(text(&out.stderr), format!("Cannot read the script file '{}': it is not a regular file.\n", folder.display()));
    // "'x'" in UTF-16 LE with its byte order mark runs, as 5.1 reads a script by its BOM.
    let utf16 = dir.0.join("utf16.ps1");
    std::fs::write(&utf16, [0xFF, 0xFE, b'\'', 0, b'x', 0, b'\'', 0]).unwrap();
    let out = ersim().args(["-NonInteractive", "-InMemory", "-File", utf16.to_str().unwrap()]).output().unwrap();
    assert_eq!((out.status.code(), text(&out.stdout)), (Some(0), "x\n".to_string()));
}

#[test]
fn import_from_a_device_is_a_clear_error_at_once() {
    let out = ersim().args(["-NonInteractive", "-InMemory", "-Command", "Import-ErSimState -Path /dev/zero"]).output().unwrap();
    let err = text(&out.stderr);
    assert!(err.contains("Access to the path '/dev/zero' is denied."), "{err}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_device_as_network_configuration_is_a_clear_error_at_once() {
    let out = ersim().args(["-NonInteractive", "-InMemory", "-Command", "Set-AzureVNetConfig -ConfigurationPath /dev/zero"]).output().unwrap();
    let err = text(&out.stderr);
    assert!(err.contains("Access to the path '/dev/zero' is denied."), "{err}");
}

#[test]
fn a_corrupt_state_can_be_replaced_and_a_copy_is_kept() {
    let dir = TempDir::new("cli-recover");
    let state = corrupt_state(&dir);
    let out = ersim().args(["-NonInteractive", "-StateFile", state.to_str().unwrap(), "-Command", "Reset-ErSimState -Force"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let kept = dir.0.join("state.json.unusable-1");
    assert_eq!(text(&out.stdout), format!("WARNING: The state file could not be used; a copy of it was kept as {}.\n", kept.display()));
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "{ this is not a state", "never deleted");
    let out = ersim().args(["-NonInteractive", "-StateFile", state.to_str().unwrap(), "-Command", "@(Get-AzureDedicatedCircuit).Count"]).output().unwrap();
    assert_eq!((out.status.code(), text(&out.stdout)), (Some(0), "0\n".to_string()), "{}", text(&out.stderr));
}

/// The binary as a user who cannot write `dir` once it is made read-only: root writes
/// everywhere, so a test run as root runs ersim as `nobody` in a folder `nobody` owns.
fn as_owner_of(dir: &std::path::Path) -> impl Fn() -> std::process::Command {
    use std::os::unix::process::CommandExt;
    // SAFETY: geteuid only reads the process's user id.
    let root = unsafe { libc::geteuid() } == 0;
    if root {
        std::os::unix::fs::chown(dir, Some(65534), Some(65534)).expect("give the folder to nobody");
    }
    move || {
        let mut c = ersim();
        if root {
            c.uid(65534).gid(65534);
        }
        c
    }
}

#[test]
fn a_read_only_state_folder_serves_reading_cmdlets_and_refuses_writing_ones() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new("cli-read-only");
    let state = dir.0.join("state.db");
    let ersim = as_owner_of(&dir.0);
    let run = |command: &str| ersim().args(["-NonInteractive", "-StateFile", state.to_str().unwrap(), "-Command", command]).output().unwrap();
    let made = run(
        "New-AzureDedicatedCircuit -CircuitName Kept -ServiceProviderName Equinix -Bandwidth 50 -Location London -BillingType MeteredData -Force | Out-Null",
    );
    assert_eq!(made.status.code(), Some(0), "{}", text(&made.stderr));
    std::fs::set_permissions(&dir.0, std::fs::Permissions::from_mode(0o555)).unwrap();
    let read = run("(Get-AzureDedicatedCircuitServiceProvider)[0].Name; (Get-AzureDedicatedCircuit).CircuitName");
    assert_eq!((read.status.code(), text(&read.stdout)), (Some(0), "Aryaka Networks\nKept\n".to_string()), "{}", text(&read.stderr));
    assert_eq!(text(&read.stderr), "");
    let write = run("New-AzureDedicatedCircuit -CircuitName Refused -ServiceProviderName Equinix -Bandwidth 50 -Location London -BillingType MeteredData -Force; (Get-AzureDedicatedCircuit).CircuitName");
    let err = text(&write.stderr);
    assert_eq!(err.matches("is read-only here").count(), 1, "one clear error: {err}");
    assert!(err.starts_with(&format!("New-AzureDedicatedCircuit : The state file {} is read-only here", state.display())), "{err}");
    assert_eq!(text(&write.stdout), "Kept\n", "nothing was created");
    std::fs::set_permissions(&dir.0, std::fs::Permissions::from_mode(0o755)).unwrap();
}
