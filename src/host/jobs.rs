//! The runspace a background job runs in: a new interpreter over the session's world and lab
//! files, with every module, and a host that keeps what the job writes for Receive-Job. It
//! sees none of the session's variables or functions, as 5.1's job process does not.

use std::cell::RefCell;
use std::rc::Rc;

use crate::cmdlets::world::WorldHandle;
use crate::engine::error::ErrorRecord;
use crate::engine::host::Host;
use crate::engine::jobs::{JobOutput, JobRunner};
use crate::engine::{Flow, Interp, Value};
use crate::labfs::LabFs;
use crate::lang::ast::Source;

pub struct Runner {
    pub world: WorldHandle,
    pub fs: Rc<LabFs>,
    pub width: usize,
}

/// A job's host: nobody can answer its prompts; what it shows is kept.
struct JobHost(Rc<RefCell<JobOutput>>);

impl Host for JobHost {
    fn output(&mut self, value: Value) {
        self.0.borrow_mut().output.push(value);
    }
    fn end_output(&mut self) {}
    fn write_host(&mut self, text: &str, newline: bool) {
        let mut out = self.0.borrow_mut();
        match out.host.last_mut() {
            Some((line, false)) => {
                line.push_str(text);
                if newline {
                    if let Some(last) = out.host.last_mut() {
                        last.1 = true;
                    }
                }
            }
            _ => out.host.push((text.to_string(), newline)),
        }
    }
    fn write_verbose(&mut self, text: &str) {
        self.0.borrow_mut().verbose.push(text.to_string());
    }
    fn write_warning(&mut self, text: &str) {
        self.0.borrow_mut().warnings.push(text.to_string());
    }
    fn write_debug(&mut self, _text: &str) {}
    fn write_error(&mut self, record: &ErrorRecord) {
        self.0.borrow_mut().errors.push(Rc::new(record.clone()));
    }
    fn read_line(&mut self, _prompt: &str) -> Option<String> {
        None
    }
    fn is_interactive(&self) -> bool {
        false
    }
}

impl JobRunner for Runner {
    fn run(&self, init: Option<&str>, script: &str, args: Vec<Value>, input: Vec<Value>) -> JobOutput {
        let kept = Rc::new(RefCell::new(JobOutput::default()));
        let mut interp = Interp::new(Box::new(JobHost(kept.clone())));
        super::session::populate(&mut interp, &self.world, self.fs.clone(), self.width);
        // The job's `cd` must not move the session: its location is put back afterwards.
        let location = self.fs.location();
        let out = kept.clone();
        let mut emit = move |_: &mut Interp, v: Value| {
            out.borrow_mut().output.push(v);
            Ok(())
        };
        let parsed = |text: &str| {
            let source = Rc::new(Source::new(None, text.to_string()));
            crate::lang::parse_script(&source).map(Rc::new).map_err(|e| Flow::error(crate::engine::error::parse_error_record(&e, &source, false)))
        };
        let mut result = Ok(());
        if let Some(init) = init {
            // In the job's global scope, so that what it defines is there for the job.
            result = parsed(init).and_then(|b| interp.run_top(&b, &mut emit));
        }
        if result.is_ok() {
            result = parsed(script).and_then(|b| interp.invoke_block_with_input(&b, args, input, &mut emit));
        }
        self.fs.set_location(location);
        let mut out = std::mem::take(&mut *kept.borrow_mut());
        if let Err(Flow::Error(record)) = result {
            out.errors.push(record);
            out.failed = true;
        }
        out
    }
}
