//! A session: the interpreter with every cmdlet registered, the console host,
//! and the simulated world the cmdlets act on.

use std::io::IsTerminal;
use std::rc::Rc;

use crate::cmdlets;
use crate::engine::Clock;
use crate::engine::Interp;

use super::console::{ConsoleHost, LineReader};

#[derive(Debug, Clone, Default)]
pub struct SessionOptions {
    pub interactive: bool,
    pub state_file: Option<String>,
    pub in_memory: bool,
}

pub struct Session {
    pub interp: Interp,
}

/// The screen buffer's width: the terminal's, or 120 columns (the buffer of a
/// default Windows console) when output is not a terminal.
pub fn screen_width() -> usize {
    if std::io::stdout().is_terminal() {
        if let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size() {
            return w as usize;
        }
    }
    120
}

fn stdin_reader() -> LineReader {
    Box::new(|prompt: &str| {
        use std::io::{BufRead, Write};
        print!("{prompt}");
        let _ = std::io::stdout().flush();
        let mut line = String::new();
        match std::io::stdin().lock().read_line(&mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(line.trim_end_matches(['\n', '\r']).to_string()),
        }
    })
}

impl Session {
    /// A session writing to the process's standard output and error. Fails with
    /// the exit code to use when the world cannot be opened.
    pub fn new(options: SessionOptions) -> Result<Session, i32> {
        Session::with_io(options, Box::new(std::io::stdout()), Box::new(std::io::stderr()), None)
    }

    /// A session with chosen streams and prompt reader (tests, the REPL).
    pub fn with_io(options: SessionOptions, out: Box<dyn std::io::Write>, err: Box<dyn std::io::Write>, reader: Option<LineReader>) -> Result<Session, i32> {
        let world = cmdlets::world::WorldHandle::open(&options).map_err(|message| {
            eprintln!("{message}");
            2
        })?;
        let clock: Rc<dyn Clock> = Rc::new(world.clone());
        let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        let buffer_width = screen_width();
        let mut host = ConsoleHost::new(out, err, buffer_width, clock.clone()).with_color(color);
        if options.interactive {
            host = host.interactive(reader.unwrap_or_else(stdin_reader));
        }
        let mut interp = Interp::new(Box::new(host));
        interp.clock = clock;
        interp.output_width = buffer_width.saturating_sub(1);
        let ids = world.clone();
        interp.guid_source = Some(Box::new(move || ids.next_guid()));
        cmdlets::register_all(&mut interp);
        // Ctrl-C stops the running pipeline (the REPL keeps its session; a script ends).
        let interrupt = interp.interrupt.clone();
        let _ = ctrlc::set_handler(move || interrupt.store(true, std::sync::atomic::Ordering::SeqCst));
        interp.add_extension(world);
        Ok(Session { interp })
    }
}
