//! Classic VNets and their gateways (the link prerequisites): Set-/Get-AzureVNetConfig,
//! Get-AzureVNetSite, New-/Get-/Remove-AzureVNetGateway. Results carry the operation
//! context (description, id, status) as the Service Management cmdlets did.

use uuid::Uuid;

use crate::cloud::{CloudError, ErrorKind, Gateway, GatewaySku, GatewayType, VirtualNetwork};
use crate::cmdlets::azure::{call, completers, Fail, Outcome, SmCmdlet};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::limits::{read_input_file, InputFileError};
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::Ctx;

use super::accounts::MODULE;
use super::netconfig;

pub(super) const OPERATION_CONTEXT: &str = "Microsoft.WindowsAzure.Commands.Utilities.Common.ManagementOperationContext";
const CONFIG_CONTEXT: &str = "Microsoft.WindowsAzure.Commands.ServiceManagement.Network.Model.VirtualNetworkConfigContext";
const SITE_CONTEXT: &str = "Microsoft.WindowsAzure.Commands.ServiceManagement.Network.Model.VirtualNetworkSiteContext";
const DNS_SERVER: &str = "Microsoft.WindowsAzure.Commands.ServiceManagement.Model.DnsServer";
const SUBNET: &str = "Microsoft.WindowsAzure.Commands.ServiceManagement.Model.Subnet";
const GATEWAY_CONTEXT: &str = "Microsoft.WindowsAzure.Commands.ServiceManagement.Network.Model.VirtualNetworkGatewayContext";

/// A cmdlet of the classic module's network namespace.
macro_rules! network_cmdlet {
    ($name:expr, $class:expr, $body:path) => {
        CommandInfo::cmdlet($name, MODULE, concat!("Microsoft.WindowsAzure.Commands.ServiceManagement.Network.", $class), || Box::new(SmCmdlet($body)))
    };
}

pub(super) use network_cmdlet;

pub(super) fn vnet_name(help: &str) -> ParamSpec {
    ParamSpec::new("VNetName", TypeKind::String).by_name().help(help).complete_with(completers::vnet_names())
}

pub fn commands() -> Vec<CommandInfo> {
    vec![
        network_cmdlet!("Set-AzureVNetConfig", "SetAzureVNetConfigCommand", set_config)
            .param(ParamSpec::new("ConfigurationPath", TypeKind::String).mandatory().position(0).by_name().help("Path to the Network Configuration file (.xml)."))
            .outputs(OPERATION_CONTEXT)
            .synopsis("Sets the virtual network configuration of the subscription.")
            .description("Reads a NetworkConfiguration XML file and replaces the subscription's VNets with its VirtualNetworkSites. A file that is not a valid configuration changes nothing.")
            .example("Apply a configuration", r"Set-AzureVNetConfig -ConfigurationPath .\NetworkConfig.xml", "The VNets of the file exist afterwards."),
        network_cmdlet!("Get-AzureVNetConfig", "GetAzureVNetConfigCommand", get_config)
            .param(ParamSpec::new("ExportToFile", TypeKind::String).by_name().help("The file path to save the network configuration to."))
            .outputs(CONFIG_CONTEXT)
            .synopsis("Gets the virtual network configuration of the subscription.")
            .description("Writes the configuration XML; with -ExportToFile also saves it to that file.")
            .example("Save the configuration", r"Get-AzureVNetConfig -ExportToFile .\NetworkConfig.xml", "Edit the file and apply it with Set-AzureVNetConfig."),
        network_cmdlet!("Remove-AzureVNetConfig", "RemoveAzureVNetConfigCommand", remove_config)
            .outputs(OPERATION_CONTEXT)
            .synopsis("Removes the virtual network configuration of the subscription.")
            .description("Every VNet, DNS server and local network site goes; refused while a VNet has a gateway.")
            .example("Start over", "Remove-AzureVNetConfig", "Get-AzureVNetSite lists nothing afterwards."),
        network_cmdlet!("Get-AzureVNetSite", "GetAzureVNetSiteCommand", get_site)
            .param(vnet_name("The virtual network name.").position(0))
            .outputs(SITE_CONTEXT)
            .synopsis("Gets the virtual networks of the subscription.")
            .description("All VNets, or the one named.")
            .example("One VNet", "Get-AzureVNetSite -VNetName MyVNet", "Its address space and subnets."),
        network_cmdlet!("New-AzureVNetGateway", "Gateway.NewAzureVNetGatewayCommand", new_gateway)
            .param(vnet_name("Virtual network name.").mandatory().position(0))
            .param(ParamSpec::new("GatewayType", TypeKind::String).by_name().set(GatewayType::ALL.iter().map(|t| t.as_str()).collect::<Vec<_>>().as_slice()).help("The type of routing the gateway uses.").default_text("StaticRouting"))
            .param(ParamSpec::new("GatewaySKU", TypeKind::String).by_name().set(GatewaySku::ALL.iter().map(|t| t.as_str()).collect::<Vec<_>>().as_slice()).help("The gateway size.").default_text("Default"))
            .outputs(OPERATION_CONTEXT)
            .synopsis("Creates the gateway of a virtual network.")
            .description("ExpressRoute links need a DynamicRouting gateway; the VNet needs a subnet named GatewaySubnet.")
            .example("ExpressRoute gateway", "New-AzureVNetGateway -VNetName MyVNet -GatewayType DynamicRouting", "Returns when the gateway is provisioned."),
        network_cmdlet!("Get-AzureVNetGateway", "Gateway.GetAzureVNetGatewayCommand", get_gateway)
            .param(vnet_name("Virtual network name.").mandatory().position(0))
            .outputs(GATEWAY_CONTEXT)
            .synopsis("Gets the gateway of a virtual network.")
            .description("Its state and size.")
            .example("The gateway", "New-AzureVNetGateway -VNetName MyVNet -GatewayType DynamicRouting | Out-Null\nGet-AzureVNetGateway -VNetName MyVNet", "State Provisioned."),
        network_cmdlet!("Remove-AzureVNetGateway", "Gateway.RemoveAzureVNetGatewayCommand", remove_gateway)
            .param(vnet_name("Virtual network name.").mandatory().position(0))
            .outputs(OPERATION_CONTEXT)
            .synopsis("Deletes the gateway of a virtual network.")
            .description("Refused while a circuit link uses the VNet.")
            .example("Remove the gateway", "New-AzureVNetGateway -VNetName MyVNet -GatewayType DynamicRouting | Out-Null\nRemove-AzureVNetGateway -VNetName MyVNet", "The operation context."),
        CommandInfo::cmdlet("New-AzureDns", MODULE, "Microsoft.WindowsAzure.Commands.ServiceManagement.IaaS.Network.NewAzureDnsCommand", || Box::new(SmCmdlet(new_dns)))
            .param(ParamSpec::new("Name", TypeKind::String).mandatory().position(0).not_empty().help("Name of the DNS Server"))
            .param(ParamSpec::new("IPAddress", TypeKind::String).mandatory().position(1).not_empty().help("IP Address of the DNS Server"))
            .outputs(DNS_SERVER)
            .synopsis("Makes a DNS server setting.")
            .description("A DnsServer object (Name, Address) for the DNS settings of a deployment; it asks nothing of the service and does not check the address.")
            .example("A DNS server", "New-AzureDns -Name CorpDNS -IPAddress 10.1.0.4", "Its name and address."),
    ]
}

/// OperationDescription, OperationId, OperationStatus: what every call of these cmdlets adds.
/// The operation fields every result carries; the id comes from the world's generator
/// inside the cmdlet's one transaction, so seeded worlds repeat it.
pub(super) fn operation(o: &mut PsObject, ctx: &Ctx, id: Uuid) {
    o.add_typed("OperationDescription", "string", Value::str(&ctx.command.name));
    o.add_typed("OperationId", "string", Value::str(id.to_string()));
    o.add_typed("OperationStatus", "string", Value::str("Succeeded"));
}

pub(super) fn operation_context(ctx: &Ctx, id: Uuid) -> Value {
    let mut o = PsObject::typed(OPERATION_CONTEXT);
    operation(&mut o, ctx, id);
    Value::object(o)
}

fn file_not_found(path: &str) -> Fail {
    Fail::Exception("System.IO.FileNotFoundException".into(), format!("Could not find file '{path}'."))
}

/// A document's path, checked by the lab's file system's rule (a refused path is 5.1's
/// UnauthorizedAccessException, nothing touched).
fn lab_file(ctx: &Ctx, path: &str) -> Result<(std::rc::Rc<crate::labfs::LabFs>, crate::labfs::Item), Fail> {
    crate::cmdlets::core::files::checked_item(ctx, path).map_err(|m| Fail::Exception("System.UnauthorizedAccessException".into(), m))
}

fn set_config(ctx: &mut Ctx, args: &Args) -> Outcome {
    let (_, item) = lab_file(ctx, &args.string("ConfigurationPath").unwrap_or_default())?;
    // Messages name the file as the script sees it (`C:\Users\admin\netcfg.xml`).
    let (path, shown) = (item.host.clone(), item.shown());
    // An input file like any other ersim reads: a regular file below the cap (`/dev/zero`
    // would never end).
    let unreadable = |why: String| Fail::Exception("System.IO.IOException".into(), format!("Cannot read the file '{shown}': {why}."));
    let bytes = read_input_file(&path).map_err(|e| match e {
        InputFileError::Missing => file_not_found(&shown),
        other => unreadable(other.to_string()),
    })?;
    // Read as an XML reader reads a file: a BOM (XmlDocument.Save writes one), else the
    // declaration's encoding, else UTF-8.
    let xml = crate::engine::dotnet::xml::parse::decode_file(&bytes);
    // The service validates the document it is sent; the cloud takes parsed sites.
    let invalid = |detail: String| CloudError {
        status: 400,
        code: "BadRequest".into(),
        message: format!("The specified network configuration is not valid: {detail}"),
        kind: ErrorKind::Operation,
    };
    let vnets = netconfig::parse(&xml).map_err(invalid)?;
    let (dns, sites) = netconfig::parse_sections(&xml).map_err(invalid)?;
    let id = call(ctx, args, |w, sub| {
        w.set_network_config(sub, vnets, dns, sites)?;
        Ok(w.next_guid())
    })?;
    let result = operation_context(ctx, id);
    ctx.emit(result)?;
    Ok(())
}

fn get_config(ctx: &mut Ctx, args: &Args) -> Outcome {
    let (vnets, (dns, sites), id) = call(ctx, args, |w, sub| Ok((w.virtual_networks(sub)?, w.network_sections(sub)?, w.next_guid())))?;
    let vnets: Vec<_> = vnets.into_iter().map(|v| v.config).collect();
    let xml = netconfig::write_with_sections(&vnets, &dns, &sites);
    if let Some(file) = args.string("ExportToFile") {
        let (fs, item) = lab_file(ctx, &file)?;
        fs.write_bytes(&item, xml.as_bytes(), crate::labfs::WriteMode::Create, ctx.interp.clock.now())
            .map_err(|e| Fail::Exception("System.IO.IOException".into(), e.to_string()))?;
    }
    let mut o = PsObject::typed(CONFIG_CONTEXT);
    o.add_typed("XMLConfiguration", "string", Value::str(&xml));
    operation(&mut o, ctx, id);
    ctx.emit(Value::object(o))?;
    Ok(())
}

fn site(v: &VirtualNetwork, ctx: &Ctx, id: Uuid) -> Value {
    let c = &v.config;
    let mut o = PsObject::typed(SITE_CONTEXT);
    o.add_typed("AddressSpacePrefixes", "System.Collections.Generic.IEnumerable[string]", Value::array(c.address_spaces.iter().map(Value::str).collect()));
    o.add_typed("AffinityGroup", "string", c.affinity_group.as_deref().map_or(Value::Null, Value::str));
    let dns: Vec<Value> = c
        .dns_servers
        .iter()
        .map(|d| {
            let mut o = PsObject::typed("Microsoft.WindowsAzure.Commands.ServiceManagement.Network.Model.DnsServer");
            o.add_typed("Address", "string", Value::str(&d.address));
            o.add_typed("Name", "string", Value::str(&d.name));
            Value::object(o)
        })
        .collect();
    o.add_typed(
        "DnsServers",
        "System.Collections.Generic.IEnumerable[Microsoft.WindowsAzure.Commands.ServiceManagement.Network.Model.DnsServer]",
        Value::array(dns),
    );
    o.add_typed("GatewayProfile", "string", Value::Null);
    // The local network sites the VNet's gateway connects to; none is no list at all.
    let sites: Vec<Value> = c
        .local_connections
        .iter()
        .map(|l| {
            let mut o = PsObject::typed("Microsoft.WindowsAzure.Commands.ServiceManagement.Network.Model.LocalNetworkSite");
            o.add_typed(
                "AddressSpacePrefixes",
                "System.Collections.Generic.IEnumerable[string]",
                Value::array(l.site.address_spaces.iter().map(Value::str).collect()),
            );
            o.add_typed("Name", "string", Value::str(&l.site.name));
            o.add_typed("VpnGatewayAddress", "string", Value::str(&l.site.vpn_gateway_address));
            Value::object(o)
        })
        .collect();
    o.add_typed(
        "GatewaySites",
        "System.Collections.Generic.IEnumerable[Microsoft.WindowsAzure.Commands.ServiceManagement.Network.Model.LocalNetworkSite]",
        if sites.is_empty() { Value::Null } else { Value::array(sites) },
    );
    o.add_typed("InUse", "bool", Value::Bool(v.gateway.is_some()));
    o.add_typed("Label", "string", Value::Null);
    o.add_typed("Location", "string", Value::str(&c.location));
    o.add_typed("Name", "string", Value::str(&c.name));
    o.add_typed("State", "string", Value::str("Created"));
    o.add_typed(
        "Subnets",
        "System.Collections.Generic.IEnumerable[Microsoft.WindowsAzure.Commands.ServiceManagement.Model.Subnet]",
        Value::array(
            c.subnets
                .iter()
                .map(|s| {
                    // The module's Subnet data contract: Name, AddressPrefix and the
                    // serializer's ExtensionData, which the service never fills.
                    let mut o = PsObject::typed(SUBNET);
                    o.add_typed("Name", "string", Value::str(&s.name));
                    o.add_typed("AddressPrefix", "string", Value::str(&s.address_prefix));
                    o.add_typed("ExtensionData", "System.Runtime.Serialization.ExtensionDataObject", Value::Null);
                    Value::object(o)
                })
                .collect(),
        ),
    );
    operation(&mut o, ctx, id);
    Value::object(o)
}

/// New-AzureDns: the module's DnsServer data contract, made locally.
fn new_dns(ctx: &mut Ctx, args: &Args) -> Outcome {
    let mut o = PsObject::typed(DNS_SERVER);
    o.add_typed("Name", "string", Value::str(args.string("Name").unwrap_or_default()));
    o.add_typed("Address", "string", Value::str(args.string("IPAddress").unwrap_or_default()));
    o.add_typed("ExtensionData", "System.Runtime.Serialization.ExtensionDataObject", Value::Null);
    ctx.emit(Value::object(o))?;
    Ok(())
}

fn remove_config(ctx: &mut Ctx, args: &Args) -> Outcome {
    let id = call(ctx, args, |w, sub| {
        w.remove_vnet_config(sub)?;
        Ok(w.next_guid())
    })?;
    let result = operation_context(ctx, id);
    ctx.emit(result)?;
    Ok(())
}

fn get_site(ctx: &mut Ctx, args: &Args) -> Outcome {
    let name = args.string("VNetName");
    let vnets = call(ctx, args, |w, sub| {
        let vnets = match &name {
            Some(name) => vec![w.virtual_network(sub, name)?],
            None => w.virtual_networks(sub)?,
        };
        Ok(vnets.into_iter().map(|v| (v, w.next_guid())).collect::<Vec<_>>())
    })?;
    let sites: Vec<Value> = vnets.iter().map(|(v, id)| site(v, ctx, *id)).collect();
    ctx.emit_all(sites)?;
    Ok(())
}

fn new_gateway(ctx: &mut Ctx, args: &Args) -> Outcome {
    let vnet = args.string("VNetName").unwrap_or_default();
    let kind = args.string("GatewayType").and_then(|t| GatewayType::parse(&t)).unwrap_or(GatewayType::StaticRouting);
    let sku = args.string("GatewaySKU").and_then(|s| GatewaySku::parse(&s)).unwrap_or(GatewaySku::Default);
    let id = call(ctx, args, |w, sub| {
        w.create_gateway(sub, &vnet, kind, sku)?;
        Ok(w.next_guid())
    })?;
    let result = operation_context(ctx, id);
    ctx.emit(result)?;
    Ok(())
}

/// A gateway's context; a VNet without one has a NotProvisioned gateway, as the service
/// answered.
fn gateway_context(g: Option<&Gateway>, ctx: &Ctx, id: Uuid) -> Value {
    let mut o = PsObject::typed(GATEWAY_CONTEXT);
    o.add_typed("LastEventData", "string", Value::Null);
    o.add_typed("LastEventTimeStamp", "System.Nullable[datetime]", Value::Null);
    o.add_typed("LastEventMessage", "string", Value::Null);
    o.add_typed("LastEventID", "int", Value::Int(0));
    o.add_typed("State", "string", Value::str(g.map_or("NotProvisioned", |g| g.state.as_str())));
    o.add_typed("VIPAddress", "string", Value::Null);
    o.add_typed("DefaultSite", "string", Value::Null);
    o.add_typed("GatewaySKU", "string", g.map_or(Value::Null, |g| Value::str(g.sku.as_str())));
    operation(&mut o, ctx, id);
    Value::object(o)
}

fn get_gateway(ctx: &mut Ctx, args: &Args) -> Outcome {
    let vnet = args.string("VNetName").unwrap_or_default();
    let (gateway, id) = call(ctx, args, |w, sub| Ok((w.gateway_of(sub, &vnet)?, w.next_guid())))?;
    let result = gateway_context(gateway.as_ref(), ctx, id);
    ctx.emit(result)?;
    Ok(())
}

fn remove_gateway(ctx: &mut Ctx, args: &Args) -> Outcome {
    let vnet = args.string("VNetName").unwrap_or_default();
    let id = call(ctx, args, |w, sub| {
        w.remove_gateway(sub, &vnet)?;
        Ok(w.next_guid())
    })?;
    let result = operation_context(ctx, id);
    ctx.emit(result)?;
    Ok(())
}
