//! Redirection of the six streams: `>` and `2>` … `6>` to `$null` or a file, `N>&1` into the
//! success stream, `*>` for all of them. A command's or an expression's redirections hold for
//! everything it runs (a function's `Write-Warning` obeys `f 3> $null`): they are kept on a
//! stack, innermost last, and a stream a command leaves alone goes where its caller's goes.

use std::rc::Rc;

use crate::lang::ast::{ExprKind, RedirectTarget, Redirection, Span};

use super::error::{ErrorCategory, ErrorRecord, EvalResult, InvocationInfo};
use super::runtime::{Emit, Interp};
use super::value::{PsObject, Value};

/// The streams by their 5.1 numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Output = 1,
    Error = 2,
    Warning = 3,
    Verbose = 4,
    Debug = 5,
    Information = 6,
}

impl Stream {
    const ALL: [Stream; 6] = [Stream::Output, Stream::Error, Stream::Warning, Stream::Verbose, Stream::Debug, Stream::Information];

    fn from_number(n: u8) -> Option<Stream> {
        Stream::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }

    /// The .NET type of what `N>&1` writes to the success stream for this stream.
    fn record_type(self) -> &'static str {
        match self {
            Stream::Warning => "System.Management.Automation.WarningRecord",
            Stream::Verbose => "System.Management.Automation.VerboseRecord",
            Stream::Debug => "System.Management.Automation.DebugRecord",
            _ => "System.Management.Automation.InformationRecord",
        }
    }
}

/// Where a stream's records go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamTarget {
    /// Shown by the host (the success stream: down the pipeline).
    Host,
    /// `N> $null`. Errors are still recorded in `$Error`.
    Discard,
    /// `N>&1`: written to the success stream as records.
    Merge,
    /// `N> file`, `N>> file`: kept for the file open at this index of
    /// `Interp::redirect_files`, written when the statement ends.
    File(usize),
}

/// What file redirection needs from the layers above: `>` is Out-File, so the objects are laid
/// out as the console would show them and written through the lab's file system. The session
/// lends an implementation as the service `Rc<dyn RedirectionFiles>`.
pub trait RedirectionFiles {
    /// Creates the file, or keeps it for appending, before the command runs (5.1 opens
    /// Out-File first); the path as the lab shows it, or Out-File's error.
    fn open(&self, interp: &Interp, path: &str, append: bool) -> Result<String, ErrorRecord>;
    /// Adds these objects to the file, laid out as Out-File lays them out.
    fn append(&self, interp: &Interp, path: &str, values: &[Value]) -> Result<(), ErrorRecord>;
}

/// A file open for redirection and what the statement has sent to it so far.
pub struct RedirectFile {
    pub path: String,
    pub values: Vec<Value>,
}

/// One command's redirections, by stream; `None` where it redirects nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Redirects([Option<StreamTarget>; 6]);

impl Redirects {
    pub fn get(&self, stream: Stream) -> Option<StreamTarget> {
        self.0[stream as usize - 1]
    }

    fn set(&mut self, stream: Stream, target: StreamTarget) {
        self.0[stream as usize - 1] = Some(target);
    }

    /// `> $null` or `*> $null`: what the command writes goes nowhere.
    pub fn discards_output(&self) -> bool {
        self.get(Stream::Output) == Some(StreamTarget::Discard)
    }

    /// `> file`: the index of the file the command's output goes to.
    pub fn output_file(&self) -> Option<usize> {
        match self.get(Stream::Output) {
            Some(StreamTarget::File(i)) => Some(i),
            _ => None,
        }
    }
}

impl Interp {
    /// Reads redirections in the order written (`*> $null 2>&1` quiets all but the errors,
    /// which merge). A file target goes through `redirect_to_file`, before anything runs.
    pub(super) fn read_redirections(&mut self, list: &[Redirection]) -> EvalResult<Redirects> {
        let mut redirects = Redirects::default();
        for r in list {
            let streams = match Stream::from_number(r.from) {
                Some(s) => vec![s],
                None => Stream::ALL.to_vec(),
            };
            let target = match &r.target {
                RedirectTarget::Merge => StreamTarget::Merge,
                RedirectTarget::File(e) if matches!(&e.kind, ExprKind::Variable { name, .. } if name.eq_ignore_ascii_case("null")) => StreamTarget::Discard,
                RedirectTarget::File(e) => {
                    let path = match &e.kind {
                        ExprKind::Bare(s) => s.clone(),
                        _ => self.eval_expr(e)?.to_display_string(),
                    };
                    StreamTarget::File(self.redirect_to_file(&path, r.append, e.span)?)
                }
            };
            for s in streams {
                // Merging the success stream into itself (`*>&1`) changes nothing.
                if !(s == Stream::Output && target == StreamTarget::Merge) {
                    redirects.set(s, target);
                }
            }
        }
        Ok(redirects)
    }

    /// Opens a redirection's file (`> out.txt`, `2>> log.txt`). 5.1 runs Out-File into it, so
    /// the file is created, or emptied unless `append`, before the command runs; its index in
    /// `redirect_files`. A session without a file system refuses, before the command can act.
    pub fn redirect_to_file(&mut self, path: &str, append: bool, span: Span) -> EvalResult<usize> {
        let Some(files) = self.extension::<Rc<dyn RedirectionFiles>>().cloned() else {
            return Err(self.located(
                ErrorRecord::runtime(
                    "Redirection to a file is not available in this session: it has no file system. Redirect to $null, or use 2>&1.",
                    "RedirectionNotSupported",
                    ErrorCategory::PermissionDenied,
                ),
                span,
            ));
        };
        match files.open(self, path, append) {
            Ok(shown) => {
                self.redirect_files.push(RedirectFile { path: shown, values: Vec::new() });
                Ok(self.redirect_files.len() - 1)
            }
            // 5.1 reports the Out-File the redirection became: `out-file : …`.
            Err(mut record) => {
                if let Some(src) = self.source_of(span) {
                    let mut at = InvocationInfo::at(&src, span);
                    at.command = Some("Out-File".into());
                    at.command_kind = super::error::CommandKind::Cmdlet;
                    at.invocation_name = "out-file".into();
                    record.invocation = Some(at);
                }
                Err(self.located(record, span))
            }
        }
    }

    /// Sends a record to a redirection's file.
    pub fn to_redirect_file(&mut self, index: usize, value: Value) {
        if let Some(f) = self.redirect_files.get_mut(index) {
            f.values.push(value);
        }
    }

    /// Writes and closes the redirection files opened since `mark` (a statement's own), in the
    /// order they were opened. The first failure is the statement's error.
    pub(super) fn close_redirect_files(&mut self, mark: usize) -> EvalResult<()> {
        if self.redirect_files.len() <= mark {
            return Ok(());
        }
        let files: Vec<RedirectFile> = self.redirect_files.drain(mark..).collect();
        let Some(writer) = self.extension::<Rc<dyn RedirectionFiles>>().cloned() else { return Ok(()) };
        let mut failure = None;
        for f in files {
            if let Err(record) = writer.append(self, &f.path, &f.values) {
                failure.get_or_insert(record);
            }
        }
        failure.map_or(Ok(()), |r| Err(super::error::Flow::error(r)))
    }

    /// Runs `f` with a command's redirections in force.
    pub(super) fn with_redirects<R>(&mut self, redirects: Redirects, f: impl FnOnce(&mut Interp) -> R) -> R {
        self.redirects.push(redirects);
        let r = f(self);
        self.redirects.pop();
        r
    }

    /// Shows an error that ended a statement where the error stream goes now: inside
    /// `f 2> $null` nowhere, inside `f 2>&1` into the output.
    pub(super) fn show_statement_error(&mut self, record: Rc<ErrorRecord>, out: &mut Emit) -> EvalResult<()> {
        match self.stream_target(Stream::Error) {
            StreamTarget::Merge => out(self, Value::Error(record)),
            StreamTarget::Discard => Ok(()),
            StreamTarget::File(i) => {
                self.to_redirect_file(i, Value::Error(record));
                Ok(())
            }
            StreamTarget::Host => {
                self.host.write_error(&record);
                Ok(())
            }
        }
    }

    /// Where `stream` goes now: the innermost command that redirects it decides.
    pub fn stream_target(&self, stream: Stream) -> StreamTarget {
        self.redirects.iter().rev().find_map(|r| r.get(stream)).unwrap_or(StreamTarget::Host)
    }

    /// Writes a warning, verbose, debug or information (Write-Host) message where its stream
    /// goes. A merged stream gives back the record, which the caller writes to its output.
    pub fn write_informational(&mut self, stream: Stream, text: &str, newline: bool) -> Option<Value> {
        match self.stream_target(stream) {
            StreamTarget::Discard => None,
            StreamTarget::Merge => Some(informational_record(stream, text)),
            StreamTarget::File(i) => {
                self.to_redirect_file(i, informational_record(stream, text));
                None
            }
            StreamTarget::Host => {
                match stream {
                    Stream::Warning => self.host.write_warning(text),
                    Stream::Verbose => self.host.write_verbose(text),
                    Stream::Debug => self.host.write_debug(text),
                    _ => self.host.write_host(text, newline),
                }
                None
            }
        }
    }
}

/// The text of a merged stream's record (its ToString: the message), `None` for any other object.
pub fn record_text(o: &PsObject) -> Option<String> {
    let first = o.type_names.first()?;
    if !Stream::ALL.iter().any(|s| *s != Stream::Output && *s != Stream::Error && s.record_type() == first) {
        return None;
    }
    o.get("Message").or_else(|| o.get("MessageData")).map(super::convert::to_string)
}

/// A WarningRecord, VerboseRecord or DebugRecord (`Message`) or an InformationRecord
/// (`MessageData`), as 5.1 writes them when their stream is merged.
fn informational_record(stream: Stream, text: &str) -> Value {
    let mut o = PsObject::typed(stream.record_type());
    let (prop, base) = match stream {
        Stream::Information => ("MessageData", None),
        _ => ("Message", Some("System.Management.Automation.InformationalRecord")),
    };
    if let Some(base) = base {
        o.type_names.insert(1, base.into());
    }
    o.add_typed(prop, "System.String", Value::str(text));
    Value::Object(std::rc::Rc::new(std::cell::RefCell::new(o)))
}
