//! End-to-end transcript tests: every `tests/transcripts/**/NAME.ps1` runs in
//! the real binary (`-NonInteractive -InMemory -File`, seeded world) and its
//! whole standard output, standard error and exit code are compared byte for
//! byte with `NAME.out`, `NAME.err` (absent: empty) and `NAME.code` (absent: 0).
//! The script's directory is shown as `<dir>` so paths in errors are stable.
//!
//! `ERSIM_BLESS=1 cargo test --test transcripts` writes the actual output as the
//! expectation; review every blessed file against the sources before committing.

use std::path::{Path, PathBuf};
use std::process::Command;

fn scripts(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            scripts(&p, out);
        } else if p.extension().is_some_and(|e| e == "ps1") {
            out.push(p);
        }
    }
}

fn expected(path: &Path, ext: &str) -> Option<String> {
    std::fs::read_to_string(path.with_extension(ext)).ok()
}

#[test]
fn transcripts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("transcripts");
    let mut all = Vec::new();
    scripts(&root, &mut all);
    assert!(!all.is_empty(), "no transcripts found under {}", root.display());
    let bless = std::env::var_os("ERSIM_BLESS").is_some();
    let mut failures = Vec::new();
    for script in &all {
        let dir = script.parent().expect("a script has a directory").canonicalize().expect("the directory exists");
        let output = Command::new(env!("CARGO_BIN_EXE_ersim"))
            .args(["-NonInteractive", "-InMemory", "-File"])
            .arg(script.file_name().expect("a file name"))
            .current_dir(&dir)
            .env("ERSIM_SEED", "20161003")
            .env_remove("ERSIM_STATE")
            .env("NO_COLOR", "1")
            .output()
            .expect("the ersim binary runs");
        let prefix = format!("{}/", dir.display());
        let clean = |b: &[u8]| String::from_utf8_lossy(b).replace(&prefix, "<dir>/");
        let (out, err, code) = (clean(&output.stdout), clean(&output.stderr), output.status.code().unwrap_or(-1).to_string());
        if bless {
            std::fs::write(script.with_extension("out"), &out).expect("write .out");
            if err.is_empty() {
                let _ = std::fs::remove_file(script.with_extension("err"));
            } else {
                std::fs::write(script.with_extension("err"), &err).expect("write .err");
            }
            if code == "0" {
                let _ = std::fs::remove_file(script.with_extension("code"));
            } else {
                std::fs::write(script.with_extension("code"), format!("{code}\n")).expect("write .code");
            }
            continue;
        }
        let want_out = expected(script, "out").unwrap_or_default();
        let want_err = expected(script, "err").unwrap_or_default();
        let want_code = expected(script, "code").map(|c| c.trim().to_string()).unwrap_or_else(|| "0".into());
        let name = script.strip_prefix(&root).unwrap_or(script).display().to_string();
        if out != want_out {
            failures.push(format!("{name}: stdout differs\n--- expected\n{want_out}\n--- actual\n{out}"));
        }
        if err != want_err {
            failures.push(format!("{name}: stderr differs\n--- expected\n{want_err}\n--- actual\n{err}"));
        }
        if code != want_code {
            failures.push(format!("{name}: exit code {code}, expected {want_code}"));
        }
    }
    assert!(failures.is_empty(), "{} transcript failure(s):\n\n{}", failures.len(), failures.join("\n\n"));
}
