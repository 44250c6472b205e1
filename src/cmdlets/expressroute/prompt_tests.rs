//! The ShouldContinue prompt answered from a terminal: No does nothing, Yes runs the action.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::Write;
use std::rc::Rc;

use crate::host::session::{Session, SessionOptions};
use crate::lang::ast::Source;

#[derive(Clone, Default)]
struct Buffer(Rc<RefCell<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs `script` answering prompts with `answers`; returns what the console showed.
fn run(script: &str, answers: &[&str]) -> String {
    let out = Buffer::default();
    let answers: Rc<RefCell<VecDeque<String>>> = Rc::new(RefCell::new(answers.iter().map(|s| s.to_string()).collect()));
    let (shown, queue) = (out.clone(), answers.clone());
    let reader = Box::new(move |prompt: &str| {
        let _ = shown.clone().write_all(prompt.as_bytes());
        queue.borrow_mut().pop_front()
    });
    let options = SessionOptions { interactive: true, in_memory: true, ..Default::default() };
    let mut session = Session::with_io(options, Box::new(out.clone()), Box::new(Buffer::default()), Some(reader)).expect("a session");
    let src = Rc::new(Source::new(None, script.to_string()));
    session.run(&src, |interp, sb, emit| interp.run_top(sb, emit), true);
    let text = String::from_utf8_lossy(&out.0.borrow()).to_string();
    text
}

const NEW: &str = "New-AzureDedicatedCircuit -CircuitName c1 -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData | Out-Null; (Get-AzureDedicatedCircuit | Measure-Object).Count";

#[test]
fn no_creates_nothing_and_yes_creates_the_circuit() {
    let question = "Are you sure you want to create a new dedicated circuit with name c1 and service provider Equinix. You will be billed for this circuit once this command succeeds.\n[Y] Yes  [N] No  [S] Suspend  [?] Help (default is \"Y\"): ";
    let no = run(NEW, &["N"]);
    assert!(no.starts_with(&format!("\nConfirm\n{question}")), "{no}");
    assert!(no.ends_with("0\n"), "{no}");
    let yes = run(NEW, &["Y"]);
    assert!(yes.ends_with("1\n"), "{yes}");
}
