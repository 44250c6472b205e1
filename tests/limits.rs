//! Runaway scripts end: call depth, Ctrl-C in a script and at the prompt, the opt-in step
//! budget, and nesting deep enough to overflow the main thread's stack.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{ersim, run_command, run_in, session, text, TempDir};
use ersim::engine::run::Outcome;

#[test]
fn endless_recursion_ends_with_the_call_depth_error() {
    let out = run_command("function f { f }; f; 'next statement'");
    let err = text(&out.stderr);
    assert!(err.starts_with("The script failed due to call depth overflow."), "{err}");
    assert!(err.contains("FullyQualifiedErrorId : CallDepthOverflow"), "{err}");
    assert_eq!(text(&out.stdout), "next statement\n", "the error ends only its statement");
}

fn interrupt(pid: u32) {
    let ok = Command::new("kill").args(["-INT", &pid.to_string()]).status().expect("run kill");
    assert!(ok.success());
}

#[test]
fn ctrl_c_ends_a_runaway_command_and_script() {
    let dir = TempDir::new("ctrlc");
    let script = common::write(&dir.0, "spin.ps1", "'started'\nfor (;;) { }\n'never'\n");
    let runs: [&[&str]; 3] = [&["-c", "while ($true) {}"], &["-c", "do {} until ($false)"], &["-File", script.to_str().expect("utf-8 path")]];
    for args in runs {
        let child = ersim().arg("-InMemory").args(args).stdout(Stdio::piped()).spawn().expect("spawn ersim");
        std::thread::sleep(Duration::from_millis(400));
        interrupt(child.id());
        let status = common::wait_within(child, Duration::from_secs(5), "Ctrl-C");
        assert_eq!(status.code(), Some(1), "{args:?}: a stopped run fails, without being killed by the signal");
    }
}

/// The REPL needs a terminal: util-linux `script` gives it one; ^C typed there reaches ersim
/// as SIGINT, stops the loop, and the prompt takes the next line.
#[test]
fn ctrl_c_at_the_prompt_stops_the_loop_and_keeps_the_session() {
    let dir = TempDir::new("repl-ctrlc");
    let exe = env!("CARGO_BIN_EXE_ersim");
    let mut child = Command::new("script")
        .args(["-qfec", &format!("exec '{exe}' -InMemory -NoLogo"), "/dev/null"])
        .env("XDG_DATA_HOME", &dir.0)
        .env("NO_COLOR", "1")
        .env("TERM", "dumb")
        .env_remove("ERSIM_STATE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("util-linux script runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut say = |bytes: &[u8], pause: u64| {
        stdin.write_all(bytes).expect("type into the terminal");
        stdin.flush().expect("flush");
        std::thread::sleep(Duration::from_millis(pause));
    };
    say(b"", 800);
    say(b"$n = 0; while ($true) { $n++ }\r", 600);
    say(b"\x03", 400);
    say(b"\"alive: $($n -gt 0)\"\r", 400);
    say(b"exit 7\r", 0);
    let out = child.wait_with_output().expect("wait for the terminal");
    let screen = text(&out.stdout);
    assert!(screen.contains("alive: True"), "the session survives Ctrl-C: {screen}");
    assert_eq!(out.status.code(), Some(7), "{screen}");
}

#[test]
fn the_step_budget_ends_an_endless_loop_and_is_off_by_default() {
    let (mut s, out, _) = session();
    assert!(s.interp.step_budget.get().is_none(), "5.1 has no step limit: off unless asked for");
    s.interp.step_budget.set(Some(10_000));
    for spin in ["while ($true) {}", "for (;;) {}", "do {} while (1)", "switch (1..100000) { default {} }", "1..100000 | % {}", "function f { f; f }; f"] {
        s.interp.step_budget.set(Some(10_000));
        assert_eq!(run_in(&mut s, spin), Outcome::Failed, "{spin}");
    }
    s.interp.step_budget.set(None);
    assert_eq!(run_in(&mut s, "$i = 0; while ($i -lt 50000) { $i++ }; $i"), Outcome::Done);
    assert!(out.text().ends_with("50000\n"), "{}", out.text());
}

/// The interpreter runs on a deep stack: a script nested a thousand levels deep parses and runs.
#[test]
fn deep_nesting_runs_instead_of_overflowing_the_stack() {
    let depth = 1000;
    let nested = format!("{}1{}", "(".repeat(depth), ")".repeat(depth));
    let blocks = format!("{}1{}", "if (1) {".repeat(depth), "}".repeat(depth));
    for script in [nested, blocks] {
        let out = run_command(&script);
        assert_eq!((text(&out.stdout).as_str(), out.status.code()), ("1\n", Some(0)), "{}", text(&out.stderr));
    }
    let unclosed = run_command(&"{".repeat(depth));
    assert!(text(&unclosed.stderr).contains("Missing closing '}'"), "{}", text(&unclosed.stderr));
}

/// Nesting past the parser's limit is a parse error, not a stack overflow (2,000,000 `{`
/// once killed the process).
#[test]
fn very_deep_nesting_is_a_parse_error_not_a_crash() {
    let dir = TempDir::new("deep");
    let script = common::write(&dir.0, "deep.ps1", &"{".repeat(2_000_000));
    let out = ersim().args(["-NonInteractive", "-InMemory", "-File"]).arg(script).output().expect("the ersim binary runs");
    assert_eq!(out.status.code(), Some(1), "killed by a signal: {:?}", out.status);
}
