//! New-, Get-, Set-, Remove-AzVirtualNetworkGatewayConnection: type ExpressRoute to a
//! circuit, type IPsec to a local network gateway.

use crate::cloud::arm::network::ConnectionPut;
use crate::cmdlets::az::models::tags_of;
use crate::cmdlets::az::{body, default_profile};
use crate::cmdlets::azure::{confirm, Outcome};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::convert::to_bool;
use crate::engine::value::{TypeKind, Value};
use crate::engine::Ctx;

use super::models::{self, member, member_text};
use super::{
    create, force_param, get_or_list, group_param, location_param, name_param, object_arg, overwrite, pass_thru_param, remove, tag_param, update, CLASS,
};

const SETUP: &str = "New-AzResourceGroup -Name ConnLab -Location 'West US' -Force | Out-Null\nSet-ErSimProviderPolicy -Mode Auto -Reads 0\n$ckt = New-AzExpressRouteCircuit -Name ConnCkt -ResourceGroupName ConnLab -Location 'West US' -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName Equinix -PeeringLocation 'Silicon Valley' -BandwidthInMbps 200 -Force\n$ckt = Get-AzExpressRouteCircuit -Name ConnCkt -ResourceGroupName ConnLab\nAdd-AzExpressRouteCircuitPeeringConfig -Name AzurePrivatePeering -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 1234 -PrimaryPeerAddressPrefix 10.0.0.0/30 -SecondaryPeerAddressPrefix 10.0.0.4/30 -VlanId 100 | Out-Null\n$ckt = Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt\n$vnet = New-AzVirtualNetwork -Name ConnVnet -ResourceGroupName ConnLab -Location 'West US' -AddressPrefix 10.70.0.0/16 -Subnet (New-AzVirtualNetworkSubnetConfig -Name GatewaySubnet -AddressPrefix 10.70.255.0/27) -Force\n$pip = New-AzPublicIpAddress -Name ConnIp -ResourceGroupName ConnLab -Location 'West US' -AllocationMethod Dynamic -Force\n$ipconf = New-AzVirtualNetworkGatewayIpConfig -Name cfg -SubnetId $vnet.Subnets[0].Id -PublicIpAddressId $pip.Id\n$gw = New-AzVirtualNetworkGateway -Name ConnGw -ResourceGroupName ConnLab -Location 'West US' -IpConfigurations $ipconf -GatewayType ExpressRoute -GatewaySku Standard\n";
const VPN_SETUP: &str = "New-AzResourceGroup -Name VpnLab -Location 'West US' -Force | Out-Null\n$vnet = New-AzVirtualNetwork -Name VpnVnet -ResourceGroupName VpnLab -Location 'West US' -AddressPrefix 10.80.0.0/16 -Subnet (New-AzVirtualNetworkSubnetConfig -Name GatewaySubnet -AddressPrefix 10.80.255.0/27) -Force\n$pip = New-AzPublicIpAddress -Name VpnIp -ResourceGroupName VpnLab -Location 'West US' -AllocationMethod Dynamic -Force\n$ipconf = New-AzVirtualNetworkGatewayIpConfig -Name cfg -SubnetId $vnet.Subnets[0].Id -PublicIpAddressId $pip.Id\n$vpn = New-AzVirtualNetworkGateway -Name VpnGw -ResourceGroupName VpnLab -Location 'West US' -IpConfigurations $ipconf -GatewayType Vpn -VpnType RouteBased -GatewaySku VpnGw1\n$site = New-AzLocalNetworkGateway -Name Site -ResourceGroupName VpnLab -Location 'West US' -GatewayIpAddress 203.0.113.10 -AddressPrefix 10.100.0.0/16 -Force\n";
const CONNECT: &str = "New-AzVirtualNetworkGatewayConnection -Name ConnLink -ResourceGroupName ConnLab -Location 'West US' -VirtualNetworkGateway1 $gw -PeerId $ckt.Id -ConnectionType ExpressRoute -Force";

pub fn commands(module: &str) -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("New-AzVirtualNetworkGatewayConnection", module, &format!("{CLASS}NewAzureVirtualNetworkGatewayConnectionCommand"), body!(new_connection))
            .param(name_param("The resource name.").mandatory().not_empty())
            .param(group_param().mandatory().not_empty())
            .param(location_param())
            .param(ParamSpec::new("VirtualNetworkGateway1", TypeKind::Object).mandatory().by_name().help("The first virtual network gateway"))
            .param(ParamSpec::new("ConnectionType", TypeKind::String).mandatory().by_name().set(&["IPsec", "Vnet2Vnet", "ExpressRoute", "VPNClient"]).help("Gateway connection type:IPsec/Vnet2Vnet/ExpressRoute/VPNClient"))
            .param(ParamSpec::new("Peer", TypeKind::Object).by_name().in_set("SetByResource").help("The peer (the ExpressRoute circuit)"))
            .param(ParamSpec::new("PeerId", TypeKind::String).by_name().in_set("SetByResourceId").help("The resource id of the peer (the ExpressRoute circuit)"))
            .param(ParamSpec::new("LocalNetworkGateway2", TypeKind::Object).by_name().help("local network gateway"))
            .param(ParamSpec::new("SharedKey", TypeKind::String).by_name().help("The Ipsec share key."))
            .param(ParamSpec::new("AuthorizationKey", TypeKind::String).by_name().help("AuthorizationKey"))
            .param(ParamSpec::new("RoutingWeight", TypeKind::Int).by_name().help("RoutingWeight"))
            .param(ParamSpec::switch("ExpressRouteGatewayBypass").by_name().help("Bypass ExpressRoute Gateway for data forwarding"))
            .param(tag_param())
            .param(force_param())
            .param(default_profile())
            .default_set("SetByResourceId")
            .outputs(models::CONNECTION)
            .synopsis("Creates the Site-to-Site VPN connection between the virtual network gateway and the on-prem VPN device.")
            .description("For an ExpressRoute circuit: connects the gateway to the circuit named by -PeerId, the caller's own or, with -AuthorizationKey, another subscription's. The circuit must be provisioned with private peering. For a site-to-site VPN (-ConnectionType IPsec): connects a VPN gateway to the -LocalNetworkGateway2 with the -SharedKey; the lab has no on-premises device, so its status stays Unknown.")
            .example("Link a VNet to a circuit", &format!("{SETUP}{CONNECT} | Select-Object Name, ConnectionStatus"), "ConnLink Connected.")
            .example("A site-to-site VPN connection", &format!("{VPN_SETUP}New-AzVirtualNetworkGatewayConnection -Name S2S -ResourceGroupName VpnLab -Location 'West US' -VirtualNetworkGateway1 $vpn -LocalNetworkGateway2 $site -ConnectionType IPsec -SharedKey 'abc123' | Select-Object Name, ConnectionType, ConnectionStatus"), "S2S IPsec Unknown."),
        CommandInfo::cmdlet("Get-AzVirtualNetworkGatewayConnection", module, &format!("{CLASS}GetAzureVirtualNetworkGatewayConnectionCommand"), body!(get_connection))
            .param(name_param("The resource name.").wildcards())
            .param(group_param().mandatory().wildcards())
            .param(default_profile())
            .outputs(models::CONNECTION)
            .synopsis("Gets a Virtual Network Gateway Connection")
            .description("One connection by group and name, or the connections of a group; -Name takes wildcards.")
            .example("The connections of a group", "New-AzResourceGroup -Name ConnLab -Location 'West US' -Force | Out-Null\nGet-AzVirtualNetworkGatewayConnection -ResourceGroupName ConnLab", "Nothing until one exists."),
        CommandInfo::cmdlet("Set-AzVirtualNetworkGatewayConnection", module, &format!("{CLASS}SetAzureVirtualNetworkGatewayConnectionCommand"), body!(set_connection))
            .param(ParamSpec::new("VirtualNetworkGatewayConnection", TypeKind::Object).mandatory().pipeline().help("The VirtualNetworkGatewayConnection"))
            .param(ParamSpec::new("Tag", TypeKind::Hashtable).help("A hashtable which represents resource tags."))
            .param(force_param())
            .param(default_profile())
            .outputs(models::CONNECTION)
            .synopsis("Configures a virtual network gateway connection.")
            .description("Sends the local connection object (RoutingWeight, ExpressRouteGatewayBypass, tags). Always asks to overwrite unless -Force.")
            .example("A heavier routing weight", &format!("{SETUP}$c = {CONNECT}\n$c.RoutingWeight = 100\n(Set-AzVirtualNetworkGatewayConnection -VirtualNetworkGatewayConnection $c -Force).RoutingWeight"), "100"),
        CommandInfo::cmdlet("Remove-AzVirtualNetworkGatewayConnection", module, &format!("{CLASS}RemoveAzureVirtualNetworkGatewayConnectionCommand"), body!(remove_connection))
            .param(name_param("The resource name.").mandatory().not_empty())
            .param(group_param().mandatory().not_empty())
            .param(ParamSpec::switch("Force").help("Do not ask for confirmation."))
            .param(pass_thru_param())
            .param(default_profile())
            .outputs("System.Boolean")
            .synopsis("Deletes a Virtual Network Gateway Connection")
            .description("Unlinks the VNet from the circuit; an authorization it used is free again. Always asks unless -Force.")
            .example("Unlink", &format!("{SETUP}{CONNECT} | Out-Null\nRemove-AzVirtualNetworkGatewayConnection -Name ConnLink -ResourceGroupName ConnLab -Force -PassThru"), "Writes True."),
    ]
}

fn id_of(v: Option<&Value>) -> Option<String> {
    v.and_then(|o| member_text(o, "Id"))
}

fn new_connection(ctx: &mut Ctx, args: &Args) -> Outcome {
    super::azure_rm_output_warning(ctx)?;
    let put = ConnectionPut {
        resource_group: args.string("ResourceGroupName").unwrap_or_default(),
        name: args.string("Name").unwrap_or_default(),
        location: args.string("Location").unwrap_or_default(),
        kind: args.string("ConnectionType").unwrap_or_default(),
        gateway1_id: id_of(args.get("VirtualNetworkGateway1")).unwrap_or_default(),
        peer_id: id_of(args.get("Peer")).or_else(|| args.string("PeerId")),
        authorization_key: args.string("AuthorizationKey"),
        routing_weight: args.opt::<i64>("RoutingWeight").unwrap_or(0),
        express_route_gateway_bypass: args.switch("ExpressRouteGatewayBypass"),
        local_gateway2_id: id_of(args.get("LocalNetworkGateway2")),
        shared_key: args.string("SharedKey"),
        tags: tags_of(args.get("Tag")),
    };
    let (group, name) = (put.resource_group.clone(), put.name.clone());
    create(
        ctx,
        args,
        (args.switch("Force"), &overwrite(&name)),
        &name,
        |w, sub| w.connection_exists(sub, &group, &name),
        |w, sub| w.put_connection(sub, put.clone()),
        models::connection,
    )
}

fn get_connection(ctx: &mut Ctx, args: &Args) -> Outcome {
    get_or_list(
        ctx,
        args,
        |w, sub, g, n| w.get_connection(sub, g, n),
        |w, sub, g| w.list_connections(sub, g),
        |c| (c.record.common.resource_group.clone(), c.record.common.name.clone()),
        models::connection,
    )
}

/// `ConfirmAction(Force, overwrite, …)` in its form without a presence test: always asks.
fn set_connection(ctx: &mut Ctx, args: &Args) -> Outcome {
    let v = object_arg(args, "VirtualNetworkGatewayConnection");
    let name = member_text(&v, "Name").unwrap_or_default();
    let put = ConnectionPut {
        resource_group: member_text(&v, "ResourceGroupName").unwrap_or_default(),
        name: name.clone(),
        location: member_text(&v, "Location").unwrap_or_default(),
        kind: member_text(&v, "ConnectionType").unwrap_or_default(),
        gateway1_id: id_of(member(&v, "VirtualNetworkGateway1").as_ref()).unwrap_or_default(),
        peer_id: id_of(member(&v, "Peer").as_ref()),
        authorization_key: member_text(&v, "AuthorizationKey"),
        routing_weight: member_text(&v, "RoutingWeight").and_then(|w| w.trim().parse().ok()).unwrap_or(0),
        express_route_gateway_bypass: member(&v, "ExpressRouteGatewayBypass").is_some_and(|b| to_bool(&b)),
        local_gateway2_id: id_of(member(&v, "LocalNetworkGateway2").as_ref()),
        shared_key: member_text(&v, "SharedKey"),
        tags: if args.has("Tag") { tags_of(args.get("Tag")) } else { tags_of(member(&v, "Tag").as_ref()) },
    };
    if !confirm(ctx, args, &overwrite(&name), "Creating Resource", &name)? {
        return Ok(());
    }
    let group = put.resource_group.clone();
    update(ctx, |w, sub| w.connection_exists(sub, &group, &name), |w, sub| Ok(w.put_connection(sub, put)?), models::connection)
}

fn remove_connection(ctx: &mut Ctx, args: &Args) -> Outcome {
    remove(ctx, args, |w, sub, g, n| w.remove_connection(sub, g, n))
}
