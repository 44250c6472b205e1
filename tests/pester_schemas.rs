//! The result files Invoke-Pester writes (NUnit 2.5 and JUnit 4) are valid against the schemas
//! Pester's own tests validate its files against (`tests/fixtures/schemas/`), for runs that
//! pass, fail, skip, nest Describe and Context, use TestCases, have a failing BeforeAll or fail
//! discovery.
//! The validator is `xsd_check`; the negative tests show it rejects broken files, so the
//! positive ones cannot pass vacuously.

mod common;
mod xsd_check;

use std::path::Path;

use common::{ersim, text, TempDir};
use xsd_check::Schema;

fn schema(name: &str) -> Schema {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schemas").join(name);
    Schema::parse(&std::fs::read_to_string(&path).expect("the schema fixture exists"))
}

fn nunit() -> Schema {
    schema("nunit_schema_2.5.xsd")
}

fn junit() -> Schema {
    schema("junit_schema_4.xsd")
}

/// Test files covering every outcome and shape; each lands in `C:\ci` of the lab drive.
const TEST_FILES: &[(&str, &str)] = &[
    (
        "Outcomes.Tests.ps1",
        r#"
Describe 'Outcomes' {
    It 'passes' { 1 | Should -Be 1 }
    It 'fails' { 1 | Should -Be 2 }
    It 'is skipped' -Skip { }
    It 'skips itself' { Set-ItResult -Skipped -Because 'not today' }
    It 'escapes <&> "quotes"' { 'a&b' | Should -Be 'a&c' }
}
"#,
    ),
    (
        "Nested.Tests.ps1",
        r#"
Describe 'Outer' {
    Context 'first' {
        It 'one' { $true | Should -BeTrue }
        Context 'deeper' {
            It 'two' { throw 'broken' }
        }
    }
    Context 'second' {
        It 'three' { 3 | Should -Be 3 }
    }
}
"#,
    ),
    (
        "Cases.Tests.ps1",
        r#"
Describe 'Cases' {
    It 'adds <a> and <b>' -TestCases @(
        @{ a = 1; b = 2; sum = 3 }
        @{ a = 2; b = 2; sum = 5 }
    ) {
        param($a, $b, $sum)
        $a + $b | Should -Be $sum
    }
}
"#,
    ),
    (
        "Setup.Tests.ps1",
        r#"
Describe 'Setup fails' {
    BeforeAll { throw 'no lab today' }
    It 'never runs' { 1 | Should -Be 1 }
}
Describe 'Setup works' {
    It 'runs' { 1 | Should -Be 1 }
}
"#,
    ),
];

/// Writes the test files, runs Invoke-Pester once per format on the lab drive under a temp
/// dir, and returns (NUnit text, JUnit text).
fn result_files(name: &str, files: &[(&str, &str)]) -> (String, String) {
    let dir = TempDir::new(name);
    let drive = dir.0.join("drive");
    let ci = drive.join("C").join("ci");
    std::fs::create_dir_all(&ci).expect("create the test folder");
    for (file, body) in files {
        std::fs::write(ci.join(file), body).expect("write a test file");
    }
    let script = r"
$c = New-PesterConfiguration
$c.Run.Path = 'C:\ci'
$c.Output.Verbosity = 'None'
$c.TestResult.Enabled = $true
$c.TestResult.OutputPath = 'C:\nunit.xml'
Invoke-Pester -Configuration $c
$c.TestResult.OutputFormat = 'JUnitXml'
$c.TestResult.OutputPath = 'C:\junit.xml'
Invoke-Pester -Configuration $c
";
    let out = ersim()
        .current_dir(&dir.0)
        .args(["-NonInteractive", "-InMemory", "-DriveRoot"])
        .arg(&drive)
        .args(["-Command", script])
        .output()
        .expect("the ersim binary runs");
    assert!(text(&out.stderr).is_empty(), "Invoke-Pester wrote errors:\n{}", text(&out.stderr));
    let read = |f: &str| std::fs::read_to_string(drive.join("C").join(f)).unwrap_or_else(|e| panic!("{f} was not written: {e}"));
    (read("nunit.xml"), read("junit.xml"))
}

#[test]
fn nunit_and_junit_result_files_are_valid_against_their_schemas() {
    let (nunit_xml, junit_xml) = result_files("schemas-valid", TEST_FILES);
    // The run really holds every outcome, so validity covers each shape of element.
    for needle in ["result=\"Success\"", "result=\"Failure\"", "result=\"Ignored\"", "Outer.first.deeper.two", "adds 2 and 2", "Setup fails"] {
        assert!(nunit_xml.contains(needle), "the NUnit file lacks {needle:?}:\n{nunit_xml}");
    }
    for needle in ["<failure ", "<skipped", "status=\"Passed\"", "Outer.first.deeper.two"] {
        assert!(junit_xml.contains(needle), "the JUnit file lacks {needle:?}:\n{junit_xml}");
    }
    if let Err(e) = nunit().validate(&nunit_xml) {
        panic!("the NUnit 2.5 file is invalid: {e}\n{nunit_xml}");
    }
    if let Err(e) = junit().validate(&junit_xml) {
        panic!("the JUnit 4 file is invalid: {e}\n{junit_xml}");
    }
}

/// A valid NUnit document with one edit applied; the edit must be found.
fn broken_nunit(valid: &str, from: &str, to: &str) -> String {
    assert!(valid.contains(from), "the edit {from:?} does not apply");
    valid.replacen(from, to, 1)
}

const NUNIT_MINIMAL: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<test-results name="Pester" total="1" errors="0" failures="0" not-run="0" inconclusive="0" ignored="0" skipped="0" invalid="0" date="2016-10-03" time="09:00:00">
  <environment user="u" machine-name="m" cwd="C:\" user-domain="d" platform="p" nunit-version="2.5.8.0" os-version="10" clr-version="4" />
  <culture-info current-culture="en-US" current-uiculture="en-US" />
  <test-suite type="TestFixture" name="Pester" executed="True" result="Success">
    <results>
      <test-case name="d.t" executed="True" result="Success" />
    </results>
  </test-suite>
</test-results>
"#;

#[test]
fn the_validator_accepts_a_minimal_valid_file() {
    nunit().validate(NUNIT_MINIMAL).expect("the minimal file is valid");
}

#[test]
fn a_missing_required_attribute_is_rejected() {
    let xml = broken_nunit(NUNIT_MINIMAL, " executed=\"True\" result=\"Success\" />", " result=\"Success\" />");
    let e = nunit().validate(&xml).expect_err("executed is required");
    assert!(e.contains("required attribute executed"), "{e}");
}

#[test]
fn an_element_out_of_order_is_rejected() {
    let env = "  <environment user=\"u\" machine-name=\"m\" cwd=\"C:\\\" user-domain=\"d\" platform=\"p\" nunit-version=\"2.5.8.0\" os-version=\"10\" clr-version=\"4\" />\n";
    let culture = "  <culture-info current-culture=\"en-US\" current-uiculture=\"en-US\" />\n";
    let xml = broken_nunit(NUNIT_MINIMAL, &format!("{env}{culture}"), &format!("{culture}{env}"));
    let e = nunit().validate(&xml).expect_err("environment comes first");
    assert!(e.contains("<culture-info> (number 1) is not allowed"), "{e}");
}

#[test]
fn an_unknown_element_or_attribute_is_rejected() {
    let xml = broken_nunit(NUNIT_MINIMAL, "<results>", "<results>\n      <test-step name=\"x\" />");
    assert!(nunit().validate(&xml).expect_err("test-step is not in the schema").contains("<test-step>"));
    let xml = broken_nunit(NUNIT_MINIMAL, "<test-case ", "<test-case colour=\"red\" ");
    assert!(nunit().validate(&xml).expect_err("colour is not declared").contains("attribute colour is not declared"));
}

#[test]
fn a_value_outside_its_type_is_rejected() {
    // The schemas declare no enumerations or patterns; their typed values are the decimal counts.
    let xml = broken_nunit(NUNIT_MINIMAL, "total=\"1\"", "total=\"one\"");
    let e = nunit().validate(&xml).expect_err("total is an xs:decimal");
    assert!(e.contains("/test-results/@total") && e.contains("xs:decimal"), "{e}");
}

#[test]
fn results_cannot_mix_suites_and_cases() {
    // resultsType is a single choice: either test-suites or test-cases, never both.
    let xml = broken_nunit(
        NUNIT_MINIMAL,
        "<results>\n",
        "<results>\n      <test-suite type=\"TestFixture\" name=\"c\" executed=\"True\" result=\"Success\"><results /></test-suite>\n",
    );
    let e = nunit().validate(&xml).expect_err("a test-case after a test-suite");
    assert!(e.contains("<test-case> (number 2) is not allowed"), "{e}");
}

#[test]
fn junit_rejects_a_failure_before_skipped_and_text_in_element_only_content() {
    let valid = "<testsuites><testsuite name=\"f\" tests=\"1\"><testcase name=\"t\"><skipped /><failure message=\"m\">trace</failure></testcase></testsuite></testsuites>";
    junit().validate(valid).expect("skipped then failure is the schema's order");
    let swapped = valid.replace("<skipped /><failure message=\"m\">trace</failure>", "<failure message=\"m\">trace</failure><skipped />");
    assert!(junit().validate(&swapped).expect_err("skipped comes first").contains("<skipped> (number 2) is not allowed"));
    let texted = valid.replace("<testcase name=\"t\">", "<testcase name=\"t\">loose text");
    assert!(junit().validate(&texted).expect_err("testcase is element-only").contains("text is not allowed"));
    let unnamed = valid.replace(" name=\"t\"", "");
    assert!(junit().validate(&unnamed).expect_err("testcase needs a name").contains("required attribute name"));
}

#[test]
fn a_file_that_fails_discovery_still_gives_valid_result_files() {
    let files = [("Broken.Tests.ps1", "Describe 'open' {\n    It 'never closed' { 1 | Should -Be 1\n"), TEST_FILES[0]];
    let (nunit_xml, junit_xml) = result_files("schemas-discovery", &files);
    // The broken file's suite fails and carries the parse error before its (empty) results.
    assert!(nunit_xml.contains("result=\"Failure\" success=\"False\" time=\"0.000\" asserts=\"0\" description=\"C:\\ci\\Broken.Tests.ps1\">\n        <failure>\n          <message>ParseException: "), "{nunit_xml}");
    nunit().validate(&nunit_xml).unwrap_or_else(|e| panic!("the NUnit 2.5 file is invalid: {e}\n{nunit_xml}"));
    junit().validate(&junit_xml).unwrap_or_else(|e| panic!("the JUnit 4 file is invalid: {e}\n{junit_xml}"));
}
