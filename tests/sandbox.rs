//! The sandbox, by its effects: scripts that try every escape route leave the disk as it was
//! and see nothing of the host's environment; the files a user names to the VNet and state
//! cmdlets are the only ones written. The exact messages are in tests/transcripts/sandbox/.

mod common;

use common::{ersim, text, TempDir};

fn entries(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir).expect("list").map(|e| e.expect("entry").file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn escape_routes_change_nothing_on_disk() {
    let dir = TempDir::new("sandbox");
    // The canary is outside the start directory: inside it, files may now be written.
    let start = dir.0.join("start");
    std::fs::create_dir(&start).expect("the start directory");
    let canary = dir.0.join("canary");
    let c = canary.display();
    let routes = [
        format!("& /bin/sh -c 'touch {c}'"),
        format!("/usr/bin/touch {c}"),
        format!("touch {c}"),
        format!("Invoke-Expression \"& '/usr/bin/touch' '{c}'\""),
        format!("Start-Process /usr/bin/touch -ArgumentList '{c}'"),
        format!("[System.Diagnostics.Process]::Start('/usr/bin/touch', '{c}')"),
        format!("[System.IO.File]::WriteAllText('{c}', 'x')"),
        format!("Set-Content -Path '{c}' -Value x"),
        format!("'x' | Out-File '{c}'"),
        format!("'x' | Tee-Object -FilePath '{c}'"),
        format!("New-Item -ItemType File -Path '{c}'"),
        format!("Get-Date > '{c}'"),
        format!("Write-Error x 2> '{c}'"),
        format!("Get-Date *>> '{c}'"),
    ];
    for route in &routes {
        let out = ersim().current_dir(&start).args(["-NonInteractive", "-InMemory", "-Command", route]).output().expect("run ersim");
        assert_ne!(out.status.code(), Some(0), "{route}: refused with an error");
        assert!(!text(&out.stderr).is_empty(), "{route}");
        assert!(!canary.exists(), "{route} created a file");
    }
    assert_eq!(entries(&dir.0), ["start"]);
    assert!(entries(&start).is_empty(), "{:?}", entries(&start));
}

#[test]
fn the_hosts_environment_and_files_stay_unseen() {
    let secret = "ersim-host-secret-4242";
    let out = ersim()
        .env("ERSIM_TEST_SECRET", secret)
        .args(["-NonInteractive", "-InMemory", "-Command"])
        .arg("$env:ERSIM_TEST_SECRET; $env:PATH; $env:HOME; [Environment]::GetEnvironmentVariable('ERSIM_TEST_SECRET'); Get-Content /etc/hostname; [IO.File]::ReadAllText('/etc/hostname'); Get-Variable | Out-String")
        .output()
        .expect("run ersim");
    let all = text(&out.stdout) + &text(&out.stderr);
    assert!(!all.contains(secret), "{all}");
    let real_path = std::env::var("PATH").unwrap_or_default();
    assert!(!real_path.is_empty() && !all.contains(&real_path), "{all}");
    let hostname = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
    if !hostname.trim().is_empty() {
        assert!(!text(&out.stdout).contains(hostname.trim()), "{all}");
    }
    assert!(text(&out.stdout).starts_with("C:\\Windows\\system32;"), "the simulated Path: {all}");
}

#[test]
fn only_the_files_the_user_names_are_written() {
    let dir = TempDir::new("sandbox-named");
    let script = "Get-AzureVNetConfig -ExportToFile ./netcfg.xml | Out-Null; Export-ErSimState -Path ./world.json";
    let out = ersim().current_dir(&dir.0).args(["-NonInteractive", "-StateFile", "./state.json", "-Command", script]).output().expect("run ersim");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(entries(&dir.0), ["netcfg.xml", "state.json", "state.json.lock", "world.json"]);
}

/// A netcfg document naming another file through an external entity is refused unread.
#[test]
fn netcfg_external_entities_are_not_resolved() {
    let dir = TempDir::new("sandbox-xxe");
    let secret = common::write(&dir.0, "secret.txt", "ersim-xxe-secret");
    let doc =
        format!("<?xml version=\"1.0\"?><!DOCTYPE n [<!ENTITY e SYSTEM \"file://{}\">]><NetworkConfiguration>&e;</NetworkConfiguration>", secret.display());
    let netcfg = common::write(&dir.0, "netcfg.xml", &doc);
    let out = ersim()
        .current_dir(&dir.0)
        .args(["-NonInteractive", "-InMemory", "-Command"])
        .arg(format!("Set-AzureVNetConfig -ConfigurationPath '{}'", netcfg.display()))
        .output()
        .expect("run ersim");
    let all = text(&out.stdout) + &text(&out.stderr);
    assert!(all.contains("The specified network configuration is not valid"), "{all}");
    assert!(!all.contains("ersim-xxe-secret"), "{all}");
}
