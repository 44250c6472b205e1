//! `-PassThru`'s result object, shaped as Pester 5's `Pester.Run`: the counts, `Result`,
//! the tests (`Pester.Test`) and the files (`Pester.Container`).

use crate::engine::value::{PsObject, Value};

use super::run::{ContainerResult, Outcome, TestResult};

fn test_object(t: &TestResult) -> Value {
    let mut o = PsObject::typed("Pester.Test");
    o.add_note("Name", Value::str(&t.name));
    o.add_note("Path", Value::array([t.path.clone(), vec![t.name.clone()]].concat().into_iter().map(Value::str).collect()));
    o.add_note("Data", t.data.clone().unwrap_or(Value::Null));
    o.add_note("ExpandedName", Value::str(&t.expanded));
    o.add_note("ExpandedPath", Value::str(t.full_name()));
    o.add_note("Result", Value::str(t.outcome.name()));
    o.add_note("ErrorRecord", Value::array(t.errors.iter().map(|e| Value::Error(e.clone())).collect()));
    o.add_note("Duration", Value::TimeSpan(t.ticks));
    o.add_note("Tag", Value::array(t.tags.iter().map(Value::str).collect()));
    o.add_note("Passed", Value::Bool(t.outcome == Outcome::Passed));
    o.add_note("Skipped", Value::Bool(t.outcome == Outcome::Skipped));
    o.add_note("Executed", Value::Bool(matches!(t.outcome, Outcome::Passed | Outcome::Failed)));
    Value::object(o)
}

fn count(tests: &[&TestResult], o: Outcome) -> usize {
    tests.iter().filter(|t| t.outcome == o).count()
}

fn counts(o: &mut PsObject, tests: &[&TestResult]) {
    o.add_note("PassedCount", Value::Int(count(tests, Outcome::Passed) as i32));
    o.add_note("FailedCount", Value::Int(count(tests, Outcome::Failed) as i32));
    o.add_note("SkippedCount", Value::Int(count(tests, Outcome::Skipped) as i32));
    o.add_note("NotRunCount", Value::Int(count(tests, Outcome::NotRun) as i32));
    o.add_note("TotalCount", Value::Int(tests.len() as i32));
}

fn container_object(c: &ContainerResult) -> Value {
    let mut o = PsObject::typed("Pester.Container");
    o.add_note("Type", Value::str(c.kind));
    o.add_note("Item", Value::str(&c.path));
    o.add_note("Result", Value::str(if c.passed() { "Passed" } else { "Failed" }));
    let tests: Vec<&TestResult> = c.tests.iter().collect();
    counts(&mut o, &tests);
    o.add_note("Duration", Value::TimeSpan(c.ticks + c.discovery_ticks));
    o.add_note("DiscoveryDuration", Value::TimeSpan(c.discovery_ticks));
    o.add_note("ErrorRecord", Value::array(c.discovery_error.iter().map(|e| Value::Error(e.clone())).collect()));
    Value::object(o)
}

pub fn run_object(containers: &[ContainerResult], ticks: i64) -> Value {
    let tests: Vec<&TestResult> = containers.iter().flat_map(|c| &c.tests).collect();
    let failed_blocks: usize = containers.iter().map(|c| c.failed_blocks.len()).sum();
    let failed_containers = containers.iter().filter(|c| c.discovery_error.is_some()).count();
    let passed = containers.iter().all(ContainerResult::passed);
    let mut o = PsObject::typed("Pester.Run");
    o.add_note("Containers", Value::array(containers.iter().map(container_object).collect()));
    o.add_note("Result", Value::str(if passed { "Passed" } else { "Failed" }));
    o.add_note("FailedCount", Value::Int(count(&tests, Outcome::Failed) as i32));
    o.add_note("FailedBlocksCount", Value::Int(failed_blocks as i32));
    o.add_note("FailedContainersCount", Value::Int(failed_containers as i32));
    o.add_note("PassedCount", Value::Int(count(&tests, Outcome::Passed) as i32));
    o.add_note("SkippedCount", Value::Int(count(&tests, Outcome::Skipped) as i32));
    o.add_note("NotRunCount", Value::Int(count(&tests, Outcome::NotRun) as i32));
    o.add_note("TotalCount", Value::Int(tests.len() as i32));
    o.add_note("Duration", Value::TimeSpan(ticks));
    o.add_note("Executed", Value::Bool(true));
    o.add_note("Version", Value::str(super::PESTER_VERSION));
    let of = |out: Outcome| Value::array(tests.iter().filter(|t| t.outcome == out).map(|t| test_object(t)).collect());
    o.add_note("Passed", of(Outcome::Passed));
    o.add_note("Failed", of(Outcome::Failed));
    o.add_note("Skipped", of(Outcome::Skipped));
    o.add_note("NotRun", of(Outcome::NotRun));
    o.add_note("Tests", Value::array(tests.iter().map(|t| test_object(t)).collect()));
    Value::object(o)
}
