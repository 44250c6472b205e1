//! Az.Resources' Get-AzResource over the generic resources API (`cloud::arm::resources`), as
//! its simple path has it (GetAzureResourceCmdlet, index id 2921462264): by id, by a name,
//! group and `Namespace/type` that make an id, or a list filtered on the client by the
//! leading/trailing-`*` wildcards, the type and the tag.

use crate::cloud::arm::{resource_group_id, ArmResource};
use crate::cmdlets::azure::{resources_call, Outcome};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::views::{ColumnValue, TableView};
use crate::engine::Ctx;

use super::models::{item, member, prop, tag_table, tags_table, text};
use super::{body, default_profile};

pub const RESOURCE: &str = "Microsoft.Azure.Commands.ResourceManager.Cmdlets.SdkModels.PSResource";
const BY_ID: &str = "ByResourceId";
const BY_TAG_OBJECT: &str = "ByTagObjectParameterSet";
const BY_TAG_NAME: &str = "ByTagNameValueParameterSet";

fn in_both(p: ParamSpec) -> ParamSpec {
    p.in_set(BY_TAG_OBJECT).in_set(BY_TAG_NAME)
}

pub fn commands(module: &str) -> Vec<CommandInfo> {
    vec![CommandInfo::cmdlet(
        "Get-AzResource",
        module,
        "Microsoft.Azure.Commands.ResourceManager.Cmdlets.Implementation.GetAzureResourceCmdlet",
        body!(get_resource),
    )
    .param(ParamSpec::new("ResourceId", TypeKind::String).mandatory().by_name().not_empty().alias("Id").in_set(BY_ID).help("The fully qualified resource Id of the resource(s)."))
    .param(in_both(ParamSpec::new("Name", TypeKind::String).not_empty().alias("ResourceName").help("The name of the resource(s) to get.")))
    .param(in_both(ParamSpec::new("ResourceType", TypeKind::String).not_empty().help("The resource type of the resource(s) to get.")))
    .param(in_both(ParamSpec::new("ResourceGroupName", TypeKind::String).not_empty().help("The resource group the resource(s) to get belong to.")))
    .param(ParamSpec::new("Tag", TypeKind::Hashtable).mandatory().in_set(BY_TAG_OBJECT).help("Gets resources that have the specified Azure tag."))
    .param(ParamSpec::new("TagName", TypeKind::String).in_set(BY_TAG_NAME).help("The key in the tag of the resource(s) to get."))
    .param(ParamSpec::new("TagValue", TypeKind::String).in_set(BY_TAG_NAME).help("The value in the tag of the resource(s) to get."))
    .param(default_profile())
    .default_set(BY_TAG_NAME)
    .outputs(RESOURCE)
    .synopsis("Gets resources.")
    .description("The Resource Manager resources of the subscription that ersim keeps: ExpressRoute circuits, virtual networks, public IP addresses, gateways, connections, local network gateways, route filters and, for a provider, cross connections. -Name and -ResourceGroupName take a leading or trailing *; -ResourceType, -TagName and -TagValue (or -Tag) filter the list; -ResourceId, or a plain name and group with a Namespace/type, gets one resource.")
    .example(
        "The resources of a group, as a table",
        "New-AzResourceGroup -Name LabRG -Location 'West US' -Force | Out-Null\nNew-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG -Location 'West US' -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName Equinix -PeeringLocation London -BandwidthInMbps 50 -Force | Out-Null\nGet-AzResource -ResourceGroupName LabRG | Format-Table Name, ResourceGroupName, ResourceType, Location",
        "One row per resource.",
    )
    .example(
        "One resource by name and type",
        "New-AzResourceGroup -Name LabRG -Location 'West US' -Force | Out-Null\nNew-AzVirtualNetwork -Name LabVNet -ResourceGroupName LabRG -Location 'West US' -AddressPrefix 10.1.0.0/16 -Force | Out-Null\nGet-AzResource -Name LabVNet -ResourceGroupName LabRG -ResourceType Microsoft.Network/virtualNetworks",
        "The virtual network as a PSResource.",
    )]
}

/// A `PSResource` in the model's property order, as the list API fills it.
fn resource(r: &ArmResource) -> Value {
    let null = |o: &mut PsObject, name: &str, ty: &'static str| o.add_typed(name, ty, Value::Null);
    let mut o = PsObject::typed(RESOURCE);
    o.add_typed("ResourceId", "string", text(&r.id));
    o.add_typed("Id", "string", text(&r.id));
    null(&mut o, "Identity", "Microsoft.Azure.Management.ResourceManager.Models.Identity");
    null(&mut o, "Kind", "string");
    o.add_typed("Location", "string", text(&r.location));
    null(&mut o, "ManagedBy", "string");
    o.add_typed("ResourceName", "string", text(&r.name));
    o.add_typed("Name", "string", text(&r.name));
    null(&mut o, "ExtensionResourceName", "string");
    null(&mut o, "ParentResource", "string");
    null(&mut o, "Plan", "Microsoft.Azure.Management.ResourceManager.Models.Plan");
    null(&mut o, "Properties", "psobject");
    o.add_typed("ResourceGroupName", "string", text(&r.resource_group));
    o.add_typed("Type", "string", text(&r.resource_type));
    o.add_typed("ResourceType", "string", text(&r.resource_type));
    null(&mut o, "ExtensionResourceType", "string");
    null(&mut o, "Sku", "Microsoft.Azure.Management.ResourceManager.Models.Sku");
    o.add_typed("Tags", "System.Collections.Generic.IDictionary[string,string]", if r.tags.is_empty() { Value::Null } else { tag_table(&r.tags) });
    o.add_typed("TagsTable", "string", tags_table(&r.tags));
    null(&mut o, "SubscriptionId", "string");
    null(&mut o, "CreatedTime", "System.Nullable[datetime]");
    null(&mut o, "ChangedTime", "System.Nullable[datetime]");
    null(&mut o, "ETag", "string");
    Value::object(o)
}

fn tags_text(v: &Value) -> String {
    member(v, "TagsTable").filter(|t| !t.is_null()).map(|t| to_string(&t)).unwrap_or_default()
}

/// PSResource's list view (recalled, see fidelity-cmdlets.md): Tags is the TagsTable.
pub fn resource_view() -> TableView {
    TableView {
        list: true,
        ..TableView::new(
            RESOURCE,
            vec![
                prop("Name"),
                prop("ResourceGroupName"),
                prop("ResourceType"),
                prop("Location"),
                prop("ResourceId"),
                item("Tags", ColumnValue::Computed(tags_text)),
            ],
        )
    }
}

/// The source's ContainsWildcard: a leading or trailing `*`.
fn wildcard(s: &str) -> bool {
    s.starts_with('*') || s.ends_with('*')
}

/// FilterResourceByWildcard / FilterResourceGroupByWildcard: `*x*` contains, `*x` ends with,
/// `x*` starts with, all without regard to case; otherwise the name must equal (the group's
/// filter leaves a pattern without an end `*` alone).
fn filter(pattern: &str, value: &str, exact_otherwise: bool) -> bool {
    let (p, v) = (pattern.to_lowercase(), value.to_lowercase());
    match (p.strip_prefix('*'), p.strip_suffix('*')) {
        (Some(rest), _) => match rest.strip_suffix('*') {
            Some(middle) => v.contains(middle),
            None => v.ends_with(rest),
        },
        (None, Some(start)) => v.starts_with(start),
        (None, None) => !exact_otherwise || p == v,
    }
}

/// The single entry of a `-Tag` hashtable (TagsHelper's name and value of it).
fn tag_of(v: Option<&Value>) -> (Option<String>, Option<String>) {
    match v {
        Some(Value::Hashtable(h)) => h.borrow().iter().next().map_or((None, None), |(k, v)| (Some(to_string(k)), Some(to_string(v)).filter(|s| !s.is_empty()))),
        _ => (None, None),
    }
}

fn get_resource(ctx: &mut Ctx, args: &Args) -> Outcome {
    let given = |p: &str| args.string(p).filter(|s| !s.is_empty());
    let (name, group, kind) = (given("Name"), given("ResourceGroupName"), given("ResourceType"));
    // ShouldConstructResourceId: a plain name and group with a Namespace/type make an id.
    let constructed = match (&name, &group, &kind) {
        (Some(n), Some(g), Some(t)) if !wildcard(n) && !wildcard(g) && t.split('/').count() == 2 => Some((g.clone(), t.clone(), n.clone())),
        _ => None,
    };
    let by_id = given("ResourceId");
    if by_id.is_some() || constructed.is_some() {
        let found = resources_call(ctx, |w, sub| {
            let id = match (by_id, constructed) {
                (Some(id), _) => id,
                (None, Some((g, t, n))) => format!("{}/providers/{t}/{n}", resource_group_id(sub, &g)),
                (None, None) => String::new(),
            };
            Ok(w.get_arm_resource(sub, &id)?)
        })?;
        ctx.emit(resource(&found))?;
        return Ok(());
    }
    let (tag_name, tag_value) = match args.get("Tag") {
        Some(tag) => tag_of(Some(tag)),
        None => (given("TagName"), given("TagValue")),
    };
    let plain_group = group.clone().filter(|g| !g.contains('*'));
    let all = resources_call(ctx, |w, sub| Ok(w.list_arm_resources(sub, plain_group.as_deref())?))?;
    let keep = |r: &ArmResource| {
        group.as_ref().is_none_or(|g| plain_group.is_some() || filter(g, &r.resource_group, false))
            && name.as_ref().is_none_or(|n| filter(n, &r.name, true))
            && kind.as_ref().is_none_or(|t| t.eq_ignore_ascii_case(&r.resource_type))
            && tag_name.as_ref().is_none_or(|t| r.tags.iter().any(|(k, _)| k.eq_ignore_ascii_case(t)))
            && tag_value.as_ref().is_none_or(|t| r.tags.iter().any(|(_, v)| v.eq_ignore_ascii_case(t)))
    };
    ctx.emit_all(all.iter().filter(|r| keep(r)).map(resource).collect())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::filter;

    #[test]
    fn wildcards_are_only_a_leading_or_trailing_star() {
        assert!(filter("Lab*", "labarm", true));
        assert!(filter("*arm", "LabArm", true));
        assert!(filter("*bA*", "LabArm", true));
        assert!(!filter("L*m", "LabArm", true), "a star inside is a letter of an exact name");
        assert!(filter("L*m", "LabArm", false), "the group filter leaves such a pattern alone");
        assert!(filter("labarm", "LabArm", true));
    }
}
