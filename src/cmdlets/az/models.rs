//! The Resource Manager objects as the Az modules shape them: `PSExpressRouteCircuit` with
//! its nested `Sku` and `ServiceProviderProperties` (which scripts edit before
//! Set-AzExpressRouteCircuit), `PSResourceGroup`, and their list views, whose `…Text` items
//! are the nested objects as indented JSON, computed when printed as the model's getters are.

use crate::cloud::arm::{ArmCircuit, ArmCircuitPut, ResourceGroup, Tags};
use crate::engine::convert::{to_bool, to_string};
use crate::engine::value::{Hashtable, PsObject, Value};
use crate::engine::views::{ColumnValue, TableView, ViewColumn};

use super::authorizations;
use super::json_text::{json_text, json_text_with_nulls};
use super::peering_models;

pub const CIRCUIT: &str = "Microsoft.Azure.Commands.Network.Models.PSExpressRouteCircuit";
pub const CIRCUIT_SKU: &str = "Microsoft.Azure.Commands.Network.Models.PSExpressRouteCircuitSku";
pub const PROVIDER_PROPERTIES: &str = "Microsoft.Azure.Commands.Network.Models.PSServiceProviderProperties";
pub const RESOURCE_GROUP: &str = "Microsoft.Azure.Commands.ResourceManager.Cmdlets.SdkModels.PSResourceGroup";

pub(super) fn text(s: &str) -> Value {
    Value::str(s)
}

/// Tags as the `Tag` hashtable the models carry.
pub(super) fn tag_table(tags: &Tags) -> Value {
    let mut h = Hashtable::new(false);
    for (k, v) in tags {
        h.insert(text(k), text(v));
    }
    Value::hashtable(h)
}

/// `TagsTable`: nothing without tags, else a `Name`/`Value` table under `=` rules, each row
/// padded to the longest name and value and ended by a newline, after a first empty line
/// (the Resources extension's ConstructTagsTable, as recalled: see fidelity-cmdlets.md).
pub(super) fn tags_table(tags: &Tags) -> Value {
    if tags.is_empty() {
        return Value::Null;
    }
    let width = tags.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0).max(4);
    let value_width = tags.iter().map(|(_, v)| v.chars().count()).max().unwrap_or(0).max(5);
    let row = |k: &str, v: &str| format!("{k:<width$}  {v:<value_width$}\n");
    let mut table = String::from("\n");
    table.push_str(&row("Name", "Value"));
    table.push_str(&row(&"=".repeat(width), &"=".repeat(value_width)));
    for (k, v) in tags {
        table.push_str(&row(k, v));
    }
    text(&table)
}

/// A `PSExpressRouteCircuit`.
pub fn circuit(c: &ArmCircuit) -> Value {
    let mut sku = PsObject::typed(CIRCUIT_SKU);
    sku.add_typed("Name", "string", text(&c.sku_name));
    sku.add_typed("Tier", "string", text(c.sku_tier.as_str()));
    sku.add_typed("Family", "string", text(c.sku_family.as_str()));
    let mut sp = PsObject::typed(PROVIDER_PROPERTIES);
    sp.add_typed("ServiceProviderName", "string", text(&c.service_provider_name));
    sp.add_typed("PeeringLocation", "string", text(&c.peering_location));
    sp.add_typed("BandwidthInMbps", "int", Value::Int(c.bandwidth_in_mbps as i32));
    let mut o = PsObject::typed(CIRCUIT);
    o.add_typed("Name", "string", text(&c.name));
    o.add_typed("ResourceGroupName", "string", text(&c.resource_group));
    o.add_typed("Location", "string", text(&c.location));
    o.add_typed("Id", "string", text(&c.id));
    o.add_typed("Etag", "string", text(&c.etag));
    o.add_typed("ResourceGuid", "string", text(&c.resource_guid.to_string()));
    o.add_typed("Type", "string", text("Microsoft.Network/expressRouteCircuits"));
    o.add_typed("ProvisioningState", "string", text(c.provisioning_state.as_str()));
    o.add_typed("Sku", CIRCUIT_SKU, Value::object(sku));
    o.add_typed("CircuitProvisioningState", "string", text(c.circuit_provisioning_state.as_str()));
    o.add_typed("ServiceProviderProvisioningState", "string", text(c.service_provider_provisioning_state.as_str()));
    o.add_typed("ServiceProviderNotes", "string", c.service_provider_notes.as_deref().map_or(Value::Null, text));
    o.add_typed("ServiceProviderProperties", PROVIDER_PROPERTIES, Value::object(sp));
    o.add_typed("ExpressRoutePort", "Microsoft.Azure.Commands.Network.Models.PSResourceId", Value::Null);
    o.add_typed("BandwidthInGbps", "System.Nullable[double]", Value::Null);
    o.add_typed("Stag", "System.Nullable[int]", c.stag.map_or(Value::Null, |s| Value::Int(s as i32)));
    o.add_typed("ServiceKey", "string", text(&c.service_key.to_string()));
    o.add_typed(
        "Peerings",
        "System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSPeering]",
        Value::array(c.peerings.iter().map(peering_models::peering).collect()),
    );
    o.add_typed(
        "Authorizations",
        "System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSExpressRouteCircuitAuthorization]",
        Value::array(c.authorizations.iter().map(authorizations::authorization).collect()),
    );
    o.add_typed("AllowClassicOperations", "System.Nullable[bool]", Value::Bool(c.allow_classic_operations));
    o.add_typed("GatewayManagerEtag", "string", text(""));
    o.add_typed("AuthorizationKey", "string", Value::Null);
    o.add_typed("Tag", "hashtable", tag_table(&c.tags));
    o.add_typed("TagsTable", "string", tags_table(&c.tags));
    Value::object(o)
}

/// A parameter typed as a network model (`-ExpressRouteCircuit <PSExpressRouteCircuit>`): it
/// binds only objects of that type, and SYNTAX names it.
pub fn model_param(name: &str, model: &str) -> crate::engine::command::ParamSpec {
    let mut p = crate::engine::command::ParamSpec::new(name, crate::engine::value::TypeKind::Object);
    p.ty = std::rc::Rc::new(crate::engine::value::TypeRef::foreign(model));
    p
}

/// A property of an object value, if it has it.
pub(super) fn member(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Object(o) => o.borrow().get(name).cloned(),
        _ => None,
    }
}

pub(super) fn member_text(v: &Value, name: &str) -> Option<String> {
    member(v, name).filter(|x| !x.is_null()).map(|x| to_string(&x))
}

/// Hashtable entries as tags (a `-Tag` argument or an object's `Tag`).
pub fn tags_of(v: Option<&Value>) -> Tags {
    match v {
        Some(Value::Hashtable(h)) => h.borrow().iter().map(|(k, v)| (to_string(k), to_string(v))).collect(),
        _ => Vec::new(),
    }
}

/// The PUT Set-AzExpressRouteCircuit sends: the whole local object, with whatever the script
/// changed on it.
pub fn circuit_put(v: &Value) -> ArmCircuitPut {
    let sku = member(v, "Sku").unwrap_or(Value::Null);
    let sp = member(v, "ServiceProviderProperties").unwrap_or(Value::Null);
    ArmCircuitPut {
        resource_group: member_text(v, "ResourceGroupName").unwrap_or_default(),
        name: member_text(v, "Name").unwrap_or_default(),
        location: member_text(v, "Location").unwrap_or_default(),
        sku_tier: member_text(&sku, "Tier"),
        sku_family: member_text(&sku, "Family"),
        sku_name: member_text(&sku, "Name"),
        service_provider_name: member_text(&sp, "ServiceProviderName"),
        peering_location: member_text(&sp, "PeeringLocation"),
        bandwidth_in_mbps: member_text(&sp, "BandwidthInMbps").and_then(|b| b.trim().parse().ok()),
        allow_classic_operations: member(v, "AllowClassicOperations").filter(|x| !x.is_null()).map(|x| to_bool(&x)),
        tags: tags_of(member(v, "Tag").as_ref()),
        peerings: member(v, "Peerings").map(|p| peering_models::peering_puts(&p)),
        authorizations: member(v, "Authorizations").map(|a| authorizations::authorization_names(&a)),
    }
}

/// A list property of an object as the model's `…Text` getter gives it.
pub fn member_json(v: &Value, name: &str) -> String {
    json_text(member(v, name).as_ref())
}

fn sku_text(v: &Value) -> String {
    member_json(v, "Sku")
}

fn provider_properties_text(v: &Value) -> String {
    member_json(v, "ServiceProviderProperties")
}

fn port_text(v: &Value) -> String {
    member_json(v, "ExpressRoutePort")
}

fn peerings_text(v: &Value) -> String {
    member_json(v, "Peerings")
}

fn authorizations_text(v: &Value) -> String {
    json_text_with_nulls(member(v, "Authorizations").as_ref())
}

pub(super) fn item(label: &'static str, value: ColumnValue) -> ViewColumn {
    ViewColumn { label, value, ..ViewColumn::property(label, 0) }
}

pub(super) fn prop(name: &'static str) -> ViewColumn {
    ViewColumn::property(name, 0)
}

/// PSExpressRouteCircuit's list view (Network.format.ps1xml @03711f49, facts §2.2).
pub fn circuit_view() -> TableView {
    TableView {
        list: true,
        ..TableView::new(
            CIRCUIT,
            vec![
                prop("Name"),
                prop("ResourceGroupName"),
                prop("Location"),
                prop("Id"),
                prop("Etag"),
                prop("ProvisioningState"),
                item("Sku", ColumnValue::Computed(sku_text)),
                prop("CircuitProvisioningState"),
                prop("ServiceProviderProvisioningState"),
                prop("ServiceProviderNotes"),
                item("ServiceProviderProperties", ColumnValue::Computed(provider_properties_text)),
                item("ExpressRoutePort", ColumnValue::Computed(port_text)),
                prop("BandwidthInGbps"),
                prop("Stag"),
                prop("ServiceKey"),
                item("Peerings", ColumnValue::Computed(peerings_text)),
                item("Authorizations", ColumnValue::Computed(authorizations_text)),
                prop("AllowClassicOperations"),
                prop("GatewayManagerEtag"),
                prop("AuthorizationKey"),
            ],
        )
    }
}

/// A `PSResourceGroup`.
pub fn resource_group(g: &ResourceGroup) -> Value {
    let mut o = PsObject::typed(RESOURCE_GROUP);
    o.add_typed("ResourceGroupName", "string", text(&g.name));
    o.add_typed("Location", "string", text(&g.location));
    o.add_typed("ProvisioningState", "string", text(g.provisioning_state.as_str()));
    o.add_typed("Tags", "hashtable", if g.tags.is_empty() { Value::Null } else { tag_table(&g.tags) });
    o.add_typed("TagsTable", "string", tags_table(&g.tags));
    o.add_typed("ResourceId", "string", text(&g.id));
    o.add_typed("ManagedBy", "string", Value::Null);
    Value::object(o)
}

/// PSResourceGroup's list view: five items, `Tags` drawn from `TagsTable`.
pub fn resource_group_view() -> TableView {
    TableView {
        list: true,
        ..TableView::new(
            RESOURCE_GROUP,
            vec![prop("ResourceGroupName"), prop("Location"), prop("ProvisioningState"), ViewColumn { label: "Tags", ..prop("TagsTable") }, prop("ResourceId")],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ArmCircuit {
        let mut w = crate::cloud::World::default_world_seeded(chrono::NaiveDate::from_ymd_opt(2016, 10, 10).and_then(|d| d.and_hms_opt(9, 0, 0)).unwrap(), 1);
        let sub = w.selected_subscription().unwrap().id;
        w.create_or_update_resource_group(&sub, "rg", "West US", &Vec::new()).unwrap();
        let put = ArmCircuitPut {
            resource_group: "rg".into(),
            name: "c".into(),
            location: "West US".into(),
            service_provider_name: Some("AT&T".into()),
            peering_location: Some("Silicon Valley".into()),
            bandwidth_in_mbps: Some(50),
            tags: vec![("env".into(), "lab".into())],
            ..Default::default()
        };
        w.put_arm_circuit(&sub, put).unwrap()
    }

    #[test]
    fn the_put_of_an_edited_object_carries_the_edits() {
        let v = circuit(&sample());
        let Some(Value::Object(sku)) = member(&v, "Sku") else { panic!("Sku is an object") };
        sku.borrow_mut().set("Tier", text("Premium"));
        let Some(Value::Object(sp)) = member(&v, "ServiceProviderProperties") else { panic!("an object") };
        sp.borrow_mut().set("BandwidthInMbps", Value::Int(1000));
        let put = circuit_put(&v);
        assert_eq!((put.resource_group.as_str(), put.name.as_str(), put.location.as_str()), ("rg", "c", "westus"));
        assert_eq!((put.sku_tier.as_deref(), put.sku_name.as_deref(), put.bandwidth_in_mbps), (Some("Premium"), Some("Standard_MeteredData"), Some(1000)));
        assert_eq!((put.service_provider_name.as_deref(), put.allow_classic_operations), (Some("AT&T"), Some(false)));
        assert_eq!(put.tags, vec![("env".to_string(), "lab".to_string())]);
    }

    #[test]
    fn the_view_computes_its_json_from_the_live_object() {
        let v = circuit(&sample());
        assert_eq!(sku_text(&v), "{\n  \"Name\": \"Standard_MeteredData\",\n  \"Tier\": \"Standard\",\n  \"Family\": \"MeteredData\"\n}");
        assert_eq!(
            provider_properties_text(&v),
            "{\n  \"ServiceProviderName\": \"AT&T\",\n  \"PeeringLocation\": \"Silicon Valley\",\n  \"BandwidthInMbps\": 50\n}"
        );
        assert_eq!((port_text(&v), peerings_text(&v), authorizations_text(&v)), ("null".to_string(), "[]".to_string(), "[]".to_string()));
        let Some(Value::Object(sku)) = member(&v, "Sku") else { panic!("Sku is an object") };
        sku.borrow_mut().set("Tier", text("Premium"));
        assert!(sku_text(&v).contains("\"Tier\": \"Premium\""));
        assert_eq!(circuit_view().columns.len(), 20);
    }

    #[test]
    fn tags_table_lines() {
        let tags = vec![("env".to_string(), "lab".to_string()), ("owner".to_string(), "network-team".to_string())];
        assert_eq!(to_string(&tags_table(&tags)), "\nName   Value       \n=====  ============\nenv    lab         \nowner  network-team\n");
        assert!(tags_table(&Vec::new()).is_null());
    }
}
