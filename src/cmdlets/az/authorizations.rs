//! New-, Add-, Get- and Remove-AzExpressRouteCircuitAuthorization: as the peering config
//! cmdlets, they edit the `Authorizations` of the local circuit object and call nothing; the
//! key appears once Set-AzExpressRouteCircuit has sent the circuit and it is read again
//! (linkvnet-arm 2020-10). Also the PSExpressRouteCircuitAuthorization object and its view.

use crate::cloud::arm::ArmAuthorization;
use crate::cmdlets::azure::{Fail, Outcome, INVALID_OPERATION};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::views::TableView;
use crate::engine::Ctx;

use super::models::{self, member, prop, text};
use super::{body, default_profile};

const CLASS: &str = "Microsoft.Azure.Commands.Network.";
pub const AUTHORIZATION: &str = "Microsoft.Azure.Commands.Network.Models.PSExpressRouteCircuitAuthorization";

/// A `PSExpressRouteCircuitAuthorization`, its properties in the order the JSON prints them.
fn authorization_object(name: &str, etag: Value, id: Value, key: Value, status: Value, state: Value) -> Value {
    let mut o = PsObject::typed(AUTHORIZATION);
    o.add_typed("Name", "string", text(name));
    o.add_typed("Etag", "string", etag);
    o.add_typed("Id", "string", id);
    o.add_typed("AuthorizationKey", "string", key);
    o.add_typed("AuthorizationUseStatus", "string", status);
    o.add_typed("ProvisioningState", "string", state);
    Value::object(o)
}

/// An authorization as the service answered it.
pub fn authorization(a: &ArmAuthorization) -> Value {
    authorization_object(&a.name, text(&a.etag), text(&a.id), text(&a.authorization_key.to_string()), text(a.use_status.as_str()), text("Succeeded"))
}

/// The names the circuit PUT sends: every authorization on the object.
pub fn authorization_names(list: &Value) -> Vec<String> {
    items(list).iter().map(|a| member(a, "Name").map(|n| to_string(&n)).unwrap_or_default()).collect()
}

/// PSExpressRouteCircuitAuthorization's list view (AZ §2.4).
pub fn authorization_view() -> TableView {
    TableView {
        list: true,
        ..TableView::new(
            AUTHORIZATION,
            vec![prop("Name"), prop("Id"), prop("Etag"), prop("AuthorizationKey"), prop("AuthorizationUseStatus"), prop("ProvisioningState")],
        )
    }
}

fn items(v: &Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a.borrow().clone(),
        Value::List(l) => l.items.borrow().clone(),
        Value::Null => Vec::new(),
        other => vec![other.clone()],
    }
}

fn circuit_param() -> ParamSpec {
    models::model_param("ExpressRouteCircuit", models::CIRCUIT).mandatory().pipeline().help("The ExpressRouteCircuit")
}

const CIRCUIT: &str = "New-AzResourceGroup -Name LabRG -Location 'West US' -Force | Out-Null\n$ckt = New-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG -Location 'West US' -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName Equinix -PeeringLocation 'Silicon Valley' -BandwidthInMbps 200 -Force\n";

pub fn commands(module: &str) -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("Add-AzExpressRouteCircuitAuthorization", module, &format!("{CLASS}AddAzureExpressRouteCircuitAuthorizationCommand"), body!(add_authorization))
            .param(ParamSpec::new("Name", TypeKind::String).mandatory().not_empty().help("The name of the Authorization"))
            .param(circuit_param())
            .param(default_profile())
            .outputs(models::CIRCUIT)
            .synopsis("Adds an ExpressRoute circuit authorization.")
            .description("Appends an authorization of that name to the local circuit object and writes the circuit; Set-AzExpressRouteCircuit sends it, and the circuit read again carries its key. A name already on the object is an error.")
            .example(
                "Authorize another subscription's connection",
                &format!("{CIRCUIT}Add-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $ckt -Name MyAuthorization1 | Set-AzExpressRouteCircuit | Out-Null\n$ckt = Get-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG\nGet-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $ckt -Name MyAuthorization1"),
                "The authorization with its key, Available.",
            ),
        CommandInfo::cmdlet("Get-AzExpressRouteCircuitAuthorization", module, &format!("{CLASS}GetAzureExpressRouteCircuitAuthorizationCommand"), body!(get_authorization))
            .param(ParamSpec::new("Name", TypeKind::String).help("The name of the Authorization"))
            .param(circuit_param())
            .param(default_profile())
            .outputs(AUTHORIZATION)
            .synopsis("Gets information about an ExpressRoute circuit authorization.")
            .description("The named authorization of the circuit object, or all of them; a name the object does not hold is LINQ's 'Sequence contains no matching element'.")
            .example("All authorizations of a circuit", &format!("{CIRCUIT}Get-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $ckt"), "Nothing while the circuit has none."),
        CommandInfo::cmdlet("Remove-AzExpressRouteCircuitAuthorization", module, &format!("{CLASS}RemoveAzureExpressRouteCircuitAuthorizationCommand"), body!(remove_authorization))
            .param(ParamSpec::new("Name", TypeKind::String).not_empty().help("The name of the Authorization"))
            .param(circuit_param())
            .param(default_profile())
            .outputs(models::CIRCUIT)
            .synopsis("Removes an existing ExpressRoute configuration authorization.")
            .description("Takes the named authorization off the local circuit object (an absent name changes nothing) and writes the circuit; once Set-AzExpressRouteCircuit sends it, the authorization is revoked and the connections made with its key go.")
            .example(
                "Revoke an authorization",
                &format!("{CIRCUIT}$ckt = Add-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $ckt -Name MyAuthorization2 | Set-AzExpressRouteCircuit\nRemove-AzExpressRouteCircuitAuthorization -Name MyAuthorization2 -ExpressRouteCircuit $ckt | Set-AzExpressRouteCircuit | Out-Null"),
                "The circuit has no authorization left.",
            ),
        CommandInfo::cmdlet("New-AzExpressRouteCircuitAuthorization", module, &format!("{CLASS}NewAzureExpressRouteCircuitAuthorizationCommand"), body!(new_authorization))
            .param(ParamSpec::new("Name", TypeKind::String).mandatory().not_empty().help("The name of the Authorization"))
            .param(default_profile())
            .outputs(AUTHORIZATION)
            .synopsis("Creates an ExpressRoute circuit authorization.")
            .description("An authorization object with only its name, for the -Authorization parameter of New-AzExpressRouteCircuit.")
            .example(
                "A circuit ordered with an authorization",
                "New-AzResourceGroup -Name LabRG -Location 'West US' -Force | Out-Null\n$auth = New-AzExpressRouteCircuitAuthorization -Name MyAuthorization1\nNew-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG -Location 'West US' -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName Equinix -PeeringLocation 'Silicon Valley' -BandwidthInMbps 200 -Authorization $auth -Force | Out-Null",
                "The circuit is created with the authorization and its key.",
            ),
    ]
}

fn same_name(a: &Value, name: &str) -> bool {
    member(a, "Name").is_some_and(|n| to_string(&n).eq_ignore_ascii_case(name))
}

/// The object's `Authorizations` list (a null one is the LINQ call's null source).
fn list_of(circuit: &Value) -> Result<Value, Fail> {
    member(circuit, "Authorizations")
        .filter(|l| !l.is_null())
        .ok_or_else(|| Fail::Exception("System.ArgumentNullException".into(), "Value cannot be null.\r\nParameter name: source".into()))
}

fn circuit_arg(args: &Args) -> Value {
    args.get("ExpressRouteCircuit").cloned().unwrap_or(Value::Null)
}

fn add_authorization(ctx: &mut Ctx, args: &Args) -> Outcome {
    let circuit = circuit_arg(args);
    let name = args.string("Name").unwrap_or_default();
    let list = list_of(&circuit)?;
    if items(&list).iter().any(|a| same_name(a, &name)) {
        return Err(Fail::argument("Authorization with the specified name already exists"));
    }
    let added = authorization_object(&name, Value::Null, Value::Null, Value::Null, Value::Null, Value::Null);
    match &list {
        Value::Array(a) => a.borrow_mut().push(added),
        Value::List(l) => l.items.borrow_mut().push(added),
        _ => {}
    }
    ctx.emit(circuit)?;
    Ok(())
}

fn get_authorization(ctx: &mut Ctx, args: &Args) -> Outcome {
    let all = items(&list_of(&circuit_arg(args))?);
    match args.string("Name").filter(|n| !n.is_empty()) {
        Some(name) => {
            let found = all
                .into_iter()
                .find(|a| same_name(a, &name))
                .ok_or_else(|| Fail::Exception(INVALID_OPERATION.into(), "Sequence contains no matching element".into()))?;
            ctx.emit(found)?;
        }
        None => ctx.emit_all(all)?,
    }
    Ok(())
}

fn remove_authorization(ctx: &mut Ctx, args: &Args) -> Outcome {
    let circuit = circuit_arg(args);
    let name = args.string("Name").unwrap_or_default();
    let keep = |a: &Value| !same_name(a, &name);
    match &list_of(&circuit)? {
        Value::Array(a) => a.borrow_mut().retain(keep),
        Value::List(l) => l.items.borrow_mut().retain(keep),
        _ => {}
    }
    ctx.emit(circuit)?;
    Ok(())
}

fn new_authorization(ctx: &mut Ctx, args: &Args) -> Outcome {
    let name = args.string("Name").unwrap_or_default();
    ctx.emit(authorization_object(&name, Value::Null, Value::Null, Value::Null, Value::Null, Value::Null))?;
    Ok(())
}
