//! The process around the interpreter: command line, console host, REPL.

pub mod cli;
pub mod console;
mod jobs;
pub mod repl;
pub mod session;
