//! New-, Add-, Get-, Set- and Remove-AzExpressRouteCircuitPeeringConfig: they edit the
//! `Peerings` of the local PSExpressRouteCircuit and call nothing (facts §1.4); only
//! Set-AzExpressRouteCircuit sends the result. Their own errors are .NET's and the
//! cmdlets' (`Peering with the specified name already exists`, LINQ's `Sequence contains no
//! matching element`), reported as every Azure cmdlet reports what its body throws.

use crate::cmdlets::azure::{Fail, Outcome, INVALID_OPERATION};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::value::{TypeKind, Value};
use crate::engine::Ctx;

use super::models::{self, member, text};
use super::network::{route_filter_reference, ROUTE_FILTER};
use super::peering_models::{microsoft_config, peering_object, PeeringFields, PEERING};
use super::{body, default_profile};

const CLASS: &str = "Microsoft.Azure.Commands.Network.";
const PEERING_TYPES: [&str; 3] = ["AzurePrivatePeering", "AzurePublicPeering", "MicrosoftPeering"];

fn circuit_param() -> ParamSpec {
    models::model_param("ExpressRouteCircuit", models::CIRCUIT).mandatory().pipeline().help("The ExpressRouteCircuit")
}

/// The parameters every peering-defining cmdlet shares (AzureExpressRouteCircuitPeeringConfigBase).
fn definition(c: CommandInfo) -> CommandInfo {
    c.param(ParamSpec::new("Name", TypeKind::String).mandatory().not_empty().help("The name of the Peering"))
        .param(ParamSpec::new("PeeringType", TypeKind::String).mandatory().not_empty().set(&PEERING_TYPES).help("The type of peering"))
        .param(ParamSpec::new("PeerASN", TypeKind::UInt).mandatory().help("The peer ASN"))
        .param(ParamSpec::new("PrimaryPeerAddressPrefix", TypeKind::String).mandatory().not_empty().help("The primary address prefix"))
        .param(ParamSpec::new("SecondaryPeerAddressPrefix", TypeKind::String).mandatory().not_empty().help("The secondary address prefix"))
        .param(ParamSpec::new("VlanId", TypeKind::Int).mandatory().help("The vlanId"))
        .param(ParamSpec::new("SharedKey", TypeKind::String).not_empty().help("The SharedKey"))
        .param(
            ParamSpec::new("MicrosoftConfigAdvertisedPublicPrefixes", TypeKind::String).array().not_empty().help("The MicrosoftConfigAdvertisedPublicPrefixes"),
        )
        .param(ParamSpec::new("MicrosoftConfigCustomerAsn", TypeKind::Int).help("The customerAsn"))
        .param(ParamSpec::new("MicrosoftConfigRoutingRegistryName", TypeKind::String).not_empty().help("The MicrosoftConfigRoutingRegistryName"))
        .param(ParamSpec::new("RouteFilterId", TypeKind::String).mandatory().by_name().not_empty().in_set(BY_FILTER_ID).help("RouteFilterId"))
        .param(models::model_param("RouteFilter", ROUTE_FILTER).mandatory().by_name().in_set(BY_FILTER).help("RouteFilter"))
        .default_set("SetByResource")
}

/// The source's parameter sets of the two ways to name a route filter.
const BY_FILTER_ID: &str = "MicrosoftPeeringConfigRoutFilterId";
const BY_FILTER: &str = "MicrosoftPeeringConfigRoutFilter";

/// The route filter the arguments name, as the source sets it on the peering: a new
/// PSRouteFilter holding only the id (`-RouteFilter` gives its `Id`).
fn route_filter_of(args: &Args) -> Option<Value> {
    let id = args.string("RouteFilterId").or_else(|| args.get("RouteFilter").and_then(|f| models::member_text(f, "Id")));
    id.filter(|i| !i.is_empty()).map(|i| route_filter_reference(&i))
}

/// The examples' circuit: ordered, then provisioned by the provider on its service key.
const PROVISIONED: &str = "New-AzResourceGroup -Name LabRG -Location 'West US' -Force | Out-Null\n$c = New-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG -Location 'West US' -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName Equinix -PeeringLocation 'Silicon Valley' -BandwidthInMbps 200 -Force\nSelect-AzureSubscription -SubscriptionName 'Equinix Provider'\nNew-AzureCrossConnection -ServiceKey $c.ServiceKey -Force | Out-Null\nSet-AzureCrossConnection -ServiceKey $c.ServiceKey -Operation NotifyCrossConnectionProvisioned | Out-Null\nSelect-AzureSubscription -SubscriptionName 'Contoso Production'\n$ckt = Get-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG\n";

pub fn commands(module: &str) -> Vec<CommandInfo> {
    let add = definition(CommandInfo::cmdlet(
        "Add-AzExpressRouteCircuitPeeringConfig",
        module,
        &format!("{CLASS}AddAzureExpressRouteCircuitPeeringConfigCommand"),
        body!(add_peering),
    ))
    .param(circuit_param())
    .param(default_profile())
    .outputs(models::CIRCUIT)
    .synopsis("Adds a peering configuration to an ExpressRoute circuit.")
    .description("Appends a peering to the Peerings of the local circuit object and writes the circuit; nothing reaches Azure until Set-AzExpressRouteCircuit sends the circuit. A peering of that name already on the object is an error.")
    .example(
        "Private peering, then send the circuit",
        &format!("{PROVISIONED}Add-AzExpressRouteCircuitPeeringConfig -Name AzurePrivatePeering -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix 10.0.0.0/30 -SecondaryPeerAddressPrefix 10.0.0.4/30 -VlanId 200 | Out-Null\nSet-AzExpressRouteCircuit -ExpressRouteCircuit $ckt | Out-Null"),
        "The circuit now has its private peering.",
    )
    .example(
        "Microsoft peering with a route filter",
        &format!("{PROVISIONED}$filter = New-AzRouteFilter -Name LabFilter -ResourceGroupName LabRG -Location 'West US' -Force
Add-AzExpressRouteCircuitPeeringConfig -Name MicrosoftPeering -ExpressRouteCircuit $ckt -PeeringType MicrosoftPeering -PeerASN 100 -PrimaryPeerAddressPrefix 123.0.0.0/30 -SecondaryPeerAddressPrefix 123.0.0.4/30 -VlanId 300 -MicrosoftConfigAdvertisedPublicPrefixes 123.1.0.0/24 -MicrosoftConfigRoutingRegistryName ARIN -RouteFilter $filter | Set-AzExpressRouteCircuit | Out-Null"),
        "The peering is sent with the filter attached: it receives the prefixes of the filter's communities.",
    );
    let set = definition(CommandInfo::cmdlet(
        "Set-AzExpressRouteCircuitPeeringConfig",
        module,
        &format!("{CLASS}SetAzureExpressRouteCircuitPeeringConfigCommand"),
        body!(set_peering),
    ))
    .param(circuit_param())
    .param(default_profile())
    .outputs(models::CIRCUIT)
    .synopsis("Saves a modified ExpressRoute peering configuration.")
    .description("Overwrites the named peering of the local circuit object with the values given (the shared key and the Microsoft configuration only when given) and writes the circuit; Set-AzExpressRouteCircuit sends it.")
    .example(
        "Move the private peering to VLAN 500",
        &format!("{PROVISIONED}$ckt = Add-AzExpressRouteCircuitPeeringConfig -Name AzurePrivatePeering -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix 10.0.0.0/30 -SecondaryPeerAddressPrefix 10.0.0.4/30 -VlanId 200\nSet-AzExpressRouteCircuitPeeringConfig -Name AzurePrivatePeering -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix 10.0.0.0/30 -SecondaryPeerAddressPrefix 10.0.0.4/30 -VlanId 500 | Set-AzExpressRouteCircuit | Out-Null"),
        "The peering is sent with its new VLAN.",
    );
    let new = definition(CommandInfo::cmdlet(
        "New-AzExpressRouteCircuitPeeringConfig",
        module,
        &format!("{CLASS}NewAzureExpressRouteCircuitPeeringConfigCommand"),
        body!(new_peering),
    ))
    .param(default_profile())
    .outputs(PEERING)
    .synopsis("Creates a new peering configuration to be added to an ExpressRoute circuit.")
    .description("A peering object on its own, for the -Peering parameter of New-AzExpressRouteCircuit or the Peerings of a circuit object.")
    .example(
        "A private peering object",
        "New-AzExpressRouteCircuitPeeringConfig -Name AzurePrivatePeering -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix 10.0.0.0/30 -SecondaryPeerAddressPrefix 10.0.0.4/30 -VlanId 200",
        "The PSPeering, in its list view.",
    );
    vec![
        add,
        CommandInfo::cmdlet("Get-AzExpressRouteCircuitPeeringConfig", module, &format!("{CLASS}GetAzureExpressRouteCircuitPeeringConfigCommand"), body!(get_peering))
            .param(ParamSpec::new("Name", TypeKind::String).help("The name of the Peering"))
            .param(models::model_param("ExpressRouteCircuit", models::CIRCUIT).mandatory().pipeline().help("The circuit"))
            .param(default_profile())
            .outputs(PEERING)
            .synopsis("Gets an ExpressRoute circuit peering configuration.")
            .description("The named peering of the circuit object, or all of them; a name the object does not hold is LINQ's 'Sequence contains no matching element'.")
            .example("The peerings of a circuit", &format!("{PROVISIONED}Get-AzExpressRouteCircuitPeeringConfig -ExpressRouteCircuit $ckt"), "Nothing while the circuit has no peering."),
        set,
        CommandInfo::cmdlet("Remove-AzExpressRouteCircuitPeeringConfig", module, &format!("{CLASS}RemoveAzureExpressRouteCircuitPeeringConfigCommand"), body!(remove_peering))
            .param(ParamSpec::new("Name", TypeKind::String).not_empty().help("The name of the Peering"))
            .param(circuit_param())
            .param(ParamSpec::new("PeerAddressType", TypeKind::String).set(&["IPv4", "IPv6", "All"]).help("The Address family of the peering"))
            .param(default_profile())
            .outputs(models::CIRCUIT)
            .synopsis("Removes an ExpressRoute circuit peering configuration.")
            .description("Takes the named peering off the local circuit object (a name it does not hold changes nothing) and writes the circuit; Set-AzExpressRouteCircuit sends it.")
            .example(
                "Remove a peering and send the circuit",
                &format!("{PROVISIONED}Remove-AzExpressRouteCircuitPeeringConfig -Name AzurePrivatePeering -ExpressRouteCircuit $ckt | Set-AzExpressRouteCircuit | Out-Null"),
                "Without the Set, the circuit in Azure keeps its peering.",
            ),
        new,
    ]
}

/// An object's `Peerings` list (a circuit's or a cross connection's), and its items.
pub(super) fn peerings_of(ctx_circuit: &Value) -> Result<(Value, Vec<Value>), Fail> {
    let list = member(ctx_circuit, "Peerings")
        .filter(|l| !l.is_null())
        .ok_or_else(|| Fail::Exception("System.ArgumentNullException".into(), "Value cannot be null.\r\nParameter name: source".into()))?;
    let items = match &list {
        Value::Array(a) => a.borrow().clone(),
        Value::List(l) => l.items.borrow().clone(),
        other => vec![other.clone()],
    };
    Ok((list, items))
}

pub(super) fn same_name(peering: &Value, name: &str) -> bool {
    member(peering, "Name").is_some_and(|n| to_string(&n).eq_ignore_ascii_case(name))
}

fn circuit_arg(args: &Args) -> Value {
    args.get("ExpressRouteCircuit").cloned().unwrap_or(Value::Null)
}

/// The Microsoft configuration the arguments ask for: only with a non-empty prefix list.
fn microsoft_of(args: &Args) -> Option<Value> {
    let prefixes: Vec<String> = match args.get("MicrosoftConfigAdvertisedPublicPrefixes") {
        Some(Value::Array(a)) => a.borrow().iter().map(to_string).collect(),
        Some(v) if !v.is_null() => vec![to_string(v)],
        _ => Vec::new(),
    };
    (!prefixes.is_empty()).then(|| {
        let registry = args.string("MicrosoftConfigRoutingRegistryName").map_or(Value::Null, |r| text(&r));
        microsoft_config(&prefixes, Value::Null, args.opt::<i64>("MicrosoftConfigCustomerAsn").unwrap_or(0) as i32, registry)
    })
}

/// A new PSPeering from the arguments, as Add- and New- build it.
fn peering_from(args: &Args) -> Value {
    let shared_key = args.string("SharedKey").filter(|k| !k.is_empty());
    peering_object(PeeringFields {
        name: text(&args.string("Name").unwrap_or_default()),
        etag: Value::Null,
        id: Value::Null,
        peering_type: text(&args.string("PeeringType").unwrap_or_default()),
        state: Value::Null,
        azure_asn: 0,
        peer_asn: args.opt::<u32>("PeerASN").unwrap_or(0),
        primary: text(&args.string("PrimaryPeerAddressPrefix").unwrap_or_default()),
        secondary: text(&args.string("SecondaryPeerAddressPrefix").unwrap_or_default()),
        ports: Value::Null,
        shared_key: shared_key.map_or(Value::Null, |k| text(&k)),
        vlan_id: args.opt::<i64>("VlanId").unwrap_or(0) as i32,
        microsoft: microsoft_of(args).unwrap_or(Value::Null),
        provisioning_state: Value::Null,
        gateway_manager_etag: Value::Null,
        last_modified_by: Value::Null,
        connections: Value::Null,
        peered_connections: Value::Null,
        route_filter: route_filter_of(args).unwrap_or(Value::Null),
    })
}

pub(super) fn push(list: &Value, item: Value) {
    match list {
        Value::Array(a) => a.borrow_mut().push(item),
        Value::List(l) => l.items.borrow_mut().push(item),
        _ => {}
    }
}

fn add_peering(ctx: &mut Ctx, args: &Args) -> Outcome {
    let circuit = circuit_arg(args);
    let name = args.string("Name").unwrap_or_default();
    let (list, items) = peerings_of(&circuit)?;
    if items.iter().any(|p| same_name(p, &name)) {
        return Err(Fail::argument("Peering with the specified name already exists"));
    }
    push(&list, peering_from(args));
    ctx.emit(circuit)?;
    Ok(())
}

fn new_peering(ctx: &mut Ctx, args: &Args) -> Outcome {
    ctx.emit(peering_from(args))?;
    Ok(())
}

fn set_peering(ctx: &mut Ctx, args: &Args) -> Outcome {
    let circuit = circuit_arg(args);
    let name = args.string("Name").unwrap_or_default();
    let (_, items) = peerings_of(&circuit)?;
    let Some(Value::Object(peering)) = items.into_iter().find(|p| same_name(p, &name)) else {
        return Err(Fail::argument("Peering with the specified name does not exist"));
    };
    {
        let mut p = peering.borrow_mut();
        p.set("Name", text(&name));
        p.set("PeeringType", text(&args.string("PeeringType").unwrap_or_default()));
        p.set("PeerASN", Value::UInt(args.opt::<u32>("PeerASN").unwrap_or(0)));
        p.set("VlanId", Value::Int(args.opt::<i64>("VlanId").unwrap_or(0) as i32));
        if let Some(key) = args.string("SharedKey").filter(|k| !k.is_empty()) {
            p.set("SharedKey", text(&key));
        }
        p.set("PrimaryPeerAddressPrefix", text(&args.string("PrimaryPeerAddressPrefix").unwrap_or_default()));
        p.set("SecondaryPeerAddressPrefix", text(&args.string("SecondaryPeerAddressPrefix").unwrap_or_default()));
        if let Some(config) = microsoft_of(args) {
            p.set("MicrosoftPeeringConfig", config);
        }
        if let Some(filter) = route_filter_of(args) {
            p.set("RouteFilter", filter);
        }
    }
    ctx.emit(circuit)?;
    Ok(())
}

fn get_peering(ctx: &mut Ctx, args: &Args) -> Outcome {
    get_named_peering(ctx, args, &circuit_arg(args))
}

/// The Get- peering cmdlets: `Peerings.First(name)` with `-Name` (LINQ's error when none
/// matches), else every peering of the object.
pub(super) fn get_named_peering(ctx: &mut Ctx, args: &Args, object: &Value) -> Outcome {
    let (_, items) = peerings_of(object)?;
    match args.string("Name").filter(|n| !n.is_empty()) {
        Some(name) => {
            let found = items
                .into_iter()
                .find(|p| same_name(p, &name))
                .ok_or_else(|| Fail::Exception(INVALID_OPERATION.into(), "Sequence contains no matching element".into()))?;
            ctx.emit(found)?;
        }
        None => ctx.emit_all(items)?,
    }
    Ok(())
}

fn remove_peering(ctx: &mut Ctx, args: &Args) -> Outcome {
    let circuit = circuit_arg(args);
    let name = args.string("Name").unwrap_or_default();
    let family = args.string("PeerAddressType").unwrap_or_default();
    let (list, items) = peerings_of(&circuit)?;
    let Some(peering) = items.iter().find(|p| same_name(p, &name)) else {
        ctx.emit(circuit)?;
        return Ok(());
    };
    let has = |field: &str| member(peering, field).is_some_and(|v| !v.is_null());
    let kind = member(peering, "PeeringType").map(|t| to_string(&t)).unwrap_or_default();
    let is = |f: &str| family.eq_ignore_ascii_case(f);
    // AP@1ab53698: only the named address family goes when the peering has both; asking for
    // a family the Microsoft peering lacks returns without writing anything; the IPv4 half
    // of a private peering stays when only its IPv6 half is removed.
    if kind.eq_ignore_ascii_case("MicrosoftPeering") {
        if (is("IPv4") && !has("MicrosoftPeeringConfig")) || (is("IPv6") && !has("Ipv6PeeringConfig")) {
            return Ok(());
        }
    } else if kind.eq_ignore_ascii_case("AzurePrivatePeering") && is("IPv6") && has("PrimaryPeerAddressPrefix") {
        if let Value::Object(p) = peering {
            p.borrow_mut().set("Ipv6PeeringConfig", Value::Null);
        }
        ctx.emit(circuit)?;
        return Ok(());
    }
    let keep = |p: &Value| !same_name(p, &name);
    match &list {
        Value::Array(a) => a.borrow_mut().retain(keep),
        Value::List(l) => l.items.borrow_mut().retain(keep),
        _ => {}
    }
    ctx.emit(circuit)?;
    Ok(())
}
