//! A classic gateway's site-to-site side: Get-AzureVNetConnection (its connections to the
//! local network sites of the configuration), Get-/Set-AzureVNetGatewayKey (their IPsec
//! shared keys) and Get-/Set-AzureVNetGatewayIPsecParameters, as the classic module's
//! Gateway commands call the Gateways API. The Set cmdlets write the API's operation status
//! response (GatewayGetOperationStatusResponse), not an operation context.

use crate::cloud::{IpsecParameters, IpsecUpdate, LocalConnection};
use crate::cmdlets::azure::{call, Outcome, SmCmdlet};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::Ctx;

use super::accounts::MODULE;
use super::vnet::{network_cmdlet, operation, vnet_name};

const CONNECTION_CONTEXT: &str = "Microsoft.WindowsAzure.Commands.ServiceManagement.Network.Gateway.Model.GatewayConnectionContext";
const STATUS_RESPONSE: &str = "Microsoft.WindowsAzure.Management.Network.Models.GatewayGetOperationStatusResponse";
const IPSEC_PARAMETERS: &str = "Microsoft.WindowsAzure.Management.Network.Models.IPsecParameters";
const KEY_CONTEXT: &str = "Microsoft.WindowsAzure.Commands.ServiceManagement.Network.Gateway.Model.SharedKeyContext";

/// What the key examples need first: the documented configuration with a local network
/// site the VNet's gateway connects to, and the gateway.
const SITE_TO_SITE: &str = r#"$s2s = (Get-Content .\NetworkConfig.xml -Raw) -replace '<Dns />', '<Dns /><LocalNetworkSites><LocalNetworkSite name="OnPremises"><AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace><VPNGatewayAddress>131.107.1.10</VPNGatewayAddress></LocalNetworkSite></LocalNetworkSites>'
$s2s -replace '</Subnets>', '</Subnets><Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="OnPremises"><Connection type="IPsec" /></LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway>' | Set-Content .\s2s.xml
Set-AzureVNetConfig -ConfigurationPath .\s2s.xml | Out-Null
New-AzureVNetGateway -VNetName MyVNet -GatewayType DynamicRouting | Out-Null
"#;

fn site_name(position: usize) -> ParamSpec {
    ParamSpec::new("LocalNetworkSiteName", TypeKind::String).mandatory().position(position).by_name().not_empty().help("The local network site name.")
}

pub fn commands() -> Vec<CommandInfo> {
    vec![
        network_cmdlet!("Get-AzureVNetConnection", "Gateway.GetAzureVNetConnectionCommand", get_connections)
            .param(vnet_name("Virtual network name.").mandatory().position(0))
            .outputs(CONNECTION_CONTEXT)
            .synopsis("Gets the connections of a virtual network's gateway to local networks.")
            .description("One object per local network site the gateway connects to. The lab has no on-premises VPN device, so none is ever Connected.")
            .example("The connections", &format!("{SITE_TO_SITE}Get-AzureVNetConnection -VNetName MyVNet"), "One NotConnected connection, to OnPremises."),
        network_cmdlet!("Get-AzureVNetGatewayKey", "Gateway.GetAzureVNetGatewayKeyCommand", get_key)
            .param(vnet_name("The virtual network name.").mandatory().position(0).not_empty())
            .param(site_name(1))
            .outputs(KEY_CONTEXT)
            .synopsis("Gets the IPsec shared key of a gateway's connection to a local network site.")
            .description("The key the gateway made when it was created, or the one Set-AzureVNetGatewayKey gave it.")
            .example("The key", &format!("{SITE_TO_SITE}Get-AzureVNetGatewayKey -VNetName MyVNet -LocalNetworkSiteName OnPremises"), "Its Value is the key."),
        network_cmdlet!("Set-AzureVNetGatewayKey", "Gateway.SetAzureVNetGatewayKey", set_key)
            .param(vnet_name("The virtual network name.").mandatory().position(0).not_empty())
            .param(site_name(1))
            .param(
                ParamSpec::new("SharedKey", TypeKind::String)
                    .mandatory()
                    .position(2)
                    .by_name()
                    .not_empty()
                    .help("The shared key the Azure gateway and the VPN device use."),
            )
            .outputs(STATUS_RESPONSE)
            .synopsis("Sets the IPsec shared key of a gateway's connection to a local network site.")
            .description("Replaces the key; the VPN device must use the same one.")
            .example(
                "A key of your own",
                &format!("{SITE_TO_SITE}Set-AzureVNetGatewayKey -VNetName MyVNet -LocalNetworkSiteName OnPremises -SharedKey 'A1b2C3d4'"),
                "The operation's status.",
            ),
        network_cmdlet!("Get-AzureVNetGatewayIPsecParameters", "Gateway.GetAzureVNetGatewayIPsecParameters", get_ipsec)
            .param(vnet_name("The virtual network name.").mandatory().position(0).not_empty())
            .param(site_name(1))
            .outputs(IPSEC_PARAMETERS)
            .synopsis("Gets the IPsec parameters of a gateway's connection to a local network site.")
            .description("The gateway's defaults (RequireEncryption, no PFS, 102400000 KB, 3600 s) until Set-AzureVNetGatewayIPsecParameters changes them.")
            .example(
                "The parameters",
                &format!("{SITE_TO_SITE}Get-AzureVNetGatewayIPsecParameters -VNetName MyVNet -LocalNetworkSiteName OnPremises"),
                "EncryptionType RequireEncryption.",
            ),
        network_cmdlet!("Set-AzureVNetGatewayIPsecParameters", "Gateway.SetAzureVNetGatewayIPsecParameters", set_ipsec)
            .param(vnet_name("The virtual network name.").mandatory().position(0).not_empty())
            .param(site_name(1))
            .param(ParamSpec::new("EncryptionType", TypeKind::String).position(2).by_name().help("RequireEncryption or NoEncryption."))
            .param(ParamSpec::new("PfsGroup", TypeKind::String).position(3).by_name().help("The PFS group: None or PFS1."))
            .param(ParamSpec::new("SADataSizeKilobytes", TypeKind::Int).position(4).by_name().help("Kilobytes of traffic before the SA is renegotiated."))
            .param(ParamSpec::new("SALifetimeSeconds", TypeKind::Int).position(5).by_name().help("Seconds the SA is valid before a new one is negotiated."))
            .outputs(STATUS_RESPONSE)
            .synopsis("Sets the IPsec parameters of a gateway's connection to a local network site.")
            .description("Changes the values named; the others stay. A value the gateway does not support is refused.")
            .example(
                "Perfect forward secrecy",
                &format!("{SITE_TO_SITE}Set-AzureVNetGatewayIPsecParameters -VNetName MyVNet -LocalNetworkSiteName OnPremises -PfsGroup PFS1"),
                "The operation's status.",
            ),
    ]
}

/// The Gateways API's answer to a change: the operation's id and status.
fn status_response(ctx: &mut Ctx, id: uuid::Uuid, request: uuid::Uuid) -> Outcome {
    let mut o = PsObject::typed(STATUS_RESPONSE);
    o.add_typed("Error", "Microsoft.WindowsAzure.Management.Network.Models.GatewayOperationErrorDetails", Value::Null);
    o.add_typed("HttpStatusCode", "System.Net.HttpStatusCode", Value::str("OK"));
    o.add_typed("Id", "string", Value::str(id.to_string()));
    o.add_typed("Status", "Microsoft.WindowsAzure.Management.Network.Models.GatewayOperationStatus", Value::str("Successful"));
    o.add_typed("RequestId", "string", Value::str(request.to_string()));
    o.add_typed("StatusCode", "System.Net.HttpStatusCode", Value::str("OK"));
    ctx.emit(Value::object(o))?;
    Ok(())
}

fn names(args: &Args) -> (String, String) {
    (args.string("VNetName").unwrap_or_default(), args.string("LocalNetworkSiteName").unwrap_or_default())
}

fn ipsec_object(p: &IpsecParameters) -> Value {
    let mut o = PsObject::typed(IPSEC_PARAMETERS);
    o.add_typed("EncryptionType", "string", Value::str(&p.encryption_type));
    o.add_typed("PfsGroup", "string", Value::str(&p.pfs_group));
    o.add_typed("SADataSizeKilobytes", "int", Value::Int(p.sa_data_size_kilobytes as i32));
    o.add_typed("SALifeTimeSeconds", "int", Value::Int(p.sa_lifetime_seconds as i32));
    Value::object(o)
}

fn get_ipsec(ctx: &mut Ctx, args: &Args) -> Outcome {
    let (vnet, site) = names(args);
    let p = call(ctx, args, |w, sub| Ok(w.ipsec_parameters(sub, &vnet, &site)?))?;
    ctx.emit(ipsec_object(&p))?;
    Ok(())
}

fn set_ipsec(ctx: &mut Ctx, args: &Args) -> Outcome {
    let (vnet, site) = names(args);
    let update = IpsecUpdate {
        encryption_type: args.string("EncryptionType"),
        pfs_group: args.string("PfsGroup"),
        sa_data_size_kilobytes: args.opt::<i64>("SADataSizeKilobytes"),
        sa_lifetime_seconds: args.opt::<i64>("SALifetimeSeconds"),
    };
    let (id, request) = call(ctx, args, |w, sub| {
        w.set_ipsec_parameters(sub, &vnet, &site, update)?;
        Ok((w.next_guid(), w.next_guid()))
    })?;
    status_response(ctx, id, request)
}

fn connection(c: &LocalConnection, ctx: &Ctx, id: uuid::Uuid) -> Value {
    let mut o = PsObject::typed(CONNECTION_CONTEXT);
    o.add_typed("ConnectivityState", "string", Value::str("NotConnected"));
    o.add_typed("EgressBytesTransferred", "ulong", Value::ULong(0));
    o.add_typed("IngressBytesTransferred", "ulong", Value::ULong(0));
    // DateTime's default ToString: the connection was never established.
    o.add_typed("LastConnectionEstablished", "string", Value::str("1/1/0001 12:00:00 AM"));
    o.add_typed("LastEventID", "string", Value::Null);
    o.add_typed("LastEventMessage", "string", Value::Null);
    o.add_typed("LastEventTimeStamp", "string", Value::Null);
    o.add_typed("LocalNetworkSiteName", "string", Value::str(&c.site.name));
    operation(&mut o, ctx, id);
    Value::object(o)
}

fn get_connections(ctx: &mut Ctx, args: &Args) -> Outcome {
    let vnet = args.string("VNetName").unwrap_or_default();
    let (list, id) = call(ctx, args, |w, sub| Ok((w.gateway_connections(sub, &vnet)?, w.next_guid())))?;
    // One operation, so every context carries its id (PopulateOperationContext on the list).
    let out: Vec<Value> = list.iter().map(|c| connection(c, ctx, id)).collect();
    ctx.emit_all(out)?;
    Ok(())
}

fn get_key(ctx: &mut Ctx, args: &Args) -> Outcome {
    let (vnet, site) = (args.string("VNetName").unwrap_or_default(), args.string("LocalNetworkSiteName").unwrap_or_default());
    let (key, id) = call(ctx, args, |w, sub| Ok((w.shared_key(sub, &vnet, &site)?, w.next_guid())))?;
    let mut o = PsObject::typed(KEY_CONTEXT);
    o.add_typed("Value", "string", Value::str(key));
    operation(&mut o, ctx, id);
    ctx.emit(Value::object(o))?;
    Ok(())
}

fn set_key(ctx: &mut Ctx, args: &Args) -> Outcome {
    let (vnet, site) = (args.string("VNetName").unwrap_or_default(), args.string("LocalNetworkSiteName").unwrap_or_default());
    let key = args.string("SharedKey").unwrap_or_default();
    let (id, request) = call(ctx, args, |w, sub| {
        w.set_shared_key(sub, &vnet, &site, &key)?;
        Ok((w.next_guid(), w.next_guid()))
    })?;
    status_response(ctx, id, request)
}
