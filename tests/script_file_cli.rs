//! `ersim -File x.ps1` reads its script as 5.1 reads a script file (a BOM, else Windows-1252,
//! with one warning for a BOM-less UTF-8 file) and names it by its lab path in errors,
//! `$PSScriptRoot` and `$PSCommandPath`.

mod common;

use common::{ersim, text, TempDir};

/// Runs `ersim -File name` in `dir`; returns (stdout, stderr, exit code).
fn run_file(dir: &TempDir, name: &str) -> (String, String, i32) {
    let out = ersim().current_dir(&dir.0).args(["-NonInteractive", "-InMemory", "-File", name]).output().expect("run ersim");
    (text(&out.stdout), text(&out.stderr), out.status.code().unwrap_or(-1))
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian { vec![0xfe, 0xff] } else { vec![0xff, 0xfe] };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    bytes
}

#[test]
fn a_script_saved_by_out_file_runs() {
    let dir = TempDir::new("file-out-file");
    let made = ersim().current_dir(&dir.0).args(["-NonInteractive", "-InMemory", "-Command", "'\"hi\"' | Out-File x.ps1"]).output().unwrap();
    assert!(made.status.success(), "{}", text(&made.stderr));
    assert_eq!(std::fs::read(dir.0.join("x.ps1")).unwrap()[..2], [0xff, 0xfe], "Out-File writes UTF-16 LE with a BOM");
    assert_eq!(run_file(&dir, "x.ps1"), ("hi\n".into(), String::new(), 0));
}

#[test]
fn every_byte_order_mark_is_read() {
    let dir = TempDir::new("file-boms");
    let script = "\"caf\u{e9} \u{263a}\"\n";
    let mut utf8 = vec![0xef, 0xbb, 0xbf];
    utf8.extend(script.as_bytes());
    let mut utf32 = vec![0xff, 0xfe, 0, 0];
    for c in script.chars() {
        utf32.extend((c as u32).to_le_bytes());
    }
    let mut utf32_be = vec![0, 0, 0xfe, 0xff];
    for c in script.chars() {
        utf32_be.extend((c as u32).to_be_bytes());
    }
    for (name, bytes) in [("utf8.ps1", utf8), ("le.ps1", utf16(script, false)), ("be.ps1", utf16(script, true)), ("u32.ps1", utf32), ("u32be.ps1", utf32_be)] {
        std::fs::write(dir.0.join(name), bytes).unwrap();
        assert_eq!(run_file(&dir, name), ("caf\u{e9} \u{263a}\n".into(), String::new(), 0), "{name}");
    }
}

#[test]
fn a_file_without_a_bom_is_windows_1252_and_utf8_in_it_is_warned_about() {
    let dir = TempDir::new("file-ansi");
    std::fs::write(dir.0.join("ansi.ps1"), b"\"caf\xe9\"\n").unwrap();
    assert_eq!(run_file(&dir, "ansi.ps1"), ("caf\u{e9}\n".into(), String::new(), 0));
    // The script runs itself again: the warning is given once for the file.
    std::fs::write(dir.0.join("utf8.ps1"), "\"caf\u{e9}\"\nif (-not $args) { & $PSCommandPath again }\n").unwrap();
    // The console host writes warnings to standard output, as 5.1's does.
    let (out, err, code) = run_file(&dir, "utf8.ps1");
    let warning = "WARNING: The file 'C:\\Users\\admin\\utf8.ps1' has no byte order mark and holds UTF-8 text: Windows PowerShell 5.1 reads it as Windows-1252, and so does ersim. Save it with a BOM (UTF-8 or Unicode) to keep its characters.\n";
    assert_eq!((out, err.as_str(), code), (format!("{warning}caf\u{c3}\u{a9}\ncaf\u{c3}\u{a9}\n"), "", 0));
}

#[test]
fn a_missing_script_and_an_unreadable_one_are_told_apart() {
    let dir = TempDir::new("file-missing");
    let (_, err, code) = run_file(&dir, "nope.ps1");
    assert_eq!(code, 64);
    assert!(err.starts_with("The argument 'nope.ps1' to the -File parameter does not exist."), "{err}");
    std::fs::create_dir(dir.0.join("folder.ps1")).unwrap();
    let (_, err, code) = run_file(&dir, "folder.ps1");
    assert_eq!((err.as_str(), code), ("Cannot read the script file 'folder.ps1': it is not a regular file.\n", 64));
}

#[test]
fn the_script_is_named_by_its_lab_path() {
    let dir = TempDir::new("file-lab-path");
    std::fs::create_dir(dir.0.join("tools")).unwrap();
    std::fs::write(
        dir.0.join("tools").join("main.ps1"),
        "$PSScriptRoot\n$PSCommandPath\n$MyInvocation.MyCommand.Path\n  Get-Item nothere\nif (-not $args) { & $PSCommandPath -Inner }\n",
    )
    .unwrap();
    let (out, err, code) = run_file(&dir, "tools/main.ps1");
    assert_eq!((out.as_str(), code), (format!("{0}\n{0}\\main.ps1\n{0}\\main.ps1\n", "C:\\Users\\admin\\tools").repeat(2).as_str(), 0));
    assert!(err.contains("\nAt C:\\Users\\admin\\tools\\main.ps1:4 char:3\n"), "{err}");
    assert!(!err.contains(&dir.0.display().to_string()), "the machine path shows: {err}");
}
