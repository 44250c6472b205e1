//! The console host driven through the library with scripted answers: the
//! prompts that need a terminal (missing mandatory parameters, Read-Host,
//! confirmations) and -Command's exit codes.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::Write;
use std::rc::Rc;

use ersim::host::session::{run_command, Outcome};
use ersim::host::session::{Session, SessionOptions};
use ersim::lang::ast::Source;

#[derive(Clone, Default)]
struct Buf(Rc<RefCell<Vec<u8>>>);

impl Write for Buf {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Buf {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.borrow()).to_string()
    }
}

/// Runs `script` with the answers queued for prompts; returns (stdout, stderr).
fn run(script: &str, answers: &[&str]) -> (String, String) {
    let (out, err) = (Buf::default(), Buf::default());
    let queue: Rc<RefCell<VecDeque<String>>> = Rc::new(RefCell::new(answers.iter().map(|s| s.to_string()).collect()));
    let (q, transcript) = (queue.clone(), out.clone());
    let reader = Box::new(move |prompt: &str| {
        let answer = q.borrow_mut().pop_front();
        let mut t = transcript.clone();
        let _ = writeln!(t, "{prompt}{}", answer.clone().unwrap_or_default());
        answer
    });
    let options = SessionOptions { interactive: true, state_file: None, in_memory: true };
    let mut session = Session::with_io(options, Box::new(out.clone()), Box::new(err.clone()), Some(reader)).expect("a session");
    let src = Source::new(None, script.to_string());
    let _: Outcome = session.run(&src, |interp, sb, sink| interp.run_top(sb, sink), true);
    (out.text(), err.text())
}

#[test]
fn missing_mandatory_parameters_are_prompted_for() {
    let (out, err) = run("function Get-Sq { param([Parameter(Mandatory)][int]$N) $N * $N }\nGet-Sq", &["7"]);
    assert_eq!(out, "\ncmdlet Get-Sq at command pipeline position 1\nSupply values for the following parameters:\nN: 7\n49\n");
    assert_eq!(err, "");
}

#[test]
fn prompts_ask_again_after_a_format_error_and_read_arrays_until_an_empty_line() {
    let (out, _) = run("function Get-Sq { param([Parameter(Mandatory)][int]$N) $N * $N }\nGet-Sq", &["abc", "3"]);
    assert_eq!(out, "\ncmdlet Get-Sq at command pipeline position 1\nSupply values for the following parameters:\nN: abc\nCannot recognize \"abc\" as a System.Int32 due to a format error.\nN: 3\n9\n");
    let (out, _) = run("function Join-All { param([Parameter(Mandatory)][string[]]$Name) $Name -join '+' }\nJoin-All", &["a", "b", ""]);
    assert!(out.ends_with("Name[0]: a\nName[1]: b\nName[2]: \na+b\n"), "{out}");
}

#[test]
fn confirmations_show_5_1_choices_and_help() {
    let (out, err) = run("Reset-ErSimState; 'done'", &["?", "n"]);
    let choice = "[Y] Yes  [N] No  [S] Suspend  [?] Help (default is \"Y\"): ";
    let expected = format!(
        "\nConfirm\nAre you sure you want to replace the simulated world with a fresh one? Every circuit, peering, link and setting will be lost.\n{choice}?\nY - Continue with only the next step of the operation.\nN - Skip this operation and proceed with the next operation.\nS - Pause the current pipeline and return to the command prompt. Type \"exit\" to resume the pipeline.\n{choice}n\ndone\n"
    );
    assert_eq!(out, expected);
    assert_eq!(err, "");
}

#[test]
fn suspend_opens_a_nested_prompt_until_exit() {
    let (out, _) = run("Reset-ErSimState; 'after'", &["s", "'nested'", "exit", "n"]);
    assert!(out.contains("PS C:\\Users\\admin>> 'nested'\nnested\nPS C:\\Users\\admin>> exit\n"), "{out}");
    assert!(out.ends_with("n\nafter\n"), "{out}");
}

#[test]
fn read_host_adds_a_colon_to_its_prompt() {
    let (out, _) = run("$n = Read-Host 'Circuit name'; \"got $n\"", &["MyCircuit"]);
    assert_eq!(out, "Circuit name: MyCircuit\ngot MyCircuit\n");
}

#[test]
fn read_host_fails_without_anyone_to_answer() {
    let code = run_command("Read-Host 'x'", SessionOptions { interactive: false, state_file: None, in_memory: true });
    assert_eq!(code, 1);
}

#[test]
fn command_exit_code_follows_the_last_status() {
    let quiet = || SessionOptions { interactive: false, state_file: None, in_memory: true };
    assert_eq!(run_command("$null", quiet()), 0);
    assert_eq!(run_command("Write-Error 'x' -ErrorAction SilentlyContinue", quiet()), 1);
    assert_eq!(run_command("exit 7", quiet()), 7);
}
