//! Global Reach: Add-, Get-, Set- and Remove-AzExpressRouteCircuitConnectionConfig edit the
//! `Connections` of the local circuit's private peering (sources read at AP@05539ab6 Add-,
//! AP@371766cf Get-, the Set- of index id 5790892798, AP@011f29e5 Remove-); the circuit PUT
//! sends them. Also the PSExpressRouteCircuitConnection object, its view, and the PUT's
//! connections read back from a peering object.

use crate::cloud::arm::{ArmCircuitConnection, ArmConnectionPut};
use crate::cmdlets::azure::{Fail, Outcome, INVALID_OPERATION};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::views::TableView;
use crate::engine::views::ViewColumn;
use crate::engine::Ctx;

use super::models::{self, member, member_text, prop, text};
use super::{body, default_profile};

const CLASS: &str = "Microsoft.Azure.Commands.Network.";
pub const CONNECTION: &str = "Microsoft.Azure.Commands.Network.Models.PSExpressRouteCircuitConnection";
pub const PEER_CONNECTION: &str = "Microsoft.Azure.Commands.Network.Models.PSPeerExpressRouteCircuitConnection";
const RESOURCE_ID: &str = "Microsoft.Azure.Commands.Network.Models.PSResourceId";

/// A `PSResourceId` (only its Id).
fn resource_id(id: Option<&str>) -> Value {
    let mut o = PsObject::typed(RESOURCE_ID);
    o.add_typed("Id", "string", id.map_or(Value::Null, text));
    Value::object(o)
}

/// The fields a connection object holds, from the service or from the cmdlets.
struct Fields<'a> {
    name: &'a str,
    etag: Option<&'a str>,
    id: Option<&'a str>,
    own_peering: Option<&'a str>,
    peer_peering: &'a str,
    address_prefix: &'a str,
    authorization_key: Option<&'a str>,
    status: Option<&'a str>,
    provisioning_state: Option<&'a str>,
}

fn object(type_name: &str, f: Fields<'_>) -> Value {
    let opt = |s: Option<&str>| s.map_or(Value::Null, text);
    let mut o = PsObject::typed(type_name);
    o.add_typed("Name", "string", text(f.name));
    o.add_typed("Etag", "string", opt(f.etag));
    o.add_typed("Id", "string", opt(f.id));
    o.add_typed("ExpressRouteCircuitPeering", RESOURCE_ID, resource_id(f.own_peering));
    o.add_typed("PeerExpressRouteCircuitPeering", RESOURCE_ID, resource_id(Some(f.peer_peering)));
    o.add_typed("AddressPrefix", "string", text(f.address_prefix));
    o.add_typed("AuthorizationKey", "string", opt(f.authorization_key));
    o.add_typed("CircuitConnectionStatus", "string", opt(f.status));
    o.add_typed("ProvisioningState", "string", opt(f.provisioning_state));
    Value::object(o)
}

/// A connection as the service answered it; `peered` for the peer circuit's view of one.
pub fn connection(c: &ArmCircuitConnection, peered: bool) -> Value {
    let fields = Fields {
        name: &c.name,
        etag: Some(&c.etag),
        id: Some(&c.id),
        own_peering: Some(&c.own_peering_id),
        peer_peering: &c.peer_peering_id,
        address_prefix: &c.address_prefix,
        authorization_key: c.authorization_key.as_deref(),
        status: Some(c.status),
        provisioning_state: Some("Succeeded"),
    };
    object(if peered { PEER_CONNECTION } else { CONNECTION }, fields)
}

fn items(v: &Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a.borrow().clone(),
        Value::List(l) => l.items.borrow().clone(),
        Value::Null => Vec::new(),
        other => vec![other.clone()],
    }
}

/// The connections of a peering object, as the PUT carries them.
pub fn connection_puts(peering: &Value) -> Vec<ArmConnectionPut> {
    let list = member(peering, "Connections").unwrap_or(Value::Null);
    items(&list)
        .iter()
        .map(|c| ArmConnectionPut {
            name: member_text(c, "Name").unwrap_or_default(),
            peer_peering_id: member(c, "PeerExpressRouteCircuitPeering").and_then(|r| member_text(&r, "Id")).unwrap_or_default(),
            address_prefix: member_text(c, "AddressPrefix").unwrap_or_default(),
            authorization_key: member_text(c, "AuthorizationKey"),
        })
        .collect()
}

/// PSExpressRouteCircuitConnection's list view: the label `AddresPrefix` as the format file
/// spells it, and the peer's PSResourceId object as it prints (facts §2.5).
pub fn connection_view() -> TableView {
    TableView {
        list: true,
        ..TableView::new(
            CONNECTION,
            vec![
                prop("Name"),
                prop("Id"),
                prop("Etag"),
                ViewColumn { label: "AddresPrefix", ..prop("AddressPrefix") },
                prop("AuthorizationKey"),
                prop("CircuitConnectionStatus"),
                prop("ProvisioningState"),
                prop("PeerExpressRouteCircuitPeering"),
            ],
        )
    }
}

fn common(c: CommandInfo, name_mandatory: bool) -> CommandInfo {
    let name = ParamSpec::new("Name", TypeKind::String).position(0).help("The name of the Circuit Connection");
    c.param(if name_mandatory { name.mandatory().not_empty() } else { name }).param(
        models::model_param("ExpressRouteCircuit", models::CIRCUIT)
            .mandatory()
            .position(1)
            .pipeline()
            .help("Express Route Circuit Peering intiating connection"),
    )
}

fn defining(c: CommandInfo) -> CommandInfo {
    common(c, true)
        .param(ParamSpec::new("PeerExpressRouteCircuitPeering", TypeKind::String).mandatory().position(2).by_name().help("Peer Express Route Circuit Peering"))
        .param(ParamSpec::new("AddressPrefix", TypeKind::String).mandatory().position(3).help("Address Prefix"))
        .param(ParamSpec::new("AuthorizationKey", TypeKind::String).help("Authorization Key"))
        .param(default_profile())
        .should_process()
}

/// Two provisioned circuits with private peering; `$ckt1`, `$ckt2` the local objects.
const TWO_CIRCUITS: &str = "New-AzResourceGroup -Name LabRG -Location 'West US' -Force | Out-Null\nforeach ($n in 'Ckt1', 'Ckt2') {\n  $c = New-AzExpressRouteCircuit -Name $n -ResourceGroupName LabRG -Location 'West US' -SkuTier Premium -SkuFamily MeteredData -ServiceProviderName Equinix -PeeringLocation 'Silicon Valley' -BandwidthInMbps 200 -Force\n  Select-AzureSubscription -SubscriptionName 'Equinix Provider'\n  New-AzureCrossConnection -ServiceKey $c.ServiceKey -Force | Out-Null\n  Set-AzureCrossConnection -ServiceKey $c.ServiceKey -Operation NotifyCrossConnectionProvisioned | Out-Null\n  Select-AzureSubscription -SubscriptionName 'Contoso Production'\n  Get-AzExpressRouteCircuit -Name $n -ResourceGroupName LabRG | Add-AzExpressRouteCircuitPeeringConfig -Name AzurePrivatePeering -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix 10.0.0.0/30 -SecondaryPeerAddressPrefix 10.0.0.4/30 -VlanId 200 | Set-AzExpressRouteCircuit | Out-Null\n}\n$ckt1 = Get-AzExpressRouteCircuit -Name Ckt1 -ResourceGroupName LabRG\n$ckt2 = Get-AzExpressRouteCircuit -Name Ckt2 -ResourceGroupName LabRG\n";

pub fn commands(module: &str) -> Vec<CommandInfo> {
    let connect = "Add-AzExpressRouteCircuitConnectionConfig -Name Ckt1ToCkt2 -ExpressRouteCircuit $ckt1 -PeerExpressRouteCircuitPeering $ckt2.Peerings[0].Id -AddressPrefix 10.20.0.0/29 | Set-AzExpressRouteCircuit | Out-Null\n$ckt1 = Get-AzExpressRouteCircuit -Name Ckt1 -ResourceGroupName LabRG\n";
    vec![
        defining(CommandInfo::cmdlet("Add-AzExpressRouteCircuitConnectionConfig", module, &format!("{CLASS}AddAzureExpressRouteCircuitConnectionConfigCommand"), body!(add_connection)))
            .outputs(models::CIRCUIT)
            .synopsis("Adds a circuit connection configuration to Private Peering of an Express Route Circuit.")
            .description("Global Reach: appends a connection to the private peering of the local circuit object, towards another circuit's private peering, with a /29 for the links (and the peer circuit's authorization key when it is in another subscription). Set-AzExpressRouteCircuit sends it.")
            .example("Connect two circuits", &format!("{TWO_CIRCUITS}{connect}Get-AzExpressRouteCircuitConnectionConfig -Name Ckt1ToCkt2 -ExpressRouteCircuit $ckt1"), "The connection, Connected."),
        common(CommandInfo::cmdlet("Get-AzExpressRouteCircuitConnectionConfig", module, &format!("{CLASS}GetAzureExpressRouteCircuitConnectionConfigCommand"), body!(get_connection)), true)
            .param(default_profile())
            .outputs(CONNECTION)
            .synopsis("Gets an ExpressRoute circuit connection configuration.")
            .description("The named connection of the local circuit's private peering. A circuit without private peering, or a name the peering does not hold, is LINQ's 'Sequence contains no matching element'.")
            .example("The connection after the Set", &format!("{TWO_CIRCUITS}{connect}Get-AzExpressRouteCircuitConnectionConfig Ckt1ToCkt2 $ckt1"), "Name and ExpressRouteCircuit are positional."),
        defining(CommandInfo::cmdlet("Set-AzExpressRouteCircuitConnectionConfig", module, &format!("{CLASS}SetAzureExpressRouteCircuitConnectionConfigCommand"), body!(set_connection)))
            .outputs(models::CIRCUIT)
            .synopsis("Updates a circuit connection configuration created in Express Route Circuits Peerings for an Azure Express Route Circuit.")
            .description("Overwrites the named connection of the local circuit's private peering (peer, address prefix, authorization key when given); Set-AzExpressRouteCircuit sends it.")
            .example("A new address prefix", &format!("{TWO_CIRCUITS}{connect}Set-AzExpressRouteCircuitConnectionConfig -Name Ckt1ToCkt2 -ExpressRouteCircuit $ckt1 -PeerExpressRouteCircuitPeering $ckt2.Peerings[0].Id -AddressPrefix 10.30.0.0/29 | Set-AzExpressRouteCircuit | Out-Null"), "The connection uses 10.30.0.0/29."),
        common(CommandInfo::cmdlet("Remove-AzExpressRouteCircuitConnectionConfig", module, &format!("{CLASS}RemoveAzureExpressRouteCircuitConnectionConfigCommand"), body!(remove_connection)), true)
            .param(default_profile())
            .should_process()
            .outputs(models::CIRCUIT)
            .synopsis("Removes a circuit connection configuration from Private Peering of an Express Route Circuit.")
            .description("Takes the named connection off the local circuit's private peering (an absent name changes nothing); Set-AzExpressRouteCircuit sends it and the peer circuit loses its peered connection.")
            .example("Disconnect the circuits", &format!("{TWO_CIRCUITS}{connect}Remove-AzExpressRouteCircuitConnectionConfig -Name Ckt1ToCkt2 -ExpressRouteCircuit $ckt1 | Set-AzExpressRouteCircuit | Out-Null"), "Both circuits are without Global Reach again."),
    ]
}

fn circuit_arg(args: &Args) -> Value {
    args.get("ExpressRouteCircuit").cloned().unwrap_or(Value::Null)
}

fn no_match() -> Fail {
    Fail::Exception(INVALID_OPERATION.into(), "Sequence contains no matching element".into())
}

/// The private peering of the circuit object (`SingleOrDefault` or, in Get-/Remove-, `First`).
fn private_peering(circuit: &Value) -> Option<Value> {
    let list = member(circuit, "Peerings").unwrap_or(Value::Null);
    items(&list).into_iter().find(|p| member_text(p, "Name").is_some_and(|n| n.eq_ignore_ascii_case("AzurePrivatePeering")))
}

/// The peering's `Connections` list, made empty when the object had none.
fn connections_of(peering: &Value) -> Value {
    match member(peering, "Connections").filter(|l| !l.is_null()) {
        Some(list) => list,
        None => {
            let list = Value::array(Vec::new());
            if let Value::Object(o) = peering {
                o.borrow_mut().set("Connections", list.clone());
            }
            list
        }
    }
}

fn same_name(c: &Value, name: &str) -> bool {
    member(c, "Name").is_some_and(|n| to_string(&n).eq_ignore_ascii_case(name))
}

fn add_connection(ctx: &mut Ctx, args: &Args) -> Outcome {
    let circuit = circuit_arg(args);
    let name = args.string("Name").unwrap_or_default();
    // The source throws this resource string unformatted when there is no private peering.
    let peering = private_peering(&circuit).ok_or_else(|| Fail::argument("Circuit Connection with Name '{0}' was not added to the private peering."))?;
    let list = connections_of(&peering);
    if items(&list).iter().any(|c| same_name(c, &name)) {
        return Err(Fail::argument(format!("Circuit Connection with Name '{name}' is already added.")));
    }
    let own = member_text(&peering, "Id");
    let peer = args.string("PeerExpressRouteCircuitPeering").unwrap_or_default();
    let prefix = args.string("AddressPrefix").unwrap_or_default();
    let key = args.string("AuthorizationKey").filter(|k| !k.trim().is_empty());
    let fields = Fields {
        name: &name,
        etag: None,
        id: None,
        own_peering: own.as_deref(),
        peer_peering: &peer,
        address_prefix: &prefix,
        authorization_key: key.as_deref(),
        status: None,
        provisioning_state: None,
    };
    let added = object(CONNECTION, fields);
    match &list {
        Value::Array(a) => a.borrow_mut().push(added),
        Value::List(l) => l.items.borrow_mut().push(added),
        _ => {}
    }
    ctx.emit(circuit)?;
    Ok(())
}

fn get_connection(ctx: &mut Ctx, args: &Args) -> Outcome {
    let peering = private_peering(&circuit_arg(args)).ok_or_else(no_match)?;
    let all = items(&member(&peering, "Connections").unwrap_or(Value::Null));
    match args.string("Name").filter(|n| !n.is_empty()) {
        Some(name) => {
            let found = all.into_iter().find(|c| same_name(c, &name)).ok_or_else(no_match)?;
            ctx.emit(found)?;
        }
        None => ctx.emit_all(all)?,
    }
    Ok(())
}

fn set_connection(ctx: &mut Ctx, args: &Args) -> Outcome {
    let circuit = circuit_arg(args);
    let name = args.string("Name").unwrap_or_default();
    let peering = private_peering(&circuit).ok_or_else(|| Fail::argument("Private Peering needs to be configured on the Express Route Circuit."))?;
    let found = items(&member(&peering, "Connections").unwrap_or(Value::Null)).into_iter().find(|c| same_name(c, &name));
    let Some(Value::Object(c)) = found else {
        return Err(Fail::argument(format!("Circuit Connection with Name '{name}' was not added to the private peering.")));
    };
    {
        let mut c = c.borrow_mut();
        c.set("Name", text(&name));
        if let Some(own) = member_text(&peering, "Id") {
            c.set("ExpressRouteCircuitPeering", resource_id(Some(&own)));
        }
        if let Some(peer) = args.string("PeerExpressRouteCircuitPeering") {
            c.set("PeerExpressRouteCircuitPeering", resource_id(Some(&peer)));
        }
        if let Some(key) = args.string("AuthorizationKey").filter(|k| !k.trim().is_empty()) {
            c.set("AuthorizationKey", text(&key));
        }
        if let Some(prefix) = args.string("AddressPrefix") {
            c.set("AddressPrefix", text(&prefix));
        }
    }
    ctx.emit(circuit)?;
    Ok(())
}

fn remove_connection(ctx: &mut Ctx, args: &Args) -> Outcome {
    let circuit = circuit_arg(args);
    let name = args.string("Name").unwrap_or_default();
    let peering = private_peering(&circuit).ok_or_else(no_match)?;
    let keep = |c: &Value| !same_name(c, &name);
    match member(&peering, "Connections") {
        Some(Value::Array(a)) => a.borrow_mut().retain(keep),
        Some(Value::List(l)) => l.items.borrow_mut().retain(keep),
        _ => {}
    }
    ctx.emit(circuit)?;
    Ok(())
}
