//! New-, Get-, Set-, Remove-AzVirtualNetwork.

use crate::cloud::arm::network::{SubnetPut, VnetPut};
use crate::cmdlets::az::models::tags_of;
use crate::cmdlets::az::{body, default_profile};
use crate::cmdlets::azure::Outcome;
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::value::{TypeKind, Value};
use crate::engine::Ctx;

use super::models::{self, items, member, member_strings, member_text};
use super::{create, force_param, get_or_list, group_param, location_param, name_param, object_arg, overwrite, remove, strings_arg, tag_param, update, CLASS};
use super::{get_params, remove_params};

pub fn commands(module: &str) -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("New-AzVirtualNetwork", module, &format!("{CLASS}NewAzureVirtualNetworkCommand"), body!(new_vnet))
            .param(name_param("The name of the virtual network.").mandatory().not_empty())
            .param(group_param().mandatory().not_empty())
            .param(location_param())
            .param(ParamSpec::new("AddressPrefix", TypeKind::String).array().by_name().help("The address prefixes of the virtual network."))
            .param(ParamSpec::new("DnsServer", TypeKind::String).array().by_name().help("The DNS servers of the virtual network."))
            .param(ParamSpec::new("Subnet", TypeKind::Object).array().by_name().help("The subnets of the virtual network (New-AzVirtualNetworkSubnetConfig)."))
            .param(tag_param())
            .param(force_param())
            .param(default_profile())
            .outputs(models::VNET)
            .synopsis("Creates a virtual network.")
            .description("Creates a virtual network with its address space, DNS servers and subnets in a resource group. A virtual network of the same name in the group is overwritten after a prompt (none with -Force).")
            .example(
                "A virtual network with a GatewaySubnet",
                "New-AzResourceGroup -Name LabRG -Location 'West US' -Force | Out-Null\n$gw = New-AzVirtualNetworkSubnetConfig -Name GatewaySubnet -AddressPrefix 10.200.255.0/27\nNew-AzVirtualNetwork -Name LabVnet -ResourceGroupName LabRG -Location 'West US' -AddressPrefix 10.200.0.0/16 -Subnet $gw -Force",
                "The virtual network, as a list.",
            ),
        CommandInfo::cmdlet("Get-AzVirtualNetwork", module, &format!("{CLASS}GetAzureVirtualNetworkCommand"), body!(get_vnet))
            .params(get_params("The name of the virtual network."))
            .outputs(models::VNET)
            .synopsis("Gets a virtual network in a resource group.")
            .description("One virtual network by group and name, or those of a group or of the subscription; -Name and -ResourceGroupName take wildcards.")
            .example("Every virtual network of the subscription", "Get-AzVirtualNetwork | Select-Object Name, ResourceGroupName", "A table of names and groups."),
        CommandInfo::cmdlet("Set-AzVirtualNetwork", module, &format!("{CLASS}SetAzureVirtualNetworkCommand"), body!(set_vnet))
            .param(ParamSpec::new("VirtualNetwork", TypeKind::Object).mandatory().pipeline().help("The virtual network"))
            .param(default_profile())
            .outputs(models::VNET)
            .synopsis("Updates a virtual network.")
            .description("Sends the whole local virtual network object: its address space, DNS servers, subnets (as the …SubnetConfig cmdlets left them) and tags take effect under the service's rules. Writes the virtual network as it now is.")
            .example(
                "Add a GatewaySubnet to a virtual network",
                "New-AzResourceGroup -Name LabRG -Location 'West US' -Force | Out-Null\n$vnet = New-AzVirtualNetwork -Name LabVnet2 -ResourceGroupName LabRG -Location 'West US' -AddressPrefix 192.168.0.0/16 -Force\nAdd-AzVirtualNetworkSubnetConfig -Name GatewaySubnet -VirtualNetwork $vnet -AddressPrefix 192.168.200.0/26 | Out-Null\n$vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet\n$vnet.Subnets | Select-Object Name, AddressPrefix",
                "The subnet, now part of the virtual network.",
            ),
        CommandInfo::cmdlet("Remove-AzVirtualNetwork", module, &format!("{CLASS}RemoveAzureVirtualNetworkCommand"), body!(remove_vnet))
            .params(remove_params("The name of the virtual network."))
            .outputs("System.Boolean")
            .synopsis("Removes a virtual network.")
            .description("Refused while a gateway sits in one of its subnets. Always asks unless -Force.")
            .example(
                "Remove a virtual network without asking",
                "New-AzResourceGroup -Name LabRG -Location 'West US' -Force | Out-Null\nNew-AzVirtualNetwork -Name Scratch -ResourceGroupName LabRG -Location 'West US' -AddressPrefix 10.9.0.0/16 -Force | Out-Null\nRemove-AzVirtualNetwork -Name Scratch -ResourceGroupName LabRG -Force -PassThru",
                "Writes True.",
            ),
    ]
}

/// The subnets of a `-Subnet` argument or a `Subnets` member, as sent.
pub(super) fn subnet_puts(list: Vec<Value>) -> Vec<SubnetPut> {
    list.iter().map(|s| SubnetPut { name: member_text(s, "Name").unwrap_or_default(), address_prefixes: member_strings(s, "AddressPrefix") }).collect()
}

/// The PUT Set-AzVirtualNetwork sends: the whole local object.
fn vnet_put(v: &Value) -> VnetPut {
    VnetPut {
        resource_group: member_text(v, "ResourceGroupName").unwrap_or_default(),
        name: member_text(v, "Name").unwrap_or_default(),
        location: member_text(v, "Location").unwrap_or_default(),
        address_prefixes: member(v, "AddressSpace").map(|a| member_strings(&a, "AddressPrefixes")).unwrap_or_default(),
        dns_servers: member(v, "DhcpOptions").map(|d| member_strings(&d, "DnsServers")).unwrap_or_default(),
        subnets: subnet_puts(items(member(v, "Subnets"))),
        tags: tags_of(member(v, "Tag").as_ref()),
    }
}

fn new_vnet(ctx: &mut Ctx, args: &Args) -> Outcome {
    super::azure_rm_output_warning(ctx)?;
    let put = VnetPut {
        resource_group: args.string("ResourceGroupName").unwrap_or_default(),
        name: args.string("Name").unwrap_or_default(),
        location: args.string("Location").unwrap_or_default(),
        address_prefixes: strings_arg(args, "AddressPrefix"),
        dns_servers: strings_arg(args, "DnsServer"),
        subnets: subnet_puts(items(args.get("Subnet").cloned())),
        tags: tags_of(args.get("Tag")),
    };
    let (group, name) = (put.resource_group.clone(), put.name.clone());
    create(
        ctx,
        args,
        (args.switch("Force"), &overwrite(&name)),
        &name,
        |w, sub| w.vnet_exists(sub, &group, &name),
        |w, sub| w.put_virtual_network(sub, put.clone()),
        models::vnet,
    )
}

fn get_vnet(ctx: &mut Ctx, args: &Args) -> Outcome {
    get_or_list(
        ctx,
        args,
        |w, sub, g, n| w.get_virtual_network(sub, g, n),
        |w, sub, g| w.list_virtual_networks(sub, g),
        |v| (v.common.resource_group.clone(), v.common.name.clone()),
        models::vnet,
    )
}

fn set_vnet(ctx: &mut Ctx, args: &Args) -> Outcome {
    let put = vnet_put(&object_arg(args, "VirtualNetwork"));
    let (group, name) = (put.resource_group.clone(), put.name.clone());
    update(ctx, |w, sub| w.vnet_exists(sub, &group, &name), |w, sub| Ok(w.put_virtual_network(sub, put)?), models::vnet)
}

fn remove_vnet(ctx: &mut Ctx, args: &Args) -> Outcome {
    remove(ctx, args, |w, sub, g, n| w.remove_virtual_network(sub, g, n))
}
