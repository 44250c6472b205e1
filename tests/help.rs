//! Help for every registered command: complete, runnable, and the same in
//! Get-Help and in docs/cmdlet-reference.md.

mod common;

use ersim::cmdlets::core::help::reference::{markdown, EXAMPLE_SETUP};
use ersim::engine::command::CommandType;
use ersim::host::session::Session;

/// A fresh in-memory session; a prompt is answered "Y" once (Read-Host's
/// example needs an answer), then input ends. Returns the session and its errors.
fn session() -> (Session, common::Buffer) {
    let (s, _, err) = common::answered_session(&["Y"]);
    (s, err)
}

fn run(s: &mut Session, code: &str) {
    common::run_in(s, code);
}

#[test]
fn every_command_has_synopsis_description_parameter_help_and_an_example() {
    let (s, _) = session();
    let mut gaps = Vec::new();
    for c in s.interp.all_commands().iter().filter(|c| c.kind == CommandType::Cmdlet) {
        let h = &c.help;
        if h.synopsis.trim().is_empty() {
            gaps.push(format!("{}: no synopsis", c.name));
        }
        if h.description.trim().is_empty() {
            gaps.push(format!("{}: no description", c.name));
        }
        if h.examples.is_empty() {
            gaps.push(format!("{}: no example", c.name));
        }
        for p in c.params.iter().filter(|p| p.help.trim().is_empty()) {
            gaps.push(format!("{} -{}: no help text", c.name, p.name));
        }
        for e in h.examples.iter().filter(|e| e.title.trim().is_empty() || e.remarks.trim().is_empty()) {
            gaps.push(format!("{}: example {:?} needs a title and remarks", c.name, e.code));
        }
    }
    assert!(gaps.is_empty(), "{} gap(s):\n{}", gaps.len(), gaps.join("\n"));
}

#[test]
fn every_example_runs_clean_after_the_documented_setup() {
    // Examples read and write files relative to the current folder: give them their own.
    let lab = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("help-examples");
    std::fs::create_dir_all(&lab).expect("a lab folder");
    std::fs::copy(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts").join("network.xml"), lab.join("NetworkConfig.xml"))
        .expect("copy network.xml");
    std::env::set_current_dir(&lab).expect("enter the lab folder");
    let (s, _) = session();
    let commands = s.interp.all_commands();
    let mut failures = Vec::new();
    let (mut ran, mut cmdlets) = (0, 0);
    for c in commands.iter().filter(|c| c.kind == CommandType::Cmdlet) {
        cmdlets += 1;
        for (i, ex) in c.help.examples.iter().enumerate() {
            let (mut s, err) = session();
            run(&mut s, EXAMPLE_SETUP);
            let setup_err = err.take();
            assert!(setup_err.is_empty(), "the example setup failed:\n{setup_err}");
            // One line typed at the prompt first, so the history cmdlets' examples have an
            // entry to show and run again.
            s.run_prompt_line(&ersim::lang::ast::Source::new(None, "'ready'"));
            run(&mut s, &ex.code);
            let errors = err.take();
            if !errors.is_empty() {
                failures.push(format!("{} example {}: {}\n{errors}", c.name, i + 1, ex.code));
            }
            ran += 1;
        }
    }
    assert!(cmdlets > 60 && ran >= cmdlets, "{ran} examples ran for {cmdlets} cmdlets");
    assert!(failures.is_empty(), "{} example(s) failed:\n\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_cmdlet_reference_matches_the_metadata() {
    let (s, _) = session();
    let commands = s.interp.all_commands();
    let cmdlets: Vec<_> = commands.iter().filter(|c| c.kind == CommandType::Cmdlet).map(|c| c.as_ref()).collect();
    let generated = markdown(&cmdlets);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs").join("cmdlet-reference.md");
    if std::env::var_os("ERSIM_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write the reference");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == generated, "docs/cmdlet-reference.md is out of date: run ERSIM_BLESS=1 cargo test --test help");
}

#[test]
fn the_module_lists_its_26_cmdlets() {
    let (s, _) = session();
    let module: Vec<_> = s.interp.all_commands().into_iter().filter(|c| c.module == "ExpressRoute").collect();
    assert_eq!(module.len(), 26);
}
