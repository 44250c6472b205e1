//! The connectivity provider's side in Az.Network: Get- and Set-AzExpressRouteCrossConnection
//! (ExpressRouteCrossConnection/ at azure-powershell @299d85d2 and the Set- command read by
//! index id 5675783027), the PSExpressRouteCrossConnection and
//! PSExpressRouteCrossConnectionPeering objects (Models/ @c8de320d, @2313ddf4) and their list
//! views. A cross connection is a circuit seen from the provider's subscription by service
//! key; setting its ServiceProviderProvisioningState moves the customer's circuit exactly as
//! Set-AzureCrossConnection does (`cloud::arm::cross_connections`).

use crate::cloud::arm::{ArmCrossConnection, ArmCrossConnectionPut, ArmPeering};
use crate::cmdlets::azure::{confirm, network_call, Fail, Outcome};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::value::{Hashtable, PsObject, TypeKind, Value};
use crate::engine::views::{ColumnValue, TableView};
use crate::engine::Ctx;

use super::json_text::json_text;
use super::models::{item, member, member_text, model_param, prop, text};
use super::peering_models::{answered_microsoft_config, peering_puts, PEERING_CONFIG};
use super::{body, default_profile};

const CLASS: &str = "Microsoft.Azure.Commands.Network.";
pub const CROSS_CONNECTION: &str = "Microsoft.Azure.Commands.Network.Models.PSExpressRouteCrossConnection";
pub const CROSS_CONNECTION_PEERING: &str = "Microsoft.Azure.Commands.Network.Models.PSExpressRouteCrossConnectionPeering";
const CIRCUIT_REFERENCE: &str = "Microsoft.Azure.Commands.Network.Models.PSExpressRouteCircuitReference";
const IPV6_CONFIG: &str = "Microsoft.Azure.Commands.Network.Models.PSIpv6PeeringConfig";

/// The examples' order, as a provider receives it: a customer's circuit in Silicon Valley,
/// then the provider's own subscription selected.
pub(super) const ORDERED: &str = "New-AzResourceGroup -Name LabRG -Location 'West US' -Force | Out-Null\n$c = New-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG -Location 'West US' -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName Equinix -PeeringLocation 'Silicon Valley' -BandwidthInMbps 200 -Force\nSelect-AzSubscription -SubscriptionName 'Equinix Provider' | Out-Null\n$rg = 'CrossConnection-SiliconValley'\n";

pub fn commands(module: &str) -> Vec<CommandInfo> {
    let by_values = "ModifyByParameterValues";
    vec![
        CommandInfo::cmdlet("Get-AzExpressRouteCrossConnection", module, &format!("{CLASS}GetAzureRmExpressRouteCrossConnection"), body!(get_cross_connection))
            .param(ParamSpec::new("ResourceGroupName", TypeKind::String).by_name().not_empty().wildcards().help("The resource group name of express route cross connection."))
            .param(ParamSpec::new("Name", TypeKind::String).by_name().not_empty().wildcards().help("The name of express route cross connection."))
            .param(default_profile())
            .outputs(CROSS_CONNECTION)
            .synopsis("Gets an Azure ExpressRoute cross connection from Azure.")
            .description("The connectivity provider's view of the circuits ordered from it: one cross connection per circuit, named by its service key, in the resource group of its peering location (CrossConnection-SiliconValley). -Name and -ResourceGroupName take wildcards; a customer's subscription has none.")
            .example("The cross connection of a new order", &format!("{ORDERED}Get-AzExpressRouteCrossConnection -Name $c.ServiceKey -ResourceGroupName $rg"), "NotProvisioned, with no ports or STag yet."),
        CommandInfo::cmdlet("Set-AzExpressRouteCrossConnection", module, &format!("{CLASS}SetAzureRMExpressRouteCrossConnectionCommand"), body!(set_cross_connection))
            .param(model_param("ExpressRouteCrossConnection", CROSS_CONNECTION).mandatory().pipeline().in_set("ModifyByCircuitReference").help("The ExpressRouteCrossConnection"))
            .param(ParamSpec::new("ResourceGroupName", TypeKind::String).mandatory().not_empty().in_set(by_values).help("The ExpressRouteCrossConnection"))
            .param(ParamSpec::new("Name", TypeKind::String).mandatory().by_name().not_empty().in_set(by_values).help("The name of express route cross connection."))
            .param(ParamSpec::new("ServiceProviderProvisioningState", TypeKind::String).in_set(by_values).help("The service provider provisioning state to be set"))
            .param(ParamSpec::new("ServiceProviderNotes", TypeKind::String).in_set(by_values).help("The service provider notes"))
            .param(model_param("Peerings", CROSS_CONNECTION_PEERING).array().in_set(by_values).help("The list of peerings for the cross connection"))
            .param(ParamSpec::switch("Force").help("Do not ask for confirmation if you want to overwrite a resource"))
            .param(default_profile())
            .outputs(CROSS_CONNECTION)
            .synopsis("Modifies an ExpressRoute cross connection.")
            .description("Sends the cross connection: the provider's ServiceProviderProvisioningState (NotProvisioned, Provisioning, Provisioned — the customer's circuit moves with it, as with Set-AzureCrossConnection), its notes and its peerings. Always asks unless -Force. Writes the cross connection as it now is.")
            .example(
                "Provision the circuit",
                &format!("{ORDERED}$cc = Get-AzExpressRouteCrossConnection -Name $c.ServiceKey -ResourceGroupName $rg\n$cc.ServiceProviderProvisioningState = 'Provisioned'\nSet-AzExpressRouteCrossConnection -ExpressRouteCrossConnection $cc -Force"),
                "The cross connection Provisioned, with its ports and STag; the customer's circuit is Provisioned too.",
            )
            .example(
                "The same by parameters, with a note",
                &format!("{ORDERED}Set-AzExpressRouteCrossConnection -ResourceGroupName $rg -Name $c.ServiceKey -ServiceProviderProvisioningState Provisioning -ServiceProviderNotes 'Port assigned' -Force | Select-Object ServiceProviderProvisioningState, ServiceProviderNotes"),
                "Provisioning, with the note.",
            ),
    ]
}

fn nullable(s: &Option<String>) -> Value {
    s.as_deref().map_or(Value::Null, text)
}

/// A `PSExpressRouteCrossConnectionPeering` as the service answers it.
pub fn cross_connection_peering(p: &ArmPeering) -> Value {
    let microsoft = p.microsoft.as_ref().map_or(Value::Null, answered_microsoft_config);
    peering_object(CrossConnectionPeeringFields {
        name: text(&p.name),
        etag: text(&p.etag),
        id: text(&p.id),
        peering_type: text(p.peering_type),
        state: text(p.state.as_str()),
        azure_asn: Value::Int(p.azure_asn as i32),
        peer_asn: Value::Long(p.peer_asn as i64),
        primary: text(&p.primary_peer_address_prefix),
        secondary: text(&p.secondary_peer_address_prefix),
        ports: text(""),
        shared_key: nullable(&p.shared_key),
        vlan_id: Value::Int(p.vlan_id as i32),
        provisioning_state: text("Succeeded"),
        gateway_manager_etag: text(""),
        last_modified_by: text("ServiceProvider"),
        microsoft,
    })
}

/// What a PSExpressRouteCrossConnectionPeering holds; a new local one leaves the service's
/// fields null.
pub struct CrossConnectionPeeringFields {
    pub name: Value,
    pub etag: Value,
    pub id: Value,
    pub peering_type: Value,
    pub state: Value,
    pub azure_asn: Value,
    pub peer_asn: Value,
    pub primary: Value,
    pub secondary: Value,
    pub ports: Value,
    pub shared_key: Value,
    pub vlan_id: Value,
    pub provisioning_state: Value,
    pub gateway_manager_etag: Value,
    pub last_modified_by: Value,
    pub microsoft: Value,
}

impl Default for CrossConnectionPeeringFields {
    fn default() -> Self {
        let n = || Value::Null;
        CrossConnectionPeeringFields {
            name: n(),
            etag: n(),
            id: n(),
            peering_type: n(),
            state: n(),
            azure_asn: n(),
            peer_asn: n(),
            primary: n(),
            secondary: n(),
            ports: n(),
            shared_key: n(),
            vlan_id: n(),
            provisioning_state: n(),
            gateway_manager_etag: n(),
            last_modified_by: n(),
            microsoft: n(),
        }
    }
}

/// The object, in the model's JSON order (inherited Name, Etag, Id first), as `PeeringsText`
/// prints it.
pub fn peering_object(f: CrossConnectionPeeringFields) -> Value {
    let mut o = PsObject::typed(CROSS_CONNECTION_PEERING);
    o.add_typed("Name", "string", f.name);
    o.add_typed("Etag", "string", f.etag);
    o.add_typed("Id", "string", f.id);
    o.add_typed("PeeringType", "string", f.peering_type);
    o.add_typed("State", "string", f.state);
    o.add_typed("AzureASN", "System.Nullable[int]", f.azure_asn);
    o.add_typed("PeerASN", "System.Nullable[long]", f.peer_asn);
    o.add_typed("PrimaryPeerAddressPrefix", "string", f.primary);
    o.add_typed("SecondaryPeerAddressPrefix", "string", f.secondary);
    o.add_typed("PrimaryAzurePort", "string", f.ports.clone());
    o.add_typed("SecondaryAzurePort", "string", f.ports);
    o.add_typed("SharedKey", "string", f.shared_key);
    o.add_typed("VlanId", "System.Nullable[int]", f.vlan_id);
    o.add_typed("ProvisioningState", "string", f.provisioning_state);
    o.add_typed("GatewayManagerEtag", "string", f.gateway_manager_etag);
    o.add_typed("LastModifiedBy", "string", f.last_modified_by);
    o.add_typed("MicrosoftPeeringConfig", PEERING_CONFIG, f.microsoft);
    o.add_typed("Ipv6PeeringConfig", IPV6_CONFIG, Value::Null);
    Value::object(o)
}

/// A `PSExpressRouteCrossConnection`.
pub fn cross_connection(x: &ArmCrossConnection) -> Value {
    let circuit = x.express_route_circuit_id.as_deref().map_or(Value::Null, |id| {
        let mut r = PsObject::typed(CIRCUIT_REFERENCE);
        r.add_typed("Id", "string", text(id));
        Value::object(r)
    });
    let mut o = PsObject::typed(CROSS_CONNECTION);
    o.add_typed("Name", "string", text(&x.name));
    o.add_typed("ResourceGroupName", "string", text(&x.resource_group));
    o.add_typed("Location", "string", text(&x.location));
    o.add_typed("Id", "string", text(&x.id));
    o.add_typed("Etag", "string", text(&x.etag));
    o.add_typed("Type", "string", text("Microsoft.Network/expressRouteCrossConnections"));
    o.add_typed("PrimaryAzurePort", "string", text(&x.primary_azure_port));
    o.add_typed("SecondaryAzurePort", "string", text(&x.secondary_azure_port));
    o.add_typed("STag", "System.Nullable[int]", Value::Int(x.stag as i32));
    o.add_typed("PeeringLocation", "string", text(&x.peering_location));
    o.add_typed("BandwidthInMbps", "System.Nullable[int]", Value::Int(x.bandwidth_in_mbps as i32));
    o.add_typed("ServiceProviderProvisioningState", "string", text(x.service_provider_provisioning_state.as_str()));
    o.add_typed("ServiceProviderNotes", "string", nullable(&x.service_provider_notes));
    o.add_typed("ProvisioningState", "string", text("Succeeded"));
    o.add_typed("ExpressRouteCircuit", CIRCUIT_REFERENCE, circuit);
    o.add_typed(
        "Peerings",
        "System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSExpressRouteCrossConnectionPeering]",
        Value::array(x.peerings.iter().map(cross_connection_peering).collect()),
    );
    o.add_typed("Tag", "hashtable", Value::hashtable(Hashtable::new(false)));
    Value::object(o)
}

/// The PUT the cmdlets send: the whole local object.
pub fn cross_connection_put(v: &Value) -> ArmCrossConnectionPut {
    ArmCrossConnectionPut {
        resource_group: member_text(v, "ResourceGroupName").unwrap_or_default(),
        name: member_text(v, "Name").unwrap_or_default(),
        service_provider_provisioning_state: member_text(v, "ServiceProviderProvisioningState"),
        service_provider_notes: member_text(v, "ServiceProviderNotes"),
        peerings: Some(member(v, "Peerings").map(|p| peering_puts(&p)).unwrap_or_default()),
    }
}

fn text_of(name: &'static str) -> impl Fn(&Value) -> String {
    move |v| json_text(member(v, name).as_ref())
}

fn circuit_text(v: &Value) -> String {
    text_of("ExpressRouteCircuit")(v)
}

fn peerings_text(v: &Value) -> String {
    text_of("Peerings")(v)
}

fn microsoft_text(v: &Value) -> String {
    text_of("MicrosoftPeeringConfig")(v)
}

/// Chosen (no view for these types was found in Network.format.ps1xml): the circuit view's
/// shape, the nested objects as their `…Text` JSON.
pub fn cross_connection_view() -> TableView {
    TableView {
        list: true,
        ..TableView::new(
            CROSS_CONNECTION,
            vec![
                prop("Name"),
                prop("ResourceGroupName"),
                prop("Location"),
                prop("Id"),
                prop("Etag"),
                prop("PrimaryAzurePort"),
                prop("SecondaryAzurePort"),
                prop("STag"),
                prop("PeeringLocation"),
                prop("BandwidthInMbps"),
                item("ExpressRouteCircuit", ColumnValue::Computed(circuit_text)),
                prop("ServiceProviderProvisioningState"),
                prop("ServiceProviderNotes"),
                prop("ProvisioningState"),
                item("Peerings", ColumnValue::Computed(peerings_text)),
            ],
        )
    }
}

/// Chosen, as the PSPeering view without its repeated line.
pub fn cross_connection_peering_view() -> TableView {
    TableView {
        list: true,
        ..TableView::new(
            CROSS_CONNECTION_PEERING,
            vec![
                prop("Name"),
                prop("Id"),
                prop("Etag"),
                prop("PeeringType"),
                prop("State"),
                prop("AzureASN"),
                prop("PeerASN"),
                prop("PrimaryPeerAddressPrefix"),
                prop("SecondaryPeerAddressPrefix"),
                prop("PrimaryAzurePort"),
                prop("SecondaryAzurePort"),
                prop("SharedKey"),
                prop("VlanId"),
                item("MicrosoftPeeringConfig", ColumnValue::Computed(microsoft_text)),
                prop("ProvisioningState"),
                prop("GatewayManagerEtag"),
                prop("LastModifiedBy"),
            ],
        )
    }
}

fn get_cross_connection(ctx: &mut Ctx, args: &Args) -> Outcome {
    let found = super::circuits::get_by_names(
        ctx,
        args,
        |w, sub, g, n| Ok(w.get_arm_cross_connection(sub, g, n)?),
        |w, sub, g| Ok(w.list_arm_cross_connections(sub, g)?),
        |x| (x.resource_group.as_str(), x.name.as_str()),
    )?;
    ctx.emit_all(found.iter().map(cross_connection).collect())?;
    Ok(())
}

/// The 5-argument ConfirmAction: asks to overwrite unless -Force, then finds the cross
/// connection (the resource string thrown unformatted when it is gone) and PUTs what `build`
/// makes of it.
pub(super) fn put_cross_connection(
    ctx: &mut Ctx,
    args: &Args,
    group: &str,
    name: &str,
    build: impl FnOnce(ArmCrossConnection) -> ArmCrossConnectionPut,
) -> Outcome {
    if !confirm(ctx, args, &format!("Are you sure you want to overwrite resource '{name}'"), "Creating Resource", name)? {
        return Ok(());
    }
    let written = network_call(ctx, |w, sub| {
        let Ok(existing) = w.get_arm_cross_connection(sub, group, name) else {
            return Err(Fail::argument("Resource '{0}' not found"));
        };
        Ok(w.put_arm_cross_connection(sub, build(existing))?)
    })?;
    ctx.emit(cross_connection(&written))?;
    Ok(())
}

/// The peering cmdlets' ConfirmAction: asks unless -Force (`prompt` is the query, the
/// ShouldProcess action and its target), edits the local object — `Ok(false)` when the
/// source returns from its action before sending —, then PUTs the object and writes what the
/// service answers.
pub(super) fn edit_and_send(ctx: &mut Ctx, args: &Args, object: &Value, prompt: (&str, &str, &str), edit: impl FnOnce() -> Result<bool, Fail>) -> Outcome {
    let (query, action, target) = prompt;
    if !confirm(ctx, args, query, action, target)? || !edit()? {
        return Ok(());
    }
    let put = cross_connection_put(object);
    let written = network_call(ctx, |w, sub| Ok(w.put_arm_cross_connection(sub, put)?))?;
    ctx.emit(cross_connection(&written))?;
    Ok(())
}

fn set_cross_connection(ctx: &mut Ctx, args: &Args) -> Outcome {
    if let Some(object) = args.get("ExpressRouteCrossConnection").filter(|v| !v.is_null()).cloned() {
        let put = cross_connection_put(&object);
        let (group, name) = (put.resource_group.clone(), put.name.clone());
        return put_cross_connection(ctx, args, &group, &name, |_| put);
    }
    let group = args.string("ResourceGroupName").unwrap_or_default();
    let name = args.string("Name").unwrap_or_default();
    let given = |p: &str| args.string(p).filter(|s| !s.trim().is_empty());
    let (state, notes) = (given("ServiceProviderProvisioningState"), given("ServiceProviderNotes"));
    let peerings = args.get("Peerings").filter(|p| !p.is_null() && !matches!(p, Value::Array(a) if a.borrow().is_empty())).map(peering_puts);
    put_cross_connection(ctx, args, &group, &name, |existing| {
        let mut put = cross_connection_put(&cross_connection(&existing));
        put.service_provider_provisioning_state = state.or(put.service_provider_provisioning_state);
        put.service_provider_notes = notes.or(put.service_provider_notes);
        put.peerings = peerings.or(put.peerings);
        put
    })
}
