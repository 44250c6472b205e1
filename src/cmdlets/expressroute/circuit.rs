//! New-, Get-, Remove-AzureDedicatedCircuit and Set-AzureDedicatedCircuitProperties.

use crate::cloud::{BillingType, CircuitSku, CircuitUpdate, NewCircuit};
use crate::cmdlets::azure::{call, completers, confirm, guid, verbose, Outcome};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::value::{TypeKind, Value};
use crate::engine::Ctx;

use super::enums::{BILLING_TYPE, CIRCUIT_SKU};
use super::{er_cmdlet, force, models, pass_thru, service_key};

const SKUS: &[&str] = &["Standard", "Premium"];
const BILLING_TYPES: &[&str] = &["MeteredData", "UnlimitedData"];

pub fn commands() -> Vec<CommandInfo> {
    vec![
        er_cmdlet!("New-AzureDedicatedCircuit", "NewAzureDedicatedCircuitCommand", new_circuit)
            .param(ParamSpec::new("CircuitName", TypeKind::String).mandatory().not_empty().by_name().help("New Azure Dedicated Circuit Name"))
            .param(ParamSpec::new("Bandwidth", TypeKind::UInt).mandatory().not_empty().by_name().help("Circuit Bandwidth").complete_with(completers::bandwidths()))
            .param(ParamSpec::new("Location", TypeKind::String).mandatory().by_name().help("Circuit Location").complete_with(completers::locations()))
            .param(ParamSpec::new("ServiceProviderName", TypeKind::String).mandatory().by_name().help("Circuit Service Provider Name").complete_with(completers::providers()))
            .param(ParamSpec::enumeration("Sku", &CIRCUIT_SKU).set(SKUS).by_name().help("Circuit Sku"))
            .param(ParamSpec::enumeration("BillingType", &BILLING_TYPE).mandatory().set(BILLING_TYPES).by_name().help("Circuit Billing Type"))
            .param(force("Do not confirm Azure Dedicated Circuit creation"))
            .outputs(models::CIRCUIT)
            .synopsis("Creates an ExpressRoute circuit.")
            .description("Orders a dedicated circuit from a connectivity provider at a peering location. Billing starts when the command succeeds; the circuit is NotProvisioned until the provider acts.")
            .example(
                "Order a circuit",
                "New-AzureDedicatedCircuit -CircuitName MyTestCircuit -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -Sku Standard -BillingType MeteredData -Force",
                "Creates the circuit without asking and writes it.",
            ),
        er_cmdlet!("Get-AzureDedicatedCircuit", "GetAzureDedicatedCircuitCommand", get_circuit)
            .param(service_key("Service Key representing the Dedicated Circuit").position(0))
            .outputs(models::CIRCUIT)
            .synopsis("Gets ExpressRoute circuits.")
            .description("Without -ServiceKey, lists the circuits of the current subscription (the list answer carries no BillingType).")
            .example("All circuits", "Get-AzureDedicatedCircuit", "One list entry per circuit."),
        er_cmdlet!("Remove-AzureDedicatedCircuit", "RemoveAzureDedicatedCircuitCommand", remove_circuit)
            .param(service_key("Service Key of Azure Dedicated Circuit to be removed").mandatory())
            .param(force("Do not confirm Azure Dedicated Circuit deletion"))
            .param(pass_thru("Writes True when the removal succeeds; without it the cmdlet writes nothing."))
            .outputs("System.Boolean")
            .synopsis("Deletes an ExpressRoute circuit.")
            .description("The provider must have deprovisioned the circuit and every VNet link must be gone. Billing stops.")
            .example("Delete the circuits no provider has provisioned", "$branch = New-AzureDedicatedCircuit -CircuitName 'Branch' -ServiceProviderName Equinix -Bandwidth 50 -Location London -BillingType MeteredData -Force\nGet-AzureDedicatedCircuit | Where-Object ServiceProviderProvisioningState -eq 'NotProvisioned' | Remove-AzureDedicatedCircuit -Force", "ServiceKey binds by property name from each circuit; LabCircuit, which the provider has provisioned, is left alone."),
        er_cmdlet!("Set-AzureDedicatedCircuitProperties", "SetAzureDedicatedCircuitPropertiesCommand", set_properties)
            .param(service_key("Service Key of Azure Dedicated Circuit to be removed").mandatory())
            .param(ParamSpec::new("Bandwidth", TypeKind::UInt).by_name().help("Circuit Bandwidth").complete_with(completers::bandwidths()))
            .param(ParamSpec::enumeration("Sku", &CIRCUIT_SKU).by_name().help("Circuit Sku"))
            .param(ParamSpec::enumeration("BillingType", &BILLING_TYPE).set(BILLING_TYPES).by_name().help("Circuit Billing Type"))
            .param(force("Do not confirm Azure Dedicated Circuit Update"))
            .outputs(models::CIRCUIT)
            .synopsis("Changes the bandwidth, sku or billing type of a circuit.")
            .description("Only the given properties change. Bandwidth goes up only; billing moves from MeteredData to UnlimitedData only.")
            .example("Enable premium", "Set-AzureDedicatedCircuitProperties -ServiceKey $key -Sku Premium -Force", "Writes the updated circuit."),
    ]
}

fn new_circuit(ctx: &mut Ctx, args: &Args) -> Outcome {
    let name = args.string("CircuitName").unwrap_or_default();
    let provider = args.string("ServiceProviderName").unwrap_or_default();
    let query = format!(
        "Are you sure you want to create a new dedicated circuit with name {name} and service provider {provider}. You will be billed for this circuit once this command succeeds."
    );
    let message = format!("Creating Azure Dedicated Circuit with name {name} with service provider {provider}");
    if !confirm(ctx, args, &query, &message, &format!("{name} {provider}"))? {
        return Ok(());
    }
    let new = NewCircuit {
        name,
        bandwidth: args.opt::<u32>("Bandwidth").unwrap_or(0),
        location: args.string("Location").unwrap_or_default(),
        service_provider_name: provider,
        // An omitted -Sku sends the enum's default member.
        sku: args.string("Sku").and_then(|s| CircuitSku::parse(&s)).unwrap_or(CircuitSku::Standard),
        billing_type: args.string("BillingType").and_then(|s| BillingType::parse(&s)).unwrap_or(BillingType::MeteredData),
    };
    let circuit = call(ctx, args, |w, sub| Ok(w.create_circuit(sub, new)?))?;
    verbose(ctx, "Successfully creatied Azure Dedicated Circuit. This circuit is now being billed")?;
    ctx.emit(models::circuit(&circuit))?;
    Ok(())
}

fn get_circuit(ctx: &mut Ctx, args: &Args) -> Outcome {
    match guid(args, "ServiceKey") {
        Some(key) => {
            let circuit = call(ctx, args, |w, sub| Ok(w.get_circuit(sub, &key)?))?;
            ctx.emit(models::circuit(&circuit))?;
        }
        None => {
            let circuits = call(ctx, args, |w, sub| Ok(w.list_circuits(sub)?))?;
            ctx.emit_all(circuits.iter().map(models::circuit).collect())?;
        }
    }
    Ok(())
}

fn remove_circuit(ctx: &mut Ctx, args: &Args) -> Outcome {
    let key = guid(args, "ServiceKey").unwrap_or_default();
    let query = format!("Are you sure you want to remove the Dedicated Circuit with service key '{key}'?");
    if !confirm(ctx, args, &query, "Removing Dedicated Circuit", &key.to_string())? {
        return Ok(());
    }
    call(ctx, args, |w, sub| Ok(w.remove_circuit(sub, &key)?))?;
    verbose(ctx, &format!("Successfully removed Azure Dedicated Circuit with Service Key {key}."))?;
    if args.switch("PassThru") {
        ctx.emit(Value::Bool(true))?;
    }
    Ok(())
}

fn set_properties(ctx: &mut Ctx, args: &Args) -> Outcome {
    let key = guid(args, "ServiceKey").unwrap_or_default();
    let bandwidth = args.opt::<u32>("Bandwidth");
    let shown = bandwidth.map(|b| b.to_string()).unwrap_or_default();
    let query = format!("Are you sure you want to update the bandwidth of the Dedicated Circuit with service key '{key}' to '{shown}'?");
    if !confirm(ctx, args, &query, "Updating Dedicated Circuit Bandwidth", &key.to_string())? {
        return Ok(());
    }
    let update = CircuitUpdate {
        bandwidth,
        sku: args.string("Sku").and_then(|s| CircuitSku::parse(&s)),
        billing_type: args.string("BillingType").and_then(|s| BillingType::parse(&s)),
    };
    let circuit = call(ctx, args, |w, sub| Ok(w.update_circuit(sub, &key, update)?))?;
    ctx.emit(models::circuit(&circuit))?;
    Ok(())
}
