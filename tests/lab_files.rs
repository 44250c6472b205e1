//! The lab's file system by its effects on this machine: every way out of the roots (an
//! absolute path, `..`, a symbolic link to a folder or a file, a dangling link, a device, a
//! FIFO, a network path) reads, creates and changes nothing; the roots themselves (the start
//! directory, the script's folder, `-AllowPath`, the lab drive) are where files land. The
//! messages are in tests/transcripts/files/.

mod common;

use std::path::Path;
use std::time::Duration;

use common::{ersim, text, wait_within, TempDir};

const SECRET: &str = "ersim-outside-secret-5150";

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir).expect("list").map(|e| e.expect("entry").file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// `base/outside` (a secret and a victim file), `base/start` (the start directory, holding
/// links that lead out and a FIFO).
fn layout(dir: &TempDir) -> (std::path::PathBuf, std::path::PathBuf) {
    let outside = dir.0.join("outside");
    let start = dir.0.join("start");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::create_dir_all(&start).unwrap();
    std::fs::write(outside.join("secret.txt"), SECRET).unwrap();
    std::fs::write(outside.join("victim.txt"), "original").unwrap();
    std::fs::write(outside.join("evil.ps1"), "Set-Content ran.txt 'the outside script ran'").unwrap();
    std::os::unix::fs::symlink(&outside, start.join("link-out")).unwrap();
    std::os::unix::fs::symlink(outside.join("victim.txt"), start.join("link-file")).unwrap();
    std::os::unix::fs::symlink(outside.join("made-by-link.txt"), start.join("dangling")).unwrap();
    let fifo = std::ffi::CString::new(start.join("fifo").to_string_lossy().as_bytes()).unwrap();
    // SAFETY: mkfifo reads the NUL-terminated path and nothing else.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0, "make the FIFO");
    (outside, start)
}

#[test]
fn no_route_out_of_the_roots_reads_creates_or_changes_anything() {
    let dir = TempDir::new("labfs-escape");
    let (outside, start) = layout(&dir);
    let o = outside.display();
    let routes = [
        format!("Get-Content '{o}/secret.txt'"),
        format!("Get-Content '{}/../outside/secret.txt'", start.display()),
        "Get-Content link-out/secret.txt".to_string(),
        "Get-Content link-file".to_string(),
        "Get-Content fifo".to_string(),
        "Get-Content /dev/zero".to_string(),
        "Get-Content /proc/self/environ".to_string(),
        format!("Import-Csv '{o}/secret.txt'"),
        format!("Get-ChildItem '{o}'"),
        "Get-ChildItem link-out".to_string(),
        format!("Copy-Item '{o}/secret.txt' stolen.txt"),
        format!("Move-Item '{o}/victim.txt' moved.txt"),
        "Set-Content link-file 'changed'".to_string(),
        "Add-Content link-out/victim.txt 'changed'".to_string(),
        "Set-Content dangling 'created'".to_string(),
        "'x' | Out-File fifo".to_string(),
        format!("Set-Content '{o}/new.txt' 'x'"),
        format!("'x' | Out-File '{o}/new.txt'"),
        format!("New-Item -ItemType Directory '{o}/newdir'"),
        format!("New-Item -ItemType File '{o}/new.txt'"),
        format!("Remove-Item '{o}/victim.txt'"),
        "Remove-Item link-out/victim.txt".to_string(),
        format!("Rename-Item '{o}/victim.txt' renamed.txt"),
        format!("Clear-Content '{o}/victim.txt'"),
        format!("Export-Csv -Path '{o}/new.csv' -InputObject 1"),
        "Get-Content \\\\server\\share\\x.txt".to_string(),
        format!("& '{o}/evil.ps1'"),
        format!(". '{o}/evil.ps1'"),
        "& ./link-out/evil.ps1".to_string(),
        format!("Get-AzureVNetConfig -ExportToFile '{o}/netcfg.xml'"),
        format!("Export-ErSimState -Path '{o}/world.json'"),
        format!("Import-ErSimState -Path '{o}/secret.txt'"),
        format!("Set-AzureVNetConfig -ConfigurationPath '{o}/secret.txt'"),
        format!("Import-Module '{o}/evil.ps1'"),
        format!("Get-PfxCertificate '{o}/secret.txt'"),
        format!("Import-AzurePublishSettingsFile '{o}/secret.txt'"),
        format!("Start-Transcript -Path '{o}/transcript.txt'"),
        format!("Select-String -Path '{o}/secret.txt' -Pattern ersim"),
        format!("Select-Xml -Path '{o}/secret.txt' -XPath /a"),
        format!("Import-Clixml '{o}/secret.txt'"),
        format!("Export-Clixml -Path '{o}/new.xml' -InputObject 1"),
        format!("([xml]'<a/>').Load('{o}/secret.txt')"),
        format!("([xml]'<a/>').Save('{o}/new.xml')"),
        format!("Set-Location '{o}'; Get-Content secret.txt"),
        format!("Get-Item '{o}/secret.txt'"),
    ];
    for route in &routes {
        let child = ersim()
            .current_dir(&start)
            .args(["-NonInteractive", "-InMemory", "-Command", route])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run ersim");
        // A FIFO or a device must be refused at once, never waited on.
        let out = child.wait_with_output().expect("ersim ends");
        let all = text(&out.stdout) + &text(&out.stderr);
        // The console wraps a long message: compare words, not lines.
        let words = all.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words.contains("is denied."), "{route}: {all}");
        assert!(!all.contains(SECRET), "{route} read the secret: {all}");
        assert_eq!(entries(&outside), ["evil.ps1", "secret.txt", "victim.txt"], "{route}");
        assert_eq!(std::fs::read_to_string(outside.join("victim.txt")).unwrap(), "original", "{route}");
        assert_eq!(entries(&start), ["dangling", "fifo", "link-file", "link-out"], "{route}");
    }
}

#[test]
fn a_fifo_is_refused_without_waiting_for_a_writer() {
    let dir = TempDir::new("labfs-fifo");
    let (_, start) = layout(&dir);
    let child = ersim().current_dir(&start).args(["-NonInteractive", "-InMemory", "-Command", "Get-Content fifo"]).spawn().expect("run ersim");
    assert!(!wait_within(child, Duration::from_secs(30), "Get-Content of a FIFO").success());
}

#[test]
fn a_file_past_the_cap_is_refused_before_it_is_read() {
    let dir = TempDir::new("labfs-cap");
    let big = std::fs::File::create(dir.0.join("huge.log")).unwrap();
    big.set_len((256 << 20) + 1).unwrap();
    let out = ersim().current_dir(&dir.0).args(["-NonInteractive", "-InMemory", "-Command", "Get-Content huge.log -TotalCount 1"]).output().unwrap();
    assert!(text(&out.stderr).contains("is 268435457 bytes, larger than the 268435456 bytes ersim reads"), "{}", text(&out.stderr));
}

#[test]
fn the_roots_are_where_files_land() {
    let dir = TempDir::new("labfs-roots");
    let (start, allowed, scripts) = (dir.0.join("start"), dir.0.join("allowed"), dir.0.join("scripts"));
    for d in [&start, &allowed, &scripts] {
        std::fs::create_dir_all(d).unwrap();
    }
    std::fs::write(scripts.join("data.txt"), "beside the script").unwrap();
    std::fs::write(
        scripts.join("run.ps1"),
        format!("Get-Content \"$PSScriptRoot/data.txt\"\nSet-Content here.txt 'start'\nSet-Content '{}/out.txt' 'allowed'\nSet-Content C:\\Windows.txt 'drive'\nSet-Content D:\\d.txt 'other drive'\n", allowed.display()),
    )
    .unwrap();
    let state = dir.0.join("state.json");
    let out = ersim()
        .current_dir(&start)
        .args(["-NonInteractive", "-StateFile"])
        .arg(&state)
        .arg("-AllowPath")
        .arg(&allowed)
        .arg("-File")
        .arg(scripts.join("run.ps1"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "beside the script\n");
    assert_eq!(std::fs::read(start.join("here.txt")).unwrap(), b"start\r\n");
    assert_eq!(std::fs::read(allowed.join("out.txt")).unwrap(), b"allowed\r\n");
    let drive = dir.0.join("state-drive");
    assert_eq!(std::fs::read(drive.join("C/Windows.txt")).unwrap(), b"drive\r\n", "the lab drive is beside the state file");
    assert_eq!(std::fs::read(drive.join("D/d.txt")).unwrap(), b"other drive\r\n");
    // Without -AllowPath the same folder is out of reach.
    let out = ersim()
        .current_dir(&start)
        .args(["-NonInteractive", "-InMemory", "-Command"])
        .arg(format!("Set-Content '{}/other.txt' 'x'", allowed.display()))
        .output()
        .unwrap();
    assert!(text(&out.stderr).contains("is denied."), "{}", text(&out.stderr));
    assert!(!allowed.join("other.txt").exists());
}

#[test]
fn drive_root_chooses_the_lab_drive_and_in_memory_leaves_none_behind() {
    let dir = TempDir::new("labfs-drive");
    let chosen = dir.0.join("my-drive");
    let out = ersim()
        .current_dir(&dir.0)
        .args(["-NonInteractive", "-InMemory", "-DriveRoot"])
        .arg(&chosen)
        .args(["-Command", "Set-Content C:\\x.txt 'y'"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(chosen.join("C/x.txt").is_file());
    let child = ersim()
        .current_dir(&dir.0)
        .args(["-NonInteractive", "-InMemory", "-Command", "Set-Content C:\\x.txt 'y'; Get-Content C:\\x.txt"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let out = child.wait_with_output().unwrap();
    assert_eq!(text(&out.stdout), "y\n");
    let left: Vec<String> = entries(&std::env::temp_dir()).into_iter().filter(|n| n.starts_with(&format!("ersim-drive-{pid}-"))).collect();
    assert!(left.is_empty(), "the temporary lab drive is removed at exit: {left:?}");
}
