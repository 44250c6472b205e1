//! Az.Resources' Get-AzLocation: the public regions Resource Manager lists for the
//! subscription (the same table that normalises `-Location` everywhere), each with the
//! resource providers of the lab.

use crate::cloud::arm::REGIONS;
use crate::cmdlets::azure::{resources_call, Outcome};
use crate::engine::command::{Args, CommandInfo};
use crate::engine::value::{PsObject, Value};
use crate::engine::views::{TableView, ViewColumn};
use crate::engine::Ctx;

use super::{body, default_profile, groups};

pub const LOCATION: &str = "Microsoft.Azure.Commands.ResourceManager.Cmdlets.SdkModels.PSResourceProviderLocation";

/// The providers whose resources the lab keeps, registered in every region (chosen: the real
/// list names every provider the region offers).
const PROVIDERS: &[&str] = &["Microsoft.Network", "Microsoft.Resources"];

pub fn commands(module: &str) -> Vec<CommandInfo> {
    vec![CommandInfo::cmdlet(
        "Get-AzLocation",
        module,
        "Microsoft.Azure.Commands.ResourceManager.Cmdlets.Implementation.GetAzureLocationCmdlet",
        body!(get_location),
    )
    .param(groups::api_version())
    .param(groups::pre())
    .param(default_profile())
    .outputs(LOCATION)
    .synopsis("Gets all locations and the supported resource providers for each location.")
    .description(
        "The public regions Resource Manager lists for the subscription, in its order: each region's name (what -Location takes), display name and providers.",
    )
    .example(
        "Regions by display name",
        "Get-AzLocation | Where-Object DisplayName -like '*Europe*' | Select-Object Location, DisplayName",
        "North Europe and West Europe.",
    )]
}

fn location(name: &str, display: &str) -> Value {
    let mut o = PsObject::typed(LOCATION);
    o.add_typed("Location", "string", Value::str(name));
    o.add_typed("DisplayName", "string", Value::str(display));
    o.add_typed("Providers", "System.Collections.Generic.List[string]", Value::array(PROVIDERS.iter().map(Value::str).collect()));
    Value::object(o)
}

fn get_location(ctx: &mut Ctx, _args: &Args) -> Outcome {
    let regions = resources_call(ctx, |_, _| Ok(REGIONS.iter().map(|(name, display)| location(name, display)).collect::<Vec<_>>()))?;
    ctx.emit_all(regions)?;
    Ok(())
}

/// PSResourceProviderLocation's list view (ResourceManager.format.ps1xml).
pub fn location_view() -> TableView {
    TableView {
        list: true,
        ..TableView::new(LOCATION, vec![ViewColumn::property("Location", 0), ViewColumn::property("DisplayName", 0), ViewColumn::property("Providers", 0)])
    }
}
