//! Select-String as 5.1's SelectStringCommand runs it: each pattern tried in turn on each
//! line (piped text, or the lines of files), MatchInfo objects out, `-Context` kept by the
//! same two trackers 5.1 uses — one for the logical context (every line around a match) and
//! one for what the display shows (no line twice) — and `-Quiet`/`-List`'s early stops.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::engine::binder::Validator;
use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::dotnet::match_info::{self, MATCH_INFO};
use crate::engine::dotnet::regex::{self, RegexObj};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::ops::wildcard_regex;
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::views::TableView;
use crate::engine::{Ctx, EvalResult};
use crate::labfs::{encoding, Encoding, FsError, Item};

use super::content::lines;
use super::{expand, fs_record, has_wildcard, lab, literal_path_param, strip_provider, READ_IDS};

const UTILITY: &str = "Microsoft.PowerShell.Utility";
/// The names 5.1's `-Encoding` of Select-String accepts (a ValidateSet of its own).
const ENCODINGS: [&str; 8] = ["unicode", "utf7", "utf8", "utf32", "ascii", "bigendianunicode", "default", "oem"];

pub fn commands() -> Vec<CommandInfo> {
    let words = |name: &str, what: &str| ParamSpec { not_null_or_empty: true, ..ParamSpec::new(name, TypeKind::String).array().help(what) };
    vec![CommandInfo::cmdlet("Select-String", UTILITY, "Microsoft.PowerShell.Commands.SelectStringCommand", || Box::new(SelectString::default()))
        .param(ParamSpec::new("InputObject", TypeKind::PSObject).mandatory().pipeline().in_set("Object").help("The text searched; a FileInfo is searched as its file."))
        .param(ParamSpec::new("Pattern", TypeKind::String).array().mandatory().position(0).help("Regular expressions (or, with -SimpleMatch, texts); the first that matches a line counts."))
        .param(ParamSpec::new("Path", TypeKind::String).array().mandatory().position(1).by_name().in_set("File").wildcards().help("The files searched; wildcards are expanded."))
        .param(literal_path_param().mandatory().in_set("LiteralFile"))
        .param(ParamSpec::switch("SimpleMatch").help("Finds the patterns as plain text."))
        .param(ParamSpec::switch("CaseSensitive").help("Matches case-sensitively."))
        .param(ParamSpec::switch("Quiet").help("Writes True at the first match instead of MatchInfo objects."))
        .param(ParamSpec::switch("List").help("Writes only the first match of each file."))
        .param(words("Include", "Searches only the files whose full path matches one of these wildcards."))
        .param(words("Exclude", "Skips the files whose full path matches one of these wildcards."))
        .param(ParamSpec::switch("NotMatch").help("Writes the lines that match none of the patterns."))
        .param(ParamSpec::switch("AllMatches").help("Finds every match in a line, not only the first."))
        .param(ParamSpec { not_null_or_empty: true, ..ParamSpec::new("Encoding", TypeKind::String).set(&ENCODINGS).default_text("a BOM's, else UTF8").help("The files' encoding when they have no BOM.") })
        .param(ParamSpec {
            not_null_or_empty: true,
            validators: vec![Validator::Count(1, 2), Validator::Range(Value::Int(0), Value::Int(i32::MAX))],
            ..ParamSpec::new("Context", TypeKind::Int).array().help("Lines kept before and after each match: one number for both, or two.")
        })
        .default_set("File")
        .outputs("Microsoft.PowerShell.Commands.MatchInfo")
        .synopsis("Finds text in strings and files.")
        .description("Each line that matches one of the patterns (a regular expression, case-insensitive unless -CaseSensitive) becomes a MatchInfo object: the line, its number, the file and the matches. Lines of files in the lab's file system are read by their BOM, else as UTF-8.")
        .example("Find a word in piped text", "'Provisioned','NotProvisioned','Enabled' | Select-String -Pattern '^Prov'", "Provisioned.")
        .example("Search a file with context", "Set-Content log.txt 'start','error: port down','end'; Select-String -Path log.txt -Pattern error -Context 1", "The error line with the lines before and after it.")]
}

/// The MatchInfo view: each match as its ToString, paths relative to the current location.
pub fn view() -> TableView {
    TableView::custom(MATCH_INFO, match_info::view_text)
}

/// One match on its way out: what its MatchInfo will say, or a piped MatchInfo that matched again.
struct Found {
    ignore_case: bool,
    line: String,
    line_number: i32,
    path: Option<String>,
    pattern: String,
    matches: Vec<Value>,
    /// [pre, post, display pre, display post], when context is tracked.
    context: Option<[Vec<String>; 4]>,
    again: Option<Value>,
}

type Shared = Rc<RefCell<Found>>;

impl Found {
    fn into_value(self) -> Value {
        if let Some(v) = self.again {
            return v;
        }
        let context = self.context.map(|[pre, post, display_pre, display_post]| match_info::context(&pre, &post, &display_pre, &display_post));
        Value::object(match_info::match_info(self.ignore_case, self.line_number, &self.line, self.path.as_deref(), &self.pattern, context, self.matches))
    }
}

/// A ring of the last `capacity` items (5.1's CircularBuffer): a full ring drops its oldest.
struct Ring<T> {
    capacity: usize,
    items: VecDeque<T>,
}

impl<T> Ring<T> {
    fn new(capacity: usize) -> Ring<T> {
        Ring { capacity, items: VecDeque::new() }
    }

    fn add(&mut self, item: T) {
        if self.capacity == 0 {
            return;
        }
        if self.items.len() == self.capacity {
            self.items.pop_front();
        }
        self.items.push_back(item);
    }

    fn is_full(&self) -> bool {
        self.items.len() == self.capacity
    }
}

/// A line of the logical context: plain text, or a match (which is also context for others).
enum Entry {
    Line(String),
    Match(Shared),
}

impl Entry {
    fn text(&self) -> String {
        match self {
            Entry::Line(l) => l.clone(),
            Entry::Match(m) => m.borrow().line.clone(),
        }
    }
}

#[derive(PartialEq)]
enum Collecting {
    Nothing,
    Pre,
    Post,
}

/// 5.1's ContextTracker: the display tracker fills DisplayPre/PostContext (a line shown
/// after one match is not shown again before the next), the logical tracker fills
/// Pre/PostContext and decides when a match is complete and goes out.
struct Tracker {
    pre: usize,
    post: usize,
    // The display side.
    state: Collecting,
    shown_pre: Ring<String>,
    shown_post: Vec<String>,
    current: Option<Shared>,
    // The logical side.
    window: Ring<Entry>,
    early_done: bool,
    ready: Vec<Shared>,
}

impl Tracker {
    fn new(pre: usize, post: usize) -> Tracker {
        let mut t = Tracker {
            pre,
            post,
            state: Collecting::Nothing,
            shown_pre: Ring::new(pre),
            shown_post: Vec::new(),
            current: None,
            window: Ring::new(pre + post + 1),
            early_done: false,
            ready: Vec::new(),
        };
        t.reset_display();
        t
    }

    fn line(&mut self, line: String) {
        match self.state {
            Collecting::Nothing => {}
            Collecting::Pre => self.shown_pre.add(line.clone()),
            Collecting::Post => {
                self.shown_post.push(line.clone());
                if self.shown_post.len() >= self.post {
                    self.display_done();
                }
            }
        }
        self.window.add(Entry::Line(line));
        self.logical_update();
    }

    fn found(&mut self, m: Found) {
        let m = Rc::new(RefCell::new(m));
        if self.state == Collecting::Post {
            self.display_done();
        }
        self.current = Some(m.clone());
        if self.post > 0 {
            self.state = Collecting::Post;
        } else {
            self.display_done();
        }
        self.window.add(Entry::Match(m));
        self.logical_update();
    }

    fn end(&mut self) {
        if self.state == Collecting::Post {
            self.display_done();
        }
        let start = if self.window.is_full() { self.pre + 1 } else { 0 };
        let count = self.window.items.len();
        if count > 0 {
            self.emit_range(start, count - 1);
        }
    }

    /// The matches complete so far, in order.
    fn take(&mut self) -> Vec<Value> {
        std::mem::take(&mut self.ready)
            .into_iter()
            .map(|m| Rc::try_unwrap(m).map(RefCell::into_inner).map(Found::into_value).unwrap_or_else(|m| clone_found(&m.borrow()).into_value()))
            .collect()
    }

    fn display_done(&mut self) {
        if let Some(m) = self.current.take() {
            if let Some(c) = &mut m.borrow_mut().context {
                c[2] = self.shown_pre.items.iter().cloned().collect();
                c[3] = self.shown_post.clone();
            }
        }
        self.reset_display();
    }

    fn reset_display(&mut self) {
        self.state = if self.pre > 0 { Collecting::Pre } else { Collecting::Nothing };
        self.shown_pre.items.clear();
        self.shown_post.clear();
        self.current = None;
    }

    fn logical_update(&mut self) {
        if !self.window.is_full() {
            return;
        }
        if self.early_done {
            self.emit_range(self.pre, self.pre);
        } else {
            // The first time the window fills, its early matches (short of pre-context) go too.
            self.emit_range(0, self.pre);
            self.early_done = true;
        }
    }

    fn emit_range(&mut self, start: usize, end: usize) {
        let count = self.window.items.len();
        for i in start..=end.min(count.saturating_sub(1)) {
            let Entry::Match(m) = &self.window.items[i] else { continue };
            let m = m.clone();
            let pre_start = i.saturating_sub(self.pre);
            let post_len = self.post.min(count - i - 1);
            if let Some(c) = &mut m.borrow_mut().context {
                c[0] = (pre_start..i).map(|j| self.window.items[j].text()).collect();
                c[1] = (i + 1..i + 1 + post_len).map(|j| self.window.items[j].text()).collect();
            }
            self.ready.push(m);
        }
    }
}

/// A match still held by the window as context for later ones goes out as a copy.
fn clone_found(f: &Found) -> Found {
    Found {
        ignore_case: f.ignore_case,
        line: f.line.clone(),
        line_number: f.line_number,
        path: f.path.clone(),
        pattern: f.pattern.clone(),
        matches: f.matches.clone(),
        context: f.context.clone(),
        again: f.again.clone(),
    }
}

#[derive(Default)]
struct SelectString {
    started: bool,
    patterns: Vec<String>,
    regexes: Vec<RegexObj>,
    pre: usize,
    post: usize,
    /// The tracker of piped lines, across all the pipeline's records.
    piped: Option<Tracker>,
    record_number: i32,
    /// `-Quiet` answered for piped input: the rest is not looked at.
    done: bool,
    warned_context: bool,
    /// The switches, kept for the end of the input.
    args: Args,
}

impl SelectString {
    fn start(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        self.started = true;
        self.args = args.clone();
        self.patterns = args.get("Pattern").map(|v| v.enumerate().iter().map(to_string).collect()).unwrap_or_default();
        if let Some(c) = args.get("Context") {
            let n: Vec<usize> =
                c.enumerate().iter().map(|v| usize::try_from(crate::engine::convert::to_num(v).map(|n| n.as_f64() as i64).unwrap_or(0)).unwrap_or(0)).collect();
            (self.pre, self.post) = match n.as_slice() {
                [both] => (*both, *both),
                [pre, post, ..] => (*pre, *post),
                [] => (0, 0),
            };
        }
        if !args.switch("SimpleMatch") {
            let options = if args.switch("CaseSensitive") { 0 } else { 1 };
            for p in &self.patterns {
                match regex::compile(p, options) {
                    Ok(r) => self.regexes.push(r),
                    Err(why) => {
                        let record = ErrorRecord::new(
                            format!("The string {p} is not a valid regular expression: {why}"),
                            "System.ArgumentException",
                            ErrorCategory::InvalidArgument,
                            "InvalidRegex,Microsoft.PowerShell.Commands.SelectStringCommand",
                        );
                        return Err(ctx.terminate(record));
                    }
                }
            }
        }
        self.piped = Some(Tracker::new(self.pre, self.post));
        Ok(())
    }

    /// The first pattern that matches `text` (none: `-NotMatch` turns it around), as a match.
    fn try_line(&self, args: &Args, text: &str) -> Option<Found> {
        let all = args.switch("AllMatches") && !args.switch("NotMatch");
        let mut hit: Option<(usize, Vec<Value>)> = None;
        if args.switch("SimpleMatch") {
            // The line is folded once, not once per pattern.
            let folded = (!args.switch("CaseSensitive")).then(|| text.to_lowercase());
            hit = self
                .patterns
                .iter()
                .position(|p| match &folded {
                    Some(line) => line.contains(&p.to_lowercase()),
                    None => text.contains(p.as_str()),
                })
                .map(|i| (i, Vec::new()));
        } else {
            for (i, r) in self.regexes.iter().enumerate() {
                let found = regex::match_objects(r, text, all);
                if !found.is_empty() {
                    hit = Some((i, found));
                    break;
                }
            }
        }
        let (index, matches) = match (hit, args.switch("NotMatch")) {
            (Some(_), true) | (None, false) => return None,
            (None, true) => (0, Vec::new()),
            (Some(h), false) => h,
        };
        Some(Found {
            ignore_case: !args.switch("CaseSensitive"),
            line: text.to_string(),
            line_number: 0,
            path: None,
            pattern: self.patterns.get(index).cloned().unwrap_or_default(),
            matches,
            context: (self.pre > 0 || self.post > 0).then(Default::default),
            again: None,
        })
    }

    /// A MatchInfo piped in is searched by its line; when it matches it goes on as it is
    /// (its display context dropped), and context tracking stops, with 5.1's warning.
    fn try_again(&mut self, ctx: &mut Ctx, args: &Args, info: &Value) -> EvalResult<(Option<Found>, String)> {
        let Value::Object(o) = info else { return Ok((None, String::new())) };
        let line = o.borrow().get("Line").map(to_string).unwrap_or_default();
        if self.pre > 0 || self.post > 0 {
            self.pre = 0;
            self.post = 0;
            self.piped = Some(Tracker::new(0, 0));
            if !self.warned_context {
                self.warned_context = true;
                ctx.write_warning("The option \"Context\" is not valid when searching results that are piped from Select-String output.")?;
            }
        }
        let Some(mut found) = self.try_line(args, &line) else { return Ok((None, line)) };
        let mut copy: PsObject = o.borrow().clone();
        if matches!(copy.get("Context"), Some(Value::Object(_))) {
            copy.set("Context", match_info::context(&[], &[], &[], &[]));
        }
        found.again = Some(if matches!(o.borrow().get("Context"), Some(Value::Object(_))) { Value::object(copy) } else { info.clone() });
        Ok((Some(found), line))
    }

    /// The lines of one file, through a tracker of its own. True when something matched.
    fn search_file(&mut self, ctx: &mut Ctx, args: &Args, item: &Item) -> EvalResult<bool> {
        let shown = item.shown();
        if !included(args, &shown) {
            return Ok(false);
        }
        let fs = lab(ctx)?;
        let bytes = match fs.read(item) {
            Ok(b) => b,
            Err(e) => {
                ctx.write_error(read_error(&shown, &e))?;
                return Ok(false);
            }
        };
        let text = match encoding::bom(&bytes) {
            Some((enc, len)) => encoding::decode_named(&bytes[len..], enc),
            None => encoding::decode_named(&bytes, named_encoding(args)),
        };
        let (quiet, list) = (args.switch("Quiet"), args.switch("List"));
        let mut tracker = Tracker::new(self.pre, self.post);
        let mut any = false;
        for (n, line) in lines(&text).into_iter().enumerate() {
            match self.try_line(args, &line) {
                Some(mut f) => {
                    f.path = Some(shown.clone());
                    f.line_number = i32::try_from(n + 1).unwrap_or(i32::MAX);
                    tracker.found(f);
                }
                None => tracker.line(line),
            }
            if !tracker.ready.is_empty() {
                any = true;
                if quiet || list {
                    break;
                }
                let out = tracker.take();
                self.write(ctx, args, out)?;
            }
        }
        tracker.end();
        let out = tracker.take();
        if !out.is_empty() {
            any = true;
            self.write(ctx, args, out)?;
        }
        Ok(any)
    }

    /// What a batch of complete matches writes: True (`-Quiet`), the first (`-List`), or all.
    fn write(&self, ctx: &mut Ctx, args: &Args, mut out: Vec<Value>) -> EvalResult<()> {
        if out.is_empty() {
            return Ok(());
        }
        match (args.switch("Quiet"), args.switch("List")) {
            (true, false) => ctx.emit(Value::Bool(true)),
            (_, true) => ctx.emit(out.swap_remove(0)),
            _ => ctx.emit_all(out),
        }
    }

    fn search_files(&mut self, ctx: &mut Ctx, args: &Args, items: Vec<Item>) -> EvalResult<()> {
        let fs = lab(ctx)?;
        for item in items {
            if fs.is_dir(&item) {
                continue;
            }
            if self.search_file(ctx, args, &item)? && args.switch("Quiet") {
                return Ok(());
            }
        }
        if args.switch("Quiet") {
            ctx.emit(if args.switch("List") { Value::Null } else { Value::Bool(false) })?;
        }
        Ok(())
    }
}

impl Cmdlet for SelectString {
    fn begin(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        self.start(ctx, args)
    }

    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        if !self.started {
            self.start(ctx, args)?;
        }
        if self.done {
            return Ok(());
        }
        let literal = args.has("LiteralPath");
        let paths = args.get(if literal { "LiteralPath" } else { "Path" }).map(|v| v.enumerate().iter().map(path_text).collect::<Vec<_>>());
        if let Some(paths) = paths {
            let fs = lab(ctx)?;
            let mut items = Vec::new();
            for p in paths {
                match expand(&fs, &p, literal) {
                    // A path that names nothing ends the command, as GetResolvedProviderPathFromPSPath throws.
                    Ok(found) if !literal && !has_wildcard(&p) && found.iter().any(|i| !fs.exists(i)) => {
                        let missing = FsError::NotFound(found.first().map(Item::shown).unwrap_or_default());
                        return Err(ctx.terminate(fs_record(ctx, &missing, &READ_IDS)));
                    }
                    Ok(found) => items.extend(found),
                    Err(e) => ctx.write_error(read_error(strip_provider(&p), &e))?,
                }
            }
            return self.search_files(ctx, args, items);
        }
        let Some(input) = args.get("InputObject").cloned() else { return Ok(()) };
        if let Some(full) = file_info_path(&input) {
            let fs = lab(ctx)?;
            let items = match fs.resolve(&full) {
                Ok(item) => vec![item],
                Err(e) => {
                    ctx.write_error(read_error(&full, &e))?;
                    return Ok(());
                }
            };
            return self.search_files(ctx, args, items);
        }
        self.record_number += 1;
        let (found, line) = if is_match_info(&input) {
            self.try_again(ctx, args, &input)?
        } else {
            let line = to_string(&input);
            (self.try_line(args, &line), line)
        };
        let Some(mut tracker) = self.piped.take() else { return Ok(()) };
        match found {
            Some(mut f) => {
                if f.again.is_none() {
                    f.line_number = self.record_number;
                }
                tracker.found(f);
            }
            None => tracker.line(line),
        }
        let out = tracker.take();
        self.piped = Some(tracker);
        if !out.is_empty() {
            self.write(ctx, args, out)?;
            if args.switch("Quiet") {
                self.done = true;
            }
        }
        Ok(())
    }

    fn end(&mut self, ctx: &mut Ctx) -> EvalResult<()> {
        let args = self.args.clone();
        let args = &args;
        if self.done {
            return Ok(());
        }
        let Some(mut tracker) = self.piped.take() else { return Ok(()) };
        tracker.end();
        let out = tracker.take();
        self.write(ctx, args, out)
    }
}

/// A path argument: a FileInfo stands for its full name (5.1's FileinfoToString transform).
fn path_text(v: &Value) -> String {
    file_info_path(v).unwrap_or_else(|| to_string(v))
}

fn file_info_path(v: &Value) -> Option<String> {
    let Value::Object(o) = v else { return None };
    let o = o.borrow();
    if o.type_names.first().is_some_and(|t| t == "System.IO.FileInfo") {
        o.get("FullName").map(to_string)
    } else {
        None
    }
}

fn is_match_info(v: &Value) -> bool {
    matches!(v, Value::Object(o) if o.borrow().type_names.first().is_some_and(|t| t == MATCH_INFO))
}

/// `-Include`/`-Exclude`: wildcards matched against the file's full path, as 5.1 matches them.
fn included(args: &Args, full: &str) -> bool {
    let any = |name: &str| args.get(name).map(|v| v.enumerate().iter().any(|w| wildcard_regex(&to_string(w), false).is_match(full)));
    any("Include").unwrap_or(true) && !any("Exclude").unwrap_or(false)
}

/// A file without a BOM is read in `-Encoding`, by default UTF-8 (5.1's Select-String, unlike
/// Get-Content, does not fall back to the ANSI code page).
fn named_encoding(args: &Args) -> Encoding {
    args.string("Encoding").and_then(|n| encoding::by_name(&n)).unwrap_or(Encoding::Utf8)
}

/// 5.1's FileReadError: "The file X cannot be read: <the reader's reason>".
fn read_error(path: &str, e: &FsError) -> ErrorRecord {
    let why = match e {
        FsError::NotFound(p) => format!("Could not find file '{p}'."),
        FsError::NoParent(p) => format!("Could not find a part of the path '{p}'."),
        FsError::TooLarge(p, size) => format!("The file '{p}' is {size} bytes, larger than the {} bytes ersim reads.", crate::labfs::MAX_READ_BYTES),
        FsError::Invalid(..) => "Illegal characters in path.".to_string(),
        FsError::Io(_, why) => why.clone(),
        other => format!("Access to the path '{}' is denied.", other.path()),
    };
    ErrorRecord::new(
        format!("The file {path} cannot be read: {why}"),
        "System.ArgumentException",
        ErrorCategory::InvalidArgument,
        "ProcessingFile,Microsoft.PowerShell.Commands.SelectStringCommand",
    )
}
