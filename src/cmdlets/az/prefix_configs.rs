//! Add-, Get-, Set- and Remove-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig: the
//! validation id and signature per advertised prefix of the local circuit's Microsoft peering
//! (`MicrosoftPeeringConfig.AdvertisedPublicPrefixInfo`), as the sources edit it (Add- AP@01f5713b,
//! Get- AP@355bb91c, Set- AP@33400d8b, Remove- AP@93057d43, base AP@41cb57fb). They call nothing;
//! Set-AzExpressRouteCircuit sends the circuit.

use std::net::IpAddr;

use crate::cmdlets::azure::{Fail, Outcome, INVALID_OPERATION};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::value::{TypeKind, Value};
use crate::engine::Ctx;

use super::models::{self, member, member_text};
use super::peering_models::{prefix_config, PREFIX_CONFIG};
use super::{body, default_profile};

const CLASS: &str = "Microsoft.Azure.Commands.Network.";

fn params(c: CommandInfo) -> CommandInfo {
    c.param(models::model_param("ExpressRouteCircuit", models::CIRCUIT).mandatory().pipeline().help("The ExpressRouteCircuit"))
        .param(ParamSpec::new("PeerAddressType", TypeKind::String).mandatory().by_name().set(&["IPv4", "IPv6"]).help("PeerAddressType"))
        .param(ParamSpec::new("Prefix", TypeKind::String).mandatory().not_empty().help("Prefix"))
        .param(ParamSpec::new("ValidationId", TypeKind::String).not_empty().help("ValidationId"))
        .param(ParamSpec::new("Signature", TypeKind::String).not_empty().help("Signature"))
        .param(default_profile())
}

/// A provisioned circuit with the routing page's Microsoft peering; `$ckt` the local object.
const MICROSOFT_PEERED: &str = "New-AzResourceGroup -Name LabRG -Location 'West US' -Force | Out-Null\n$c = New-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG -Location 'West US' -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName Equinix -PeeringLocation 'Silicon Valley' -BandwidthInMbps 200 -Force\nSelect-AzureSubscription -SubscriptionName 'Equinix Provider'\nNew-AzureCrossConnection -ServiceKey $c.ServiceKey -Force | Out-Null\nSet-AzureCrossConnection -ServiceKey $c.ServiceKey -Operation NotifyCrossConnectionProvisioned | Out-Null\nSelect-AzureSubscription -SubscriptionName 'Contoso Production'\n$ckt = Get-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG | Add-AzExpressRouteCircuitPeeringConfig -Name MicrosoftPeering -PeeringType MicrosoftPeering -PeerASN 100 -PrimaryPeerAddressPrefix 123.0.0.0/30 -SecondaryPeerAddressPrefix 123.0.0.4/30 -VlanId 300 -MicrosoftConfigAdvertisedPublicPrefixes 123.1.0.0/24 -MicrosoftConfigCustomerAsn 23 -MicrosoftConfigRoutingRegistryName ARIN | Set-AzExpressRouteCircuit\n";

pub fn commands(module: &str) -> Vec<CommandInfo> {
    let add = "$ckt = Add-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -ExpressRouteCircuit $ckt -PeerAddressType IPv4 -Prefix 123.1.0.0/24 -ValidationId 'Azure-123' -Signature 'c2lnbmVk' | Set-AzExpressRouteCircuit\n";
    vec![
        params(CommandInfo::cmdlet(
            "Add-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig",
            module,
            &format!("{CLASS}AddAzureExpressRouteCircuitMicrosoftPeeringPrefixConfigCommand"),
            body!(add_prefix),
        ))
        .outputs(models::CIRCUIT)
        .synopsis("Adds a prefix configuration to the Microsoft peering of an ExpressRoute circuit.")
        .description("Records a validation id and signature for one of the Microsoft peering's advertised public prefixes on the local circuit object; Set-AzExpressRouteCircuit sends it.")
        .example("Sign an advertised prefix", &format!("{MICROSOFT_PEERED}{add}"), "The circuit now carries the prefix's validation id and signature."),
        params(CommandInfo::cmdlet(
            "Get-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig",
            module,
            &format!("{CLASS}GetAzureExpressRouteCircuitMicrosoftPeeringPrefixConfigCommand"),
            body!(get_prefix),
        ))
        .outputs(PREFIX_CONFIG)
        .synopsis("Gets a prefix configuration of the Microsoft peering of an ExpressRoute circuit.")
        .description("The validation id and signature recorded for one advertised prefix of the local circuit's Microsoft peering.")
        .example(
            "The prefix's configuration",
            &format!("{MICROSOFT_PEERED}{add}Get-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -ExpressRouteCircuit $ckt -PeerAddressType IPv4 -Prefix 123.1.0.0/24"),
            "Prefix, ValidationId, Signature and ValidationState, as a table.",
        ),
        params(CommandInfo::cmdlet(
            "Set-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig",
            module,
            &format!("{CLASS}SetAzureExpressRouteCircuitMicrosoftPeeringPrefixConfigCommand"),
            body!(set_prefix),
        ))
        .outputs(models::CIRCUIT)
        .synopsis("Updates a prefix configuration of the Microsoft peering of an ExpressRoute circuit.")
        .description("Replaces the validation id and signature of an advertised prefix already configured (each kept when not given) on the local circuit object; Set-AzExpressRouteCircuit sends it.")
        .example(
            "A new signature",
            &format!("{MICROSOFT_PEERED}{add}Set-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -ExpressRouteCircuit $ckt -PeerAddressType IPv4 -Prefix 123.1.0.0/24 -Signature 'bmV3' | Set-AzExpressRouteCircuit | Out-Null"),
            "The validation id stays.",
        ),
        params(CommandInfo::cmdlet(
            "Remove-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig",
            module,
            &format!("{CLASS}RemoveExpressRouteCircuitMicrosoftPeeringPrefixConfigCommand"),
            body!(remove_prefix),
        ))
        .outputs(models::CIRCUIT)
        .synopsis("Removes a prefix configuration from the Microsoft peering of an ExpressRoute circuit.")
        .description("Takes the configuration of one advertised prefix off the local circuit object; Set-AzExpressRouteCircuit sends it.")
        .example(
            "Remove the prefix's configuration",
            &format!("{MICROSOFT_PEERED}{add}Remove-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -ExpressRouteCircuit $ckt -PeerAddressType IPv4 -Prefix 123.1.0.0/24 | Set-AzExpressRouteCircuit | Out-Null"),
            "The prefix is advertised as before, without validation data.",
        ),
    ]
}

fn items(v: &Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a.borrow().clone(),
        Value::List(l) => l.items.borrow().clone(),
        Value::Null => Vec::new(),
        other => vec![other.clone()],
    }
}

/// What every one of them takes: the trimmed prefix, checked as the base class checks it
/// (its address parses; of the family `-PeerAddressType` names, compared case-sensitively as
/// the source compares it), the exact `-PeerAddressType`, and the Microsoft peering (LINQ's
/// `.First`).
fn common(args: &Args) -> Result<(String, bool, Value), Fail> {
    let prefix = args.string("Prefix").unwrap_or_default().trim().to_string();
    let address: Option<IpAddr> = prefix.split('/').next().and_then(|a| a.parse().ok());
    let kind = args.string("PeerAddressType").unwrap_or_default();
    let invalid = || Fail::Exception("System.Management.Automation.PSArgumentException".into(), "Invalid Prefix".into());
    let address = address.ok_or_else(invalid)?;
    if (kind == "IPv4" && !address.is_ipv4()) || (kind == "IPv6" && !address.is_ipv6()) {
        return Err(invalid());
    }
    let circuit = args.get("ExpressRouteCircuit").cloned().unwrap_or(Value::Null);
    let peering = items(&member(&circuit, "Peerings").unwrap_or(Value::Null))
        .into_iter()
        .find(|p| member_text(p, "Name").is_some_and(|n| n.eq_ignore_ascii_case("MicrosoftPeering")))
        .ok_or_else(|| Fail::Exception(INVALID_OPERATION.into(), "Sequence contains no matching element".into()))?;
    Ok((prefix, kind == "IPv4", peering))
}

/// The IPv4 Microsoft configuration of the peering (the IPv6 one is never there: IPv6
/// peering is not modelled).
fn config(peering: &Value, ipv4: bool) -> Option<Value> {
    ipv4.then(|| member(peering, "MicrosoftPeeringConfig")).flatten().filter(|c| !c.is_null())
}

fn same_prefix(i: &Value, prefix: &str) -> bool {
    member_text(i, "Prefix").is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

fn store(config: &Value, list: Vec<Value>) {
    if let Value::Object(o) = config {
        o.borrow_mut().set("AdvertisedPublicPrefixInfo", Value::array(list));
    }
}

fn add_prefix(ctx: &mut Ctx, args: &Args) -> Outcome {
    let (prefix, ipv4, peering) = common(args)?;
    let config = config(&peering, ipv4);
    let advertised: Vec<String> =
        config.as_ref().and_then(|c| member(c, "AdvertisedPublicPrefixes")).map(|l| items(&l).iter().map(to_string).collect()).unwrap_or_default();
    let Some(config) = config.filter(|_| advertised.iter().any(|a| a.eq_ignore_ascii_case(&prefix))) else {
        return Err(Fail::argument(format!("Prefix {prefix} is not part of advertised public prefixes")));
    };
    let mut list = items(&member(&config, "AdvertisedPublicPrefixInfo").unwrap_or(Value::Null));
    if list.iter().any(|i| same_prefix(i, &prefix)) {
        return Err(Fail::argument("PrefixInfo already exists"));
    }
    list.push(prefix_config(&prefix, args.string("ValidationId").as_deref(), args.string("Signature").as_deref()));
    store(&config, list);
    ctx.emit(args.get("ExpressRouteCircuit").cloned().unwrap_or(Value::Null))?;
    Ok(())
}

/// The prefix list of the peering, or the source's error for an empty one.
fn configured(peering: &Value, ipv4: bool, empty: &str) -> Result<(Value, Vec<Value>), Fail> {
    let config = config(peering, ipv4);
    let list = config.as_ref().map(|c| items(&member(c, "AdvertisedPublicPrefixInfo").unwrap_or(Value::Null))).unwrap_or_default();
    match config {
        Some(c) if !list.is_empty() => Ok((c, list)),
        _ => Err(Fail::argument(empty)),
    }
}

fn get_prefix(ctx: &mut Ctx, args: &Args) -> Outcome {
    let (prefix, ipv4, peering) = common(args)?;
    // The resource string, unformatted, as the source throws it.
    let (_, list) = configured(&peering, ipv4, "Resource '{0}' not found")?;
    let found = list
        .into_iter()
        .find(|i| same_prefix(i, &prefix))
        .ok_or_else(|| Fail::Exception(INVALID_OPERATION.into(), "Sequence contains no matching element".into()))?;
    ctx.emit(found)?;
    Ok(())
}

fn set_prefix(ctx: &mut Ctx, args: &Args) -> Outcome {
    let (prefix, ipv4, peering) = common(args)?;
    let (config, mut list) = configured(&peering, ipv4, "AdvertisedPublicPrefixInfo is empty in peering config")?;
    let i = list.iter().position(|i| same_prefix(i, &prefix)).ok_or_else(|| Fail::argument("PrefixInfo does not exist for this prefix"))?;
    let keep = |name: &str, given: Option<String>| given.filter(|s| !s.is_empty()).or_else(|| member_text(&list[i], name));
    let validation_id = keep("ValidationId", args.string("ValidationId"));
    let signature = keep("Signature", args.string("Signature"));
    list[i] = prefix_config(&prefix, validation_id.as_deref(), signature.as_deref());
    store(&config, list);
    ctx.emit(args.get("ExpressRouteCircuit").cloned().unwrap_or(Value::Null))?;
    Ok(())
}

fn remove_prefix(ctx: &mut Ctx, args: &Args) -> Outcome {
    let (prefix, ipv4, peering) = common(args)?;
    let (config, mut list) = configured(&peering, ipv4, "AdvertisedPublicPrefixInfo is empty in peering config")?;
    let i = list.iter().position(|i| same_prefix(i, &prefix)).ok_or_else(|| Fail::argument("PrefixInfo does not exist for this prefix"))?;
    list.remove(i);
    store(&config, list);
    ctx.emit(args.get("ExpressRouteCircuit").cloned().unwrap_or(Value::Null))?;
    Ok(())
}
