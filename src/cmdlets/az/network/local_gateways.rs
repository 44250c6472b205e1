//! New-, Get-, Set-, Remove-AzLocalNetworkGateway: the on-premises VPN device a site-to-site
//! connection reaches. New- checks the BGP pair and the peer weight before sending, as the
//! cmdlet does; Set- applies its -AddressPrefix/-Asn/-BgpPeeringAddress/-PeerWeight to the
//! local object and sends it whole.

use crate::cloud::arm::network::{LocalGateway, LocalGatewayPut};
use crate::cmdlets::az::models::tags_of;
use crate::cmdlets::az::{body, default_profile};
use crate::cmdlets::azure::{Fail, Outcome};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::value::{TypeKind, Value};
use crate::engine::Ctx;

use super::models::{self, member, member_strings, member_text};
use super::{create, force_param, get_or_list, group_param, location_param, name_param, object_arg, overwrite, remove, strings_arg, tag_param, update, CLASS};
use super::{get_params, remove_params};

const SETUP: &str = "New-AzResourceGroup -Name LabRG -Location 'West US' -Force | Out-Null\n";

pub fn commands(module: &str) -> Vec<CommandInfo> {
    let by_ip = "ByLocalNetworkGatewayIpAddress";
    let by_fqdn = "ByLocalNetworkGatewayFqdn";
    vec![
        CommandInfo::cmdlet("New-AzLocalNetworkGateway", module, &format!("{CLASS}NewAzureLocalNetworkGatewayCommand"), body!(new_lng))
            .param(name_param("The resource name.").mandatory().not_empty())
            .param(group_param().mandatory().not_empty())
            .param(location_param())
            .param(ParamSpec::new("GatewayIpAddress", TypeKind::String).by_name().in_set(by_ip).help("IP address of local network gateway."))
            .param(ParamSpec::new("Fqdn", TypeKind::String).by_name().in_set(by_fqdn).help("FQDN of local network gateway."))
            .param(ParamSpec::new("AddressPrefix", TypeKind::String).array().by_name().not_empty().help("The address prefixes of the virtual network"))
            .param(asn_param())
            .param(bgp_address_param())
            .param(peer_weight_param())
            .param(tag_param())
            .param(force_param())
            .param(default_profile())
            .default_set(by_ip)
            .outputs(models::LOCAL_GATEWAY)
            .synopsis("Creates a Local Network Gateway")
            .description("Describes the on-premises VPN device to Azure: its public address (or FQDN), the address prefixes behind it, and for BGP its ASN and peering address (both or neither). Nothing is configured on the device.")
            .example(
                "A device with static routes",
                &format!("{SETUP}New-AzLocalNetworkGateway -Name LocalSite -ResourceGroupName LabRG -Location 'West US' -GatewayIpAddress 203.0.113.10 -AddressPrefix 10.100.0.0/16,10.101.0.0/16 | Select-Object Name, GatewayIpAddress"),
                "Name and address of the new local network gateway.",
            ),
        CommandInfo::cmdlet("Get-AzLocalNetworkGateway", module, &format!("{CLASS}GetAzureLocalNetworkGatewayCommand"), body!(get_lng))
            .params(get_params("The resource name."))
            .outputs(models::LOCAL_GATEWAY)
            .synopsis("Gets a Local Network Gateway")
            .description("One local network gateway by group and name, or those of a group or of the subscription; -Name and -ResourceGroupName take wildcards.")
            .example("Every local network gateway", "Get-AzLocalNetworkGateway | Select-Object Name, GatewayIpAddress", "A table."),
        CommandInfo::cmdlet("Set-AzLocalNetworkGateway", module, &format!("{CLASS}SetAzureLocalNetworkGatewayCommand"), body!(set_lng))
            .param(ParamSpec::new("LocalNetworkGateway", TypeKind::Object).mandatory().pipeline().help("The LocalNetworkGateway"))
            .param(ParamSpec::new("AddressPrefix", TypeKind::String).array().by_name().not_empty().help("The address prefixes of the local network to be changed."))
            .param(asn_param())
            .param(bgp_address_param())
            .param(peer_weight_param())
            .param(default_profile())
            .outputs(models::LOCAL_GATEWAY)
            .synopsis("Modifies a local network gateway.")
            .description("Sends the local object, with -AddressPrefix replacing its prefixes and -Asn, -BgpPeeringAddress, -PeerWeight set into its BgpSettings.")
            .example(
                "A third on-premises prefix",
                &format!("{SETUP}$lng = New-AzLocalNetworkGateway -Name LocalSite -ResourceGroupName LabRG -Location 'West US' -GatewayIpAddress 203.0.113.10 -AddressPrefix 10.100.0.0/16 -Force\n(Set-AzLocalNetworkGateway -LocalNetworkGateway $lng -AddressPrefix 10.100.0.0/16,10.102.0.0/16).LocalNetworkAddressSpace.AddressPrefixes"),
                "The two prefixes.",
            ),
        CommandInfo::cmdlet("Remove-AzLocalNetworkGateway", module, &format!("{CLASS}RemoveAzureLocalNetworkGatewayCommand"), body!(remove_lng))
            .params(remove_params("The resource name."))
            .outputs("System.Boolean")
            .synopsis("Deletes a Local Network Gateway")
            .description("Always asks unless -Force.")
            .example(
                "Remove a local network gateway",
                &format!("{SETUP}New-AzLocalNetworkGateway -Name Spare -ResourceGroupName LabRG -Location 'West US' -GatewayIpAddress 203.0.113.20 -Force | Out-Null\nRemove-AzLocalNetworkGateway -Name Spare -ResourceGroupName LabRG -Force -PassThru"),
                "Writes True.",
            ),
    ]
}

fn asn_param() -> ParamSpec {
    ParamSpec::new("Asn", TypeKind::UInt).by_name().help("The local network gateway's ASN")
}

fn bgp_address_param() -> ParamSpec {
    ParamSpec::new("BgpPeeringAddress", TypeKind::String).by_name().help("The IP address of the local network gateway's BGP speaker")
}

fn peer_weight_param() -> ParamSpec {
    ParamSpec::new("PeerWeight", TypeKind::Int).by_name().help("Weight added to BGP routes learned from this local network gateway")
}

/// -PeerWeight as its Int32 parameter holds it (the binder has already refused a value out
/// of range).
fn peer_weight(args: &Args) -> i32 {
    args.opt::<i64>("PeerWeight").and_then(|w| i32::try_from(w).ok()).unwrap_or(0)
}

fn negative_weight() -> Fail {
    Fail::Exception("System.Management.Automation.PSArgumentException".into(), "PeerWeight cannot be negative".into())
}

/// New-'s BGP rule: an ASN and a peering address make BGP settings; one without the other is
/// refused before anything is sent.
fn bgp_of(args: &Args) -> Result<Option<(u32, String, i32)>, Fail> {
    let weight = peer_weight(args);
    if weight < 0 {
        return Err(negative_weight());
    }
    let asn = args.opt::<u32>("Asn").unwrap_or(0);
    let address = args.string("BgpPeeringAddress").filter(|a| !a.is_empty());
    match (asn, address) {
        (0, None) => Ok(None),
        (asn, Some(address)) if asn > 0 => Ok(Some((asn, address, weight))),
        _ => Err(Fail::Exception(
            "System.Management.Automation.PSArgumentException".into(),
            "For a BGP session to be established over IPsec, the local network gateway's ASN and BgpPeeringAddress must both be specified.".into(),
        )),
    }
}

fn new_lng(ctx: &mut Ctx, args: &Args) -> Outcome {
    let put = LocalGatewayPut {
        resource_group: args.string("ResourceGroupName").unwrap_or_default(),
        name: args.string("Name").unwrap_or_default(),
        location: args.string("Location").unwrap_or_default(),
        gateway_ip: args.string("GatewayIpAddress").unwrap_or_default(),
        fqdn: args.string("Fqdn").unwrap_or_default(),
        address_prefixes: strings_arg(args, "AddressPrefix"),
        bgp: bgp_of(args)?,
        tags: tags_of(args.get("Tag")),
    };
    let (group, name) = (put.resource_group.clone(), put.name.clone());
    create(
        ctx,
        args,
        (args.switch("Force"), &overwrite(&name)),
        &name,
        |w, sub| w.local_gateway_exists(sub, &group, &name),
        |w, sub| w.put_local_gateway(sub, put.clone()),
        models::local_gateway,
    )
}

fn get_lng(ctx: &mut Ctx, args: &Args) -> Outcome {
    get_or_list(
        ctx,
        args,
        |w, sub, g, n| w.get_local_gateway(sub, g, n),
        |w, sub, g| w.list_local_gateways(sub, g),
        |l: &LocalGateway| (l.record.common.resource_group.clone(), l.record.common.name.clone()),
        models::local_gateway,
    )
}

/// Set-: the parameters go into the local object first (as the cmdlet edits the object it
/// was given), then the object is sent.
fn set_lng(ctx: &mut Ctx, args: &Args) -> Outcome {
    let v = object_arg(args, "LocalNetworkGateway");
    let prefixes = strings_arg(args, "AddressPrefix");
    if !prefixes.is_empty() {
        if let Some(Value::Object(space)) = member(&v, "LocalNetworkAddressSpace") {
            space.borrow_mut().set("AddressPrefixes", Value::array(prefixes.iter().map(Value::str).collect()));
        }
    }
    let asn = args.opt::<u32>("Asn").unwrap_or(0);
    let address = args.string("BgpPeeringAddress").filter(|a| !a.is_empty());
    let weight = peer_weight(args);
    if (asn > 0 || address.is_some() || weight > 0) && member(&v, "BgpSettings").is_none_or(|b| b.is_null()) {
        if let Value::Object(o) = &v {
            o.borrow_mut().set("BgpSettings", Value::object(models::bgp_settings(0, "", 0)));
        }
    }
    if let Some(Value::Object(b)) = member(&v, "BgpSettings") {
        let mut b = b.borrow_mut();
        if asn > 0 {
            b.set("Asn", Value::Long(i64::from(asn)));
        }
        if let Some(a) = address {
            b.set("BgpPeeringAddress", Value::str(&a));
        }
        if weight > 0 {
            b.set("PeerWeight", Value::Int(weight));
        }
    }
    if weight < 0 {
        return Err(negative_weight());
    }
    let put = lng_put(&v);
    let (group, name) = (put.resource_group.clone(), put.name.clone());
    update(ctx, |w, sub| w.local_gateway_exists(sub, &group, &name), |w, sub| Ok(w.put_local_gateway(sub, put)?), models::local_gateway)
}

/// The PUT the local object makes.
fn lng_put(v: &Value) -> LocalGatewayPut {
    let bgp = member(v, "BgpSettings").filter(|b| !b.is_null()).map(|b| {
        let number = |name: &str| member_text(&b, name).and_then(|t| t.trim().parse::<i64>().ok()).unwrap_or(0);
        (u32::try_from(number("Asn")).unwrap_or(0), member_text(&b, "BgpPeeringAddress").unwrap_or_default(), i32::try_from(number("PeerWeight")).unwrap_or(0))
    });
    LocalGatewayPut {
        resource_group: member_text(v, "ResourceGroupName").unwrap_or_default(),
        name: member_text(v, "Name").unwrap_or_default(),
        location: member_text(v, "Location").unwrap_or_default(),
        gateway_ip: member_text(v, "GatewayIpAddress").unwrap_or_default(),
        fqdn: member_text(v, "Fqdn").unwrap_or_default(),
        address_prefixes: member(v, "LocalNetworkAddressSpace").map(|s| member_strings(&s, "AddressPrefixes")).unwrap_or_default(),
        bgp,
        tags: tags_of(member(v, "Tag").as_ref()),
    }
}

fn remove_lng(ctx: &mut Ctx, args: &Args) -> Outcome {
    remove(ctx, args, |w, sub, g, n| w.remove_local_gateway(sub, g, n))
}
