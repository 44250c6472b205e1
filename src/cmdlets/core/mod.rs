//! The host's own cmdlets (Microsoft.PowerShell.Core and .Utility).

mod add_member;
mod add_type;
mod commands_info;
mod compare;
mod credentials;
mod csv;
mod culture;
mod file_modules;
pub mod files;
mod format_wide;
mod formatting;
mod gather;
mod group_object;
pub mod help;
mod history;
mod host_info;
mod import_module;
mod install_module;
mod invoke_command;
mod jobs;
mod measure_object;
mod objects;
mod offline;
mod output;
mod parameter_metadata;
mod progress;
mod random;
mod select_xml;
mod strict_mode;
mod string_data;
mod timespan;
pub mod utility;
mod variables;
mod verbs;

pub use file_modules::module_scope;
pub use jobs::start_job;

use crate::engine::module::Module;

pub use commands_info::{command_names, CommandNames};

/// The host's own commands, the views of the .NET types they write, and 5.1's aliases.
pub fn module() -> Module {
    let mut m = Module::new("Microsoft.PowerShell.Core", "3.0.0.0");
    m.commands = output::commands();
    m.commands.extend(objects::commands());
    m.commands.extend(group_object::commands());
    m.commands.extend(measure_object::commands());
    m.commands.extend(formatting::commands());
    m.commands.extend(format_wide::commands());
    m.commands.extend(utility::commands());
    m.commands.extend(help::commands());
    m.commands.extend(import_module::commands());
    m.commands.extend(install_module::commands());
    m.commands.extend(add_member::commands());
    m.commands.extend(csv::commands());
    m.commands.extend(culture::commands());
    m.commands.extend(credentials::commands());
    m.commands.extend(offline::commands());
    m.commands.extend(random::commands());
    m.commands.extend(timespan::commands());
    m.commands.extend(files::commands());
    m.commands.extend(strict_mode::commands());
    m.commands.extend(history::commands());
    m.commands.extend(host_info::commands());
    m.commands.extend(invoke_command::commands());
    m.commands.extend(string_data::commands());
    m.commands.extend(verbs::commands());
    m.commands.extend(progress::commands());
    m.commands.extend(jobs::commands());
    m.commands.extend(commands_info::commands());
    m.commands.extend(compare::commands());
    m.commands.extend(file_modules::commands());
    m.commands.extend(variables::commands());
    m.commands.extend(select_xml::commands());
    m.views = crate::format::view::dotnet_views();
    m.views.push(help::help_view());
    m.views.push(culture::culture_view());
    m.views.extend(files::views());
    m.views.push(history::history_view());
    m.views.push(jobs::job_view());
    m.views.extend(commands_info::views());
    m.views.push(file_modules::module_view());
    m.enums = offline::ENUMS.to_vec();
    m.enums.push(&add_member::PS_MEMBER_TYPES);
    m.enums.push(&variables::SCOPED_ITEM_OPTIONS);
    m.aliases = ALIASES.to_vec();
    m.aliases.extend_from_slice(files::ALIASES);
    m.aliases.extend_from_slice(history::ALIASES);
    m.aliases.extend_from_slice(commands_info::ALIASES);
    m
}

/// The built-in aliases of Windows PowerShell 5.1 that scripts use.
pub const ALIASES: &[(&str, &str)] = &[
    ("%", "ForEach-Object"),
    ("icm", "Invoke-Command"),
    ("sajb", "Start-Job"),
    ("gjb", "Get-Job"),
    ("wjb", "Wait-Job"),
    ("rcjb", "Receive-Job"),
    ("spjb", "Stop-Job"),
    ("rjb", "Remove-Job"),
    ("foreach", "ForEach-Object"),
    ("?", "Where-Object"),
    ("where", "Where-Object"),
    ("select", "Select-Object"),
    ("sort", "Sort-Object"),
    ("group", "Group-Object"),
    ("measure", "Measure-Object"),
    ("fl", "Format-List"),
    ("ft", "Format-Table"),
    ("fw", "Format-Wide"),
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
    ("compare", "Compare-Object"),
    ("diff", "Compare-Object"),
    ("gu", "Get-Unique"),
];
