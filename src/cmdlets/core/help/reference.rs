//! docs/cmdlet-reference.md, generated from the same metadata as Get-Help.
//! `tests/help.rs` fails when the committed file differs from this output.

use crate::engine::command::CommandInfo;

use super::syntax::{attributes, input_types, output_types, paragraphs, positions, syntax_lines, type_name};

/// The lab every example may assume (tests/help.rs runs it before each one, in
/// a folder holding `NetworkConfig.xml`, a copy of scripts/network.xml): `$key`
/// is a circuit of Contoso Production that Equinix has provisioned, and the
/// subscription has the virtual network MyVNet (without a gateway).
pub const EXAMPLE_SETUP: &str = "$key = (New-AzureDedicatedCircuit -CircuitName 'LabCircuit' -ServiceProviderName 'Equinix' -Bandwidth 200 `
    -Location 'Silicon Valley' -Sku Standard -BillingType MeteredData -Force).ServiceKey
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Set-AzureVNetConfig -ConfigurationPath .\\NetworkConfig.xml | Out-Null";

/// Modules in reference order: the ExpressRoute module, the classic Azure
/// cmdlets it needs, the simulation controls, then the host's own.
fn module_rank(module: &str) -> (usize, String) {
    let rank = match module {
        "ExpressRoute" => 0,
        "Azure" => 1,
        "ErSim" => 2,
        _ => 3,
    };
    (rank, module.to_string())
}

fn anchor(name: &str) -> String {
    name.to_ascii_lowercase().chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ' ').map(|c| if c == ' ' { '-' } else { c }).collect()
}

/// Markdown table cells hold no pipes or line breaks.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The whole reference for these commands (cmdlets only; aliases and functions are not listed).
pub fn markdown(commands: &[&CommandInfo]) -> String {
    let mut cmds: Vec<&CommandInfo> = commands.to_vec();
    cmds.sort_by_key(|c| (module_rank(&c.module), c.name.to_ascii_lowercase()));
    let mut out = String::from(
        "# Cmdlet reference\n\nGenerated from the metadata that `Get-Help` and the parameter binder read; do not edit by hand.\n\
         Regenerate with `ERSIM_BLESS=1 cargo test --test help` after changing a command's help.\n\n\
         Every example runs as it is on a fresh world after this setup, run in a folder that holds `NetworkConfig.xml`\n\
         (a copy of `scripts/network.xml`). It leaves in `$key` the service key of a circuit that the provider has\n\
         provisioned, and creates the virtual network MyVNet. The test suite runs every example so.\n\n```powershell\n",
    );
    out.push_str(EXAMPLE_SETUP);
    out.push_str("\n```\n");
    let mut module = None;
    for c in &cmds {
        if module != Some(&c.module) {
            module = Some(&c.module);
            out.push_str(&format!("\n## Module {}\n\n", c.module));
            for d in cmds.iter().filter(|d| d.module == c.module) {
                out.push_str(&format!("- [{}](#{}) — {}\n", d.name, anchor(&d.name), d.help.synopsis));
            }
        }
        command(&mut out, c);
    }
    out
}

fn command(out: &mut String, c: &CommandInfo) {
    out.push_str(&format!("\n### {}\n\n{}\n\n```\n", c.name, c.help.synopsis));
    for line in syntax_lines(c) {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push_str("```\n\n");
    for p in paragraphs(&c.help.description) {
        out.push_str(&format!("{p}\n\n"));
    }
    if !c.params.is_empty() {
        out.push_str("| Parameter | Type | Required | Position | Default | Pipeline input | Wildcards | Description |\n|---|---|---|---|---|---|---|---|\n");
        for (p, position) in c.params.iter().zip(positions(c)) {
            let [required, pos, default, pipeline, wildcards] = attributes(p, position).map(|(_, v)| v);
            let mut name = format!("-{}", p.name);
            for a in &p.aliases {
                name.push_str(&format!(" (-{a})"));
            }
            let ty = match &p.validate_set {
                Some(values) => format!("{} ({})", type_name(p), values.join(", ")),
                None => type_name(p),
            };
            out.push_str(&format!(
                "| {} | {} | {required} | {pos} | {} | {pipeline} | {wildcards} | {} |\n",
                cell(&name),
                cell(&ty),
                cell(&default),
                cell(&p.help)
            ));
        }
        out.push('\n');
    }
    out.push_str(&format!("Inputs: {}. Outputs: {}.\n", input_types(c).join(", "), output_types(c).join(", ")));
    for (i, ex) in c.help.examples.iter().enumerate() {
        out.push_str(&format!("\n**Example {}: {}**\n\n```powershell\n{}\n```\n\n{}\n", i + 1, ex.title, ex.code, ex.remarks));
    }
}
