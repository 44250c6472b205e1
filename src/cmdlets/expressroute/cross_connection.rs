//! The provider side: Get-, New-, Set-AzureCrossConnection. They act for the provider whose
//! subscription is selected (`Select-AzureSubscription -SubscriptionName 'Equinix Provider'`).

use crate::cloud::CrossConnectionOperation;
use crate::cmdlets::azure::{call, confirm, guid, verbose, Outcome};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::value::TypeKind;
use crate::engine::Ctx;

use super::enums::UPDATE_CROSS_CONNECTION_OPERATION;
use super::{er_cmdlet, force, models, pass_thru, service_key};

pub fn commands() -> Vec<CommandInfo> {
    vec![
        er_cmdlet!("Get-AzureCrossConnection", "GetAzureCrossConnectionCommand", get_cross_connection)
            .param(service_key("Service Key representing the Dedicated Circuit").position(0))
            .outputs(models::CROSS_CONNECTION)
            .synopsis("Gets cross connections (provider side).")
            .description("From a provider subscription: one circuit ordered from this provider, or all that have a cross connection.")
            .example("Provider view", "Select-AzureSubscription -SubscriptionName 'Equinix Provider'\nGet-AzureCrossConnection -ServiceKey $key", "The circuit's ports, STag and provisioning state."),
        er_cmdlet!("New-AzureCrossConnection", "NewAzureCrossConnectionCommand", new_cross_connection)
            .param(service_key("Dedicated Circuit Service Key").mandatory())
            .param(force("Do not confirm Azure Cross Connection creation"))
            .outputs(models::CROSS_CONNECTION)
            .synopsis("Starts provisioning a circuit (provider side).")
            .description("Moves a NotProvisioned circuit ordered from this provider to Provisioning and assigns its ports and STag.")
            .example("Provision", "$branch = New-AzureDedicatedCircuit -CircuitName 'Branch' -ServiceProviderName Equinix -Bandwidth 50 -Location London -BillingType MeteredData -Force\nSelect-AzureSubscription -SubscriptionName 'Equinix Provider'\nNew-AzureCrossConnection -ServiceKey $branch.ServiceKey -Force", "The circuit becomes Provisioning."),
        er_cmdlet!("Set-AzureCrossConnection", "SetAzureCrossConnectionCommand", set_cross_connection)
            // The help text is the module's, copied from Set-AzureBGPPeering.
            .param(service_key("Service Key representing Azure Circuit for which BGP peering needs to be created/modified").mandatory())
            .param(
                ParamSpec::enumeration("Operation", &UPDATE_CROSS_CONNECTION_OPERATION)
                    .mandatory()
                    .not_empty()
                    .by_name()
                    .help("Notification Operation to perform. NotifyCrossConnectionProvisioned or NotifyCrossConnectionNotProvisioned"),
            )
            .param(ParamSpec::new("ProvisioningError", TypeKind::String).by_name().help("Provisioning Error Message"))
            .param(pass_thru("Writes the updated cross connection; without it the cmdlet writes nothing."))
            .outputs(models::CROSS_CONNECTION)
            .synopsis("Reports a circuit provisioned or not provisioned (provider side).")
            .description("NotifyCrossConnectionProvisioned completes provisioning; NotifyCrossConnectionNotProvisioned deprovisions the circuit so that the customer can delete it.")
            .example(
                "Complete provisioning",
                "$branch = New-AzureDedicatedCircuit -CircuitName 'Branch' -ServiceProviderName Equinix -Bandwidth 50 -Location London -BillingType MeteredData -Force\nSelect-AzureSubscription -SubscriptionName 'Equinix Provider'\nNew-AzureCrossConnection -ServiceKey $branch.ServiceKey -Force | Out-Null\nSet-AzureCrossConnection -ServiceKey $branch.ServiceKey -Operation NotifyCrossConnectionProvisioned -PassThru",
                "The circuit becomes Provisioned.",
            ),
    ]
}

fn get_cross_connection(ctx: &mut Ctx, args: &Args) -> Outcome {
    match guid(args, "ServiceKey") {
        Some(key) => {
            let x = call(ctx, args, |w, sub| Ok(w.get_cross_connection(sub, &key)?))?;
            ctx.emit(models::cross_connection(&x))?;
        }
        None => {
            let all = call(ctx, args, |w, sub| Ok(w.list_cross_connections(sub)?))?;
            ctx.emit_all(all.iter().map(models::cross_connection).collect())?;
        }
    }
    Ok(())
}

fn new_cross_connection(ctx: &mut Ctx, args: &Args) -> Outcome {
    let key = guid(args, "ServiceKey").unwrap_or_default();
    let query = format!("Are you sure you want to provision a cross connection for service key {key}?");
    if !confirm(ctx, args, &query, &format!("Provisioning Cross Connection for service key {key}"), &key.to_string())? {
        return Ok(());
    }
    let x = call(ctx, args, |w, sub| Ok(w.new_cross_connection(sub, &key)?))?;
    verbose(ctx, "Successfully provisioned cross connection")?;
    ctx.emit(models::cross_connection(&x))?;
    Ok(())
}

fn set_cross_connection(ctx: &mut Ctx, args: &Args) -> Outcome {
    let key = guid(args, "ServiceKey").unwrap_or_default();
    let operation =
        args.string("Operation").and_then(|o| CrossConnectionOperation::parse(&o)).unwrap_or(CrossConnectionOperation::NotifyCrossConnectionProvisioned);
    let error = args.string("ProvisioningError");
    let x = call(ctx, args, |w, sub| Ok(w.set_cross_connection(sub, &key, operation, error.as_deref())?))?;
    if args.switch("PassThru") {
        ctx.emit(models::cross_connection(&x))?;
    }
    Ok(())
}
