//! What a running cmdlet sees: the interpreter, its output sink, its
//! invocation and common parameters, and the stream writers (`write_error`,
//! `write_verbose`, ...) and prompts (`should_continue`) that honour them.

use std::rc::Rc;

use crate::lang::ast::Source;

use super::command::CommandInfo;
use super::error::{ErrorCategory, ErrorRecord, EvalResult, Flow, InvocationInfo};
use super::prompts::Choice;
use super::redirect::{Stream, StreamTarget};
use super::run::RunAs;
use super::runtime::{Emit, Interp};
use super::value::Value;

/// Common parameters of one command invocation.
#[derive(Debug, Clone, Default)]
pub struct CommonParams {
    pub verbose: Option<bool>,
    pub debug: Option<bool>,
    pub error_action: Option<String>,
    pub warning_action: Option<String>,
    pub error_variable: Option<String>,
    pub out_variable: Option<String>,
    /// `-WhatIf` and `-Confirm` of a command that supports ShouldProcess.
    pub what_if: Option<bool>,
    pub confirm: Option<bool>,
}

/// What a running cmdlet sees: the interpreter, its output sink and its invocation.
pub struct Ctx<'a, 'b> {
    pub interp: &'a mut Interp,
    pub out: &'a mut Emit<'b>,
    pub info: &'a InvocationInfo,
    pub common: &'a CommonParams,
    pub command: &'a CommandInfo,
}

impl Ctx<'_, '_> {
    pub fn emit(&mut self, v: Value) -> EvalResult<()> {
        (self.out)(self.interp, v)
    }

    /// Emits each element of a collection (WriteObject(list, true)).
    pub fn emit_all(&mut self, items: Vec<Value>) -> EvalResult<()> {
        for v in items {
            self.emit(v)?;
        }
        Ok(())
    }

    fn effective_action(&self) -> String {
        match &self.common.error_action {
            Some(a) => a.clone(),
            None => self.interp.preference("ErrorActionPreference"),
        }
    }

    /// A non-terminating error (WriteError), honouring -ErrorAction and $ErrorActionPreference.
    pub fn write_error(&mut self, mut record: ErrorRecord) -> EvalResult<()> {
        if record.invocation.is_none() {
            record.invocation = Some(self.info.clone());
        }
        // A record from another runspace keeps the activity it had there.
        if record.activity.is_empty() && record.origin.is_none() {
            record.activity = self.command.name.clone();
        }
        let record = Rc::new(record);
        let action = self.effective_action();
        if let Some(var) = &self.common.error_variable {
            let (append, name) = match var.strip_prefix('+') {
                Some(n) => (true, n),
                None => (false, var.as_str()),
            };
            let mut items = if append { self.interp.get_var(name, None).map(|v| v.enumerate()).unwrap_or_default() } else { Vec::new() };
            items.push(Value::Error(record.clone()));
            let _ = self.interp.set_var(name, None, Value::array(items));
        }
        match self.interp.stream_target(Stream::Error) {
            StreamTarget::Merge if !action.eq_ignore_ascii_case("stop") => {
                self.interp.record_error(&record);
                return self.emit(Value::Error(record));
            }
            StreamTarget::Discard if !action.eq_ignore_ascii_case("stop") => {
                self.interp.record_error(&record);
                return Ok(());
            }
            StreamTarget::File(i) if !action.eq_ignore_ascii_case("stop") => {
                self.interp.record_error(&record);
                self.interp.to_redirect_file(i, Value::Error(record));
                return Ok(());
            }
            _ => {}
        }
        match action.to_ascii_lowercase().as_str() {
            "ignore" => {
                self.interp.fail();
                Ok(())
            }
            "silentlycontinue" => {
                self.interp.record_error(&record);
                Ok(())
            }
            "stop" => {
                self.interp.fail();
                let mut stopped = (*record).clone();
                stopped.terminates_script = true;
                Err(Flow::error(stopped))
            }
            _ => {
                self.interp.record_error(&record);
                self.interp.host.write_error(&record);
                Ok(())
            }
        }
    }

    pub fn verbose_enabled(&self) -> bool {
        match self.common.verbose {
            Some(v) => v,
            None => !self.interp.preference("VerbosePreference").eq_ignore_ascii_case("SilentlyContinue"),
        }
    }

    /// A message on one of the informational streams, where the redirections send it: a
    /// merged stream's record is this command's output.
    fn write_informational(&mut self, stream: Stream, text: &str, newline: bool) -> EvalResult<()> {
        match self.interp.write_informational(stream, text, newline) {
            Some(record) => self.emit(record),
            None => Ok(()),
        }
    }

    pub fn write_verbose(&mut self, text: &str) -> EvalResult<()> {
        if self.verbose_enabled() {
            return self.write_informational(Stream::Verbose, text, true);
        }
        Ok(())
    }

    pub fn write_warning(&mut self, text: &str) -> EvalResult<()> {
        let action = self.common.warning_action.clone().unwrap_or_else(|| self.interp.preference("WarningPreference"));
        if !action.eq_ignore_ascii_case("SilentlyContinue") && !action.eq_ignore_ascii_case("Ignore") {
            return self.write_informational(Stream::Warning, text, true);
        }
        Ok(())
    }

    pub fn write_debug(&mut self, text: &str) -> EvalResult<()> {
        let on = match self.common.debug {
            Some(v) => v,
            None => !self.interp.preference("DebugPreference").eq_ignore_ascii_case("SilentlyContinue"),
        };
        if on {
            return self.write_informational(Stream::Debug, text, true);
        }
        Ok(())
    }

    /// Write-Host's text: 5.1 sends it on the information stream, so `6> $null` and
    /// `*> $null` quiet it and `6>&1` makes it output.
    pub fn write_host(&mut self, text: &str, newline: bool) -> EvalResult<()> {
        self.write_informational(Stream::Information, text, newline)
    }

    /// `ShouldContinue(query, caption)`: 5.1's Yes/No/Suspend choice. `Err` is
    /// `Flow::Error` holding the NonInteractive error when nobody can answer (the
    /// caller decides how to report it), or `Flow::Interrupted` after Ctrl-C at the
    /// prompt: the pipeline stops and nothing is done, never the default Yes.
    pub fn should_continue(&mut self, query: &str, caption: &str) -> Result<bool, Flow> {
        if !self.interp.host.is_interactive() {
            return Err(Flow::error(non_interactive()));
        }
        let choices = [
            Choice::new("&Yes", "Continue with only the next step of the operation."),
            Choice::new("&No", "Skip this operation and proceed with the next operation."),
            Choice::new("&Suspend", "Pause the current pipeline and return to the command prompt. Type \"exit\" to resume the pipeline."),
        ];
        // InquireHelper gives an empty caption and query their defaults, and asks again after
        // a Suspend's nested prompt.
        let caption = if caption.is_empty() { "Confirm" } else { caption };
        let query = if query.is_empty() { "Continue with this operation?" } else { query };
        loop {
            match self.interp.prompt_for_choice(caption, query, &choices, Some(0))? {
                0 => return Ok(true),
                1 => return Ok(false),
                _ => self.nested_prompt(),
            }
        }
    }

    /// Suspend: a nested prompt whose commands run until `exit`, with `$NestedPromptLevel`
    /// one deeper while it lasts (5.1's EnterNestedPrompt).
    fn nested_prompt(&mut self) {
        let level = |interp: &Interp| match interp.get_var("NestedPromptLevel", Some("global")) {
            Some(Value::Int(n)) => n,
            _ => 0,
        };
        let outer = level(self.interp);
        let _ = self.interp.set_var("NestedPromptLevel", Some("global"), Value::Int(outer + 1));
        self.nested_prompt_lines(outer.max(0) as usize + 1);
        let _ = self.interp.set_var("NestedPromptLevel", Some("global"), Value::Int(outer));
    }

    fn nested_prompt_lines(&mut self, level: usize) {
        loop {
            let prompt = super::host::prompt_text(self.interp, level);
            let Some(line) = self.interp.host.read_line(&prompt) else {
                // Ctrl-C at the nested prompt cancels only the line being typed, as at
                // the outer prompt; end of input leaves the nested prompt.
                if self.interp.interrupt.swap(false, std::sync::atomic::Ordering::SeqCst) {
                    continue;
                }
                return;
            };
            if line.trim().eq_ignore_ascii_case("exit") {
                return;
            }
            // A line typed here runs as a line typed at the prompt does; a Ctrl-C that
            // stopped it must not stop the suspended pipeline too.
            self.interp.run_top_level(&Source::new(None, line), RunAs::CommandLine);
            self.interp.interrupt.store(false, std::sync::atomic::Ordering::SeqCst);
        }
    }

    /// `{0:T} - {1}`: the verbose line of the Azure cmdlets, stamped with the virtual time.
    pub fn write_verbose_with_timestamp(&mut self, text: &str) -> EvalResult<()> {
        let stamp = self.interp.clock.now().format("%-I:%M:%S %p").to_string();
        self.write_verbose(&format!("{stamp} - {text}"))
    }

    /// `ShouldProcess(target, action)` of a cmdlet that supports it (5.1's
    /// `MshCommandRuntime.DoShouldProcess`): -WhatIf (or `$WhatIfPreference`) says what would
    /// happen and declines; an impact below the threshold (-Confirm: Low, `-Confirm:$false`:
    /// none, else `$ConfirmPreference`) goes ahead, with the description under -Verbose;
    /// otherwise the user is asked. Ctrl-C at the prompt stops the pipeline.
    pub fn should_process(&mut self, target: &str, action: &str) -> Result<bool, Flow> {
        let description = format!("Performing the operation \"{action}\" on target \"{target}\".");
        let what_if = self.common.what_if.unwrap_or_else(|| self.interp.get_var("WhatIfPreference", None).is_some_and(|v| super::convert::to_bool(&v)));
        if what_if {
            self.interp.host.write_host(&format!("What if: {description}"), true);
            return Ok(false);
        }
        let threshold = match self.common.confirm {
            Some(true) => 1,
            Some(false) => 0,
            None => {
                self.interp.get_var("ConfirmPreference", None).and_then(|v| super::types::CONFIRM_IMPACT.parse(&v.to_display_string())).map_or(3, |(_, v)| v)
            }
        };
        if threshold == 0 || threshold > self.command.confirm_impact {
            if self.verbose_enabled() {
                self.write_verbose(&description)?;
            }
            return Ok(true);
        }
        match self.interp.confirm_choice(&format!("Are you sure you want to perform this action?\n{description}"), "Confirm") {
            // Nobody to ask: the cmdlet's own error, at its position.
            Err(Flow::Error(record)) => {
                let mut record = (*record).clone();
                if !record.fqid.contains(',') {
                    record.fqid = format!("{},{}", record.fqid, self.command.class_name);
                }
                Err(self.terminate(record))
            }
            other => other,
        }
    }

    /// An error that ends this command (ThrowTerminatingError).
    pub fn terminate(&mut self, mut record: ErrorRecord) -> Flow {
        if record.invocation.is_none() {
            record.invocation = Some(self.info.clone());
        }
        if record.activity.is_empty() {
            record.activity = self.command.name.clone();
        }
        Flow::error(record)
    }
}

/// The host's answer when a prompt has nobody to answer it (`-NonInteractive`, or input at its end).
pub fn non_interactive() -> ErrorRecord {
    ErrorRecord::new(
        "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
        "System.Management.Automation.PSInvalidOperationException",
        ErrorCategory::InvalidOperation,
        "InvalidOperation",
    )
}
