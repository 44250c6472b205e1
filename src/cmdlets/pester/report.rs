//! The console report, as Pester 5 writes it with Write-Host (the information stream, so
//! `6> $null` quiets it): discovery, each failed test (Normal) or every block and test
//! (Detailed), each file's line, and the summary. Times are virtual-clock times.

use std::rc::Rc;

use crate::engine::convert::format_double;
use crate::engine::error::ErrorRecord;
use crate::engine::{Ctx, EvalResult};

use super::run::{ContainerResult, Filter, Outcome, TestResult};
use super::tree::{Block, BlockKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    None,
    Normal,
    Detailed,
    Diagnostic,
}

impl Verbosity {
    pub fn parse(s: &str) -> Option<Verbosity> {
        match s.to_ascii_lowercase().as_str() {
            "none" => Some(Verbosity::None),
            "normal" => Some(Verbosity::Normal),
            "detailed" => Some(Verbosity::Detailed),
            "diagnostic" => Some(Verbosity::Diagnostic),
            _ => None,
        }
    }
}

/// Pester's human time: whole milliseconds under a second, else seconds to two places.
pub fn human_time(ticks: i64) -> String {
    if ticks < 10_000_000 {
        format!("{}ms", (ticks as f64 / 10_000.0).round() as i64)
    } else {
        format!("{}s", format_double((ticks as f64 / 10_000_000.0 * 100.0).round() / 100.0))
    }
}

/// A duration as Pester shows it: the whole, then (test code | Pester's own). The
/// framework's share is nothing on the virtual clock, which only test code advances.
fn timing(ticks: i64) -> String {
    format!("{} ({}|{})", human_time(ticks), human_time(ticks), human_time(0))
}

/// Pester's lines for an error: the message (an assertion's as it is, any other error
/// after its exception's short type name), then where it happened.
pub fn error_lines(e: &ErrorRecord) -> Vec<String> {
    let assertion = e.fqid.starts_with(super::should::ASSERTION_ID);
    let message = if assertion { e.message.clone() } else { format!("{}: {}", e.exception_short_name(), e.message) };
    let mut lines: Vec<String> = message.lines().map(str::to_string).collect();
    if let Some((src, span)) = e.invocation.as_ref().and_then(|i| i.position.as_ref()) {
        let file = src.path.clone().unwrap_or_else(|| "<No file>".to_string());
        let (line, _) = src.line_col(span.start);
        if assertion {
            lines.push(format!("at {}, {file}:{line}", src.line_text(span.start).trim()));
        }
        lines.push(format!("at <ScriptBlock>, {file}:{line}"));
    }
    lines
}

pub struct Report {
    pub verbosity: Verbosity,
}

impl Report {
    fn line(&self, ctx: &mut Ctx, text: &str) -> EvalResult<()> {
        if self.verbosity == Verbosity::None {
            return Ok(());
        }
        ctx.write_host(text, true)
    }

    fn detailed(&self) -> bool {
        self.verbosity >= Verbosity::Detailed
    }

    pub fn discovery_start(&self, ctx: &mut Ctx, files: usize) -> EvalResult<()> {
        self.line(ctx, &format!("Starting discovery in {files} files."))
    }

    pub fn discovery_failed(&self, ctx: &mut Ctx, path: &str, e: &ErrorRecord) -> EvalResult<()> {
        self.line(ctx, &format!("[-] Discovery in {path} failed with:"))?;
        for l in error_lines(e) {
            self.line(ctx, &l)?;
        }
        Ok(())
    }

    pub fn discovery_done(&self, ctx: &mut Ctx, tests: usize, ticks: i64, filter: &Filter, selected: usize) -> EvalResult<()> {
        self.line(ctx, &format!("Discovery found {tests} tests in {}.", human_time(ticks)))?;
        for (name, values) in [("Tag", &filter.tags), ("ExcludeTag", &filter.exclude_tags), ("FullName", &filter.full_names)] {
            if !values.is_empty() {
                let list: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
                self.line(ctx, &format!("Filter '{name}' set to ({}).", list.join(", ")))?;
            }
        }
        if !filter.is_empty() {
            self.line(ctx, &format!("Filters selected {selected} tests to run."))?;
        }
        self.line(ctx, "Running tests.")
    }

    pub fn container_start(&self, ctx: &mut Ctx, path: &str) -> EvalResult<()> {
        if self.detailed() {
            self.line(ctx, "")?;
            self.line(ctx, &format!("Running tests from '{path}'"))?;
        }
        Ok(())
    }

    pub fn block_header(&self, ctx: &mut Ctx, block: &Block, depth: usize) -> EvalResult<()> {
        if self.detailed() {
            let word = if block.kind == BlockKind::Context { "Context" } else { "Describing" };
            self.line(ctx, &format!("{}{word} {}", "  ".repeat(depth), block.name))?;
        }
        Ok(())
    }

    pub fn test(&self, ctx: &mut Ctx, r: &TestResult, depth: usize) -> EvalResult<()> {
        let (margin, name) = if self.detailed() { ("  ".repeat(depth), r.expanded.clone()) } else { (String::new(), r.full_name()) };
        let mark = match r.outcome {
            Outcome::Passed => "[+]",
            Outcome::Failed => "[-]",
            _ if r.note.as_deref().is_some_and(|n| n.starts_with("is inconclusive")) => "[?]",
            _ => "[!]",
        };
        if !self.detailed() && r.outcome != Outcome::Failed {
            return Ok(());
        }
        let name = match &r.note {
            Some(note) => format!("{name} {note}"),
            None => name,
        };
        self.line(ctx, &format!("{margin}{mark} {name} {}", timing(r.ticks)))?;
        for e in &r.errors {
            for l in error_lines(e) {
                self.line(ctx, &format!("{margin} {l}"))?;
            }
        }
        Ok(())
    }

    pub fn block_failed(&self, ctx: &mut Ctx, block: &Block, name: &str, e: &Rc<ErrorRecord>, depth: usize) -> EvalResult<()> {
        let what = match block.kind {
            BlockKind::Root => name.to_string(),
            BlockKind::Describe => format!("Describe {}", block.name),
            BlockKind::Context => format!("Context {}", block.name),
        };
        let margin = if self.detailed() { "  ".repeat(depth) } else { String::new() };
        self.line(ctx, &format!("{margin}[-] {what} failed"))?;
        for l in error_lines(e) {
            self.line(ctx, &format!("{margin} {l}"))?;
        }
        Ok(())
    }

    pub fn container_done(&self, ctx: &mut Ctx, c: &ContainerResult) -> EvalResult<()> {
        if self.verbosity == Verbosity::Normal && c.discovery_error.is_none() {
            let mark = if c.passed() { "[+]" } else { "[-]" };
            self.line(ctx, &format!("{mark} {} {}", c.path, timing(c.ticks + c.discovery_ticks)))?;
        }
        Ok(())
    }

    pub fn summary(&self, ctx: &mut Ctx, containers: &[ContainerResult], ticks: i64) -> EvalResult<()> {
        let count = |o: Outcome| containers.iter().flat_map(|c| &c.tests).filter(|t| t.outcome == o).count();
        self.line(ctx, &format!("Tests completed in {}", human_time(ticks)))?;
        self.line(
            ctx,
            &format!(
                "Tests Passed: {}, Failed: {}, Skipped: {} NotRun: {}",
                count(Outcome::Passed),
                count(Outcome::Failed),
                count(Outcome::Skipped),
                count(Outcome::NotRun)
            ),
        )?;
        let blocks: Vec<&String> = containers.iter().flat_map(|c| c.failed_blocks.iter().map(|(n, _)| n)).collect();
        if !blocks.is_empty() {
            self.line(ctx, &format!("BeforeAll \\ AfterAll failed: {}", blocks.len()))?;
            for b in blocks {
                self.line(ctx, &format!("  - {b}"))?;
            }
        }
        let failed: Vec<&String> = containers.iter().filter(|c| c.discovery_error.is_some()).map(|c| &c.path).collect();
        if !failed.is_empty() {
            self.line(ctx, &format!("Container failed: {}", failed.len()))?;
            for p in failed {
                self.line(ctx, &format!("  - {p}"))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_time_is_milliseconds_under_a_second_then_seconds() {
        assert_eq!(human_time(0), "0ms");
        assert_eq!(human_time(1_234_000), "123ms");
        assert_eq!(human_time(10_000_000), "1s");
        assert_eq!(human_time(15_000_000), "1.5s");
        assert_eq!(human_time(12_345_000), "1.23s");
        assert_eq!(human_time(300_000_000), "30s");
    }
}
