//! Get-AzureDedicatedCircuitServiceProvider and the module's only view (format.ps1xml).

use crate::cmdlets::azure::{call, Outcome};
use crate::engine::command::{Args, CommandInfo};
use crate::engine::value::Value;
use crate::engine::views::{Align, ColumnValue, TableView, ViewColumn};
use crate::engine::Ctx;

use super::{er_cmdlet, models};

pub fn commands() -> Vec<CommandInfo> {
    vec![er_cmdlet!("Get-AzureDedicatedCircuitServiceProvider", "GetAzureDedicatedCircuitServiceProviderCommand", get_providers)
        .outputs(models::PROVIDER)
        .synopsis("Gets the connectivity providers, their locations and bandwidths.")
        .description("Lists the provider catalogue; use a provider's Name, one of its locations and one of its bandwidths with New-AzureDedicatedCircuit.")
        .example("The catalogue", "Get-AzureDedicatedCircuitServiceProvider", "A table of providers.")]
}

fn get_providers(ctx: &mut Ctx, args: &Args) -> Outcome {
    let providers = call(ctx, args, |w, sub| Ok(w.list_service_providers(sub)?))?;
    ctx.emit_all(providers.iter().map(models::provider).collect())?;
    Ok(())
}

fn text(v: &Value, name: &str) -> String {
    match v {
        Value::Object(o) => o.borrow().get(name).map(Value::to_display_string).unwrap_or_default(),
        _ => String::new(),
    }
}

/// The view's script: `$bandwidth.Label.Trim() + ":" + $bandwidth.Bandwidth`, joined with `', '`.
fn bandwidths(v: &Value) -> String {
    let Value::Object(o) = v else { return String::new() };
    let list = o.borrow().get("DedicatedCircuitBandwidths").map(Value::enumerate).unwrap_or_default();
    list.iter().map(|b| format!("{}:{}", text(b, "Label").trim(), text(b, "Bandwidth"))).collect::<Vec<_>>().join(", ")
}

/// The TableControl of `Microsoft.WindowsAzure.Commands.ExpressRoute.format.ps1xml`.
pub fn provider_view() -> TableView {
    TableView {
        wrap: true,
        ..TableView::new(
            models::PROVIDER,
            vec![
                ViewColumn::property("Name", 20),
                ViewColumn::property("DedicatedCircuitLocations", 30),
                ViewColumn { label: "DedicatedCircuitBandwidths", width: 0, align: Align::Left, value: ColumnValue::Computed(bandwidths) },
            ],
        )
    }
}
