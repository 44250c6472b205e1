//! The process around the interpreter: command line, console host, REPL.

pub mod cli;
pub mod console;
pub mod repl;
pub mod session;
