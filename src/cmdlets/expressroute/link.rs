//! New-, Get-, Remove-AzureDedicatedCircuitLink: a circuit linked to a classic VNet of the
//! current subscription (the owner's, or one named by an authorization).

use crate::cmdlets::azure::{call, completers, confirm, guid, verbose, Outcome};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::value::{TypeKind, Value};
use crate::engine::Ctx;

use super::{er_cmdlet, force, models, pass_thru, service_key};

fn vnet_name() -> ParamSpec {
    ParamSpec::new("VNetName", TypeKind::String).not_empty().by_name().help("Virtual Network Name").complete_with(completers::vnet_names())
}

pub fn commands() -> Vec<CommandInfo> {
    vec![
        er_cmdlet!("New-AzureDedicatedCircuitLink", "NewAzureDedicatedCircuitLinkCommand", new_link)
            .param(service_key("Service Key representing Azure Circuit").mandatory())
            .param(vnet_name().mandatory())
            .outputs(models::LINK)
            .synopsis("Links a virtual network to a circuit.")
            .description("The circuit must be Provisioned with a private peering, and the VNet must have a DynamicRouting gateway.")
            .example("Link a VNet", "New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet '10.0.0.0/30' -SecondaryPeerSubnet '10.0.0.4/30' -PeerAsn 1234 -VlanId 100 | Out-Null\nNew-AzureVNetGateway -VNetName MyVNet -GatewayType DynamicRouting | Out-Null\nNew-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet", "Writes the link (State, VnetName)."),
        er_cmdlet!("Get-AzureDedicatedCircuitLink", "GetAzureDedicatedCircuitLinkCommand", get_link)
            .param(service_key("Service Key representing Azure Circuit").mandatory())
            .param(vnet_name())
            .outputs(models::LINK)
            .synopsis("Gets the links of a circuit.")
            .description("Without -VNetName, lists the circuit's links to the current subscription's VNets.")
            .example("All links", "Get-AzureDedicatedCircuitLink -ServiceKey $key", "A table of links."),
        er_cmdlet!("Remove-AzureDedicatedCircuitLink", "RemoveAzureDedicatedCircuitLinkCommand", remove_link)
            .param(service_key("Service Key representing Azure Circuit").mandatory())
            .param(vnet_name().mandatory())
            .param(force("Do not confirm Azure Circuit Route deletion"))
            .param(pass_thru("Writes True when the removal succeeds; without it the cmdlet writes nothing."))
            .outputs("System.Boolean")
            .synopsis("Unlinks a virtual network from a circuit.")
            .description("Asks for confirmation unless -Force is given.")
            .example("Unlink", "New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet '10.0.0.0/30' -SecondaryPeerSubnet '10.0.0.4/30' -PeerAsn 1234 -VlanId 100 | Out-Null\nNew-AzureVNetGateway -VNetName MyVNet -GatewayType DynamicRouting | Out-Null\nNew-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet | Out-Null\nRemove-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet -Force", "Nothing is written."),
    ]
}

fn new_link(ctx: &mut Ctx, args: &Args) -> Outcome {
    let key = guid(args, "ServiceKey").unwrap_or_default();
    let vnet = args.string("VNetName").unwrap_or_default();
    let link = call(ctx, args, |w, sub| Ok(w.new_circuit_link(sub, &key, &vnet)?))?;
    ctx.emit(models::link(&link))?;
    Ok(())
}

fn get_link(ctx: &mut Ctx, args: &Args) -> Outcome {
    let key = guid(args, "ServiceKey").unwrap_or_default();
    match args.string("VNetName").filter(|v| !v.is_empty()) {
        Some(vnet) => {
            let link = call(ctx, args, |w, sub| Ok(w.get_circuit_link(sub, &key, &vnet)?))?;
            ctx.emit(models::link(&link))?;
        }
        None => {
            let links = call(ctx, args, |w, sub| Ok(w.list_circuit_links(sub, &key)?))?;
            ctx.emit_all(links.iter().map(models::link).collect())?;
        }
    }
    Ok(())
}

fn remove_link(ctx: &mut Ctx, args: &Args) -> Outcome {
    let key = guid(args, "ServiceKey").unwrap_or_default();
    let vnet = args.string("VNetName").unwrap_or_default();
    let query = format!("Are you sure you want to remove the Dedicated Circuit Link with service key '{key}' and virtual network name '{vnet}'?");
    if !confirm(ctx, args, &query, "Removing Dedicated Circui Link", &format!("{key} {vnet}"))? {
        return Ok(());
    }
    call(ctx, args, |w, sub| Ok(w.remove_circuit_link(sub, &key, &vnet)?))?;
    verbose(ctx, &format!("Successfully removed Azure Dedicated Circuit Link with Service Key {key} and Vnet Name {vnet}"))?;
    if args.switch("PassThru") {
        ctx.emit(Value::Bool(true))?;
    }
    Ok(())
}
