//! Binding any argument list to a real registered cmdlet returns: the command runs or a
//! binding (or command) error is reported — never a panic. Arguments are drawn from each
//! cmdlet's own metadata (names, aliases, prefixes, ValidateSet values) mixed with unknown
//! names, positional values of every kind, and pipeline input.

mod common;

use proptest::prelude::*;

/// Cmdlets that read or write a file the user names. The session starts in a folder of its
/// own, so nothing lands in the crate; these are still left out so that each case binds a
/// command rather than spending its time on files (Invoke-Pester searches its start folder,
/// Start-Transcript and Tee-Object write the file they are given).
const NAMES_FILES: [&str; 19] = [
    "Invoke-Pester",
    "Start-Transcript",
    "Tee-Object",
    "Export-ErSimState",
    "Import-ErSimState",
    "Get-AzureVNetConfig",
    "Set-AzureVNetConfig",
    "Set-Content",
    "Add-Content",
    "Clear-Content",
    "Out-File",
    "New-Item",
    "Remove-Item",
    "Copy-Item",
    "Move-Item",
    "Rename-Item",
    "Export-Csv",
    "Set-Location",
    "Push-Location",
];

const VALUES: [&str; 16] = [
    "1",
    "-5",
    "0",
    "99999999999",
    "3.5",
    "'text'",
    "''",
    "$null",
    "@()",
    "@(1, 'a', $null)",
    "@{ a = 1 }",
    "$true",
    "[guid]::Empty",
    "'Silicon Valley'",
    "'Equinix'",
    "(Get-Date)",
];

#[derive(Debug, Clone)]
enum Arg {
    /// A parameter of the command by index (name, alias or prefix), with or without a value.
    Param {
        index: usize,
        spelling: u8,
        value: Option<usize>,
        colon: bool,
    },
    Unknown {
        value: Option<usize>,
    },
    Positional(usize),
}

fn arg() -> impl Strategy<Value = Arg> {
    let value = 0..VALUES.len() + 4;
    prop_oneof![
        4 => (any::<usize>(), 0u8..3, prop::option::of(value.clone()), any::<bool>()).prop_map(|(index, spelling, value, colon)| Arg::Param { index, spelling, value, colon }),
        1 => prop::option::of(value.clone()).prop_map(|value| Arg::Unknown { value }),
        2 => value.prop_map(Arg::Positional),
    ]
}

/// A value literal; indexes past VALUES pick from the parameter's ValidateSet.
fn value_text(i: usize, set: Option<&Vec<String>>) -> String {
    match (VALUES.get(i), set) {
        (Some(v), _) => v.to_string(),
        (None, Some(set)) if !set.is_empty() => format!("'{}'", set[i % set.len()]),
        (None, _) => "'other'".into(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn binding_any_arguments_to_a_cmdlet_returns(command in any::<usize>(), args in prop::collection::vec(arg(), 0..6), input in prop::option::of(0..VALUES.len())) {
        // Any command may write a file by a relative name (Tee-Object 'other'): the session
        // starts in a folder of its own.
        let home = common::TempDir::new("props-binding");
        let (mut s, _, _) = common::session_in(&home.0);
        let commands: Vec<_> = s.interp.all_commands().into_iter().filter(|c| !NAMES_FILES.contains(&c.name.as_str())).collect();
        let info = &commands[command % commands.len()];
        let mut line = match input {
            Some(i) => format!("{} | {}", VALUES[i], info.name),
            None => info.name.clone(),
        };
        for a in &args {
            let text = match a {
                Arg::Param { index, spelling, value, colon } if !info.params.is_empty() => {
                    let p = &info.params[index % info.params.len()];
                    let name = match spelling {
                        0 => p.name.clone(),
                        1 => p.aliases.first().cloned().unwrap_or_else(|| p.name.clone()),
                        _ => p.name.chars().take(2).collect(),
                    };
                    match (value, colon) {
                        (Some(v), true) => format!("-{name}:{}", value_text(*v, p.validate_set.as_ref())),
                        (Some(v), false) => format!("-{name} {}", value_text(*v, p.validate_set.as_ref())),
                        (None, _) => format!("-{name}"),
                    }
                }
                Arg::Param { .. } | Arg::Unknown { value: None } => "-NoSuchParameter".into(),
                Arg::Unknown { value: Some(v) } => format!("-NoSuchParameter {}", value_text(*v, None)),
                Arg::Positional(v) => value_text(*v, None),
            };
            line.push(' ');
            line.push_str(&text);
        }
        s.interp.step_budget.set(Some(100_000));
        // A panic fails the case; any outcome is an answer.
        common::run_in(&mut s, &line);
    }
}
