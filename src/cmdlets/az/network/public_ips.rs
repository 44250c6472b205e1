//! New-, Get-, Set-, Remove-AzPublicIpAddress.

use crate::cloud::arm::network::PublicIpPut;
use crate::cmdlets::az::models::tags_of;
use crate::cmdlets::az::{body, default_profile};
use crate::cmdlets::azure::Outcome;
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::value::{TypeKind, Value};
use crate::engine::Ctx;

use super::models::{self, member, member_text};
use super::{create, force_param, get_or_list, group_param, location_param, name_param, object_arg, overwrite, remove, tag_param, update, CLASS};
use super::{get_params, remove_params};

pub fn commands(module: &str) -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("New-AzPublicIpAddress", module, &format!("{CLASS}NewAzurePublicIpAddressCommand"), body!(new_ip))
            .param(name_param("The resource name."))
            .param(group_param().mandatory().not_empty())
            .param(location_param())
            .param(ParamSpec::new("AllocationMethod", TypeKind::String).mandatory().by_name().set(&["Dynamic", "Static"]).help("The public IP allocation method."))
            .param(ParamSpec::new("Sku", TypeKind::String).by_name().set(&["Basic", "Standard", "StandardV2"]).help("The public IP Sku name."))
            .param(ParamSpec::new("IpAddressVersion", TypeKind::String).by_name().set(&["IPv4", "IPv6"]).help("The public IP address version."))
            .param(ParamSpec::new("IdleTimeoutInMinutes", TypeKind::Int).by_name().help("The idle timeout of the public IP address."))
            .param(ParamSpec::new("DomainNameLabel", TypeKind::String).by_name().help("The domain name label."))
            .param(tag_param())
            .param(force_param())
            .param(default_profile())
            .outputs(models::PUBLIC_IP)
            .synopsis("Creates a public IP address.")
            .description("A Static address is assigned at once; a Dynamic one when a gateway is built on it (IpAddress reads 'Not Assigned' until then).")
            .example(
                "The address of an ExpressRoute gateway",
                "New-AzResourceGroup -Name LabRG -Location 'West US' -Force | Out-Null\nNew-AzPublicIpAddress -Name LabGwIp -ResourceGroupName LabRG -Location 'West US' -AllocationMethod Dynamic -Force | Select-Object Name, IpAddress",
                "IpAddress is 'Not Assigned'.",
            ),
        CommandInfo::cmdlet("Get-AzPublicIpAddress", module, &format!("{CLASS}GetAzurePublicIpAddressCommand"), body!(get_ip))
            .params(get_params("The resource name."))
            .outputs(models::PUBLIC_IP)
            .synopsis("Gets a public IP address.")
            .description("One public IP by group and name, or those of a group or of the subscription; -Name and -ResourceGroupName take wildcards.")
            .example("Every public IP", "Get-AzPublicIpAddress | Select-Object Name, IpAddress", "A table."),
        CommandInfo::cmdlet("Set-AzPublicIpAddress", module, &format!("{CLASS}SetAzurePublicIpAddressCommand"), body!(set_ip))
            .param(ParamSpec::new("PublicIpAddress", TypeKind::Object).mandatory().pipeline().help("The PublicIpAddress"))
            .param(default_profile())
            .outputs(models::PUBLIC_IP)
            .synopsis("Sets the goal state for a public IP address.")
            .description("Sends the local object: allocation method, idle timeout, domain name label and tags take effect.")
            .example(
                "A longer idle timeout",
                "New-AzResourceGroup -Name LabRG -Location 'West US' -Force | Out-Null\n$ip = New-AzPublicIpAddress -Name LabIp -ResourceGroupName LabRG -Location 'West US' -AllocationMethod Static -Force\n$ip.IdleTimeoutInMinutes = 10\n(Set-AzPublicIpAddress -PublicIpAddress $ip).IdleTimeoutInMinutes",
                "10",
            ),
        CommandInfo::cmdlet("Remove-AzPublicIpAddress", module, &format!("{CLASS}RemoveAzurePublicIpAddressCommand"), body!(remove_ip))
            .params(remove_params("The resource name."))
            .outputs("System.Boolean")
            .synopsis("Removes a public IP address.")
            .description("Refused while a gateway uses the address. Always asks unless -Force.")
            .example(
                "Remove an unused address",
                "New-AzResourceGroup -Name LabRG -Location 'West US' -Force | Out-Null\nNew-AzPublicIpAddress -Name Spare -ResourceGroupName LabRG -Location 'West US' -AllocationMethod Dynamic -Force | Out-Null\nRemove-AzPublicIpAddress -Name Spare -ResourceGroupName LabRG -Force -PassThru",
                "Writes True.",
            ),
    ]
}

fn ip_put(v: &Value) -> PublicIpPut {
    PublicIpPut {
        resource_group: member_text(v, "ResourceGroupName").unwrap_or_default(),
        name: member_text(v, "Name").unwrap_or_default(),
        location: member_text(v, "Location").unwrap_or_default(),
        allocation: member_text(v, "PublicIpAllocationMethod").unwrap_or_default(),
        sku: member(v, "Sku").and_then(|s| member_text(&s, "Name")),
        version: member_text(v, "PublicIpAddressVersion"),
        idle_timeout_minutes: member_text(v, "IdleTimeoutInMinutes").and_then(|t| t.trim().parse().ok()),
        domain_name_label: member(v, "DnsSettings").and_then(|d| member_text(&d, "DomainNameLabel")),
        tags: tags_of(member(v, "Tag").as_ref()),
    }
}

fn new_ip(ctx: &mut Ctx, args: &Args) -> Outcome {
    let put = PublicIpPut {
        resource_group: args.string("ResourceGroupName").unwrap_or_default(),
        name: args.string("Name").unwrap_or_default(),
        location: args.string("Location").unwrap_or_default(),
        allocation: args.string("AllocationMethod").unwrap_or_default(),
        sku: args.string("Sku").filter(|s| !s.is_empty()),
        version: args.string("IpAddressVersion"),
        idle_timeout_minutes: args.opt::<u32>("IdleTimeoutInMinutes"),
        domain_name_label: args.string("DomainNameLabel"),
        tags: tags_of(args.get("Tag")),
    };
    let (group, name) = (put.resource_group.clone(), put.name.clone());
    create(
        ctx,
        args,
        (args.switch("Force"), &overwrite(&name)),
        &name,
        |w, sub| w.public_ip_exists(sub, &group, &name),
        |w, sub| w.put_public_ip(sub, put.clone()),
        models::public_ip,
    )
}

fn get_ip(ctx: &mut Ctx, args: &Args) -> Outcome {
    get_or_list(
        ctx,
        args,
        |w, sub, g, n| w.get_public_ip(sub, g, n),
        |w, sub, g| w.list_public_ips(sub, g),
        |p| (p.record.common.resource_group.clone(), p.record.common.name.clone()),
        models::public_ip,
    )
}

fn set_ip(ctx: &mut Ctx, args: &Args) -> Outcome {
    let put = ip_put(&object_arg(args, "PublicIpAddress"));
    let (group, name) = (put.resource_group.clone(), put.name.clone());
    update(ctx, |w, sub| w.public_ip_exists(sub, &group, &name), |w, sub| Ok(w.put_public_ip(sub, put)?), models::public_ip)
}

fn remove_ip(ctx: &mut Ctx, args: &Args) -> Outcome {
    remove(ctx, args, |w, sub, g, n| w.remove_public_ip(sub, g, n))
}
