//! The host's own cmdlets (Microsoft.PowerShell.Core and .Utility).

mod formatting;
mod gather;
pub mod help;
mod objects;
mod output;
pub mod utility;

use crate::engine::command::CommandInfo;

pub fn commands() -> Vec<CommandInfo> {
    let mut all = output::commands();
    all.extend(objects::commands());
    all.extend(formatting::commands());
    all.extend(utility::commands());
    all.extend(help::commands());
    all
}

/// The built-in aliases of Windows PowerShell 5.1 that scripts use.
pub const ALIASES: &[(&str, &str)] = &[
    ("%", "ForEach-Object"),
    ("foreach", "ForEach-Object"),
    ("?", "Where-Object"),
    ("where", "Where-Object"),
    ("select", "Select-Object"),
    ("sort", "Sort-Object"),
    ("group", "Group-Object"),
    ("measure", "Measure-Object"),
    ("fl", "Format-List"),
    ("ft", "Format-Table"),
    ("gcm", "Get-Command"),
    ("gm", "Get-Member"),
    ("gv", "Get-Variable"),
    ("sv", "Set-Variable"),
    ("rv", "Remove-Variable"),
    ("echo", "Write-Output"),
    ("write", "Write-Output"),
    ("iex", "Invoke-Expression"),
    ("sleep", "Start-Sleep"),
    ("oh", "Out-Host"),
];
