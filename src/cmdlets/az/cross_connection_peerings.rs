//! The provider's peering cmdlets: Add-, Get- and Remove-AzExpressRouteCrossConnectionPeering
//! (CrossConnectionPeering/ at azure-powershell @6a8ec301, @6123eae0, base @1d88fb13) and
//! Get-AzExpressRouteCrossConnectionArpTable, …RouteTable, …RouteTableSummary
//! (CrossConnectionPeeringStats/ @156fc609, @6a8ec301, @0f01bafe). Unlike the customer's
//! peering config cmdlets, Add- and Remove- send the cross connection at once (PUT, then GET)
//! and write the fresh object; Get- only reads the local one.

use crate::cloud::arm::{parse_arm_peering_type, DiagnosticTable};
use crate::cloud::{ArpEntry, DevicePath, RouteEntry, RouteSummaryEntry};
use crate::cmdlets::azure::{network_call, Fail, Outcome};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::Ctx;

use super::cross_connections::{edit_and_send, peering_object, CrossConnectionPeeringFields, CROSS_CONNECTION, CROSS_CONNECTION_PEERING, ORDERED};
use super::diagnostics::{arp_row, device_path_param, peering_type_param, required_peering, route_row};
use super::models::{member, member_text, model_param, text};
use super::peering_models::microsoft_config;
use super::peerings::{get_named_peering, peerings_of, push, same_name};
use super::{body, default_profile};

const CLASS: &str = "Microsoft.Azure.Commands.Network.";
const PEERING_TYPES: [&str; 3] = ["AzurePrivatePeering", "AzurePublicPeering", "MicrosoftPeering"];

fn cross_connection_param() -> ParamSpec {
    model_param("ExpressRouteCrossConnection", CROSS_CONNECTION).mandatory().pipeline().help("The ExpressRouteCrossConnection")
}

/// The examples' cross connection, provisioned, as `$cc`.
const PROVISIONED: &str =
    "$cc = Set-AzExpressRouteCrossConnection -ResourceGroupName $rg -Name $c.ServiceKey -ServiceProviderProvisioningState Provisioned -Force\n";
const ADD_PRIVATE: &str = "$cc = Add-AzExpressRouteCrossConnectionPeering -ExpressRouteCrossConnection $cc -Name AzurePrivatePeering -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix 10.0.0.0/30 -SecondaryPeerAddressPrefix 10.0.0.4/30 -VlanId 200 -Force\n";

/// AzureRMExpressRouteCrossConnectionPeeringBase's parameters.
fn definition(c: CommandInfo) -> CommandInfo {
    c.param(ParamSpec::new("Name", TypeKind::String).mandatory().not_empty().help("The name of the Peering"))
        .param(ParamSpec::new("PeeringType", TypeKind::String).mandatory().not_empty().set(&PEERING_TYPES).help("The PeeringType"))
        .param(ParamSpec::new("PeerASN", TypeKind::UInt).mandatory().help("The PeerAsn"))
        .param(ParamSpec::new("PrimaryPeerAddressPrefix", TypeKind::String).mandatory().not_empty().help("The PrimaryPeerAddressPrefix"))
        .param(ParamSpec::new("SecondaryPeerAddressPrefix", TypeKind::String).mandatory().not_empty().help("The SecondaryPeerAddressPrefix"))
        .param(ParamSpec::new("VlanId", TypeKind::Int).mandatory().help("The vlanId"))
        .param(ParamSpec::new("SharedKey", TypeKind::String).not_empty().help("The SharedKey"))
        .param(
            ParamSpec::new("MicrosoftConfigAdvertisedPublicPrefix", TypeKind::String).array().not_empty().help("The MicrosoftConfigAdvertisedPublicPrefixes"),
        )
        .param(ParamSpec::new("MicrosoftConfigCustomerAsn", TypeKind::Int).help("The customerAsn"))
        .param(ParamSpec::new("MicrosoftConfigRoutingRegistryName", TypeKind::String).not_empty().help("The MicrosoftConfigRoutingRegistryName"))
        .param(ParamSpec::new("PeerAddressType", TypeKind::String).by_name().set(&["IPv4", "IPv6"]).help("PeerAddressType"))
        .default_set("SetByResource")
}

/// The parameters of the diagnostics cmdlets: the cross connection by group and name, or the
/// object's.
fn diagnostics(c: CommandInfo) -> CommandInfo {
    c.param(ParamSpec::new("ResourceGroupName", TypeKind::String).mandatory().by_name().not_empty().in_set(BY_VALUES).help("The resource group name."))
        .param(
            ParamSpec::new("CrossConnectionName", TypeKind::String)
                .mandatory()
                .by_name()
                .not_empty()
                .alias("Name")
                .alias("ResourceName")
                .in_set(BY_VALUES)
                .help("The Name of Express Route Cross Connection"),
        )
        .param(
            model_param("ExpressRouteCrossConnection", CROSS_CONNECTION)
                .mandatory()
                .by_name()
                .in_set("SpecifyByReference")
                .help("The Express Route Cross Connection"),
        )
        .param(peering_type_param())
        .param(device_path_param())
        .param(default_profile())
}

const BY_VALUES: &str = "SpecifyByParameterValues";

pub fn commands(module: &str) -> Vec<CommandInfo> {
    let peered = format!("{ORDERED}{PROVISIONED}{ADD_PRIVATE}");
    vec![
        definition(CommandInfo::cmdlet("Add-AzExpressRouteCrossConnectionPeering", module, &format!("{CLASS}AddAzureRMExpressRouteCrossConnectionPeeringCommand"), body!(add_peering)))
            .param(cross_connection_param())
            .param(ParamSpec::switch("Force").help("Do not ask for confirmation if you want to overwrite a resource"))
            .param(default_profile())
            .outputs(CROSS_CONNECTION)
            .synopsis("Adds a peering configuration to an ExpressRoute cross connection.")
            .description("The provider configures a peering on the customer's circuit: appended to the cross connection and sent at once, under the circuit's peering rules (a provisioned circuit, /30 subnets, a VLAN of its own). Always asks unless -Force. A peering of that name already there is an error.")
            .example("Private peering for the customer", &format!("{ORDERED}{PROVISIONED}Add-AzExpressRouteCrossConnectionPeering -ExpressRouteCrossConnection $cc -Name AzurePrivatePeering -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix 10.0.0.0/30 -SecondaryPeerAddressPrefix 10.0.0.4/30 -VlanId 200 -Force"), "The cross connection with its peering; the customer's circuit has it too."),
        CommandInfo::cmdlet("Get-AzExpressRouteCrossConnectionPeering", module, &format!("{CLASS}GetAzureRmExpressRouteCrossConnectionPeering"), body!(get_peering))
            .param(ParamSpec::new("Name", TypeKind::String).by_name().not_empty().help("The name of the peering"))
            .param(cross_connection_param())
            .param(default_profile())
            .outputs(CROSS_CONNECTION_PEERING)
            .synopsis("Gets an ExpressRoute cross connection peering configuration.")
            .description("The named peering of the local cross connection object, or all of them; a name the object does not hold is LINQ's 'Sequence contains no matching element'.")
            .example("The private peering", &format!("{peered}Get-AzExpressRouteCrossConnectionPeering -ExpressRouteCrossConnection $cc -Name AzurePrivatePeering"), "The peering, in its list view."),
        CommandInfo::cmdlet("Remove-AzExpressRouteCrossConnectionPeering", module, &format!("{CLASS}RemoveAzureRMExpressRouteCrossConnectionPeeringCommand"), body!(remove_peering))
            .param(cross_connection_param())
            .param(ParamSpec::new("Name", TypeKind::String).not_empty().help("The name of the Peering"))
            .param(ParamSpec::new("PeerAddressType", TypeKind::String).set(&["IPv4", "IPv6", "All"]).help("The Address family of the peering"))
            .param(ParamSpec::switch("Force").help("Do not ask for confirmation if you want to delete a resource"))
            .param(default_profile())
            .outputs(CROSS_CONNECTION)
            .synopsis("Removes a peering configuration from an ExpressRoute cross connection.")
            .description("Takes the named peering off the cross connection and sends it (a name it does not hold sends it unchanged). Always asks unless -Force.")
            .example("Remove the private peering", &format!("{peered}Remove-AzExpressRouteCrossConnectionPeering -ExpressRouteCrossConnection $cc -Name AzurePrivatePeering -Force"), "The cross connection without peerings."),
        diagnostics(CommandInfo::cmdlet("Get-AzExpressRouteCrossConnectionArpTable", module, &format!("{CLASS}GetAzureRMExpressRouteCrossConnectionArpTableCommand"), body!(get_arp)))
            .outputs("Microsoft.Azure.Commands.Network.Models.PSExpressRouteCircuitArpTable")
            .synopsis("Gets the ARP table from an ExpressRoute cross connection.")
            .description("The ARP table of one path of a peering, as for the customer's Get-AzExpressRouteCircuitARPTable.")
            .example("The primary path", &format!("{peered}Get-AzExpressRouteCrossConnectionArpTable -ResourceGroupName $rg -CrossConnectionName $c.ServiceKey -PeeringType AzurePrivatePeering -DevicePath Primary"), "A table of Age, InterfaceProperty, IpAddress and MacAddress."),
        diagnostics(CommandInfo::cmdlet("Get-AzExpressRouteCrossConnectionRouteTable", module, &format!("{CLASS}GetAzureRMExpressRouteCrossConnectionRouteTableCommand"), body!(get_routes)))
            .outputs("Microsoft.Azure.Commands.Network.Models.PSExpressRouteCircuitRoutesTable")
            .synopsis("Gets a route table from an ExpressRoute cross connection.")
            .description("The routes one path of a peering has learned, as for the customer's Get-AzExpressRouteCircuitRouteTable.")
            .example("Routes of the primary path", &format!("{peered}Get-AzExpressRouteCrossConnectionRouteTable -ExpressRouteCrossConnection $cc -PeeringType AzurePrivatePeering -DevicePath Primary"), "Nothing until the customer's routers announce a route."),
        diagnostics(CommandInfo::cmdlet(
            "Get-AzExpressRouteCrossConnectionRouteTableSummary",
            module,
            &format!("{CLASS}GetAzureRMExpressRouteCrossConnectionRouteTableSummaryCommand"),
            body!(get_summary),
        ))
        .outputs("Microsoft.Azure.Commands.Network.Models.PSExpressRouteCrossConnectionRoutesTableSummary")
        .synopsis("Gets a route table summary of an ExpressRoute cross connection.")
        .description("The BGP neighbor of one path of a peering: its address, AS, session age and state or prefixes received.")
        .example("The neighbor on the primary path", &format!("{peered}Get-AzExpressRouteCrossConnectionRouteTableSummary -ResourceGroupName $rg -CrossConnectionName $c.ServiceKey -PeeringType AzurePrivatePeering -DevicePath Primary"), "Neighbor, Asn, UpDown and StateOrPrefixesReceived, as a table."),
    ]
}

fn cross_connection_arg(args: &Args) -> Value {
    args.get("ExpressRouteCrossConnection").cloned().unwrap_or(Value::Null)
}

/// A new peering from the arguments, as Add- builds it; `-PeerAddressType IPv6` fills only
/// `Ipv6PeeringConfig`, which this service does not provide, so its addresses stay unset.
fn peering_from(args: &Args) -> Value {
    let prefixes: Vec<String> = match args.get("MicrosoftConfigAdvertisedPublicPrefix") {
        Some(Value::Array(a)) => a.borrow().iter().map(to_string).collect(),
        Some(v) if !v.is_null() => vec![to_string(v)],
        _ => Vec::new(),
    };
    let ipv6 = args.string("PeerAddressType").is_some_and(|t| t.eq_ignore_ascii_case("IPv6"));
    let address = |name: &str| if ipv6 { Value::Null } else { text(&args.string(name).unwrap_or_default()) };
    let microsoft = (!prefixes.is_empty() && !ipv6).then(|| {
        let registry = args.string("MicrosoftConfigRoutingRegistryName").map_or(Value::Null, |r| text(&r));
        microsoft_config(&prefixes, Value::Null, args.opt::<i64>("MicrosoftConfigCustomerAsn").unwrap_or(0) as i32, registry)
    });
    peering_object(CrossConnectionPeeringFields {
        name: text(&args.string("Name").unwrap_or_default()),
        peering_type: text(&args.string("PeeringType").unwrap_or_default()),
        peer_asn: Value::Long(args.opt::<u32>("PeerASN").unwrap_or(0) as i64),
        primary: address("PrimaryPeerAddressPrefix"),
        secondary: address("SecondaryPeerAddressPrefix"),
        shared_key: args.string("SharedKey").filter(|k| !k.is_empty()).map_or(Value::Null, |k| text(&k)),
        vlan_id: Value::Int(args.opt::<i64>("VlanId").unwrap_or(0) as i32),
        microsoft: microsoft.unwrap_or(Value::Null),
        ..CrossConnectionPeeringFields::default()
    })
}

fn add_peering(ctx: &mut Ctx, args: &Args) -> Outcome {
    let object = cross_connection_arg(args);
    let name = args.string("Name").unwrap_or_default();
    let query = format!("Are you sure you want to overwrite resource '{name}'");
    edit_and_send(ctx, args, &object, (&query, "Creating Resource", &name), || {
        let (list, items) = peerings_of(&object)?;
        if items.iter().any(|p| same_name(p, &name)) {
            return Err(Fail::argument("Peering with the specified name already exists"));
        }
        push(&list, peering_from(args));
        Ok(true)
    })
}

fn get_peering(ctx: &mut Ctx, args: &Args) -> Outcome {
    get_named_peering(ctx, args, &cross_connection_arg(args))
}

/// AP@6123eae0: a Microsoft peering without the named family's configuration is left alone
/// and nothing is sent or written; a peering with both families loses the named one; any
/// other peering goes whole.
fn remove_peering(ctx: &mut Ctx, args: &Args) -> Outcome {
    let object = cross_connection_arg(args);
    let name = args.string("Name").unwrap_or_default();
    let family = args.string("PeerAddressType").unwrap_or_default();
    let is = |f: &str| family.eq_ignore_ascii_case(f);
    let query = format!("Are you sure you want to remove resource '{name}'");
    edit_and_send(ctx, args, &object, (&query, "Removing resource ...", &name), || {
        let (list, items) = peerings_of(&object)?;
        let Some(peering) = items.iter().find(|p| same_name(p, &name)) else {
            return Ok(true);
        };
        let has = |field: &str| member(peering, field).is_some_and(|v| !v.is_null());
        let microsoft = member(peering, "PeeringType").is_some_and(|t| to_string(&t) == "MicrosoftPeering");
        if microsoft && ((is("IPv4") && !has("MicrosoftPeeringConfig")) || (is("IPv6") && !has("Ipv6PeeringConfig"))) {
            return Ok(false);
        }
        let both = has("MicrosoftPeeringConfig") && has("Ipv6PeeringConfig");
        if let (true, Value::Object(p)) = (both, peering) {
            let mut p = p.borrow_mut();
            if is("IPv4") || family.trim().is_empty() {
                p.set("PrimaryPeerAddressPrefix", Value::Null);
                p.set("SecondaryPeerAddressPrefix", Value::Null);
                p.set("MicrosoftPeeringConfig", Value::Null);
                return Ok(true);
            }
            if is("IPv6") {
                p.set("Ipv6PeeringConfig", Value::Null);
                return Ok(true);
            }
        }
        let keep = |p: &Value| !same_name(p, &name);
        match &list {
            Value::Array(a) => a.borrow_mut().retain(keep),
            Value::List(l) => l.items.borrow_mut().retain(keep),
            _ => {}
        }
        Ok(true)
    })
}

/// What a diagnostics call names: the cross connection's group and name, from the arguments
/// or from the object.
fn target(args: &Args) -> (String, String) {
    match args.get("ExpressRouteCrossConnection").filter(|v| !v.is_null()) {
        Some(o) => (member_text(o, "ResourceGroupName").unwrap_or_default(), member_text(o, "Name").unwrap_or_default()),
        None => (args.string("ResourceGroupName").unwrap_or_default(), args.string("CrossConnectionName").unwrap_or_default()),
    }
}

fn path(args: &Args) -> DevicePath {
    args.string("DevicePath").and_then(|p| DevicePath::parse(&p)).unwrap_or(DevicePath::Primary)
}

fn summary_row(r: &RouteSummaryEntry) -> Value {
    let mut o = PsObject::typed("Microsoft.Azure.Commands.Network.Models.PSExpressRouteCrossConnectionRoutesTableSummary");
    o.add_typed("Neighbor", "string", text(&r.neighbor));
    o.add_typed("Asn", "System.Nullable[int]", Value::Int(r.asn as i32));
    o.add_typed("UpDown", "string", text(&r.up_down));
    o.add_typed("StateOrPrefixesReceived", "string", text(&r.state_pfx_rcd));
    Value::object(o)
}

/// One diagnostics table of the cross connection, each row as the cmdlet's model.
fn table<T: DiagnosticTable>(ctx: &mut Ctx, args: &Args, row: fn(&T) -> Value) -> Outcome {
    let (group, name) = target(args);
    let access = required_peering(args.string("PeeringType").and_then(|p| parse_arm_peering_type(&p)))?;
    let rows: Vec<T> = network_call(ctx, |w, sub| Ok(w.cross_connection_table(sub, &group, &name, access, path(args))?))?;
    ctx.emit_all(rows.iter().map(row).collect())?;
    Ok(())
}

fn get_arp(ctx: &mut Ctx, args: &Args) -> Outcome {
    table::<ArpEntry>(ctx, args, arp_row)
}

fn get_routes(ctx: &mut Ctx, args: &Args) -> Outcome {
    table::<RouteEntry>(ctx, args, route_row)
}

fn get_summary(ctx: &mut Ctx, args: &Args) -> Outcome {
    table::<RouteSummaryEntry>(ctx, args, summary_row)
}
