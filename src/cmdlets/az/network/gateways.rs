//! New-, Add-, Remove-AzVirtualNetworkGatewayIpConfig (local objects) and New-, Get-, Set-,
//! Remove-, Resize-AzVirtualNetworkGateway.

use std::rc::Rc;

use crate::cloud::arm::network::{GatewayIpConfigPut, GatewayPut};
use crate::cmdlets::az::models::tags_of;
use crate::cmdlets::az::{body, default_profile};
use crate::cmdlets::azure::{arm_record, confirm, long_running, network_call, world, Fail, Outcome, OwnJobCmdlet};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::convert::to_bool;
use crate::engine::error::ErrorCategory;
use crate::engine::jobs::{JobOutput, NativeJob};
use crate::engine::value::{TypeKind, Value};
use crate::engine::Ctx;

use super::models::{self, items, member, member_text};
use super::remove_params;
use super::{get_or_list, group_param, location_param, name_param, object_arg, remove, tag_param, update, CLASS};

/// The SKUs of `-GatewaySku` (Az 16.2.0 help table).
const SKUS: &[&str] = &[
    "Basic",
    "Standard",
    "HighPerformance",
    "UltraPerformance",
    "VpnGw1",
    "VpnGw2",
    "VpnGw3",
    "VpnGw4",
    "VpnGw5",
    "VpnGw1AZ",
    "VpnGw2AZ",
    "VpnGw3AZ",
    "VpnGw4AZ",
    "VpnGw5AZ",
    "ErGw1AZ",
    "ErGw2AZ",
    "ErGw3AZ",
    "ErGwScale",
];

/// Resources.UltraPerformaceGatewayWarning (facts §4.6).
const ULTRA_WARNING: &str = "Please check the availability of UltraPerformance gateway on https://azure.microsoft.com/en-us/documentation/articles/expressroute-about-virtual-network-gateways/. You will be billed for this gateway once this command succeeds.";

fn ip_config_params(c: CommandInfo) -> CommandInfo {
    c.param(ParamSpec::new("Name", TypeKind::String).mandatory().not_empty().help("The name of the VirtualNetworkGatewayIpConfiguration"))
        .param(ParamSpec::new("PrivateIpAddress", TypeKind::String).help("The private IP address of the IpConfiguration"))
        .param(ParamSpec::new("SubnetId", TypeKind::String).in_set("SetByResourceId").help("The id of the GatewaySubnet"))
        .param(ParamSpec::new("PublicIpAddressId", TypeKind::String).in_set("SetByResourceId").help("The id of the public IP address"))
        .param(ParamSpec::new("Subnet", TypeKind::Object).in_set("SetByResource").help("The GatewaySubnet"))
        .param(ParamSpec::new("PublicIpAddress", TypeKind::Object).in_set("SetByResource").help("The public IP address"))
        .default_set("SetByResourceId")
}

fn gateway_param() -> ParamSpec {
    ParamSpec::new("VirtualNetworkGateway", TypeKind::Object).mandatory().pipeline().help("The VirtualNetworkGateway")
}

const SETUP: &str = "New-AzResourceGroup -Name GwLab -Location 'West US' -Force | Out-Null\n$vnet = New-AzVirtualNetwork -Name GwVnet -ResourceGroupName GwLab -Location 'West US' -AddressPrefix 10.60.0.0/16 -Subnet (New-AzVirtualNetworkSubnetConfig -Name GatewaySubnet -AddressPrefix 10.60.255.0/27) -Force\n$pip = New-AzPublicIpAddress -Name GwIp -ResourceGroupName GwLab -Location 'West US' -AllocationMethod Dynamic -Force\n$ipconf = New-AzVirtualNetworkGatewayIpConfig -Name GwIpConfig -Subnet $vnet.Subnets[0] -PublicIpAddress $pip\n";

pub fn commands(module: &str) -> Vec<CommandInfo> {
    let gw = "New-AzVirtualNetworkGateway -Name LabGw -ResourceGroupName GwLab -Location 'West US' -IpConfigurations $ipconf -GatewayType ExpressRoute -GatewaySku Standard -Force";
    vec![
        ip_config_params(CommandInfo::cmdlet("New-AzVirtualNetworkGatewayIpConfig", module, &format!("{CLASS}NewAzureVirtualNetworkGatewayIpConfigCommand"), body!(new_ip_config)))
            .param(default_profile())
            .outputs(models::IP_CONFIG)
            .synopsis("Creates an IP Configuration for a Virtual Network Gateway")
            .description("A local object naming the GatewaySubnet and the public IP a new gateway uses; by ids (-SubnetId, -PublicIpAddressId) or by the objects.")
            .example("By the objects", &format!("{SETUP}$ipconf | Select-Object Name, PrivateIpAllocationMethod"), "Name and Dynamic."),
        ip_config_params(CommandInfo::cmdlet("Add-AzVirtualNetworkGatewayIpConfig", module, &format!("{CLASS}AddAzureVirtualNetworkGatewayIpConfigCommand"), body!(add_ip_config)))
            .param(gateway_param())
            .param(default_profile())
            .outputs(models::GATEWAY)
            .synopsis("Adds an IP configuration to a virtual network gateway.")
            .description("Adds the configuration to the local gateway object and writes it; Set-AzVirtualNetworkGateway sends it.")
            .example("Add a configuration locally", &format!("{SETUP}$gw = {gw}\n$gw = Add-AzVirtualNetworkGatewayIpConfig -VirtualNetworkGateway $gw -Name Second -SubnetId $vnet.Subnets[0].Id\n$gw.IpConfigurations.Count"), "2"),
        CommandInfo::cmdlet("Remove-AzVirtualNetworkGatewayIpConfig", module, &format!("{CLASS}RemoveAzureVirtualNetworkGatewayIpConfigCommand"), body!(remove_ip_config))
            .param(ParamSpec::new("Name", TypeKind::String).mandatory().help("The name of the VirtualNetworkGatewayIpConfiguration"))
            .param(gateway_param())
            .param(default_profile())
            .outputs(models::GATEWAY)
            .synopsis("Removes an IP Configuration from a Virtual Network Gateway")
            .description("Removes the named configuration from the local gateway object.")
            .example("Remove a configuration locally", &format!("{SETUP}$gw = {gw}\n$gw = Remove-AzVirtualNetworkGatewayIpConfig -VirtualNetworkGateway $gw -Name GwIpConfig\n$gw.IpConfigurations.Count"), "0"),
        CommandInfo::cmdlet("New-AzVirtualNetworkGateway", module, &format!("{CLASS}NewAzureVirtualNetworkGatewayCommand"), || Box::new(OwnJobCmdlet(new_gateway)))
            .param(name_param("The resource name.").mandatory().not_empty())
            .param(group_param().mandatory().not_empty())
            .param(location_param())
            .param(ParamSpec::new("IpConfigurations", TypeKind::Object).array().by_name().help("The IpConfigurations for Virtual network gateway."))
            .param(ParamSpec::new("GatewayType", TypeKind::String).by_name().set(&["Vpn", "ExpressRoute", "LocalGateway"]).help("The type of this virtual network gateway: Vpn, ExoressRoute"))
            .param(ParamSpec::new("VpnType", TypeKind::String).by_name().set(&["PolicyBased", "RouteBased"]).help("The type of the Vpn:PolicyBased/RouteBased"))
            .param(ParamSpec::new("EnableBgp", TypeKind::Bool).by_name().help("EnableBgp Flag"))
            .param(ParamSpec::new("GatewaySku", TypeKind::String).by_name().set(SKUS).help("The Gateway Sku Tier"))
            .param(ParamSpec::new("Asn", TypeKind::UInt).by_name().help("The virtual network gateway's ASN for BGP over VPN"))
            .param(tag_param())
            .param(super::force_param())
            .param(default_profile())
            .outputs(models::GATEWAY)
            .synopsis("Creates a Virtual Network Gateway")
            .description("Builds the gateway in the VNet's GatewaySubnet; it takes 45 minutes of the world's clock, and the cmdlet returns once it is ready. Only an existing gateway given the UltraPerformance SKU asks first (it is billed from then on); any other New- replaces an existing gateway of the name without asking, as the source does.")
            .example("An ExpressRoute gateway", &format!("{SETUP}{gw} | Select-Object Name, GatewayType, ProvisioningState"), "The gateway, Succeeded 45 virtual minutes later.")
            .example(
                "Build it as a job",
                &format!("{SETUP}$job = {gw} -AsJob
(Get-AzVirtualNetworkGateway -Name LabGw -ResourceGroupName GwLab).ProvisioningState
($job | Wait-Job | Receive-Job).ProvisioningState"),
                "Updating while the job runs, then Succeeded: waiting for the job waits out the build.",
            ),
        CommandInfo::cmdlet("Get-AzVirtualNetworkGateway", module, &format!("{CLASS}GetAzureVirtualNetworkGatewayCommand"), body!(get_gateway))
            .param(name_param("The resource name.").wildcards())
            .param(group_param().mandatory().wildcards())
            .param(default_profile())
            .outputs(models::GATEWAY)
            .synopsis("Gets a Virtual Network Gateway")
            .description("One gateway by group and name, or the gateways of a group; -Name takes wildcards.")
            .example("The gateways of a group", "New-AzResourceGroup -Name GwLab -Location 'West US' -Force | Out-Null\nGet-AzVirtualNetworkGateway -ResourceGroupName GwLab", "Nothing until a gateway exists."),
        CommandInfo::cmdlet("Set-AzVirtualNetworkGateway", module, &format!("{CLASS}SetAzureVirtualNetworkGatewayCommand"), body!(set_gateway))
            .param(gateway_param())
            .param(ParamSpec::new("GatewaySku", TypeKind::String).by_name().set(SKUS).help("The Gateway Sku Tier"))
            .param(ParamSpec::new("EnableBgp", TypeKind::Bool).by_name().help("EnableBgp Flag"))
            .param(default_profile())
            .outputs(models::GATEWAY)
            .synopsis("Updates the Virtual Network Gateway")
            .description("Sends the local gateway object, with -GatewaySku and -EnableBgp applied to it.")
            .example("Resize through Set", &format!("{SETUP}$gw = {gw}\n(Set-AzVirtualNetworkGateway -VirtualNetworkGateway $gw -GatewaySku HighPerformance).Sku.Name"), "HighPerformance"),
        CommandInfo::cmdlet("Remove-AzVirtualNetworkGateway", module, &format!("{CLASS}RemoveAzureVirtualNetworkGatewayCommand"), body!(remove_gateway))
            .params(remove_params("The resource name."))
            .outputs("System.Boolean")
            .synopsis("Deletes a Virtual Network Gateway")
            .description("Refused while a connection uses the gateway. Its Dynamic public address is given back. Always asks unless -Force.")
            .example("Remove a gateway", &format!("{SETUP}{gw} | Out-Null\nRemove-AzVirtualNetworkGateway -Name LabGw -ResourceGroupName GwLab -Force -PassThru"), "Writes True."),
        CommandInfo::cmdlet("Resize-AzVirtualNetworkGateway", module, &format!("{CLASS}ResizeAzureVirtualNetworkGatewayCommand"), body!(resize_gateway))
            .param(gateway_param())
            .param(ParamSpec::new("GatewaySku", TypeKind::String).mandatory().by_name().set(&SKUS[..17]).help("The gateway Sku:- Basic/Standard/HighPerformance/VpnGw1/VpnGw2/VpnGw3"))
            .param(default_profile())
            .outputs(models::GATEWAY)
            .synopsis("Resizes an existing virtual network gateway.")
            .description("Changes the gateway's SKU within its type; never to or from UltraPerformance (delete and create the gateway again). The same SKU is refused by the cmdlet itself.")
            .example("Standard to HighPerformance", &format!("{SETUP}$gw = {gw}\n(Resize-AzVirtualNetworkGateway -VirtualNetworkGateway $gw -GatewaySku HighPerformance).Sku.Tier"), "HighPerformance"),
    ]
}

/// The configuration the parameters describe (ids, or the objects' ids).
fn ip_config_of(args: &Args) -> Value {
    let id_of = |object: &str, id: &str| args.get(object).and_then(|o| member_text(o, "Id")).or_else(|| args.string(id)).filter(|s| !s.is_empty());
    let private_ip = args.string("PrivateIpAddress").filter(|s| !s.is_empty());
    models::ip_config(
        &args.string("Name").unwrap_or_default(),
        private_ip.as_deref(),
        id_of("Subnet", "SubnetId").as_deref(),
        id_of("PublicIpAddress", "PublicIpAddressId").as_deref(),
        None,
    )
}

fn new_ip_config(ctx: &mut Ctx, args: &Args) -> Outcome {
    ctx.emit(ip_config_of(args))?;
    Ok(())
}

/// The local gateway's `IpConfigurations` list, created when it has none.
fn configs_of(gateway: &Value) -> Result<std::rc::Rc<std::cell::RefCell<Vec<Value>>>, Fail> {
    let Value::Object(o) = gateway else {
        return Err(Fail::argument("Cannot bind argument to parameter 'VirtualNetworkGateway' because it is null."));
    };
    if let Some(Value::Array(a)) = o.borrow().get("IpConfigurations") {
        return Ok(a.clone());
    }
    let list = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    o.borrow_mut().set("IpConfigurations", Value::Array(list.clone()));
    Ok(list)
}

fn add_ip_config(ctx: &mut Ctx, args: &Args) -> Outcome {
    let gateway = object_arg(args, "VirtualNetworkGateway");
    configs_of(&gateway)?.borrow_mut().push(ip_config_of(args));
    ctx.emit(gateway)?;
    Ok(())
}

fn remove_ip_config(ctx: &mut Ctx, args: &Args) -> Outcome {
    let gateway = object_arg(args, "VirtualNetworkGateway");
    let name = args.string("Name").unwrap_or_default();
    configs_of(&gateway)?.borrow_mut().retain(|c| !member_text(c, "Name").is_some_and(|n| n.eq_ignore_ascii_case(&name)));
    ctx.emit(gateway)?;
    Ok(())
}

fn config_puts(list: Vec<Value>) -> Vec<GatewayIpConfigPut> {
    let id = |c: &Value, name: &str| member(c, name).and_then(|r| member_text(&r, "Id"));
    list.iter()
        .map(|c| GatewayIpConfigPut {
            name: member_text(c, "Name").unwrap_or_default(),
            subnet_id: id(c, "Subnet"),
            public_ip_id: id(c, "PublicIpAddress"),
            private_ip: member_text(c, "PrivateIpAddress"),
        })
        .collect()
}

/// The PUT the Set- and Resize- cmdlets send: the whole local gateway.
fn gateway_put(v: &Value) -> GatewayPut {
    GatewayPut {
        resource_group: member_text(v, "ResourceGroupName").unwrap_or_default(),
        name: member_text(v, "Name").unwrap_or_default(),
        location: member_text(v, "Location").unwrap_or_default(),
        kind: member_text(v, "GatewayType"),
        sku: member(v, "Sku").and_then(|s| member_text(&s, "Name")),
        vpn_type: member_text(v, "VpnType"),
        enable_bgp: member(v, "EnableBgp").is_some_and(|b| to_bool(&b)),
        asn: member(v, "BgpSettings").and_then(|b| member_text(&b, "Asn")).and_then(|a| a.trim().parse().ok()),
        ip_configurations: config_puts(items(member(v, "IpConfigurations"))),
        tags: tags_of(member(v, "Tag").as_ref()),
    }
}

/// Without -GatewaySku, Az sends no SKU (the service picks); AzureRM chose one itself:
/// Standard for a RouteBased gateway, else Basic (AzureRM source, index id 100451496) — so an
/// AzureRM ExpressRoute gateway needs its -GatewaySku.
fn azure_rm_default_sku(ctx: &Ctx, args: &Args) -> Option<String> {
    let route_based = args.string("VpnType").is_some_and(|t| t.eq_ignore_ascii_case("RouteBased"));
    ctx.command.name.contains("-AzureRm").then(|| if route_based { "Standard" } else { "Basic" }.to_string())
}

/// `ConfirmAction(force, warning, "Creating Resource", Name, …, present)` with `force` true
/// unless the SKU is UltraPerformance: only an existing UltraPerformance gateway asks, with the
/// billing warning; any other New- overwrites without a prompt (the source's own logic).
fn new_gateway(ctx: &mut Ctx, args: &Args) -> Outcome {
    super::azure_rm_output_warning(ctx)?;
    let put = GatewayPut {
        resource_group: args.string("ResourceGroupName").unwrap_or_default(),
        name: args.string("Name").unwrap_or_default(),
        location: args.string("Location").unwrap_or_default(),
        kind: args.string("GatewayType"),
        sku: args.string("GatewaySku").or_else(|| azure_rm_default_sku(ctx, args)),
        vpn_type: args.string("VpnType"),
        enable_bgp: args.get("EnableBgp").is_some_and(to_bool),
        asn: args.opt::<u32>("Asn").filter(|a| *a > 0),
        ip_configurations: config_puts(items(args.get("IpConfigurations").cloned())),
        tags: tags_of(args.get("Tag")),
    };
    let ultra = put.sku.as_deref().is_some_and(|s| s.eq_ignore_ascii_case("UltraPerformance"));
    let force = !ultra || args.switch("Force");
    let (group, name) = (put.resource_group.clone(), put.name.clone());
    if args.switch("AsJob") {
        return build_as_job(ctx, args, (force, &group, &name), put);
    }
    super::create(
        ctx,
        args,
        (force, ULTRA_WARNING),
        &name,
        |w, sub| w.gateway_exists(sub, &group, &name),
        |w, sub| w.put_virtual_network_gateway(sub, put.clone(), true),
        models::gateway,
    )
}

/// `-AsJob`: the PUT goes now and the gateway is `Updating`; the job ends with its build,
/// which waiting for the job waits for on the world's clock (45 minutes), and gives the
/// gateway as it then is.
fn build_as_job(ctx: &mut Ctx, args: &Args, (force, group, name): (bool, &str, &str), put: GatewayPut) -> Outcome {
    let exists = !force && network_call(ctx, |w, sub| Ok(w.gateway_exists(sub, group, name)?))?;
    if exists && !confirm(ctx, args, ULTRA_WARNING, "Creating Resource", name)? {
        return Ok(());
    }
    let caller = network_call(ctx, |w, sub| {
        w.put_virtual_network_gateway(sub, put, false)?;
        Ok(*sub)
    })?;
    let handle = world(ctx)?;
    let class = ctx.command.class_name.clone();
    let (group, name) = (group.to_string(), name.to_string());
    let finish: NativeJob = Box::new(move || {
        let mut out = JobOutput::default();
        match handle.write(|w| w.await_virtual_network_gateway(&caller, &group, &name)) {
            Ok(Ok(gateway)) => out.output.push(models::gateway(&gateway)),
            Ok(Err(e)) => {
                out.errors.push(Rc::new(arm_record(&e, None, ErrorCategory::CloseError, class)));
                out.failed = true;
            }
            Err(record) => {
                out.errors.push(Rc::new(record));
                out.failed = true;
            }
        }
        out
    });
    Ok(long_running::start_native(ctx, args, finish)?)
}

fn get_gateway(ctx: &mut Ctx, args: &Args) -> Outcome {
    get_or_list(
        ctx,
        args,
        |w, sub, g, n| w.get_virtual_network_gateway(sub, g, n),
        |w, sub, g| w.list_virtual_network_gateways(sub, g),
        |g| (g.record.common.resource_group.clone(), g.record.common.name.clone()),
        models::gateway,
    )
}

/// Sends a local gateway after `edit`; the cmdlets first ask whether it exists.
fn send(ctx: &mut Ctx, put: GatewayPut, check: impl FnOnce(&crate::cloud::arm::network::Gateway) -> Result<(), Fail>) -> Outcome {
    let (group, name) = (put.resource_group.clone(), put.name.clone());
    update(
        ctx,
        |w, sub| w.gateway_exists(sub, &group, &name),
        |w, sub| {
            check(&w.get_virtual_network_gateway(sub, &group, &name)?)?;
            Ok(w.put_virtual_network_gateway(sub, put, true)?)
        },
        models::gateway,
    )
}

fn set_gateway(ctx: &mut Ctx, args: &Args) -> Outcome {
    let mut put = gateway_put(&object_arg(args, "VirtualNetworkGateway"));
    if let Some(sku) = args.string("GatewaySku").filter(|s| !s.is_empty()) {
        put.sku = Some(sku);
    }
    if let Some(bgp) = args.get("EnableBgp") {
        put.enable_bgp = to_bool(bgp);
    }
    send(ctx, put, |_| Ok(()))
}

/// The cmdlet refuses a resize to the SKU the gateway has (compared as typed, as it does).
fn resize_gateway(ctx: &mut Ctx, args: &Args) -> Outcome {
    let sku = args.string("GatewaySku").unwrap_or_default();
    let mut put = gateway_put(&object_arg(args, "VirtualNetworkGateway"));
    put.sku = Some(sku.clone());
    send(ctx, put, |current| {
        if current.record.sku.as_str() == sku {
            return Err(Fail::argument(format!("Current Gateway SKU is same as Resize SKU size:{sku} requested. No need to resize!")));
        }
        Ok(())
    })
}

fn remove_gateway(ctx: &mut Ctx, args: &Args) -> Outcome {
    remove(ctx, args, |w, sub, g, n| w.remove_virtual_network_gateway(sub, g, n))
}
