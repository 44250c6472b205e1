//! Get-AzExpressRouteCircuitStat (and its `…Stats` alias), Get-AzExpressRouteCircuitARPTable,
//! …RouteTable and …RouteTableSummary: one service call each, the rows as the network
//! models (PSExpressRouteCircuitStats, …ArpTable, …RoutesTable, …RoutesTableSummary), which
//! have no view and so print with default formatting (facts §2.5).

use crate::cloud::arm::parse_arm_peering_type;
use crate::cloud::{ArpEntry, BgpPeeringAccessType, DevicePath, PeeringStats, RouteEntry, RouteSummaryEntry};
use crate::cmdlets::azure::{network_call, Fail, Outcome};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::types::EnumDef;
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::Ctx;

use super::models::text;
use super::{body, default_profile};

const CLASS: &str = "Microsoft.Azure.Commands.Network.";
const MODELS: &str = "Microsoft.Azure.Commands.Network.Models.";
const PEERING_TYPES: [&str; 3] = ["AzurePrivatePeering", "AzurePublicPeering", "MicrosoftPeering"];

/// `DevicePathEnum`, declared beside the ARP table cmdlet (AP@858a46f9).
pub static DEVICE_PATH_ENUM: EnumDef = EnumDef { full_name: "Microsoft.Azure.Commands.Network.DevicePathEnum", members: &[("Primary", 0), ("Secondary", 1)] };

/// The Az alias the Stat cmdlet declares, and the AzureRM era's name for the same cmdlet.
pub const AZ_ALIASES: &[(&str, &str)] = &[("Get-AzExpressRouteCircuitStats", "Get-AzExpressRouteCircuitStat")];
pub const RM_ALIASES: &[(&str, &str)] = &[("Get-AzureRmExpressRouteCircuitStats", "Get-AzureRmExpressRouteCircuitStat")];

fn group_param() -> ParamSpec {
    ParamSpec::new("ResourceGroupName", TypeKind::String).mandatory().not_empty().by_name().help("The resource group name.")
}

fn circuit_name_param() -> ParamSpec {
    ParamSpec::new("ExpressRouteCircuitName", TypeKind::String)
        .mandatory()
        .not_empty()
        .by_name()
        .alias("Name")
        .alias("ResourceName")
        .help("The Name of ExpressRoute Circuit")
}

pub(super) fn peering_type_param() -> ParamSpec {
    ParamSpec::new("PeeringType", TypeKind::String).set(&PEERING_TYPES).help("The PeeringType")
}

pub(super) fn device_path_param() -> ParamSpec {
    ParamSpec::enumeration("DevicePath", &DEVICE_PATH_ENUM).mandatory().help("The DevicePath, can be either Primary or Secondary")
}

/// The examples' circuit: provisioned, with its private peering sent.
const PEERED: &str = "New-AzResourceGroup -Name LabRG -Location 'West US' -Force | Out-Null\n$c = New-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG -Location 'West US' -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName Equinix -PeeringLocation 'Silicon Valley' -BandwidthInMbps 200 -Force\nSelect-AzureSubscription -SubscriptionName 'Equinix Provider'\nNew-AzureCrossConnection -ServiceKey $c.ServiceKey -Force | Out-Null\nSet-AzureCrossConnection -ServiceKey $c.ServiceKey -Operation NotifyCrossConnectionProvisioned | Out-Null\nSelect-AzureSubscription -SubscriptionName 'Contoso Production'\n$ckt = Get-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG\nAdd-AzExpressRouteCircuitPeeringConfig -Name AzurePrivatePeering -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix 10.0.0.0/30 -SecondaryPeerAddressPrefix 10.0.0.4/30 -VlanId 200 | Set-AzExpressRouteCircuit | Out-Null\n";

pub fn commands(module: &str) -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("Get-AzExpressRouteCircuitARPTable", module, &format!("{CLASS}GetAzureExpressRouteCircuitARPTableCommand"), body!(get_arp))
            .param(group_param())
            .param(circuit_name_param())
            .param(peering_type_param())
            .param(device_path_param())
            .param(default_profile())
            .outputs("Microsoft.Azure.Commands.Network.Models.PSExpressRouteCircuitArpTable")
            .synopsis("Gets the ARP table from an ExpressRoute circuit.")
            .description("The ARP table of one path (Primary or Secondary) of a peering, as the Microsoft edge router sees it: the on-premises interface (an odd last octet) once the provider has provisioned the circuit, and Microsoft's (even).")
            .example(
                "The primary path of private peering",
                &format!("{PEERED}Get-AzExpressRouteCircuitARPTable -ResourceGroupName LabRG -ExpressRouteCircuitName LabArm -PeeringType AzurePrivatePeering -DevicePath Primary"),
                "A table of Age, InterfaceProperty, IpAddress and MacAddress.",
            ),
        CommandInfo::cmdlet("Get-AzExpressRouteCircuitRouteTable", module, &format!("{CLASS}GetAzureRmExpressRouteCircuitRouteTable"), body!(get_routes))
            .param(group_param())
            .param(circuit_name_param())
            .param(peering_type_param())
            .param(device_path_param())
            .param(default_profile())
            .outputs("Microsoft.Azure.Commands.Network.Models.PSExpressRouteCircuitRoutesTable")
            .synopsis("Gets a route table from an ExpressRoute circuit.")
            .description("The BGP routes one path of a peering has learned while its session is up: what the customer's routers announce and, on private peering, the address spaces of the linked VNets.")
            .example(
                "Routes of the primary path",
                &format!("{PEERED}Set-ErSimCustomerRoute -ServiceKey $c.ServiceKey -AccessType Private -Prefix 10.1.0.0/16 | Out-Null\nGet-AzExpressRouteCircuitRouteTable -DevicePath Primary -ExpressRouteCircuitName LabArm -PeeringType AzurePrivatePeering -ResourceGroupName LabRG"),
                "Network, NextHop, LocPrf, Weight and Path of each route, as a list.",
            ),
        CommandInfo::cmdlet(
            "Get-AzExpressRouteCircuitRouteTableSummary",
            module,
            &format!("{CLASS}GetAzureRmExpressRouteCircuitRouteTableSummaryCommand"),
            body!(get_summary),
        )
        .param(group_param())
        .param(circuit_name_param())
        .param(peering_type_param().mandatory())
        .param(device_path_param())
        .param(default_profile())
        .outputs("Microsoft.Azure.Commands.Network.Models.PSExpressRouteCircuitRoutesTableSummary")
        .synopsis("Gets a route table summary of an ExpressRoute circuit.")
        .description("The BGP neighbor of one path of a peering: its AS, its session's age and the prefixes received, or `Idle` while the session is down.")
        .example(
            "The neighbor on the primary path",
            &format!("{PEERED}Get-AzExpressRouteCircuitRouteTableSummary -ResourceGroupName LabRG -ExpressRouteCircuitName LabArm -PeeringType AzurePrivatePeering -DevicePath Primary"),
            "AsProperty, Neighbor, StatePfxRcd, UpDown and V, as a list.",
        ),
        CommandInfo::cmdlet("Get-AzExpressRouteCircuitStat", module, &format!("{CLASS}GetAzureExpressRouteCircuitStatsCommand"), body!(get_stats))
            .param(group_param())
            .param(circuit_name_param())
            .param(peering_type_param())
            .param(default_profile())
            .outputs("Microsoft.Azure.Commands.Network.Models.PSExpressRouteCircuitStats")
            .synopsis("Gets usage statistics of an ExpressRoute circuit.")
            .description("The bytes in and out on the primary and secondary paths of one peering, or of the whole circuit without -PeeringType. They grow with the virtual clock while a peering's session is up. Also reached as Get-AzExpressRouteCircuitStats.")
            .example(
                "Private peering's counters an hour on",
                &format!("{PEERED}Step-ErSimClock -Minutes 60 | Out-Null\nGet-AzExpressRouteCircuitStats -ResourceGroupName LabRG -ExpressRouteCircuitName LabArm -PeeringType 'AzurePrivatePeering'"),
                "A table of PrimaryBytesIn, PrimaryBytesOut, SecondaryBytesIn and SecondaryBytesOut.",
            ),
    ]
}

/// What every diagnostics call names.
struct Target {
    group: String,
    name: String,
    peering: Option<BgpPeeringAccessType>,
    path: DevicePath,
}

fn target(args: &Args) -> Target {
    Target {
        group: args.string("ResourceGroupName").unwrap_or_default(),
        name: args.string("ExpressRouteCircuitName").unwrap_or_default(),
        peering: args.string("PeeringType").and_then(|p| parse_arm_peering_type(&p)),
        path: args.string("DevicePath").and_then(|p| DevicePath::parse(&p)).unwrap_or(DevicePath::Primary),
    }
}

/// The SDK's own check before a request whose URL needs the peering: the parameter is
/// optional on the ARP and route table cmdlets (AP@858a46f9), the operation's is not.
pub(super) fn required_peering(peering: Option<BgpPeeringAccessType>) -> Result<BgpPeeringAccessType, Fail> {
    peering.ok_or_else(|| Fail::Exception("Microsoft.Rest.ValidationException".into(), "'peeringName' cannot be null.".into()))
}

fn model(name: &str) -> PsObject {
    PsObject::typed(&format!("{MODELS}{name}"))
}

pub(super) fn arp_row(r: &ArpEntry) -> Value {
    let mut o = model("PSExpressRouteCircuitArpTable");
    o.add_typed("Age", "System.Nullable[int]", Value::Int(r.age as i32));
    o.add_typed("InterfaceProperty", "string", text(&r.interface));
    o.add_typed("IpAddress", "string", text(&r.ip_address));
    o.add_typed("MacAddress", "string", text(&r.mac_address));
    Value::object(o)
}

pub(super) fn route_row(r: &RouteEntry) -> Value {
    let mut o = model("PSExpressRouteCircuitRoutesTable");
    o.add_typed("Network", "string", text(&r.network));
    o.add_typed("NextHop", "string", text(&r.next_hop));
    o.add_typed("LocPrf", "string", text(&r.loc_prf));
    o.add_typed("Weight", "int", Value::Int(r.weight as i32));
    o.add_typed("Path", "string", text(&r.path));
    Value::object(o)
}

fn summary_row(r: &RouteSummaryEntry) -> Value {
    let mut o = model("PSExpressRouteCircuitRoutesTableSummary");
    o.add_typed("AsProperty", "System.Nullable[int]", Value::Int(r.asn as i32));
    o.add_typed("Neighbor", "string", text(&r.neighbor));
    o.add_typed("StatePfxRcd", "string", text(&r.state_pfx_rcd));
    o.add_typed("UpDown", "string", text(&r.up_down));
    o.add_typed("V", "System.Nullable[int]", Value::Int(r.version as i32));
    Value::object(o)
}

fn stats_object(s: &PeeringStats) -> Value {
    let mut o = model("PSExpressRouteCircuitStats");
    o.add_typed("PrimaryBytesIn", "ulong", Value::ULong(s.primary_bytes_in));
    o.add_typed("PrimaryBytesOut", "ulong", Value::ULong(s.primary_bytes_out));
    o.add_typed("SecondaryBytesIn", "ulong", Value::ULong(s.secondary_bytes_in));
    o.add_typed("SecondaryBytesOut", "ulong", Value::ULong(s.secondary_bytes_out));
    Value::object(o)
}

fn get_arp(ctx: &mut Ctx, args: &Args) -> Outcome {
    let t = target(args);
    let access = required_peering(t.peering)?;
    let rows: Vec<ArpEntry> = network_call(ctx, |w, sub| Ok(w.arm_table(sub, &t.group, &t.name, access, t.path)?))?;
    ctx.emit_all(rows.iter().map(arp_row).collect())?;
    Ok(())
}

fn get_routes(ctx: &mut Ctx, args: &Args) -> Outcome {
    let t = target(args);
    let access = required_peering(t.peering)?;
    let rows: Vec<RouteEntry> = network_call(ctx, |w, sub| Ok(w.arm_table(sub, &t.group, &t.name, access, t.path)?))?;
    ctx.emit_all(rows.iter().map(route_row).collect())?;
    Ok(())
}

fn get_summary(ctx: &mut Ctx, args: &Args) -> Outcome {
    let t = target(args);
    let access = required_peering(t.peering)?;
    let rows: Vec<RouteSummaryEntry> = network_call(ctx, |w, sub| Ok(w.arm_table(sub, &t.group, &t.name, access, t.path)?))?;
    ctx.emit_all(rows.iter().map(summary_row).collect())?;
    Ok(())
}

fn get_stats(ctx: &mut Ctx, args: &Args) -> Outcome {
    let t = target(args);
    let stats = network_call(ctx, |w, sub| Ok(w.arm_circuit_stats(sub, &t.group, &t.name, t.peering)?))?;
    ctx.emit(stats_object(&stats))?;
    Ok(())
}
