//! End-to-end transcript tests: every `tests/transcripts/**/NAME.ps1` runs in
//! the real binary (`-NonInteractive -InMemory -File`, seeded world) and its
//! whole standard output, standard error and exit code are compared byte for
//! byte with `NAME.out`, `NAME.err` (absent: empty) and `NAME.code` (absent: 0).
//! The script's directory is shown as `<dir>` so paths in errors are stable.
//!
//! A transcript with a `NAME.in` holds a dialogue: the script runs in an interactive
//! session whose prompts take the lines of `NAME.in` in turn, and the expected output
//! shows each prompt with the answer typed after it, as a console shows them. (The
//! binary reads answers only from a terminal, so these run in-process.)
//!
//! `ERSIM_BLESS=1 cargo test --test transcripts` writes the actual output as the
//! expectation; review every blessed file against the sources before committing.

mod common;

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

fn all_scripts() -> (PathBuf, Vec<PathBuf>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("transcripts");
    let mut all = Vec::new();
    scripts(&root, &mut all);
    assert!(!all.is_empty(), "no transcripts found under {}", root.display());
    (root, all)
}

fn answers(script: &Path) -> Option<String> {
    expected(script, "in")
}

/// Compares (or blesses) one run; a difference is pushed onto `failures`.
fn check(root: &Path, script: &Path, (out, err, code): (String, String, String), failures: &mut Vec<String>) {
    if std::env::var_os("ERSIM_BLESS").is_some() {
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
        return;
    }
    let want_out = expected(script, "out").unwrap_or_default();
    let want_err = expected(script, "err").unwrap_or_default();
    let want_code = expected(script, "code").map(|c| c.trim().to_string()).unwrap_or_else(|| "0".into());
    let name = script.strip_prefix(root).unwrap_or(script).display().to_string();
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

#[test]
fn transcripts() {
    let (root, all) = all_scripts();
    let mut failures = Vec::new();
    for script in all.iter().filter(|s| answers(s).is_none()) {
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
        let run = (clean(&output.stdout), clean(&output.stderr), output.status.code().unwrap_or(-1).to_string());
        check(&root, script, run, &mut failures);
    }
    assert!(failures.is_empty(), "{} transcript failure(s):\n\n{}", failures.len(), failures.join("\n\n"));
}

/// Dialogue transcripts. Their world is not seeded by the environment (tests share the
/// process), so a script that shows ids starts with `Set-ErSimSeed`.
#[test]
fn answered_transcripts() {
    let (root, all) = all_scripts();
    let mut failures = Vec::new();
    for script in &all {
        let Some(lines) = answers(script) else { continue };
        let answers: Vec<&str> = lines.lines().collect();
        let (mut session, out, err) = common::answered_session(&answers);
        let text = std::fs::read_to_string(script).expect("read the script");
        let path = script.to_string_lossy().to_string();
        let code = session.run_script_text(&path, &text, &[]).file_exit_code();
        let prefix = format!("{}/", script.parent().expect("a directory").display());
        let clean = |t: String| t.replace(&prefix, "<dir>/");
        check(&root, script, (clean(out.text()), clean(err.text()), code.to_string()), &mut failures);
    }
    assert!(failures.is_empty(), "{} transcript failure(s):\n\n{}", failures.len(), failures.join("\n\n"));
}
