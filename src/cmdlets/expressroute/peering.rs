//! New-, Get-, Set-, Remove-AzureBGPPeering.

use crate::cloud::{BgpPeeringAccessType, BgpPeeringUpdate, NewBgpPeering};
use crate::cmdlets::azure::{call, completers, confirm, guid, verbose, Fail, Outcome};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::value::{TypeKind, Value};
use crate::engine::Ctx;

use super::enums::{BGP_PEERING_ACCESS_TYPE, BGP_PEER_ADDRESS_TYPE, LEGACY_MODE, PEER_ADDRESS_TYPE_VALUES};
use super::{er_cmdlet, force, models, pass_thru, service_key};

const ACCESS_TYPES: &[&str] = &["Microsoft", "Public", "Private"];
const KEY_HELP: &str = "Service Key representing Azure Circuit for which BGP peering needs to be created/modified";

fn access_type() -> ParamSpec {
    ParamSpec::enumeration("AccessType", &BGP_PEERING_ACCESS_TYPE).set(ACCESS_TYPES).by_name().help("Bgp Peering Access Type: Microsoft, Public or Private")
}

fn text(name: &str, help: &str) -> ParamSpec {
    ParamSpec::new(name, TypeKind::String).by_name().help(help)
}

fn number(name: &str, help: &str) -> ParamSpec {
    ParamSpec::new(name, TypeKind::UInt).by_name().help(help)
}

pub fn commands() -> Vec<CommandInfo> {
    vec![
        er_cmdlet!("New-AzureBGPPeering", "NewAzureBGPPeeringCommand", new_peering)
            .param(service_key(KEY_HELP).mandatory())
            .param(text("AdvertisedPublicPrefixes", "Advertised Public Prefixes").not_empty())
            .param(number("CustomerAsn", "Customer AS number"))
            .param(number("PeerAsn", "Peer Asn").mandatory())
            .param(ParamSpec::enumeration("LegacyMode", &LEGACY_MODE).by_name().help("Legacy Mode").default_text("False"))
            .param(text("PrimaryPeerSubnet", "Primary Peer Subnet").mandatory().not_empty())
            .param(text("RoutingRegistryName", "Routing Registry Name for Prefix Validation").complete_with(completers::routing_registries()))
            .param(text("SecondaryPeerSubnet", "Secondary Peer Subnet").mandatory().not_empty())
            .param(text("SharedKey", "Shared Key").not_empty())
            .param(number("VlanId", "Vlan Id").mandatory())
            .param(access_type().default_text("Private"))
            .param(ParamSpec::enumeration("PeerAddressType", &PEER_ADDRESS_TYPE_VALUES).set(&["IPv4", "IPv6"]).help("Bgp Peer Address Type: IPv4, IPv6").default_text("IPv4"))
            .outputs(models::BGP_PEERING)
            .synopsis("Creates a BGP peering of a circuit.")
            .description("The circuit must be Provisioned and Enabled. -AccessType is Private unless given; Microsoft peering also needs advertised prefixes and a routing registry.")
            .example(
                "Private peering",
                "New-AzureBGPPeering -AccessType Private -ServiceKey $key -PrimaryPeerSubnet 10.0.0.0/30 -SecondaryPeerSubnet 10.0.0.4/30 -PeerAsn 1234 -VlanId 100",
                "Writes the peering.",
            ),
        er_cmdlet!("Get-AzureBGPPeering", "GetAzureBGPPeeringCommand", get_peering)
            .param(service_key(KEY_HELP).mandatory())
            .param(access_type().help("Bgp Peering Access Type: Public or Private").default_text("Private"))
            .outputs(models::BGP_PEERING)
            .synopsis("Gets a BGP peering of a circuit.")
            .description("-AccessType is Private unless given.")
            .example("Private peering", "New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet '10.0.0.0/30' -SecondaryPeerSubnet '10.0.0.4/30' -PeerAsn 1234 -VlanId 100 | Out-Null\nGet-AzureBGPPeering -ServiceKey $key", "The 12 properties of the peering."),
        er_cmdlet!("Set-AzureBGPPeering", "SetAzureBGPPeeringCommand", set_peering)
            .param(service_key(KEY_HELP).mandatory())
            .param(text("AdvertisedPublicPrefixes", "Advertised Public Prefixes").not_empty())
            .param(number("CustomerAsn", "Customer AS number"))
            .param(number("PeerAsn", "Peer Asn").mandatory())
            .param(text("PrimaryPeerSubnet", "Primary Peer Subnet").not_empty())
            .param(text("RoutingRegistryName", "Routing Registry Name for Prefix Validation").complete_with(completers::routing_registries()))
            .param(text("SecondaryPeerSubnet", "Secondary Peer Subnet").not_empty())
            .param(text("SharedKey", "Shared Key").not_empty())
            .param(number("VlanId", "Vlan Id").mandatory())
            .param(access_type().default_text("Private"))
            .outputs(models::BGP_PEERING)
            .synopsis("Updates a BGP peering, or creates it when it does not exist.")
            .description("Tries to update the peering; when that fails for any reason it creates the peering from the given values instead, as the module does.")
            .example("Change the VLAN", "New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet '10.0.0.0/30' -SecondaryPeerSubnet '10.0.0.4/30' -PeerAsn 1234 -VlanId 100 | Out-Null\nSet-AzureBGPPeering -ServiceKey $key -PeerAsn 1234 -VlanId 500 -SharedKey 'A1B2C3D4'", "Writes the updated peering."),
        er_cmdlet!("Remove-AzureBGPPeering", "RemoveAzureBGPPeeringCommand", remove_peering)
            .param(service_key(KEY_HELP).mandatory())
            .param(access_type().mandatory())
            .param(ParamSpec::enumeration("PeerAddressType", &BGP_PEER_ADDRESS_TYPE).help("Peer Address Type"))
            .param(force("Do not confirm Azure BGP Peering deletion"))
            .param(pass_thru("Writes True when the removal succeeds; without it the cmdlet writes nothing."))
            .outputs("System.Boolean")
            .synopsis("Deletes a BGP peering of a circuit.")
            .description("-AccessType is mandatory here. The private peering cannot go while VNet links use the circuit.")
            .example("Remove the public peering", "New-AzureBGPPeering -AccessType Public -ServiceKey $key -PrimaryPeerSubnet '131.107.0.0/30' -SecondaryPeerSubnet '131.107.0.4/30' -PeerAsn 1234 -VlanId 200 | Out-Null\nRemove-AzureBGPPeering -ServiceKey $key -AccessType Public -Force", "Nothing is written."),
    ]
}

/// `-AccessType`, Private when not given (`[DefaultValue("Private")]`, the enum's 0).
fn access(args: &Args) -> BgpPeeringAccessType {
    args.string("AccessType").and_then(|a| BgpPeeringAccessType::parse(&a)).unwrap_or(BgpPeeringAccessType::Private)
}

fn fields(args: &Args) -> NewBgpPeering {
    NewBgpPeering {
        peer_asn: args.opt::<u32>("PeerAsn").unwrap_or(0),
        primary_peer_subnet: args.string("PrimaryPeerSubnet").unwrap_or_default(),
        secondary_peer_subnet: args.string("SecondaryPeerSubnet").unwrap_or_default(),
        vlan_id: args.opt::<u32>("VlanId").unwrap_or(0),
        shared_key: shared_key(args),
        advertised_public_prefixes: args.string("AdvertisedPublicPrefixes"),
        // A UInt32, not nullable: 0 when not given, which the service reads as "none".
        customer_asn: args.opt::<u32>("CustomerAsn").filter(|c| *c != 0),
        routing_registry_name: args.string("RoutingRegistryName"),
    }
}

/// `string.IsNullOrWhiteSpace(SharedKey) ? null : SharedKey.Trim()`.
fn shared_key(args: &Args) -> Option<String> {
    args.string("SharedKey").map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

fn new_peering(ctx: &mut Ctx, args: &Args) -> Outcome {
    let key = guid(args, "ServiceKey").unwrap_or_default();
    let peering = call(ctx, args, |w, sub| Ok(w.new_bgp_peering(sub, &key, access(args), fields(args))?))?;
    ctx.emit(models::bgp_peering(&peering))?;
    Ok(())
}

fn get_peering(ctx: &mut Ctx, args: &Args) -> Outcome {
    let key = guid(args, "ServiceKey").unwrap_or_default();
    let peering = call(ctx, args, |w, sub| Ok(w.get_bgp_peering(sub, &key, access(args))?))?;
    ctx.emit(models::bgp_peering(&peering))?;
    Ok(())
}

/// `try { Get; Update; WriteObject } catch { validate; New; WriteObject }`: any failure of the
/// update (not only a missing peering) falls through to the create.
fn set_peering(ctx: &mut Ctx, args: &Args) -> Outcome {
    let key = guid(args, "ServiceKey").unwrap_or_default();
    let update = BgpPeeringUpdate {
        peer_asn: args.opt::<u32>("PeerAsn"),
        primary_peer_subnet: args.string("PrimaryPeerSubnet"),
        secondary_peer_subnet: args.string("SecondaryPeerSubnet"),
        vlan_id: args.opt::<u32>("VlanId"),
        shared_key: shared_key(args),
        advertised_public_prefixes: args.string("AdvertisedPublicPrefixes"),
        customer_asn: args.opt::<u32>("CustomerAsn"),
        routing_registry_name: args.string("RoutingRegistryName"),
    };
    // The whole try/catch is one service conversation, so one transaction.
    let peering = call(ctx, args, |w, sub| {
        if let Ok(peering) = w.get_bgp_peering(sub, &key, access(args)).and_then(|_| w.update_bgp_peering(sub, &key, access(args), update)) {
            return Ok(peering);
        }
        for (param, name) in
            [("PeerAsn", " Peer Asn"), ("VlanId", "VLan Id"), ("PrimaryPeerSubnet", "Primary Peer Subnet"), ("SecondaryPeerSubnet", "Secondary Peer Subnet")]
        {
            if args.get(param).is_none_or(Value::is_null) {
                return Err(Fail::argument(format!("A value for the {name} has to be provided.")));
            }
        }
        Ok(w.new_bgp_peering(sub, &key, access(args), fields(args))?)
    })?;
    ctx.emit(models::bgp_peering(&peering))?;
    Ok(())
}

fn remove_peering(ctx: &mut Ctx, args: &Args) -> Outcome {
    let key = guid(args, "ServiceKey").unwrap_or_default();
    let query = format!("Are you sure you want to remove the Bgp Peering with service key '{key}'?");
    if !confirm(ctx, args, &query, "Removing Bgp Peering", &key.to_string())? {
        return Ok(());
    }
    call(ctx, args, |w, sub| Ok(w.remove_bgp_peering(sub, &key, access(args))?))?;
    verbose(ctx, &format!("Successfully removed Azure Bgp Peering with Service Key {key}."))?;
    if args.switch("PassThru") {
        ctx.emit(Value::Bool(true))?;
    }
    Ok(())
}
