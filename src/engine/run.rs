//! Text to run: the one entry through which every place that parses and runs PowerShell
//! text goes — a script file (`-File`), the `-Command` text and each line typed at the
//! prompt, a line typed at the nested prompt of a suspended confirmation, and
//! Invoke-Expression. They differ only in the scope and invocation the text runs in.

use std::rc::Rc;

use crate::lang::ast::{ScriptBlock, Source};

use super::binder::ArgItem;
use super::error::{parse_error_record, CommandKind, ErrorRecord, EvalResult, Flow, InvocationInfo};
use super::runtime::{Emit, Interp};

/// How parsed text runs.
pub enum RunAs<'a, 'b> {
    /// A script file: its own script scope, the command line's words bound to its
    /// parameters; a parse error is reported as a ParseException.
    File { args: Vec<ArgItem>, invocation: InvocationInfo },
    /// Typed at a prompt or given to -Command: the global scope, as one script block whose
    /// text Write-Error shows as the command.
    CommandLine,
    /// Invoke-Expression: the caller's scope and output.
    Inline(&'a mut Emit<'b>),
}

/// How a top-level run ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Done,
    Exit(i32),
    Failed,
}

impl Outcome {
    /// `-File`'s exit code: the script's `exit N`, else 0, or 1 after an unhandled error.
    pub fn file_exit_code(&self) -> i32 {
        match self {
            Outcome::Done => 0,
            Outcome::Exit(code) => *code,
            Outcome::Failed => 1,
        }
    }
}

impl Interp {
    /// Parses `src` and runs it as `how` says. A parse error runs nothing and comes back as
    /// its error record (`is_parse_error`), for the caller to report in its own way.
    pub fn run_text(&mut self, src: &Rc<Source>, how: RunAs<'_, '_>) -> EvalResult<()> {
        let from_command = !matches!(how, RunAs::File { .. });
        let sb = crate::lang::parse_script(src).map_err(|e| Flow::error(parse_error_record(&e, src, from_command)))?;
        self.define_script_types(&sb)?;
        match how {
            RunAs::File { args, invocation } => {
                self.check_requirements(src)?;
                self.invoke_block(&sb, args, invocation, true, None, &mut to_host)
            }
            RunAs::CommandLine => self.run_as_command_line(&sb),
            RunAs::Inline(out) => {
                let saved = self.current_source.replace(src.clone());
                let r = self.run_block_here(&sb, None, out);
                self.current_source = saved;
                r
            }
        }
    }

    /// Runs `src` as the host's top level does: output goes to the host (Out-Default), and a
    /// parse error or an error nothing caught is recorded in `$Error` and shown.
    pub fn run_top_level(&mut self, src: &Rc<Source>, how: RunAs<'_, '_>) -> Outcome {
        let saved = self.top_source.replace(src.clone());
        let r = self.run_text(src, how);
        self.host.end_output();
        let outcome = match r {
            Ok(()) | Err(Flow::Return) | Err(Flow::Break(_)) | Err(Flow::Continue(_)) | Err(Flow::StopUpstream { .. }) => Outcome::Done,
            Err(Flow::Exit(code)) => Outcome::Exit(code),
            Err(Flow::Error(rec)) => {
                self.show_unhandled(&rec);
                Outcome::Failed
            }
            Err(Flow::Interrupted) => Outcome::Failed,
        };
        // A nested prompt's line must not leave its text as the source of the script it
        // interrupted; at the outermost level nothing reads it afterwards.
        self.top_source = saved;
        outcome
    }

    fn show_unhandled(&mut self, rec: &Rc<ErrorRecord>) {
        self.record_error(rec);
        self.host.write_error(rec);
    }

    fn run_as_command_line(&mut self, sb: &Rc<ScriptBlock>) -> EvalResult<()> {
        self.invocation_stack.push(InvocationInfo {
            command: Some(sb.source.text.clone()),
            command_kind: CommandKind::Script,
            invocation_name: String::new(),
            position: None,
        });
        let r = self.run_top(sb, &mut to_host);
        self.invocation_stack.pop();
        r
    }
}

/// Top-level output: straight to the host, which formats it.
fn to_host(interp: &mut Interp, v: super::value::Value) -> EvalResult<()> {
    interp.host.output(v);
    Ok(())
}
