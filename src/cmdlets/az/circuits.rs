//! Az.Network's ExpressRoute circuits: New-, Get-, Set-, Remove-AzExpressRouteCircuit and
//! Get-AzExpressRouteServiceProvider.

use crate::cloud::arm::{ArmCircuitMove, ArmCircuitPut};
use crate::cloud::{ServiceProvider, SubscriptionId, World};
use crate::cmdlets::azure::{completers, confirm, network_call, Fail, Outcome};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::ops::wildcard_regex;
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::views::{ColumnValue, TableView, ViewColumn};
use crate::engine::Ctx;

use super::{body, default_profile, models};

const CLASS: &str = "Microsoft.Azure.Commands.Network.";
pub const SERVICE_PROVIDER: &str = "Microsoft.Azure.Commands.Network.Models.PSExpressRouteServiceProvider";

fn name_param() -> ParamSpec {
    ParamSpec::new("Name", TypeKind::String).by_name().alias("ResourceName")
}

pub fn commands(module: &str) -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("New-AzExpressRouteCircuit", module, &format!("{CLASS}NewAzureExpressRouteCircuitCommand"), body!(new_circuit))
            .param(name_param().mandatory().not_empty().help("The name of the circuit."))
            .param(ParamSpec::new("ResourceGroupName", TypeKind::String).mandatory().not_empty().by_name().help("The resource group name."))
            .param(ParamSpec::new("Location", TypeKind::String).mandatory().not_empty().by_name().help("location."))
            .param(ParamSpec::new("SkuTier", TypeKind::String).by_name().set(&["Standard", "Premium", "Basic", "Local"]).help("The tier of sku"))
            .param(ParamSpec::new("SkuFamily", TypeKind::String).by_name().set(&["MeteredData", "UnlimitedData"]).help("The family of sku"))
            .param(ParamSpec::new("ServiceProviderName", TypeKind::String).mandatory().by_name().help("The service provider name").complete_with(completers::providers()))
            .param(ParamSpec::new("PeeringLocation", TypeKind::String).mandatory().by_name().help("The peering location").complete_with(completers::locations()))
            .param(ParamSpec::new("BandwidthInMbps", TypeKind::Int).mandatory().by_name().help("The bandwidth in Mbps").complete_with(completers::bandwidths()))
            .param(ParamSpec::new("AllowClassicOperations", TypeKind::Bool).by_name().help("The use of this parameter allows you to use the classic Azure PowerShell cmdlets to manage the circuit."))
            .param(ParamSpec::new("Peering", TypeKind::Object).array().by_name().help("The list of peer"))
            .param(ParamSpec::new("Authorization", TypeKind::Object).array().by_name().help("The list of authorizations"))
            .param(ParamSpec::new("Tag", TypeKind::Hashtable).by_name().help("A hashtable which represents resource tags."))
            .param(ParamSpec::switch("Force").help("Do not ask for confirmation if you want to overwrite a resource"))
            .param(default_profile())
            .outputs(models::CIRCUIT)
            .synopsis("Creates an Azure express route circuit.")
            .description("Orders a circuit from a connectivity provider at a peering location, in a resource group. Billing starts; the circuit is NotProvisioned until the provider acts on its ServiceKey. A circuit of the same name in the group is overwritten after a prompt (none with -Force).")
            .example(
                "Order a circuit",
                "New-AzResourceGroup -Name ExpressRouteResourceGroup -Location 'West US' | Out-Null\nNew-AzExpressRouteCircuit -Name ExpressRouteARMCircuit -ResourceGroupName ExpressRouteResourceGroup -Location 'West US' -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName Equinix -PeeringLocation 'Silicon Valley' -BandwidthInMbps 200",
                "The circuit, with its 20-line list view.",
            ),
        CommandInfo::cmdlet("Get-AzExpressRouteCircuit", module, &format!("{CLASS}GetAzureExpressRouteCircuitCommand"), body!(get_circuit))
            .param(name_param().wildcards().help("The name of the circuit."))
            .param(ParamSpec::new("ResourceGroupName", TypeKind::String).by_name().wildcards().help("The resource group name."))
            .param(default_profile())
            .outputs(models::CIRCUIT)
            .synopsis("Gets an Azure ExpressRoute circuit from Azure.")
            .description("One circuit by group and name, or the circuits of a group or of the subscription; -Name and -ResourceGroupName take wildcards.")
            .example("The circuits whose names start with Express", "Get-AzExpressRouteCircuit -Name Express*", "Nothing when none matches."),
        CommandInfo::cmdlet("Set-AzExpressRouteCircuit", module, &format!("{CLASS}SetAzureExpressRouteCircuitCommand"), body!(set_circuit))
            .param(models::model_param("ExpressRouteCircuit", models::CIRCUIT).mandatory().pipeline().help("The ExpressRouteCircuit"))
            .param(default_profile())
            .outputs(models::CIRCUIT)
            .synopsis("Modifies an ExpressRoute circuit.")
            .description("Sends the whole local circuit object: what a script changed on it (Sku.Tier, Sku.Name, Sku.Family, ServiceProviderProperties.BandwidthInMbps, AllowClassicOperations, Tag) takes effect, under the service's rules. Writes the circuit as it now is.")
            .example(
                "Upgrade to Premium",
                "New-AzResourceGroup -Name LabRG -Location 'West US' -Force | Out-Null\nNew-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG -Location 'West US' -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName Equinix -PeeringLocation London -BandwidthInMbps 50 -Force | Out-Null\n$ckt = Get-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG\n$ckt.Sku.Tier = 'Premium'\n$ckt.Sku.Name = 'Premium_MeteredData'\nSet-AzExpressRouteCircuit -ExpressRouteCircuit $ckt",
                "The circuit with its new SKU.",
            ),
        CommandInfo::cmdlet("Remove-AzExpressRouteCircuit", module, &format!("{CLASS}RemoveAzureExpressRouteCircuitCommand"), body!(remove_circuit))
            .param(name_param().mandatory().help("The name of the circuit."))
            .param(ParamSpec::new("ResourceGroupName", TypeKind::String).mandatory().by_name().help("The resource group name."))
            .param(ParamSpec::switch("Force").help("Do not ask for confirmation."))
            .param(ParamSpec::switch("PassThru").help("Returns an object representing the item on which this operation is being performed."))
            .param(default_profile())
            .outputs("System.Boolean")
            .synopsis("Removes an ExpressRoute circuit.")
            .description("Refused until the provider has deprovisioned the circuit; billing stops. Always asks unless -Force.")
            .example(
                "Remove a circuit no provider has provisioned",
                "New-AzResourceGroup -Name LabRG -Location 'West US' -Force | Out-Null\n$c = New-AzExpressRouteCircuit -Name Scratch -ResourceGroupName LabRG -Location 'West US' -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName Equinix -PeeringLocation London -BandwidthInMbps 50\nRemove-AzExpressRouteCircuit -Name Scratch -ResourceGroupName LabRG -Force -PassThru",
                "Writes True.",
            ),
        CommandInfo::cmdlet("Move-AzExpressRouteCircuit", module, &format!("{CLASS}MoveAzureExpressRouteCircuitCommand"), body!(move_circuit))
            .param(name_param().mandatory().not_empty().help("The name of the circuit."))
            .param(ParamSpec::new("ResourceGroupName", TypeKind::String).mandatory().not_empty().by_name().help("The resource group name."))
            .param(ParamSpec::new("Location", TypeKind::String).mandatory().not_empty().by_name().help("location."))
            .param(ParamSpec::new("ServiceKey", TypeKind::String).mandatory().not_empty().by_name().help("The location."))
            .param(ParamSpec::new("Tag", TypeKind::Hashtable).by_name().help("A hashtable which represents resource tags."))
            .param(ParamSpec::switch("Force").help("Do not ask for confirmation if you want to overwrite a resource"))
            .param(default_profile())
            .outputs(models::CIRCUIT)
            .synopsis("Moving an ExpressRoute circuit from the classic deployment model to the Resource Manager deployment model.")
            .description("Gives a classic circuit, found by its service key, a Resource Manager face in the resource group under the name given (the circuit is renamed). It keeps its service key, peerings, classic links and link authorizations, and AllowClassicOperations is True. A circuit already at that name is overwritten after a prompt (none with -Force).")
            .example(
                "Move the classic example circuit",
                "New-AzResourceGroup -Name DemoRG -Location 'West US' | Out-Null\nMove-AzExpressRouteCircuit -Name MyCircuit -ResourceGroupName DemoRG -Location 'West US' -ServiceKey $key",
                "The circuit in Resource Manager, AllowClassicOperations True.",
            ),
        CommandInfo::cmdlet("Get-AzExpressRouteServiceProvider", module, &format!("{CLASS}GetAzureExpressRouteServiceProviderCommand"), body!(get_providers))
            .param(default_profile())
            .outputs(SERVICE_PROVIDER)
            .synopsis("Gets a list ExpressRoute service providers and their attributes.")
            .description("The connectivity providers, their peering locations and the bandwidths they offer.")
            .example("Providers at a location", "Get-AzExpressRouteServiceProvider |\n   Where-Object PeeringLocations -Contains 'Silicon Valley' |\n   Select-Object Name", "The names, as a table."),
    ]
}

/// The PUT New-AzExpressRouteCircuit builds: a SKU only when `-SkuTier` is given, named
/// tier and family joined as typed.
fn new_put(args: &Args) -> ArmCircuitPut {
    let tier = args.string("SkuTier").filter(|t| !t.is_empty());
    let family = args.string("SkuFamily");
    ArmCircuitPut {
        resource_group: args.string("ResourceGroupName").unwrap_or_default(),
        name: args.string("Name").unwrap_or_default(),
        location: args.string("Location").unwrap_or_default(),
        sku_name: tier.as_ref().map(|t| format!("{t}_{}", family.clone().unwrap_or_default())),
        sku_family: tier.as_ref().and(family),
        sku_tier: tier,
        service_provider_name: args.string("ServiceProviderName").filter(|s| !s.is_empty()),
        peering_location: args.string("PeeringLocation"),
        bandwidth_in_mbps: args.opt::<u32>("BandwidthInMbps"),
        allow_classic_operations: args.get("AllowClassicOperations").filter(|v| !v.is_null()).map(crate::engine::convert::to_bool),
        tags: models::tags_of(args.get("Tag")),
        peerings: args.get("Peering").filter(|v| !v.is_null()).map(super::peering_models::peering_puts),
        authorizations: args.get("Authorization").filter(|v| !v.is_null()).map(super::authorizations::authorization_names),
    }
}

/// `ConfirmAction(Force, overwrite, "Creating Resource", Name, action, present)`: a new name
/// goes ahead at once (one transaction); an existing one asks first, then PUTs.
fn new_circuit(ctx: &mut Ctx, args: &Args) -> Outcome {
    let put = new_put(args);
    let force = args.switch("Force");
    let send = |w: &mut World, sub: &SubscriptionId, put: ArmCircuitPut| -> Result<_, Fail> { Ok(w.put_arm_circuit(sub, put)?) };
    let first = put.clone();
    let created =
        network_call(
            ctx,
            |w, sub| if !force && w.arm_circuit_exists(sub, &first.resource_group, &first.name)? { Ok(None) } else { send(w, sub, first).map(Some) },
        )?;
    let circuit = match created {
        Some(c) => c,
        None => {
            if !confirm(ctx, args, &format!("Are you sure you want to overwrite resource '{}'", put.name), "Creating Resource", &put.name)? {
                return Ok(());
            }
            network_call(ctx, |w, sub| send(w, sub, put))?
        }
    };
    ctx.emit(models::circuit(&circuit))?;
    Ok(())
}

/// Move-AzExpressRouteCircuit: `ConfirmAction(Force, overwrite, "Moving ExpressRoute Circuit",
/// Name, action, present)`, as New- asks.
fn move_circuit(ctx: &mut Ctx, args: &Args) -> Outcome {
    let mv = ArmCircuitMove {
        resource_group: args.string("ResourceGroupName").unwrap_or_default(),
        name: args.string("Name").unwrap_or_default(),
        location: args.string("Location").unwrap_or_default(),
        service_key: args.string("ServiceKey").unwrap_or_default(),
        tags: models::tags_of(args.get("Tag")),
    };
    let force = args.switch("Force");
    let first = mv.clone();
    let moved = network_call(ctx, |w, sub| {
        if !force && w.arm_circuit_exists(sub, &first.resource_group, &first.name)? {
            return Ok(None);
        }
        Ok(Some(w.move_circuit_to_arm(sub, first)?))
    })?;
    let circuit = match moved {
        Some(c) => c,
        None => {
            if !confirm(ctx, args, &format!("Are you sure you want to overwrite resource '{}'", mv.name), "Moving ExpressRoute Circuit", &mv.name)? {
                return Ok(());
            }
            network_call(ctx, |w, sub| Ok(w.move_circuit_to_arm(sub, mv)?))?
        }
    };
    ctx.emit(models::circuit(&circuit))?;
    Ok(())
}

fn has_wildcards(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// A Get- of a top-level resource: one GET when `-Name` and `-ResourceGroupName` are both
/// plain; otherwise a list (of the group when its name is plain) filtered by the wildcards
/// (TopLevelWildcardFilter); `names` gives a resource's group and name.
pub(super) fn get_by_names<T>(
    ctx: &mut Ctx,
    args: &Args,
    one: impl FnOnce(&mut World, &SubscriptionId, &str, &str) -> Result<T, Fail>,
    list: impl FnOnce(&mut World, &SubscriptionId, Option<&str>) -> Result<Vec<T>, Fail>,
    names: fn(&T) -> (&str, &str),
) -> Result<Vec<T>, Fail> {
    let name = args.string("Name").filter(|s| !s.is_empty());
    let group = args.string("ResourceGroupName").filter(|s| !s.is_empty());
    let plain = |s: &Option<String>| s.as_ref().filter(|s| !has_wildcards(s)).cloned();
    Ok(match (plain(&name), plain(&group)) {
        (Some(n), Some(g)) => vec![network_call(ctx, |w, sub| one(w, sub, &g, &n))?],
        (_, plain_group) => {
            let all = network_call(ctx, |w, sub| list(w, sub, plain_group.as_deref()))?;
            let matches = |pattern: &Option<String>, value: &str| pattern.as_ref().is_none_or(|p| wildcard_regex(p, false).is_match(value));
            all.into_iter()
                .filter(|x| {
                    let (g, n) = names(x);
                    matches(&group, g) && matches(&name, n)
                })
                .collect()
        }
    })
}

fn get_circuit(ctx: &mut Ctx, args: &Args) -> Outcome {
    let circuits = get_by_names(
        ctx,
        args,
        |w, sub, g, n| Ok(w.get_arm_circuit(sub, g, n)?),
        |w, sub, g| Ok(w.list_arm_circuits(sub, g)?),
        |c| (c.resource_group.as_str(), c.name.as_str()),
    )?;
    ctx.emit_all(circuits.iter().map(models::circuit).collect())?;
    Ok(())
}

fn set_circuit(ctx: &mut Ctx, args: &Args) -> Outcome {
    let put = models::circuit_put(&args.get("ExpressRouteCircuit").cloned().unwrap_or(Value::Null));
    let circuit = network_call(ctx, |w, sub| {
        if !w.arm_circuit_exists(sub, &put.resource_group, &put.name)? {
            // The cmdlet throws the resource string unformatted.
            return Err(Fail::argument("Resource '{0}' not found"));
        }
        Ok(w.put_arm_circuit(sub, put)?)
    })?;
    ctx.emit(models::circuit(&circuit))?;
    Ok(())
}

/// `ConfirmAction(Force, remove, "Removing resource ...", Name, action)`: always asks unless
/// -Force.
fn remove_circuit(ctx: &mut Ctx, args: &Args) -> Outcome {
    let name = args.string("Name").unwrap_or_default();
    let group = args.string("ResourceGroupName").unwrap_or_default();
    if !confirm(ctx, args, &format!("Are you sure you want to remove resource '{name}'"), "Removing resource ...", &name)? {
        return Ok(());
    }
    network_call(ctx, |w, sub| Ok(w.remove_arm_circuit(sub, &group, &name)?))?;
    if args.switch("PassThru") {
        ctx.emit(Value::Bool(true))?;
    }
    Ok(())
}

/// `PSExpressRouteServiceProvider`; the service answers every provider with the same empty
/// id (REC service-provider list).
fn provider(p: &ServiceProvider) -> Value {
    let locations: Vec<Value> = p.locations.split(',').map(|l| Value::str(l.trim())).collect();
    let offers: Vec<Value> = p
        .bandwidths
        .iter()
        .map(|b| {
            let mut o = PsObject::typed("Microsoft.Azure.Commands.Network.Models.PSExpressRouteServiceProviderBandwidthsOffered");
            o.add_typed("OfferName", "string", Value::str(b.label));
            o.add_typed("ValueInMbps", "int", Value::Int(b.bandwidth as i32));
            Value::object(o)
        })
        .collect();
    let mut o = PsObject::typed(SERVICE_PROVIDER);
    o.add_typed("Name", "string", Value::str(p.name));
    o.add_typed("Id", "string", Value::str("/subscriptions//resourceGroups//providers/Microsoft.Network/expressRouteServiceProviders/"));
    o.add_typed("Type", "string", Value::str("Microsoft.Network/expressRouteServiceProviders"));
    o.add_typed("ProvisioningState", "string", Value::str("Succeeded"));
    o.add_typed("PeeringLocations", "System.Collections.Generic.List[string]", Value::array(locations));
    o.add_typed(
        "BandwidthsOffered",
        "System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSExpressRouteServiceProviderBandwidthsOffered]",
        Value::array(offers),
    );
    Value::object(o)
}

fn locations_text(v: &Value) -> String {
    models::member_json(v, "PeeringLocations")
}

fn bandwidths_text(v: &Value) -> String {
    models::member_json(v, "BandwidthsOffered")
}

/// PSExpressRouteServiceProvider's list view (Network.format.ps1xml, facts §2.5).
pub fn provider_view() -> TableView {
    let item = |label: &'static str, f: fn(&Value) -> String| ViewColumn { label, value: ColumnValue::Computed(f), ..ViewColumn::property(label, 0) };
    TableView {
        list: true,
        ..TableView::new(
            SERVICE_PROVIDER,
            vec![
                ViewColumn::property("Name", 0),
                ViewColumn::property("Id", 0),
                ViewColumn::property("ProvisioningState", 0),
                ViewColumn::property("Type", 0),
                item("PeeringLocations", locations_text),
                item("BandwidthsOffered", bandwidths_text),
            ],
        )
    }
}

fn get_providers(ctx: &mut Ctx, _args: &Args) -> Outcome {
    let providers = network_call(ctx, |w, sub| Ok(w.list_service_providers(sub)?))?;
    ctx.emit_all(providers.iter().map(provider).collect())?;
    Ok(())
}
