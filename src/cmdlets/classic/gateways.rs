//! The classic gateways named by id, as the coexistence pages use them:
//! New-/Get-/Remove-/Resize-AzureVirtualNetworkGateway, New-/Get-/Remove-
//! AzureLocalNetworkGateway and New-/Get-/Remove-AzureVirtualNetworkGatewayConnection.
//! Ids are strings checked as GUIDs (the module's ValidateGuid); the list forms write one
//! object, the list, as `WriteObject(Client.List…())` did.

use uuid::Uuid;

use crate::cloud::gateways::{GatewayConnection, LocalNetworkGateway, NewGatewayConnection, NewVirtualNetworkGateway, VirtualNetworkGateway};
use crate::cloud::{GatewaySku, GatewayType};
use crate::cmdlets::azure::{call, Fail, Outcome, SmCmdlet};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::Ctx;

use super::accounts::MODULE;
use super::vnet::{network_cmdlet, operation, operation_context, vnet_name, OPERATION_CONTEXT};

const GATEWAY_CONTEXT: &str = "Microsoft.WindowsAzure.Commands.ServiceManagement.Network.GetVirtualNetworkGatewayContext";
const LOCAL_CONTEXT: &str = "Microsoft.WindowsAzure.Commands.ServiceManagement.Network.GetLocalNetworkGatewayContext";
const NEW_LOCAL_CONTEXT: &str = "Microsoft.WindowsAzure.Commands.ServiceManagement.Network.Gateway.Model.LocalNetwrokGatewayContext";
const CONNECTION_CONTEXT: &str = "Microsoft.WindowsAzure.Commands.ServiceManagement.Network.GetVirtualNetworkGatewayConnectionContext";
const STATUS_RESPONSE: &str = "Microsoft.WindowsAzure.Management.Network.Models.GatewayGetOperationStatusResponse";
const OPERATION_RESPONSE: &str = "Microsoft.Azure.AzureOperationResponse";

/// A `[ValidateGuid]` id parameter (its name's casing as the module spelled it).
fn id_param(name: &str, help: &str) -> ParamSpec {
    ParamSpec::new(name, TypeKind::String).not_empty().help(help)
}

fn sku_param() -> ParamSpec {
    ParamSpec::new("GatewaySKU", TypeKind::String)
        .help("The Gateway SKU for the new gateway:Default/HighPerformance/Standard. This will default to 'Default' SKU if no value is provided.")
}

pub fn commands() -> Vec<CommandInfo> {
    let gw = "New-AzureVirtualNetworkGateway -VNetName MyVNet -GatewayName S2SVPN -GatewayType DynamicRouting | Out-Null\n$gw = Get-AzureVirtualNetworkGateway | Select-Object -First 1\n";
    let local = "New-AzureLocalNetworkGateway -GatewayName OnPrem -IpAddress 131.107.1.10 -AddressSpace 192.168.0.0/16 | Out-Null\n$local = Get-AzureLocalNetworkGateway | Select-Object -First 1\n";
    vec![
        network_cmdlet!("New-AzureVirtualNetworkGateway", "Gateway.NewAzureVirtualNetworkGatewayCommand", new_gateway)
            .param(vnet_name("Virtual network name.").mandatory().position(0))
            .param(ParamSpec::new("GatewayName", TypeKind::String).mandatory().position(1).help("The virtual network gateway name."))
            .param(ParamSpec::new("GatewayType", TypeKind::String).position(2).help("The type of routing that the gateway will use:StaticRouting/DynamicRouting. This will default to StaticRouting if no value is provided."))
            .param(sku_param().position(3))
            .param(ParamSpec::new("Location", TypeKind::String).position(4).help("Location for the virtual network gateway."))
            .param(id_param("VnetId", "The virtual network Id.").position(5))
            .param(ParamSpec::new("Asn", TypeKind::UInt).position(6).help("Virtual network gateway BGP speaker's ASN"))
            .param(ParamSpec::new("BgpPeeringAddress", TypeKind::String).position(7).help("Virtual network gateway BGP speaker's IP/BGP identifier"))
            .param(ParamSpec::new("PeerWeight", TypeKind::Int).position(8).help("Weight for routes learned from this BGP speaker"))
            .outputs(OPERATION_CONTEXT)
            .synopsis("Creates a site-to-site VPN gateway of a VNet (beside its ExpressRoute gateway).")
            .description("The VNet needs a GatewaySubnet; it may have one such gateway. Get-AzureVirtualNetworkGateway gives its GatewayId.")
            .example("A VPN gateway", "New-AzureVirtualNetworkGateway -VNetName MyVNet -GatewayName S2SVPN -GatewayType DynamicRouting -GatewaySKU HighPerformance", "The operation context."),
        network_cmdlet!("Get-AzureVirtualNetworkGateway", "Gateway.GetAzureVirtualNetworkGateway", get_gateway)
            .param(id_param("GatewayId", "Virtual network gateway Id.").position(0))
            .outputs(GATEWAY_CONTEXT)
            .synopsis("Gets the id-based gateways of the subscription's VNets.")
            .description("All of them (one list), or the one whose GatewayId is given.")
            .example("The gateways", &format!("{gw}$gw.GatewayName"), "S2SVPN."),
        network_cmdlet!("Remove-AzureVirtualNetworkGateway", "Gateway.RemoveAzureVirtualNetworkGateway", remove_gateway)
            .param(id_param("GatewayId", "Virtual network gateway Id.").mandatory().position(0))
            .outputs(OPERATION_CONTEXT)
            .synopsis("Deletes an id-based gateway.")
            .description("Refused while the gateway has connections.")
            .example("Remove it", &format!("{gw}Remove-AzureVirtualNetworkGateway -GatewayId $gw.GatewayId"), "The operation context."),
        network_cmdlet!("Resize-AzureVirtualNetworkGateway", "Gateway.ResizeAzureVirtualNetworkGateway", resize_gateway)
            .param(id_param("gatewayId", "Virtual network gateway Id.").mandatory().position(0))
            .param(sku_param().mandatory().not_empty().position(1))
            .outputs(STATUS_RESPONSE)
            .synopsis("Changes the SKU of an id-based gateway.")
            .description("Default, Standard or HighPerformance; writes the operation's status.")
            .example("Resize", &format!("{gw}Resize-AzureVirtualNetworkGateway -GatewayId $gw.GatewayId -GatewaySKU Standard"), "Status Successful."),
        network_cmdlet!("New-AzureLocalNetworkGateway", "Gateway.NewAzureLocalNetworkGateway", new_local)
            .param(ParamSpec::new("GatewayName", TypeKind::String).mandatory().position(0).help("The virtual network gateway name."))
            .param(ParamSpec::new("IpAddress", TypeKind::String).mandatory().position(1).help("The Ip Address of local network gateway ."))
            .param(ParamSpec::new("AddressSpace", TypeKind::String).array().mandatory().position(2).help("The virtual network gateway AddressSpace."))
            .outputs(NEW_LOCAL_CONTEXT)
            .synopsis("Creates a local network gateway: an on-premises VPN device and its address space.")
            .description("An IPv4 address and IPv4 prefixes; the name is unique in the subscription.")
            .example("An on-premises site", "New-AzureLocalNetworkGateway -GatewayName OnPrem -IpAddress 131.107.1.10 -AddressSpace 192.168.0.0/16", "Its LocalNetworkGatewayId."),
        network_cmdlet!("Get-AzureLocalNetworkGateway", "Gateway.GetAzureLocalNetworkGateway", get_local)
            .param(id_param("GatewayId", "Local network gateway Id.").position(0))
            .outputs(LOCAL_CONTEXT)
            .synopsis("Gets the local network gateways of the subscription.")
            .description("All of them (one list), or the one whose id is given.")
            .example("The sites", &format!("{local}$local.GatewayName"), "OnPrem."),
        network_cmdlet!("Remove-AzureLocalNetworkGateway", "Gateway.RemoveAzureLocalNetworkGateway", remove_local)
            .param(id_param("gatewayId", "Local network gateway Id.").mandatory().position(0))
            .outputs(OPERATION_RESPONSE)
            .synopsis("Deletes a local network gateway.")
            .description("Refused while a connection uses it.")
            .example("Remove it", &format!("{local}Remove-AzureLocalNetworkGateway -GatewayId $local.GatewayId"), "StatusCode OK."),
        network_cmdlet!("New-AzureVirtualNetworkGatewayConnection", "Gateway.NewAzureVirtualNetworkGatewayConnectionCommand", new_connection)
            .param(id_param("ConnectedEntityId", "Service Key / Local network gateway Id / Vnet Network Gateway Id").mandatory().position(0))
            .param(ParamSpec::new("GatewayConnectionName", TypeKind::String).mandatory().not_empty().position(1).help("The virtual network gateway connection name."))
            .param(ParamSpec::new("GatewayConnectionType", TypeKind::String).mandatory().not_empty().position(2).help("Gateway connection type: Ipsec/Dedicated/VpnClient/Vnet2Vnet"))
            .param(ParamSpec::new("RoutingWeight", TypeKind::Int).position(3).help("The Routing Weight."))
            .param(ParamSpec::new("SharedKey", TypeKind::String).position(4).help("Ipsec share key."))
            .param(id_param("VirtualNetworkGatewayId", "Virtual network gateway Id.").mandatory().position(5))
            .param(ParamSpec::new("EnableBgp", TypeKind::Bool).position(6).help("Whether to establish a BGP session over this connection"))
            .outputs(OPERATION_CONTEXT)
            .synopsis("Connects an id-based gateway to a local network gateway, another VNet's gateway or an ExpressRoute circuit.")
            .description("One connection per pair; a shared key is made when none is given. Type Dedicated takes a circuit's service key: the connection is the circuit's link to the gateway's VNet, under New-AzureDedicatedCircuitLink's rules, and needs a DynamicRouting gateway.")
            .example("Site to site", &format!("{gw}{local}New-AzureVirtualNetworkGatewayConnection -ConnectedEntityId $local.GatewayId -GatewayConnectionName Azure2Local -GatewayConnectionType IPsec -SharedKey abc123 -VirtualNetworkGatewayId $gw.GatewayId"), "The operation context."),
        network_cmdlet!("Get-AzureVirtualNetworkGatewayConnection", "Gateway.GetAzureVirtualNetworkConnectionGateway", get_connection)
            .param(id_param("GatewayId", "Virtual network gateway Id.").position(0))
            .param(id_param("ConnectedEntityId", "Virtual network gateway Connected entityId.").position(1))
            .outputs(CONNECTION_CONTEXT)
            .synopsis("Gets the connections of the id-based gateways.")
            .description("With both ids the one connection, else every connection (one list).")
            .example("The connections", &format!("{gw}{local}New-AzureVirtualNetworkGatewayConnection $local.GatewayId Azure2Local IPsec -VirtualNetworkGatewayId $gw.GatewayId | Out-Null\n(Get-AzureVirtualNetworkGatewayConnection).GatewayConnectionName"), "Azure2Local."),
        network_cmdlet!("Remove-AzureVirtualNetworkGatewayConnection", "Gateway.RemoveAzureVirtualNetworkGatewayConnection", remove_connection)
            .param(id_param("gatewayId", "Virtual network gateway Id.").mandatory().position(0))
            .param(id_param("connectedEntityId", "Virtual network gateway connected EntityId.").mandatory().position(1))
            .outputs(OPERATION_CONTEXT)
            .synopsis("Deletes a connection of an id-based gateway.")
            .description("Named by the gateway's id and the connected entity's id.")
            .example("Disconnect", &format!("{gw}{local}New-AzureVirtualNetworkGatewayConnection $local.GatewayId Azure2Local IPsec -VirtualNetworkGatewayId $gw.GatewayId | Out-Null\nRemove-AzureVirtualNetworkGatewayConnection $gw.GatewayId $local.GatewayId"), "The operation context."),
    ]
}

/// An id argument, as ValidateGuid checks it (the module's InvalidGuid text).
fn guid_arg(args: &Args, name: &str) -> Result<Option<Uuid>, Fail> {
    match args.string(name) {
        None => Ok(None),
        Some(text) => crate::engine::convert::parse_guid(&text).map(Some).ok_or_else(|| Fail::argument(format!("The value {text} is an invalid GUID."))),
    }
}

fn required_guid(args: &Args, name: &str) -> Result<Uuid, Fail> {
    guid_arg(args, name)?.ok_or_else(|| Fail::argument("The value  is an invalid GUID."))
}

fn sku(args: &Args) -> Result<GatewaySku, Fail> {
    match args.string("GatewaySKU") {
        None => Ok(GatewaySku::Default),
        Some(s) => GatewaySku::parse(&s)
            .ok_or_else(|| Fail::argument(format!("The gateway SKU '{s}' is not valid. Valid SKUs are: Default, HighPerformance, Standard."))),
    }
}

fn emit_done(ctx: &mut Ctx, id: Uuid) -> Outcome {
    let result = operation_context(ctx, id);
    ctx.emit(result)?;
    Ok(())
}

fn new_gateway(ctx: &mut Ctx, args: &Args) -> Outcome {
    let kind = match args.string("GatewayType") {
        None => GatewayType::StaticRouting,
        Some(t) => GatewayType::parse(&t)
            .ok_or_else(|| Fail::argument(format!("The gateway type '{t}' is not valid. Valid types are: StaticRouting, DynamicRouting.")))?,
    };
    let sku = sku(args)?;
    let vnet_id = guid_arg(args, "VnetId")?.map(|g| g.to_string());
    let (vnet, name, location, bgp) = (
        args.string("VNetName").unwrap_or_default(),
        args.string("GatewayName").unwrap_or_default(),
        args.string("Location"),
        args.string("BgpPeeringAddress"),
    );
    let asn = args.opt::<u32>("Asn").unwrap_or(0);
    let peer_weight = args.opt::<i64>("PeerWeight").unwrap_or(0) as i32;
    let id = call(ctx, args, |w, sub| {
        let new = NewVirtualNetworkGateway {
            vnet: &vnet,
            name: &name,
            gateway_type: kind,
            sku,
            location: location.as_deref(),
            vnet_id: vnet_id.as_deref(),
            asn,
            bgp_peering_address: bgp.as_deref(),
            peer_weight,
        };
        w.classic_create_virtual_network_gateway(sub, new)?;
        Ok(w.next_guid())
    })?;
    emit_done(ctx, id)
}

fn gateway_context(g: &VirtualNetworkGateway, ctx: &Ctx, id: Uuid) -> Value {
    let mut o = PsObject::typed(GATEWAY_CONTEXT);
    o.add_typed("GatewayId", "string", Value::str(g.id.to_string()));
    o.add_typed("GatewayName", "string", Value::str(&g.name));
    o.add_typed("LastEventData", "string", Value::Null);
    o.add_typed("GatewayType", "string", Value::str(g.gateway_type.as_str()));
    o.add_typed("LastEventTimeStamp", "System.Nullable[datetime]", Value::Null);
    o.add_typed("LastEventMessage", "string", Value::Null);
    o.add_typed("LastEventID", "int", Value::Int(0));
    o.add_typed("State", "Microsoft.WindowsAzure.Commands.ServiceManagement.Network.Gateway.Model.ProvisioningState", Value::str("Provisioned"));
    o.add_typed("VIPAddress", "string", Value::Null);
    o.add_typed("DefaultSite", "string", Value::Null);
    o.add_typed("GatewaySKU", "string", Value::str(g.sku.as_str()));
    o.add_typed("Location", "string", Value::str(&g.location));
    o.add_typed("VnetId", "string", g.vnet_id.as_deref().map_or(Value::Null, Value::str));
    o.add_typed("SubnetId", "string", Value::Null);
    o.add_typed("EnableBgp", "string", Value::str(if g.asn != 0 { "True" } else { "False" }));
    o.add_typed("Asn", "uint", Value::UInt(g.asn));
    o.add_typed("BgpPeeringAddress", "string", g.bgp_peering_address.as_deref().map_or(Value::Null, Value::str));
    o.add_typed("PeerWeight", "int", Value::Int(g.peer_weight));
    operation(&mut o, ctx, id);
    Value::object(o)
}

fn get_gateway(ctx: &mut Ctx, args: &Args) -> Outcome {
    let wanted = guid_arg(args, "GatewayId")?;
    let (gateways, id) = call(ctx, args, |w, sub| {
        let found = match &wanted {
            Some(g) => vec![w.classic_virtual_network_gateway(sub, g)?.1],
            None => w.classic_virtual_network_gateways(sub)?.into_iter().map(|(_, g)| g).collect(),
        };
        Ok((found, w.next_guid()))
    })?;
    let out: Vec<Value> = gateways.iter().map(|g| gateway_context(g, ctx, id)).collect();
    emit_one_or_list(ctx, wanted.is_some(), out)
}

/// A get by id writes the object; a list writes the list as one object.
fn emit_one_or_list(ctx: &mut Ctx, one: bool, mut out: Vec<Value>) -> Outcome {
    if one {
        if let Some(v) = out.pop() {
            ctx.emit(v)?;
        }
    } else {
        ctx.emit(Value::array(out))?;
    }
    Ok(())
}

fn remove_gateway(ctx: &mut Ctx, args: &Args) -> Outcome {
    let gateway = required_guid(args, "GatewayId")?;
    let id = call(ctx, args, |w, sub| {
        w.classic_remove_virtual_network_gateway(sub, &gateway)?;
        Ok(w.next_guid())
    })?;
    emit_done(ctx, id)
}

fn resize_gateway(ctx: &mut Ctx, args: &Args) -> Outcome {
    let gateway = required_guid(args, "gatewayId")?;
    let sku = sku(args)?;
    let (op, request) = call(ctx, args, |w, sub| {
        w.classic_resize_virtual_network_gateway(sub, &gateway, sku)?;
        Ok((w.next_guid(), w.next_guid()))
    })?;
    let mut o = PsObject::typed(STATUS_RESPONSE);
    o.add_typed("Error", "Microsoft.WindowsAzure.Management.Network.Models.GatewayOperationStatusResponse+ErrorDetails", Value::Null);
    o.add_typed("HttpStatusCode", "System.Net.HttpStatusCode", Value::str("OK"));
    o.add_typed("Id", "string", Value::str(op.to_string()));
    o.add_typed("Status", "Microsoft.WindowsAzure.Management.Network.Models.GatewayOperationStatus", Value::str("Successful"));
    o.add_typed("RequestId", "string", Value::str(request.to_string()));
    o.add_typed("StatusCode", "System.Net.HttpStatusCode", Value::str("OK"));
    ctx.emit(Value::object(o))?;
    Ok(())
}

fn new_local(ctx: &mut Ctx, args: &Args) -> Outcome {
    let (name, ip) = (args.string("GatewayName").unwrap_or_default(), args.string("IpAddress").unwrap_or_default());
    let space: Vec<String> = match args.get("AddressSpace") {
        Some(Value::Array(a)) => a.borrow().iter().map(crate::engine::convert::to_string).collect(),
        Some(one) => vec![crate::engine::convert::to_string(one)],
        None => Vec::new(),
    };
    let (gateway, id) = call(ctx, args, |w, sub| {
        let g = w.classic_create_local_network_gateway(sub, &name, &ip, &space)?;
        Ok((g.id, w.next_guid()))
    })?;
    let mut o = PsObject::typed(NEW_LOCAL_CONTEXT);
    o.add_typed("LocalNetworkGatewayId", "string", Value::str(gateway.to_string()));
    operation(&mut o, ctx, id);
    ctx.emit(Value::object(o))?;
    Ok(())
}

fn local_context(g: &LocalNetworkGateway, ctx: &Ctx, id: Uuid) -> Value {
    let mut o = PsObject::typed(LOCAL_CONTEXT);
    o.add_typed("GatewayId", "string", Value::str(g.id.to_string()));
    o.add_typed("GatewayName", "string", Value::str(&g.name));
    o.add_typed("IpAddress", "string", Value::str(&g.ip_address));
    o.add_typed("AddressSpace", "System.Collections.Generic.List[string]", Value::array(g.address_space.iter().map(Value::str).collect()));
    operation(&mut o, ctx, id);
    Value::object(o)
}

fn get_local(ctx: &mut Ctx, args: &Args) -> Outcome {
    let wanted = guid_arg(args, "GatewayId")?;
    let (gateways, id) = call(ctx, args, |w, sub| {
        let found = match &wanted {
            Some(g) => vec![w.classic_local_network_gateway(sub, g)?],
            None => w.classic_local_network_gateways(sub)?,
        };
        Ok((found, w.next_guid()))
    })?;
    let out: Vec<Value> = gateways.iter().map(|g| local_context(g, ctx, id)).collect();
    emit_one_or_list(ctx, wanted.is_some(), out)
}

fn remove_local(ctx: &mut Ctx, args: &Args) -> Outcome {
    let gateway = required_guid(args, "gatewayId")?;
    let request = call(ctx, args, |w, sub| {
        w.classic_remove_local_network_gateway(sub, &gateway)?;
        Ok(w.next_guid())
    })?;
    let mut o = PsObject::typed(OPERATION_RESPONSE);
    o.add_typed("RequestId", "string", Value::str(request.to_string()));
    o.add_typed("StatusCode", "System.Net.HttpStatusCode", Value::str("OK"));
    ctx.emit(Value::object(o))?;
    Ok(())
}

fn new_connection(ctx: &mut Ctx, args: &Args) -> Outcome {
    let entity = required_guid(args, "ConnectedEntityId")?;
    let gateway = required_guid(args, "VirtualNetworkGatewayId")?;
    let (name, kind, key) =
        (args.string("GatewayConnectionName").unwrap_or_default(), args.string("GatewayConnectionType").unwrap_or_default(), args.string("SharedKey"));
    let weight = args.opt::<i64>("RoutingWeight").unwrap_or(0) as i32;
    let id = call(ctx, args, |w, sub| {
        let new =
            NewGatewayConnection { gateway, connected_entity: entity, name: &name, connection_type: &kind, routing_weight: weight, shared_key: key.as_deref() };
        w.classic_create_gateway_connection(sub, new)?;
        Ok(w.next_guid())
    })?;
    emit_done(ctx, id)
}

fn connection_context(gateway: &Uuid, c: &GatewayConnection, ctx: &Ctx, id: Uuid) -> Value {
    let mut o = PsObject::typed(CONNECTION_CONTEXT);
    o.add_typed("GatewayConnectionName", "string", Value::str(&c.name));
    o.add_typed("VirtualNetworkGatewayId", "string", Value::str(gateway.to_string()));
    o.add_typed("ConnectedEntityId", "string", Value::str(c.connected_entity_id.to_string()));
    o.add_typed("GatewayConnectionType", "string", Value::str(&c.connection_type));
    o.add_typed("RoutingWeight", "int", Value::Int(c.routing_weight));
    o.add_typed("SharedKey", "string", Value::str(&c.shared_key));
    operation(&mut o, ctx, id);
    Value::object(o)
}

fn get_connection(ctx: &mut Ctx, args: &Args) -> Outcome {
    let (gateway, entity) = (guid_arg(args, "GatewayId")?, guid_arg(args, "ConnectedEntityId")?);
    let one = gateway.zip(entity);
    let (found, id) = call(ctx, args, |w, sub| {
        let found = match &one {
            Some((g, e)) => vec![(*g, w.classic_gateway_connection(sub, g, e)?)],
            None => w.classic_gateway_connections(sub)?,
        };
        Ok((found, w.next_guid()))
    })?;
    let out: Vec<Value> = found.iter().map(|(g, c)| connection_context(g, c, ctx, id)).collect();
    emit_one_or_list(ctx, one.is_some(), out)
}

fn remove_connection(ctx: &mut Ctx, args: &Args) -> Outcome {
    let (gateway, entity) = (required_guid(args, "gatewayId")?, required_guid(args, "connectedEntityId")?);
    let id = call(ctx, args, |w, sub| {
        w.classic_remove_gateway_connection(sub, &gateway, &entity)?;
        Ok(w.next_guid())
    })?;
    emit_done(ctx, id)
}
