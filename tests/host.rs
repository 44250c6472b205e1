//! The console host driven through the library with scripted answers: the
//! prompts that need a terminal (missing mandatory parameters, Read-Host,
//! confirmations) and -Command's exit codes.

mod common;

use ersim::host::session::{run_command, SessionOptions};

/// Runs `script` with the answers queued for prompts; returns (stdout, stderr).
fn run(script: &str, answers: &[&str]) -> (String, String) {
    let (mut session, out, err) = common::answered_session(answers);
    common::run_in(&mut session, script);
    (out.text(), err.text())
}

#[test]
fn missing_mandatory_parameters_are_prompted_for() {
    let (out, err) = run("function Get-Sq { param([Parameter(Mandatory)][int]$N) $N * $N }\nGet-Sq", &["7"]);
    assert_eq!(out, "\ncmdlet Get-Sq at command pipeline position 1\nSupply values for the following parameters:\nN: 7\n49\n");
    assert_eq!(err, "");
}

#[test]
fn prompts_ask_again_after_a_format_error_and_read_arrays_until_an_empty_line() {
    let (out, _) = run("function Get-Sq { param([Parameter(Mandatory)][int]$N) $N * $N }\nGet-Sq", &["abc", "3"]);
    assert_eq!(out, "\ncmdlet Get-Sq at command pipeline position 1\nSupply values for the following parameters:\nN: abc\nCannot recognize \"abc\" as a System.Int32 due to a format error.\nN: 3\n9\n");
    let (out, _) = run("function Join-All { param([Parameter(Mandatory)][string[]]$Name) $Name -join '+' }\nJoin-All", &["a", "b", ""]);
    assert!(out.ends_with("Name[0]: a\nName[1]: b\nName[2]: \na+b\n"), "{out}");
}

#[test]
fn confirmations_show_5_1_choices_and_help() {
    let (out, err) = run("Reset-ErSimState; 'done'", &["?", "n"]);
    let choice = "[Y] Yes  [N] No  [S] Suspend  [?] Help (default is \"Y\"): ";
    // The query is word-wrapped at the window width − 1 (119 here); the space that does not
    // fit starts the next line, as in 5.1's WrapText.
    let expected = format!(
        "\nConfirm\nAre you sure you want to replace the simulated world with a fresh one? Every circuit, peering, link and setting will be\n lost.\n{choice}?\nY - Continue with only the next step of the operation.\nN - Skip this operation and proceed with the next operation.\nS - Pause the current pipeline and return to the command prompt. Type \"exit\" to resume the pipeline.\n{choice}n\ndone\n"
    );
    assert_eq!(out, expected);
    assert_eq!(err, "");
}

#[test]
fn suspend_opens_a_nested_prompt_until_exit() {
    let (out, _) = run("Reset-ErSimState; 'after'", &["s", "'nested'", "exit", "n"]);
    // The nested prompt keeps the subscription the outer prompt shows.
    assert!(out.contains("PS [Contoso Production] C:\\Users\\admin>> 'nested'\nnested\nPS [Contoso Production] C:\\Users\\admin>> exit\n"), "{out}");
    assert!(out.ends_with("n\nafter\n"), "{out}");
}

#[test]
fn read_host_adds_a_colon_to_its_prompt() {
    let (out, _) = run("$n = Read-Host 'Circuit name'; \"got $n\"", &["MyCircuit"]);
    assert_eq!(out, "Circuit name: MyCircuit\ngot MyCircuit\n");
}

#[test]
fn read_host_fails_without_anyone_to_answer() {
    let code = run_command("Read-Host 'x'", SessionOptions { interactive: false, in_memory: true, ..Default::default() });
    assert_eq!(code, 1);
}

#[test]
fn command_exit_code_follows_the_last_status() {
    let quiet = || SessionOptions { interactive: false, in_memory: true, ..Default::default() };
    assert_eq!(run_command("$null", quiet()), 0);
    assert_eq!(run_command("Write-Error 'x' -ErrorAction SilentlyContinue", quiet()), 1);
    assert_eq!(run_command("exit 7", quiet()), 7);
}

const NEW_CIRCUIT: &str = "New-AzureDedicatedCircuit -CircuitName c1 -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData | Out-Null; (Get-AzureDedicatedCircuit | Measure-Object).Count";

#[test]
fn a_declined_confirmation_creates_nothing_and_yes_creates_the_circuit() {
    let question = "Are you sure you want to create a new dedicated circuit with name c1 and service provider Equinix. You will be billed \nfor this circuit once this command succeeds.\n[Y] Yes  [N] No  [S] Suspend  [?] Help (default is \"Y\"): ";
    let (no, _) = run(NEW_CIRCUIT, &["N"]);
    assert!(no.starts_with(&format!("\nConfirm\n{question}N\n")), "{no}");
    assert!(no.ends_with("0\n"), "{no}");
    let (yes, _) = run(NEW_CIRCUIT, &["Y"]);
    assert!(yes.ends_with("1\n"), "{yes}");
}

#[test]
fn nested_prompt_level_counts_the_nested_prompts() {
    let (out, _) = run("\"level $NestedPromptLevel\"; Reset-ErSimState; \"back at $NestedPromptLevel\"", &["s", "\"inside $NestedPromptLevel\"", "exit", "n"]);
    assert!(out.starts_with("level 0\n"), "{out}");
    assert!(out.contains("inside 1\n"), "{out}");
    assert!(out.ends_with("back at 0\n"), "{out}");
}
