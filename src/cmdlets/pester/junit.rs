//! The JUnit 4 result file (`TestResult.OutputFormat = 'JUnitXml'`): a testsuite per file
//! with the simulated machine's properties, a testcase per test named `Describe.It` with its
//! status, and a failure's message and stack trace. Tests the filters left out count as
//! `disabled`, as Pester counts them.

use super::nunit::{escape, message_and_trace, seconds};
use super::run::{ContainerResult, Outcome};

pub fn document(containers: &[ContainerResult], cwd: &str) -> String {
    let count = |c: &ContainerResult, o: Outcome| c.tests.iter().filter(|t| t.outcome == o).count();
    let tests: usize = containers.iter().map(|c| c.tests.len()).sum();
    let failures: usize = containers.iter().map(|c| count(c, Outcome::Failed)).sum();
    let disabled: usize = containers.iter().map(|c| count(c, Outcome::NotRun)).sum();
    let errors = containers.iter().filter(|c| c.discovery_error.is_some()).count();
    let total: i64 = containers.iter().map(|c| c.ticks + c.discovery_ticks).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\"?>\n");
    out.push_str(&format!(
        "<testsuites xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"junit_schema_4.xsd\" name=\"Pester\" tests=\"{tests}\" errors=\"{errors}\" failures=\"{failures}\" disabled=\"{disabled}\" time=\"{}\">\n",
        seconds(total)
    ));
    for (id, c) in containers.iter().enumerate() {
        let path = escape(&c.path);
        out.push_str(&format!(
            "  <testsuite name=\"{path}\" tests=\"{}\" errors=\"{}\" failures=\"{}\" hostname=\"ERSIM-LAB\" id=\"{id}\" skipped=\"{}\" disabled=\"{}\" package=\"{path}\" time=\"{}\">\n",
            c.tests.len(),
            usize::from(c.discovery_error.is_some()),
            count(c, Outcome::Failed),
            count(c, Outcome::Skipped),
            count(c, Outcome::NotRun),
            seconds(c.ticks + c.discovery_ticks)
        ));
        out.push_str("    <properties>\n");
        for (name, value) in [
            ("os-version", "10.0.19045"),
            ("platform", "Microsoft Windows 10 Enterprise|C:\\WINDOWS|\\Device\\Harddisk0\\Partition3"),
            ("cwd", cwd),
            ("user", "admin"),
            ("user-domain", "ERSIM-LAB"),
            ("machine-name", "ERSIM-LAB"),
            ("junit-version", "4"),
        ] {
            out.push_str(&format!("      <property name=\"{name}\" value=\"{}\" />\n", escape(value)));
        }
        out.push_str("    </properties>\n");
        for t in c.tests.iter().filter(|t| t.outcome != Outcome::NotRun) {
            let head = format!(
                "    <testcase name=\"{}\" status=\"{}\" classname=\"{path}\" assertions=\"0\" time=\"{}\"",
                escape(&t.full_name()),
                t.outcome.name(),
                seconds(t.ticks)
            );
            match t.outcome {
                Outcome::Failed => {
                    let (message, trace) = message_and_trace(t);
                    out.push_str(&format!(
                        "{head}>\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                        escape(&message).replace('\n', "&#xA;"),
                        escape(&trace)
                    ));
                }
                Outcome::Skipped => out.push_str(&format!("{head}>\n      <skipped />\n    </testcase>\n")),
                _ => out.push_str(&format!("{head} />\n")),
            }
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}
