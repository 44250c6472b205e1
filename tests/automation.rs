//! Realistic automation scripts, end to end (issue 14's "done when"): each script in
//! `tests/fixtures/automation/` is copied into a fresh start directory and run by the binary
//! over a state file, as a user runs it; each test checks what it printed, the files it left
//! on disk (their bytes: encodings, line ends) and the world it left (read back by a second
//! run over the same state).

mod common;

use std::path::{Path, PathBuf};

use common::{ersim, text, TempDir};

/// A start directory holding copies of the named fixtures, and the state file beside it.
struct Lab {
    _dir: TempDir,
    start: PathBuf,
    state: PathBuf,
}

impl Lab {
    fn new(name: &str, fixtures: &[&str]) -> Lab {
        let dir = TempDir::new(&format!("automation-{name}"));
        let start = dir.0.join("start");
        std::fs::create_dir_all(&start).unwrap();
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/automation");
        for f in fixtures {
            copy(&from.join(f), &start.join(f));
        }
        let state = dir.0.join("world.json");
        Lab { _dir: dir, start, state }
    }

    /// `ersim -NonInteractive -StateFile world.json <args>` in the start directory, seeded so
    /// ids repeat: (exit code, stdout, stderr).
    fn run(&self, args: &[&str]) -> (Option<i32>, String, String) {
        let out = ersim()
            .current_dir(&self.start)
            .env("ERSIM_SEED", "11")
            .arg("-NonInteractive")
            .arg("-StateFile")
            .arg(&self.state)
            .args(args)
            .output()
            .expect("the ersim binary runs");
        (out.status.code(), text(&out.stdout), text(&out.stderr))
    }

    /// Runs a script that must succeed and write no error; its output.
    fn script(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, Some(0), "{args:?} failed:\n{out}{err}");
        assert!(err.is_empty(), "{args:?} wrote errors:\n{err}");
        out
    }

    /// What a later command sees of the world the scripts left.
    fn ask(&self, command: &str) -> String {
        self.script(&["-Command", command])
    }

    /// A file of the lab drive (`C:\Logs\x` is `world-drive/C/Logs/x` beside the state).
    fn drive(&self, path: &str) -> PathBuf {
        self.state.with_file_name("world-drive").join(path)
    }
}

fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            copy(&e.path(), &to.join(e.file_name()));
        }
    } else {
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(from, to).unwrap_or_else(|e| panic!("copy {}: {e}", from.display()));
    }
}

fn lines(s: &str) -> Vec<&str> {
    s.lines().collect()
}

#[test]
fn the_netcfg_builder_edits_the_xml_applies_it_and_a_rerun_changes_nothing() {
    let lab = Lab::new("netcfg", &["build-netcfg.ps1"]);
    let out = lab.script(&["-File", "build-netcfg.ps1", "-VNetName", "Prod-VNet"]);
    assert_eq!(lines(&out), ["Applied: Succeeded", "Prod-VNet in West US: FrontEnd, BackEnd, GatewaySubnet", "dns CorpDNS 10.50.0.4"], "{out}");
    // The backup is the empty configuration; the applied file has the VNet, saved by
    // XmlDocument.Save (UTF-8 with a BOM, CRLF, two-space indent).
    let before = std::fs::read_to_string(lab.drive("C/netcfg/before.xml")).unwrap();
    assert!(before.contains("<VirtualNetworkSites />") && !before.contains("Prod-VNet"), "{before}");
    let after = std::fs::read(lab.drive("C/netcfg/after.xml")).unwrap();
    assert!(after.starts_with(b"\xef\xbb\xbf<NetworkConfiguration"), "{}", text(&after[..40]));
    let after = text(&after);
    assert!(after.contains("\r\n      <VirtualNetworkSite name=\"Prod-VNet\" Location=\"West US\">\r\n"), "{after}");
    assert!(after.contains("<DnsServer name=\"CorpDNS\" IPAddress=\"10.50.0.4\" />"), "{after}");
    // The world holds it: the subnets with their prefixes, the DNS server by reference.
    let world = lab.ask("Get-AzureVNetSite | ForEach-Object { $_.Name; $_.Subnets | ForEach-Object { '{0}={1}' -f $_.Name, $_.AddressPrefix } }");
    assert_eq!(lines(&world), ["Prod-VNet", "FrontEnd=10.50.0.0/24", "BackEnd=10.50.1.0/24", "GatewaySubnet=10.50.255.0/28"]);
    // A second run finds the VNet and changes nothing.
    let out = lab.script(&["-File", "build-netcfg.ps1", "-VNetName", "Prod-VNet"]);
    assert_eq!(out, "VNet Prod-VNet is already configured; nothing to do.\n");
    assert_eq!(lab.ask("@(Get-AzureVNetSite).Count"), "1\n");
}

#[test]
fn circuits_are_ordered_from_a_csv_and_the_report_is_exported_and_read_back() {
    let lab = Lab::new("csv", &["order-circuits.ps1", "orders.csv"]);
    let out = lab.script(&["-File", "order-circuits.ps1"]);
    assert_eq!(
        lines(&out)[..5],
        [
            "3 order(s) read from orders.csv",
            "ordered Sales-SV     200 Mbps  NotProvisioned",
            "ordered Sales-LON   1000 Mbps  NotProvisioned",
            "refused  Lab-Bad: ResourceNotFound: The specified location Atlantis does not exist for the provider Equinix",
            "report: 2 circuit(s), 1200 Mbps in all",
        ],
        "{out}"
    );
    assert!(out.contains("\nSales-LON   London         1000      Premium \n"), "{out}");
    // Export-Csv writes ASCII, every field quoted, CRLF; the keys are the world's.
    let report = std::fs::read(lab.start.join("report.csv")).unwrap();
    assert!(report.is_ascii());
    let report = text(&report);
    let rows: Vec<&str> = report.split("\r\n").collect();
    assert_eq!(rows[0], r#""CircuitName","ServiceProviderName","Location","Bandwidth","Sku","ServiceKey""#);
    assert!(rows[1].starts_with(r#""Sales-LON","equinix","London","1000","Premium",""#), "{report}");
    assert_eq!((rows.len(), rows[3]), (4, ""), "two rows and a final line end: {report:?}");
    let keys = lab.ask("Get-AzureDedicatedCircuit | Sort-Object CircuitName | ForEach-Object { $_.ServiceKey.ToString() }");
    for key in keys.lines() {
        assert!(report.contains(key), "{key} not in {report}");
    }
    let failed = std::fs::read_to_string(lab.start.join("failed.csv")).unwrap();
    assert_eq!(failed.lines().nth(1), Some(r#""Lab-Bad","ResourceNotFound: The specified location Atlantis does not exist for the provider Equinix""#));
    assert_eq!(lab.ask("(Get-AzureDedicatedCircuit).Count"), "2\n");
}

#[test]
fn a_main_script_dot_sources_its_helper_and_imports_its_module() {
    let lab = Lab::new("toolkit", &["toolkit"]);
    let out = lab.script(&["-File", "toolkit/main.ps1", "-Team", "Sales"]);
    let first = [
        "toolkit 1.2 for Sales",
        "circuit name: Sales-SV-01",
        "ordered Sales-SV-01 (Standard)",
        "Get-CircuitName",
        "Test-CircuitName",
        "True",
        "False",
        "naming counter visible here: False",
        "scheme Team-LOC-NN; gcn is Get-CircuitName",
        "[1.2] toolkit 1.2 for Sales",
        "[1.2] circuit name: Sales-SV-01",
        "[1.2] ordered Sales-SV-01 (Standard)",
    ];
    assert_eq!(lines(&out), first, "{out}");
    // The log is ANSI text with CRLF, in the start directory (the helper's Get-Location).
    assert_eq!(
        std::fs::read(lab.start.join("toolkit.log")).unwrap(),
        b"[1.2] toolkit 1.2 for Sales\r\n[1.2] circuit name: Sales-SV-01\r\n[1.2] ordered Sales-SV-01 (Standard)\r\n"
    );
    // A second run finds the circuit; the module's counter starts again in a new session.
    let out = lab.script(&["-File", "toolkit/main.ps1", "-Team", "Sales", "-Sku", "Premium"]);
    assert!(out.starts_with("toolkit 1.2 for Sales\ncircuit name: Sales-SV-01\nSales-SV-01 exists already\n"), "{out}");
    assert_eq!(lab.ask("Get-AzureDedicatedCircuit | ForEach-Object { \"$($_.CircuitName) $($_.Sku) $($_.Bandwidth)\" }"), "Sales-SV-01 Standard 500\n");
    // The param block's ValidateSet guards the entry point before anything runs.
    let (code, out, err) = lab.run(&["-File", "toolkit/main.ps1", "-Team", "Ops", "-Sku", "Basic"]);
    assert_ne!(code, Some(0));
    assert!(out.is_empty() && err.contains("the set \"Standard,Premium\" specified by the ValidateSet"), "{out}{err}");
    assert_eq!(std::fs::read_to_string(lab.start.join("toolkit.log")).unwrap().lines().count(), 6);
}

#[test]
fn a_script_saved_as_utf16_by_out_file_runs_and_reads_its_text_back() {
    let lab = Lab::new("utf16", &["write-report-script.ps1"]);
    let out = lab.script(&["-File", "write-report-script.ps1"]);
    assert_eq!(out, "BOM: FF FE\n== Circuits — Amsterdam ==\nOps-AMS · Amsterdam · 100 Mbps\n== 1 circuit(s) ==\n");
    // Out-File's 5.1 default: UTF-16 LE with a BOM, CRLF line ends.
    let bytes = std::fs::read(lab.start.join("generated/Show-Circuits.ps1")).unwrap();
    assert_eq!(&bytes[..2], b"\xff\xfe");
    let units: Vec<u16> = bytes[2..].chunks(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    let script = String::from_utf16(&units).unwrap();
    assert!(script.starts_with("param([string]$Title = 'Circuits')\r\n# Generated — do not edit"), "{script:?}");
    assert!(script.ends_with("circuit(s) ==\"\r\n"), "{script:?}");
    // Run again later, from another session, on the same world.
    assert_eq!(lab.ask(r"& .\generated\Show-Circuits.ps1 -Title Later"), "== Later ==\nOps-AMS · Amsterdam · 100 Mbps\n== 1 circuit(s) ==\n");
}

#[test]
fn a_windows_1252_script_keeps_its_letters_and_writes_ansi() {
    let lab = Lab::new("ansi", &["ansi-notes.ps1"]);
    let script = std::fs::read(lab.start.join("ansi-notes.ps1")).unwrap();
    assert!(std::str::from_utf8(&script).is_err() && script.contains(&0x80), "the fixture is Windows-1252 bytes");
    let out = lab.script(&["-Command", r"& .\ansi-notes.ps1"]);
    assert_eq!(out, "read back intact: True\n46 characters; é is U+00E9, € is U+20AC\nordered Notes-SV\n");
    // Set-Content's default is ANSI: one byte a letter, € as 0x80, the dash as 0x97.
    assert_eq!(std::fs::read(lab.start.join("owner.txt")).unwrap(), b"Owner: Zo\xeb M\xfcller \x97 caf\xe9 network, 50 \x80 a month\r\n");
    assert_eq!(lab.ask("(Get-AzureDedicatedCircuit).CircuitName"), "Notes-SV\n");
}

#[test]
fn a_logged_run_keeps_a_transcript_and_its_own_log_through_a_failure() {
    let lab = Lab::new("logged", &["logged-run.ps1"]);
    let out = lab.script(&["-File", "logged-run.ps1"]);
    assert_eq!(out, "circuit Ops-LON: NotProvisioned\nWARNING: the run failed: ConflictError: The circuit with name 'Ops-LON' already exists.\nlog lines: 4\n");
    let key = lab.ask("(Get-AzureDedicatedCircuit).ServiceKey.ToString()");
    let log = std::fs::read_to_string(lab.drive("C/Logs/run.log")).unwrap();
    let log: Vec<&str> = log.split("\r\n").map(|l| l.get(20..).unwrap_or(l)).collect();
    assert_eq!(
        log,
        [
            "[INFO] run started",
            &format!("[INFO] ordered Ops-LON with key {}", key.trim()),
            "[ERROR] ConflictError: The circuit with name 'Ops-LON' already exists.",
            "[INFO] run finished",
            ""
        ]
    );
    // The transcript: 5.1's header (with a BOM), what the host showed, the footer.
    let transcript = std::fs::read(lab.drive("C/Logs/run-transcript.txt")).unwrap();
    assert!(transcript.starts_with(b"\xef\xbb\xbf**********************\r\nWindows PowerShell transcript start\r\n"));
    let transcript = text(&transcript);
    assert!(
        transcript.contains(
            "**********************\r\ncircuit Ops-LON: NotProvisioned\r\nWARNING: the run failed: ConflictError: The circuit with name 'Ops-LON' already exists.\r\n**********************\r\nWindows PowerShell transcript end\r\n"
        ),
        "{transcript}"
    );
    // -Append: a second run adds a second transcript to the same file.
    lab.script(&["-File", "logged-run.ps1"]);
    let transcript = std::fs::read_to_string(lab.drive("C/Logs/run-transcript.txt")).unwrap();
    assert_eq!(transcript.matches("Windows PowerShell transcript start").count(), 2);
    assert_eq!(lab.ask("@(Get-AzureDedicatedCircuit).Count"), "1\n", "the duplicate order was refused both times");
}

#[test]
fn a_script_trying_to_leave_the_sandbox_is_refused_every_way_and_changes_nothing() {
    let lab = Lab::new("escape", &["escape-attempts.ps1"]);
    let outside = lab.start.parent().unwrap().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("secret.txt"), "ersim-automation-secret").unwrap();
    std::fs::write(outside.join("victim.txt"), "original").unwrap();
    std::os::unix::fs::symlink(&outside, lab.start.join("link-out")).unwrap();
    let (o, s) = (outside.display().to_string(), lab.start.display().to_string());
    let out = lab.script(&["-File", "escape-attempts.ps1", "-Outside", &o, "-HostStart", &s]);
    assert_eq!(
        lines(&out),
        [
            "refused: read an absolute path      UnauthorizedAccessException",
            "refused: write through ..           UnauthorizedAccessException",
            "refused: change through a link      UnauthorizedAccessException",
            "refused: read a device              UnauthorizedAccessException",
            "refused: run a host program         CommandNotFoundException",
            "refused: copy a file out            UnauthorizedAccessException",
            "refused: remove through a link      UnauthorizedAccessException",
            "refused: export the netcfg outside  UnauthorizedAccessException",
            "8 of 8 attempts refused",
        ]
    );
    assert!(!out.contains("ersim-automation-secret"));
    let mut left: Vec<String> = std::fs::read_dir(&outside).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    left.sort();
    assert_eq!(left, ["secret.txt", "victim.txt"]);
    assert_eq!(std::fs::read_to_string(outside.join("victim.txt")).unwrap(), "original");
    let mut here: Vec<String> = std::fs::read_dir(&lab.start).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    here.sort();
    assert_eq!(here, ["escape-attempts.ps1", "link-out"], "nothing was copied in");
}

#[test]
fn a_deployment_calls_step_scripts_with_splatting_and_resumes_from_clixml() {
    let lab = Lab::new("deploy", &["deploy"]);
    let out = lab.script(&["-File", "deploy/deploy.ps1"]);
    assert_eq!(
        out,
        "run 1; linked before: none\nordered Prod-SV\nlinked ProdVNet (Provisioned)\n\
         could not link TestVNet: BadRequest : The virtual network 'TestVNet' does not have a subnet named GatewaySubnet.\n\n\
         VnetName       State\n--------       -----\nProdVNet Provisioned\n\n\n"
    );
    // Export-Clixml's file: UTF-16 LE, the hashtable with the run count and the linked VNet.
    let bytes = std::fs::read(lab.start.join("deployment.xml")).unwrap();
    assert_eq!(&bytes[..2], b"\xff\xfe");
    let units: Vec<u16> = bytes[2..].chunks(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    let clixml = String::from_utf16(&units).unwrap();
    assert!(clixml.starts_with("<Objs Version=\"1.1.0.1\""), "{clixml}");
    assert!(clixml.contains("<S>ProdVNet</S>") && clixml.contains("<T>System.Collections.Hashtable</T>"), "{clixml}");
    // The second run reads it and skips the finished VNet.
    let out = lab.script(&["-File", "deploy/deploy.ps1"]);
    assert!(out.starts_with("run 2; linked before: ProdVNet\nskip ProdVNet\ncould not link TestVNet"), "{out}");
    let world = lab.ask("(Get-AzureVNetGateway -VNetName ProdVNet).State; (Get-AzureVNetGateway -VNetName TestVNet).State; (Get-AzureDedicatedCircuit).ServiceProviderProvisioningState; (Get-AzureBGPPeering -ServiceKey (Get-AzureDedicatedCircuit).ServiceKey).VlanId");
    assert_eq!(lines(&world), ["Provisioned", "NotProvisioned", "Provisioned", "100"]);
}

#[test]
fn a_site_to_site_vpn_is_added_beside_expressroute_and_a_rerun_keeps_it() {
    let lab = Lab::new("coexist", &["coexist"]);
    // Two prefixes need -Command: -File passes `a,b` as one string, as 5.1's did.
    let out = lab.script(&["-Command", r"& .\coexist\add-site-to-site.ps1 -DeviceAddress 131.107.72.22 -OnPremisesPrefixes 10.1.2.0/24, 10.1.3.0/24"]);
    assert_eq!(
        lines(&out),
        ["made the ExpressRoute gateway", "made the VPN gateway", "made the local network gateway", "made the connection", "Azure2Local: IPsec key abc123"],
        "{out}"
    );
    let again = lab.script(&["-File", "coexist/add-site-to-site.ps1", "-DeviceAddress", "131.107.72.22"]);
    assert_eq!(
        lines(&again),
        [
            "kept the ExpressRoute gateway",
            "kept the VPN gateway",
            "kept the local network gateway",
            "kept the connection (ConflictError: The virtual network gateway '<id>' is already connected to '<id>'.)",
            "Azure2Local: IPsec key abc123",
        ],
        "{again}"
    );
    // The world: both gateways on the VNet, the device's prefixes, the storage account, and
    // the VNet still refusing to leave the configuration while it has gateways.
    let world = lab.ask(
        "(Get-AzureVNetGateway -VNetName ProdVNet).GatewaySKU; (Get-AzureVirtualNetworkGateway).GatewayName; \
         (Get-AzureLocalNetworkGateway).AddressSpace -join ','; (Get-AzureSubscription -Current).CurrentStorageAccountName",
    );
    assert_eq!(lines(&world), ["HighPerformance", "S2SVPN", "10.1.2.0/24,10.1.3.0/24", "contosovpnlogs"]);
    let (code, _, err) = lab.run(&["-Command", "Remove-AzureVNetConfig"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("A gateway associated with the virtual network 'ProdVNet' prevents this"), "{err}");
}
