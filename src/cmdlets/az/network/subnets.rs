//! Add-, New-, Get-, Set-, Remove-AzVirtualNetworkSubnetConfig: they edit the `Subnets` of
//! the local virtual network object (or build a subnet) and call nothing, except Get- by
//! `-ResourceId`, which reads the virtual network.

use crate::cloud::arm::network::parse_id;
use crate::cmdlets::az::{body, default_profile};
use crate::cmdlets::azure::{network_call, Fail, Outcome};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::value::{TypeKind, Value};
use crate::engine::Ctx;

use super::models::{self, items, member, member_text};
use super::{object_arg, strings_arg, CLASS};

const SEQUENCE_EMPTY: &str = "Sequence contains no matching element";

fn vnet_param() -> ParamSpec {
    ParamSpec::new("VirtualNetwork", TypeKind::Object).mandatory().pipeline().help("The virtualNetwork")
}

fn subnet_name() -> ParamSpec {
    ParamSpec::new("Name", TypeKind::String).mandatory().help("The name of the subnet")
}

fn prefix_param() -> ParamSpec {
    ParamSpec::new("AddressPrefix", TypeKind::String).array().help("The address prefix of the subnet")
}

const EXAMPLE_SETUP: &str = "New-AzResourceGroup -Name LabRG -Location 'West US' -Force | Out-Null\n$vnet = New-AzVirtualNetwork -Name SubnetLab -ResourceGroupName LabRG -Location 'West US' -AddressPrefix 10.50.0.0/16 -Force\n";

pub fn commands(module: &str) -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("Add-AzVirtualNetworkSubnetConfig", module, &format!("{CLASS}AddAzureVirtualNetworkSubnetConfigCommand"), body!(add_subnet))
            .param(subnet_name())
            .param(vnet_param())
            .param(prefix_param())
            .param(default_profile())
            .outputs(models::VNET)
            .synopsis("Adds a subnet configuration to a virtual network.")
            .description("Adds the subnet to the local virtual network object and writes the object; nothing is sent until Set-AzVirtualNetwork.")
            .example("Add a GatewaySubnet locally", &format!("{EXAMPLE_SETUP}Add-AzVirtualNetworkSubnetConfig -Name GatewaySubnet -VirtualNetwork $vnet -AddressPrefix 10.50.255.0/27 | Out-Null\n$vnet.Subnets.Count"), "1: the subnet is on the local object only."),
        CommandInfo::cmdlet("New-AzVirtualNetworkSubnetConfig", module, &format!("{CLASS}NewAzureVirtualNetworkSubnetConfigCommand"), body!(new_subnet))
            .param(subnet_name())
            .param(prefix_param())
            .param(default_profile())
            .outputs(models::SUBNET)
            .synopsis("Creates a virtual network subnet configuration.")
            .description("A local subnet object for New-AzVirtualNetwork -Subnet.")
            .example("A GatewaySubnet", "New-AzVirtualNetworkSubnetConfig -Name GatewaySubnet -AddressPrefix 10.0.255.0/27 | Select-Object Name, AddressPrefix", "Its name and prefix."),
        CommandInfo::cmdlet("Get-AzVirtualNetworkSubnetConfig", module, &format!("{CLASS}GetAzureVirtualNetworkSubnetConfigCommand"), body!(get_subnet))
            .param(ParamSpec::new("Name", TypeKind::String).in_set("GetByVirtualNetwork").help("The name of the subnet"))
            .param(ParamSpec::new("VirtualNetwork", TypeKind::Object).mandatory().pipeline().in_set("GetByVirtualNetwork").help("The virtualNetwork"))
            .param(ParamSpec::new("ResourceId", TypeKind::String).mandatory().by_name().in_set("GetByResourceId").help("The resource id of the subnet"))
            .param(default_profile())
            .default_set("GetByVirtualNetwork")
            .outputs(models::SUBNET)
            .synopsis("Gets a subnet in a virtual network.")
            .description("The named subnet of the local virtual network object, or all of them; with -ResourceId, the subnet as the service has it.")
            .example("The GatewaySubnet's id", &format!("{EXAMPLE_SETUP}Add-AzVirtualNetworkSubnetConfig -Name GatewaySubnet -VirtualNetwork $vnet -AddressPrefix 10.50.255.0/27 | Out-Null\n$vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet\n(Get-AzVirtualNetworkSubnetConfig -Name GatewaySubnet -VirtualNetwork $vnet).Id"), "The subnet's resource id."),
        CommandInfo::cmdlet("Set-AzVirtualNetworkSubnetConfig", module, &format!("{CLASS}SetAzureVirtualNetworkSubnetConfigCommand"), body!(set_subnet))
            .param(subnet_name())
            .param(vnet_param())
            .param(prefix_param())
            .param(default_profile())
            .outputs(models::VNET)
            .synopsis("Updates a subnet configuration for a virtual network.")
            .description("Changes the subnet's prefixes on the local virtual network object; Set-AzVirtualNetwork sends them.")
            .example("Widen a subnet locally", &format!("{EXAMPLE_SETUP}Add-AzVirtualNetworkSubnetConfig -Name apps -VirtualNetwork $vnet -AddressPrefix 10.50.1.0/24 | Out-Null\nSet-AzVirtualNetworkSubnetConfig -Name apps -VirtualNetwork $vnet -AddressPrefix 10.50.0.0/23 | Out-Null\n$vnet.Subnets[0].AddressPrefix"), "10.50.0.0/23"),
        CommandInfo::cmdlet("Remove-AzVirtualNetworkSubnetConfig", module, &format!("{CLASS}RemoveAzureVirtualNetworkSubnetConfigCommand"), body!(remove_subnet))
            .param(ParamSpec::new("Name", TypeKind::String).help("The name of the subnet"))
            .param(vnet_param())
            .param(default_profile())
            .outputs(models::VNET)
            .synopsis("Removes a subnet configuration from a virtual network.")
            .description("Removes the subnet from the local virtual network object (nothing when it has none of that name); Set-AzVirtualNetwork sends the change.")
            .example("Remove a subnet locally", &format!("{EXAMPLE_SETUP}Add-AzVirtualNetworkSubnetConfig -Name apps -VirtualNetwork $vnet -AddressPrefix 10.50.1.0/24 | Out-Null\nRemove-AzVirtualNetworkSubnetConfig -Name apps -VirtualNetwork $vnet | Out-Null\n$vnet.Subnets.Count"), "0"),
    ]
}

/// The local object's `Subnets` list, created when it has none.
fn subnets_of(vnet: &Value) -> Result<std::rc::Rc<std::cell::RefCell<Vec<Value>>>, Fail> {
    let Value::Object(o) = vnet else {
        return Err(Fail::argument("Cannot bind argument to parameter 'VirtualNetwork' because it is null."));
    };
    if let Some(Value::Array(a)) = o.borrow().get("Subnets") {
        return Ok(a.clone());
    }
    let list = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    o.borrow_mut().set("Subnets", Value::Array(list.clone()));
    Ok(list)
}

fn named(list: &[Value], name: &str) -> Option<usize> {
    list.iter().position(|s| member_text(s, "Name").is_some_and(|n| n.eq_ignore_ascii_case(name)))
}

fn add_subnet(ctx: &mut Ctx, args: &Args) -> Outcome {
    let vnet = object_arg(args, "VirtualNetwork");
    let name = args.string("Name").unwrap_or_default();
    let list = subnets_of(&vnet)?;
    if named(&list.borrow(), &name).is_some() {
        return Err(Fail::argument("Subnet with the specified name already exists"));
    }
    list.borrow_mut().push(models::subnet(&name, &strings_arg(args, "AddressPrefix"), None));
    ctx.emit(vnet)?;
    Ok(())
}

fn new_subnet(ctx: &mut Ctx, args: &Args) -> Outcome {
    ctx.emit(models::subnet(&args.string("Name").unwrap_or_default(), &strings_arg(args, "AddressPrefix"), None))?;
    Ok(())
}

fn get_subnet(ctx: &mut Ctx, args: &Args) -> Outcome {
    if let Some(id) = args.string("ResourceId") {
        let parsed =
            parse_id(&id).filter(|p| p.is_child("virtualNetworks", "subnets")).ok_or_else(|| Fail::argument(format!("Invalid resource id '{id}'.")))?;
        let (_, subnet) = parsed.child.clone().unwrap_or_default();
        let v = network_call(ctx, |w, sub| Ok(w.get_virtual_network(sub, &parsed.group, &parsed.name)?))?;
        let found = v
            .subnets
            .iter()
            .find(|s| s.name.eq_ignore_ascii_case(&subnet))
            .ok_or_else(|| Fail::Exception(crate::cmdlets::azure::INVALID_OPERATION.into(), SEQUENCE_EMPTY.into()))?;
        ctx.emit(models::subnet(&found.name, &found.address_prefixes, Some(found)))?;
        return Ok(());
    }
    let all = items(member(&object_arg(args, "VirtualNetwork"), "Subnets"));
    match args.string("Name").filter(|n| !n.is_empty()) {
        Some(name) => {
            let at = named(&all, &name).ok_or_else(|| Fail::Exception(crate::cmdlets::azure::INVALID_OPERATION.into(), SEQUENCE_EMPTY.into()))?;
            ctx.emit(all[at].clone())?;
        }
        None => ctx.emit_all(all)?,
    }
    Ok(())
}

fn set_subnet(ctx: &mut Ctx, args: &Args) -> Outcome {
    let vnet = object_arg(args, "VirtualNetwork");
    let name = args.string("Name").unwrap_or_default();
    let list = subnets_of(&vnet)?;
    let at = named(&list.borrow(), &name).ok_or_else(|| Fail::argument("Subnet with the specified name does not exist"))?;
    if let Value::Object(s) = &list.borrow()[at] {
        s.borrow_mut().set("AddressPrefix", Value::array(strings_arg(args, "AddressPrefix").into_iter().map(Value::str).collect()));
    }
    ctx.emit(vnet)?;
    Ok(())
}

fn remove_subnet(ctx: &mut Ctx, args: &Args) -> Outcome {
    let vnet = object_arg(args, "VirtualNetwork");
    let name = args.string("Name").unwrap_or_default();
    let list = subnets_of(&vnet)?;
    list.borrow_mut().retain(|s| !member_text(s, "Name").is_some_and(|n| n.eq_ignore_ascii_case(&name)));
    ctx.emit(vnet)?;
    Ok(())
}
