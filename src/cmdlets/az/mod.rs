//! The Resource Manager modules as a machine with Az (and, beside it, AzureRM) has them:
//! Az.Accounts (sign-in and context), Az.Resources (resource groups) and Az.Network (the
//! ExpressRoute circuits). Every cmdlet is also loaded under its AzureRM name
//! (`New-AzureRmExpressRouteCircuit`, `Connect-AzureRmAccount`…), in modules of the AzureRM
//! names, as on a 2016–2018 machine where the pages call them directly. Thin adapters over
//! `crate::cloud::arm`; fidelity decisions are in `docs/fidelity-cmdlets.md`.

mod accounts;
mod authorizations;
mod circuits;
mod connections;
mod cross_connection_peerings;
mod cross_connections;
mod diagnostics;
mod groups;
mod json_text;
mod locations;
mod models;
mod network;
mod peering_models;
mod peerings;
mod prefix_configs;
mod resources;

use crate::engine::command::{CommandInfo, ParamSpec};
use crate::engine::module::Module;
use crate::engine::value::TypeKind;

/// A module in both eras: (Az name, version, AzureRM name, version).
type Names = (&'static str, &'static str, &'static str, &'static str);

const ACCOUNTS: Names = ("Az.Accounts", "5.3.0", "AzureRM.Profile", "5.8.3");
const RESOURCES: Names = ("Az.Resources", "8.1.0", "AzureRM.Resources", "6.7.3");
const NETWORK: Names = ("Az.Network", "7.20.0", "AzureRM.Network", "6.11.1");

/// A cmdlet body; every one of these cmdlets derives from AzurePSCmdlet, which reports what
/// a body throws as a CloseError with the class name as FullyQualifiedErrorId.
macro_rules! body {
    ($f:path) => {
        || Box::new(crate::cmdlets::azure::SmCmdlet($f))
    };
}
pub(crate) use body;

/// The cmdlets whose help tables (Az 16.2) have `-AsJob`: long-running operations (the
/// LocalNetworkGateway ones from their source's attributes, azure-powershell @2c973152).
const AS_JOB: [&str; 22] = [
    "Get-AzSubscription",
    "Remove-AzResourceGroup",
    "Move-AzExpressRouteCircuit",
    "New-AzExpressRouteCircuit",
    "Remove-AzExpressRouteCircuit",
    "Set-AzExpressRouteCircuit",
    "Set-AzExpressRouteCrossConnection",
    "New-AzPublicIpAddress",
    "Remove-AzPublicIpAddress",
    "Set-AzPublicIpAddress",
    "New-AzRouteFilter",
    "Set-AzRouteFilter",
    "New-AzVirtualNetwork",
    "Remove-AzVirtualNetwork",
    "Set-AzVirtualNetwork",
    "New-AzVirtualNetworkGateway",
    "Remove-AzVirtualNetworkGateway",
    "Set-AzVirtualNetworkGateway",
    "New-AzVirtualNetworkGatewayConnection",
    "Set-AzVirtualNetworkGatewayConnection",
    "New-AzLocalNetworkGateway",
    "Set-AzLocalNetworkGateway",
];

/// `-DefaultProfile`, which every Az cmdlet has (aliases as Az declares them).
fn default_profile() -> ParamSpec {
    ParamSpec::new("DefaultProfile", TypeKind::Object)
        .alias("AzContext")
        .alias("AzureRmContext")
        .alias("AzureCredential")
        .help("The credentials, account, tenant, and subscription used for communication with Azure.")
}

/// The Az modules, then the AzureRM ones with the same cmdlets under their AzureRM names.
pub fn modules() -> Vec<Module> {
    let sets: [(&Names, Vec<CommandInfo>); 3] =
        [(&ACCOUNTS, accounts::commands(ACCOUNTS.0)), (&RESOURCES, groups::commands(RESOURCES.0)), (&NETWORK, network_commands(NETWORK.0))];
    let mut az = Vec::new();
    let mut rm = Vec::new();
    for ((az_name, az_version, rm_name, rm_version), mut commands) in sets {
        for c in commands.iter_mut().filter(|c| AS_JOB.contains(&c.name.as_str())) {
            c.params.push(crate::cmdlets::azure::long_running::as_job_param());
        }
        let mut m = Module::new(az_name, az_version);
        let mut r = Module::new(rm_name, rm_version);
        r.commands = commands.iter().map(|c| azure_rm(c, rm_name)).collect();
        m.commands = commands;
        if *az_name == NETWORK.0 {
            m.views = vec![
                models::circuit_view(),
                circuits::provider_view(),
                peering_models::peering_view(),
                authorizations::authorization_view(),
                connections::connection_view(),
                cross_connections::cross_connection_view(),
                cross_connections::cross_connection_peering_view(),
            ];
            m.enums = vec![&diagnostics::DEVICE_PATH_ENUM];
            m.aliases = diagnostics::AZ_ALIASES.to_vec();
            r.aliases = diagnostics::RM_ALIASES.to_vec();
            m.views.extend(network::views());
        }
        if *az_name == RESOURCES.0 {
            m.views = vec![models::resource_group_view()];
            let mut extra = locations::commands(az_name);
            extra.extend(resources::commands(az_name));
            r.commands.extend(extra.iter().map(|c| azure_rm(c, rm_name)));
            m.commands.extend(extra);
            m.views.push(locations::location_view());
            m.views.push(resources::resource_view());
        }
        if *az_name == ACCOUNTS.0 {
            m.views = vec![accounts::context_view()];
            m.views.extend([accounts::account_view(), accounts::tenant_view()]);
            m.aliases = accounts::AZ_ALIASES.to_vec();
            r.aliases = accounts::RM_ALIASES.to_vec();
            r.commands.extend(accounts::alias_commands(rm_name));
        }
        az.push(m);
        rm.push(r);
    }
    az.extend(rm);
    az
}

/// Az.Network's cmdlets: circuits, the local peering, authorization, Global Reach and prefix
/// configuration editors, diagnostics, then the virtual networks, gateways and connections.
fn network_commands(module: &str) -> Vec<CommandInfo> {
    let mut commands = circuits::commands(module);
    commands.extend(peerings::commands(module));
    commands.extend(authorizations::commands(module));
    commands.extend(connections::commands(module));
    commands.extend(prefix_configs::commands(module));
    commands.extend(diagnostics::commands(module));
    commands.extend(cross_connections::commands(module));
    commands.extend(cross_connection_peerings::commands(module));
    commands.extend(network::commands(module));
    commands
}

/// The AzureRM-era copy of an Az cmdlet: `Verb-AzNoun` → `Verb-AzureRmNoun`, same class.
fn azure_rm(c: &CommandInfo, module: &str) -> CommandInfo {
    let mut rm = c.clone();
    rm.name = c.name.replacen("-Az", "-AzureRm", 1);
    rm.module = module.to_string();
    rm
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_az_cmdlet_has_its_azure_rm_name() {
        let all = modules();
        let names: Vec<&str> = all.iter().flat_map(|m| m.commands.iter().map(|c| c.name.as_str())).collect();
        for az in all.iter().filter(|m| m.name.starts_with("Az.")).flat_map(|m| &m.commands) {
            let rm = az.name.replacen("-Az", "-AzureRm", 1);
            assert!(names.contains(&rm.as_str()), "{rm}");
        }
        assert!(names.contains(&"Enable-AzureRmAlias") && names.contains(&"Disable-AzureRmAlias"));
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len(), "no name twice");
    }
}
