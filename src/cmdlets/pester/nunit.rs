//! The result files CI systems read (`-CI`, or `TestResult.Enabled`). NUnit 2.5: one
//! test-suite for the run, one per file, one per Describe or Context, each test a
//! test-case named `Describe.It` with its failure's message and stack trace. Times and the
//! date come from the virtual clock, so the file is the same on every run.

use std::rc::Rc;

use chrono::NaiveDateTime;

use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::{Ctx, EvalResult};
use crate::labfs::{Encoding, LabFs, WriteMode};

use super::config::Settings;
use super::report::error_lines;
use super::run::{ContainerResult, Outcome, TestResult};

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t') => {}
            c => out.push(c),
        }
    }
    out
}

/// Seconds to three places, as Pester writes times in its result files.
pub fn seconds(ticks: i64) -> String {
    format!("{:.3}", ticks as f64 / 10_000_000.0)
}

/// A failed test's errors as the result files keep them: the messages, and the `at …` lines
/// of the stack traces; with several errors each starts with its number, `[0] `.
pub fn message_and_trace(t: &TestResult) -> (String, String) {
    errors_message_and_trace(&t.errors)
}

fn errors_message_and_trace(errors: &[Rc<ErrorRecord>]) -> (String, String) {
    let (mut message, mut trace) = (Vec::new(), Vec::new());
    let numbered = errors.len() > 1;
    for (i, e) in errors.iter().enumerate() {
        let lines = error_lines(e);
        let split = lines.iter().position(|l| l.starts_with("at ")).unwrap_or(lines.len());
        for (part, out) in [(&lines[..split], &mut message), (&lines[split..], &mut trace)] {
            for (j, l) in part.iter().enumerate() {
                out.push(if numbered && j == 0 { format!("[{i}] {l}") } else { l.clone() });
            }
        }
    }
    (message.join("\n"), trace.join("\n"))
}

fn status(tests: &[&TestResult], failed: bool) -> (&'static str, &'static str) {
    if failed || tests.iter().any(|t| t.outcome == Outcome::Failed) {
        ("Failure", "False")
    } else {
        ("Success", "True")
    }
}

fn suite_open(out: &mut String, indent: usize, name: &str, tests: &[&TestResult], ticks: i64) {
    suite_open_failing(out, indent, name, tests, ticks, false, None)
}

/// A suite that may fail for more than its tests: a file whose discovery failed (and the run
/// around it) is a failed suite, and the file's suite carries the error as its `failure`,
/// before `results` as the schema orders them (Pester's fix for its issue 2664).
fn suite_open_failing(out: &mut String, indent: usize, name: &str, tests: &[&TestResult], ticks: i64, failed: bool, error: Option<&Rc<ErrorRecord>>) {
    let (result, success) = status(tests, failed || error.is_some());
    let pad = "  ".repeat(indent);
    let name = escape(name);
    out.push_str(&format!(
        "{pad}<test-suite type=\"TestFixture\" name=\"{name}\" executed=\"True\" result=\"{result}\" success=\"{success}\" time=\"{}\" asserts=\"0\" description=\"{name}\">\n",
        seconds(ticks)
    ));
    if let Some(e) = error {
        let (message, trace) = errors_message_and_trace(std::slice::from_ref(e));
        out.push_str(&format!(
            "{pad}  <failure>\n{pad}    <message>{}</message>\n{pad}    <stack-trace>{}</stack-trace>\n{pad}  </failure>\n",
            escape(&message),
            escape(&trace)
        ));
    }
    out.push_str(&format!("{pad}  <results>\n"));
}

fn suite_close(out: &mut String, indent: usize) {
    let pad = "  ".repeat(indent);
    out.push_str(&format!("{pad}  </results>\n{pad}</test-suite>\n"));
}

fn test_case(out: &mut String, indent: usize, t: &TestResult) {
    let pad = "  ".repeat(indent);
    let (name, description) = (escape(&t.full_name()), escape(&t.expanded));
    let time = seconds(t.ticks);
    match t.outcome {
        Outcome::Passed => out.push_str(&format!(
            "{pad}<test-case description=\"{description}\" name=\"{name}\" time=\"{time}\" asserts=\"0\" success=\"True\" result=\"Success\" executed=\"True\" />\n"
        )),
        Outcome::Skipped => out.push_str(&format!(
            "{pad}<test-case description=\"{description}\" name=\"{name}\" time=\"{time}\" asserts=\"0\" success=\"False\" result=\"Ignored\" executed=\"False\">\n{pad}  <reason>\n{pad}    <message />\n{pad}  </reason>\n{pad}</test-case>\n"
        )),
        _ => {
            let (message, trace) = message_and_trace(t);
            let (message, trace) = (escape(&message), escape(&trace));
            out.push_str(&format!(
                "{pad}<test-case description=\"{description}\" name=\"{name}\" time=\"{time}\" asserts=\"0\" success=\"False\" result=\"Failure\" executed=\"True\">\n{pad}  <failure>\n{pad}    <message>{message}</message>\n{pad}    <stack-trace>{trace}</stack-trace>\n{pad}  </failure>\n{pad}</test-case>\n"
            ))
        }
    }
}

/// The tests of one level, as Pester 5 orders them: the nested blocks first (a suite each,
/// in the order they ran), then the tests whose path ends here. NUnit 2.5's `results` holds
/// either suites or cases, never both, so when a level has both each of its own tests goes
/// in a suite of its own (named like the test, as Pester's fix for its issue 2143 does),
/// which keeps the file valid against the schema.
fn level(out: &mut String, indent: usize, depth: usize, tests: &[&TestResult]) {
    let own: Vec<&TestResult> = tests.iter().copied().filter(|t| t.path.len() == depth).collect();
    let nested: Vec<&TestResult> = tests.iter().copied().filter(|t| t.path.len() > depth).collect();
    let mut i = 0;
    while i < nested.len() {
        let name = &nested[i].path[depth];
        let end = (i..nested.len()).find(|&j| &nested[j].path[depth] != name).unwrap_or(nested.len());
        let group = &nested[i..end];
        suite_open(out, indent, name, group, group.iter().map(|t| t.ticks).sum());
        level(out, indent + 2, depth + 1, group);
        suite_close(out, indent);
        i = end;
    }
    for t in own {
        if nested.is_empty() {
            test_case(out, indent, t);
        } else {
            suite_open(out, indent, &t.full_name(), &[t], t.ticks);
            test_case(out, indent + 2, t);
            suite_close(out, indent);
        }
    }
}

/// The whole document.
pub fn document(containers: &[ContainerResult], started: NaiveDateTime, cwd: &str) -> String {
    let all: Vec<&TestResult> = containers.iter().flat_map(|c| &c.tests).filter(|t| t.outcome != Outcome::NotRun).collect();
    let count = |o: Outcome| all.iter().filter(|t| t.outcome == o).count();
    let failed_blocks: usize = containers.iter().map(|c| c.failed_blocks.len() + usize::from(c.discovery_error.is_some())).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\"?>\n");
    out.push_str(&format!(
        "<test-results xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"nunit_schema_2.5.xsd\" name=\"Pester\" total=\"{}\" errors=\"{failed_blocks}\" failures=\"{}\" not-run=\"0\" inconclusive=\"0\" ignored=\"0\" skipped=\"{}\" invalid=\"0\" date=\"{}\" time=\"{}\">\n",
        all.len(),
        count(Outcome::Failed),
        count(Outcome::Skipped),
        started.format("%Y-%m-%d"),
        started.format("%H:%M:%S"),
    ));
    out.push_str(&format!(
        "  <environment user=\"admin\" machine-name=\"ERSIM-LAB\" cwd=\"{}\" user-domain=\"ERSIM-LAB\" platform=\"Microsoft Windows 10 Enterprise|C:\\WINDOWS|\\Device\\Harddisk0\\Partition3\" nunit-version=\"2.5.8.0\" os-version=\"10.0.19045\" clr-version=\"4.0.30319.42000\" />\n",
        escape(cwd)
    ));
    out.push_str("  <culture-info current-culture=\"en-US\" current-uiculture=\"en-US\" />\n");
    let total: i64 = containers.iter().map(|c| c.ticks + c.discovery_ticks).sum();
    let discovery_failed = containers.iter().any(|c| c.discovery_error.is_some());
    suite_open_failing(&mut out, 1, "Pester", &all, total, discovery_failed, None);
    for c in containers {
        let tests: Vec<&TestResult> = c.tests.iter().filter(|t| t.outcome != Outcome::NotRun).collect();
        suite_open_failing(&mut out, 3, &c.path, &tests, c.ticks + c.discovery_ticks, false, c.discovery_error.as_ref());
        level(&mut out, 5, 0, &tests);
        suite_close(&mut out, 3);
    }
    suite_close(&mut out, 1);
    out.push_str("</test-results>\n");
    out
}

/// Writes the result file where the settings say, through the lab's file rules.
pub fn write(ctx: &mut Ctx, fs: &LabFs, settings: &Settings, containers: &[ContainerResult], started: NaiveDateTime) -> EvalResult<()> {
    let cwd = fs.location().to_string();
    // Settings only hold a format of RESULT_FORMATS: NUnit by either name, or JUnit.
    let text =
        if settings.result_format.eq_ignore_ascii_case("JUnitXml") { super::junit::document(containers, &cwd) } else { document(containers, started, &cwd) };
    let written = fs.resolve(&settings.result_path).and_then(|item| fs.write_text(&item, &text, Encoding::Utf8, WriteMode::Create, ctx.interp.clock.now()));
    if let Err(e) = written {
        return ctx.write_error(ErrorRecord::new(e.to_string(), "System.IO.IOException", ErrorCategory::WriteError, "TestResultWriteError,Invoke-Pester"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(path: &[&str], name: &str, outcome: Outcome) -> TestResult {
        TestResult {
            path: path.iter().map(|p| p.to_string()).collect(),
            name: name.into(),
            expanded: name.into(),
            outcome,
            ticks: 12_345,
            errors: Vec::new(),
            note: None,
            tags: Vec::new(),
            data: None,
        }
    }

    #[test]
    fn suites_nest_by_block_and_a_failure_fails_every_suite_above_it() {
        let c = ContainerResult {
            path: "C:\\t\\a.Tests.ps1".into(),
            kind: "File",
            tests: vec![result(&["d"], "one", Outcome::Passed), result(&["d", "c"], "two", Outcome::Failed), result(&["e"], "three", Outcome::NotRun)],
            ..Default::default()
        };
        let started = chrono::NaiveDate::from_ymd_opt(2016, 10, 3).and_then(|d| d.and_hms_opt(9, 0, 0)).expect("a date");
        let xml = document(&[c], started, "C:\\t");
        assert!(xml.contains("total=\"2\""), "not-run tests are left out");
        assert!(xml.contains("<test-suite type=\"TestFixture\" name=\"d\" executed=\"True\" result=\"Failure\""));
        assert!(xml.contains("<test-suite type=\"TestFixture\" name=\"c\" executed=\"True\" result=\"Failure\""));
        assert!(xml.contains("name=\"d.one\" time=\"0.001\""));
        assert!(!xml.contains("name=\"e\""));
        assert_eq!(xml.matches("<test-suite ").count(), xml.matches("</test-suite>").count());
        // d holds a test and a Context: the Context's suite first, then the test in a suite of its own.
        let (context, wrapper) = (xml.find("name=\"c\"").expect("the Context"), xml.find("name=\"d.one\" executed").expect("the wrapper"));
        assert!(context < wrapper && wrapper < xml.find("name=\"d.one\" time").expect("the test"));
    }

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(escape("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&apos;");
    }
}
