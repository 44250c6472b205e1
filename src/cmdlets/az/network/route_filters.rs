//! New-, Get-, Set-, Remove-AzRouteFilter and Add-, New-, Get-, Set-,
//! Remove-AzRouteFilterRuleConfig, with the `PSRouteFilter` and `PSRouteFilterRule` models and
//! views. The rule cmdlets edit the local filter's `Rules` (a List, so scripts may also
//! `$filter.Rules.Add($rule)`); their prompts are the source's ConfirmAction calls.

use crate::cloud::arm::network::{RouteFilter, RouteFilterPut, RouteFilterRulePut};
use crate::cmdlets::az::models::tags_of;
use crate::cmdlets::az::{body, default_profile};
use crate::cmdlets::azure::{confirm, network_call, Fail, Outcome, INVALID_OPERATION};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::value::{PsObject, TypeKind, TypeRef, Value};
use crate::engine::views::{ColumnValue, TableView, ViewColumn};
use crate::engine::Ctx;

use super::super::models::{tag_table, tags_table};
use super::get_params;
use super::models::{items, member, member_strings, member_text};
use super::{
    create, get_or_list, group_param, json, location_param, name_param, object_arg, overwrite, pass_thru_param, remove, strings_arg, tag_param, CLASS,
};

pub const FILTER: &str = "Microsoft.Azure.Commands.Network.Models.PSRouteFilter";
pub const RULE: &str = "Microsoft.Azure.Commands.Network.Models.PSRouteFilterRule";
const PEERING: &str = "Microsoft.Azure.Commands.Network.Models.PSPeering";

/// A peering the filter is attached to, by its id (chosen: the GET's peerings are not
/// expanded here).
fn peering_reference(id: &str) -> Value {
    let mut o = PsObject::typed(PEERING);
    o.add_typed("Id", "string", Value::str(id));
    Value::object(o)
}

/// A `List[T]` of the values (the models' list members).
pub(super) fn list_of(type_name: &str, values: Vec<Value>) -> Value {
    Value::list(TypeRef::generic(TypeKind::List, vec![TypeRef::foreign(type_name)]), values)
}

/// A `PSRouteFilterRule`; `served` is the filter's (etag, id) once the service has it.
fn rule(name: &str, access: &str, rule_type: &str, communities: &[String], served: Option<(&str, &str)>) -> Value {
    let mut o = PsObject::typed(RULE);
    o.add_typed("Access", "string", Value::str(access));
    o.add_typed("RouteFilterRuleType", "string", Value::str(rule_type));
    o.add_typed("Communities", "System.Collections.Generic.List[string]", list_of("string", communities.iter().map(Value::str).collect()));
    o.add_typed("ProvisioningState", "string", served.map_or(Value::Null, |_| Value::str("Succeeded")));
    o.add_typed("Name", "string", Value::str(name));
    o.add_typed("Etag", "string", served.map_or(Value::Null, |(etag, _)| Value::str(etag)));
    o.add_typed("Id", "string", served.map_or(Value::Null, |(_, id)| Value::str(format!("{id}/routeFilterRules/{name}"))));
    Value::object(o)
}

/// A `PSRouteFilter` holding only its id: what a peering carries (the service answers the
/// reference; the peering config cmdlets build one from -RouteFilterId or -RouteFilter).
pub fn route_filter_reference(id: &str) -> Value {
    let mut o = PsObject::typed(FILTER);
    o.add_typed("Id", "string", Value::str(id));
    Value::object(o)
}

/// A `PSRouteFilter`.
fn filter(f: &RouteFilter) -> Value {
    let c = &f.record.common;
    let mut o = PsObject::typed(FILTER);
    o.add_typed("Name", "string", Value::str(&c.name));
    o.add_typed("ResourceGroupName", "string", Value::str(&c.resource_group));
    o.add_typed("Location", "string", Value::str(&c.location));
    o.add_typed("Id", "string", Value::str(&f.id));
    o.add_typed("Etag", "string", Value::str(&f.etag));
    o.add_typed("ProvisioningState", "string", Value::str("Succeeded"));
    o.add_typed("Tag", "hashtable", if c.tags.is_empty() { Value::Null } else { tag_table(&c.tags) });
    o.add_typed("TagsTable", "string", tags_table(&c.tags));
    let rules = f.record.rules.iter().map(|r| rule(&r.name, &r.access, "Community", &r.communities, Some((&f.etag, &f.id)))).collect();
    o.add_typed("Rules", "System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSRouteFilterRule]", list_of(RULE, rules));
    o.add_typed(
        "Peerings",
        "System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSPeering]",
        list_of(PEERING, f.record.peerings.iter().map(|id| peering_reference(id)).collect()),
    );
    Value::object(o)
}

/// The views of Network.format.ps1xml for the two models.
pub fn views() -> Vec<TableView> {
    let prop = |name: &'static str| ViewColumn::property(name, 0);
    let computed = |label: &'static str, f: fn(&Value) -> String| ViewColumn { label, value: ColumnValue::Computed(f), ..ViewColumn::property(label, 0) };
    let filter = vec![
        prop("Name"),
        prop("ResourceGroupName"),
        prop("Location"),
        prop("Id"),
        prop("Etag"),
        prop("ProvisioningState"),
        ViewColumn { label: "Tags", ..prop("TagsTable") },
        computed("Rules", |v| json::member(v, "Rules")),
        computed("Peerings", |v| json::member(v, "Peerings")),
    ];
    let rule = vec![prop("Name"), prop("Id"), prop("Etag"), prop("ProvisioningState"), prop("Access"), prop("RouteFilterRuleType"), prop("Communities")];
    vec![TableView { list: true, ..TableView::new(FILTER, filter) }, TableView { list: true, ..TableView::new(RULE, rule) }]
}

fn rule_params(c: CommandInfo) -> CommandInfo {
    c.param(ParamSpec::new("Name", TypeKind::String).mandatory().not_empty().help("The name of the route filter rule"))
        .param(
            ParamSpec::new("Access", TypeKind::String)
                .mandatory()
                .not_empty()
                .set(&["Allow", "Deny"])
                .help("The access type of the rule. Possible values are: 'Allow', 'Deny'"),
        )
        .param(
            ParamSpec::new("RouteFilterRuleType", TypeKind::String)
                .mandatory()
                .not_empty()
                .set(&["Community"])
                .help("The route filter rule type of the rule. Possible values are: 'Community'"),
        )
        .param(ParamSpec::new("CommunityList", TypeKind::String).array().mandatory().help("The list of community value that route filter will filter on"))
        .param(ParamSpec::switch("Force").help("Do not ask for confirmation if you want to overwrite a resource"))
}

fn filter_param() -> ParamSpec {
    ParamSpec::new("RouteFilter", TypeKind::Object).mandatory().pipeline().help("The RouteFilter")
}

const SETUP: &str = "New-AzResourceGroup -Name FilterRG -Location 'West US' -Force | Out-Null\n$filter = New-AzRouteFilter -Name LabFilter -ResourceGroupName FilterRG -Location 'West US' -Force\n";

pub fn commands(module: &str) -> Vec<CommandInfo> {
    let rule_line = "$rule = New-AzRouteFilterRuleConfig -Name Allow-EXO -Access Allow -RouteFilterRuleType Community -CommunityList 12076:5010 -Force";
    vec![
        CommandInfo::cmdlet("New-AzRouteFilter", module, &format!("{CLASS}NewAzureRouteFilterCommand"), body!(new_filter))
            .param(name_param("The resource name.").mandatory().not_empty())
            .param(group_param().mandatory().not_empty())
            .param(location_param())
            .param(ParamSpec::new("Rule", TypeKind::Object).array().by_name().help("The list of Routes"))
            .param(tag_param())
            .param(ParamSpec::switch("Force").help("Do not ask for confirmation if you want to overwrite a resource"))
            .param(default_profile())
            .outputs(FILTER)
            .synopsis("Creates a route filter.")
            .description("Creates the route filter resource, with the rule of -Rule if one is given. A filter of the same name asks to be overwritten (none with -Force).")
            .example("A route filter", &format!("{SETUP}$filter | Select-Object Name, Location"), "LabFilter westus"),
        CommandInfo::cmdlet("Get-AzRouteFilter", module, &format!("{CLASS}GetAzureRouteFilterCommand"), body!(get_filter))
            .params(get_params("The resource name."))
            .outputs(FILTER)
            .synopsis("Gets a route filter.")
            .description("One route filter by group and name, or those of a group or of the subscription; -Name and -ResourceGroupName take wildcards.")
            .example("Every route filter", "Get-AzRouteFilter | Select-Object Name", "A table of names."),
        CommandInfo::cmdlet("Set-AzRouteFilter", module, &format!("{CLASS}SetAzureRouteFilterCommand"), body!(set_filter))
            .param(filter_param())
            .param(ParamSpec::switch("Force").help("Do not ask for confirmation if you want to overrite a resource"))
            .param(default_profile())
            .outputs(FILTER)
            .synopsis("Updates a route filter.")
            .description("Sends the local filter with its rules. Always asks to overwrite unless -Force.")
            .example("Add a rule and save it", &format!("{SETUP}{rule_line}\n$filter.Rules.Add($rule)\n(Set-AzRouteFilter -RouteFilter $filter -Force).Rules.Count"), "1"),
        CommandInfo::cmdlet("Remove-AzRouteFilter", module, &format!("{CLASS}RemoveAzureRouteFilterCommand"), body!(remove_filter))
            .param(name_param("The resource name.").mandatory().not_empty())
            .param(group_param().mandatory().not_empty())
            .param(ParamSpec::switch("Force").help("Do not ask for confirmation."))
            .param(pass_thru_param())
            .param(default_profile())
            .outputs("System.Boolean")
            .synopsis("Removes a route filter.")
            .description("Always asks unless -Force.")
            .example("Remove a filter", &format!("{SETUP}Remove-AzRouteFilter -Name LabFilter -ResourceGroupName FilterRG -Force -PassThru"), "Writes True."),
        rule_params(CommandInfo::cmdlet("New-AzRouteFilterRuleConfig", module, &format!("{CLASS}NewAzureRouteFilterRuleConfigCommand"), body!(new_rule)))
            .param(default_profile())
            .outputs(RULE)
            .synopsis("Creates a route filter rule for a route filter.")
            .description("A local rule object; the cmdlet asks to 'overwrite' it unless -Force, as its source does.")
            .example("A rule for Exchange Online", &format!("{rule_line}\n$rule.Communities"), "12076:5010"),
        rule_params(CommandInfo::cmdlet("Add-AzRouteFilterRuleConfig", module, &format!("{CLASS}AddAzureRouteFilterRuleConfigCommand"), body!(add_rule)))
            .param(filter_param())
            .param(default_profile())
            .outputs(FILTER)
            .synopsis("Adds a route filter rule to a route filter.")
            .description("Adds the rule to the local filter object (asking first only when the service already has a rule of that name); Set-AzRouteFilter sends it.")
            .example("Add a rule locally", &format!("{SETUP}Add-AzRouteFilterRuleConfig -RouteFilter $filter -Name Allow-EXO -Access Allow -RouteFilterRuleType Community -CommunityList 12076:5010 | Out-Null\n$filter.Rules.Count"), "1"),
        CommandInfo::cmdlet("Get-AzRouteFilterRuleConfig", module, &format!("{CLASS}GetRouteFilterRuleConfigCommand"), body!(get_rule))
            .param(ParamSpec::new("Name", TypeKind::String).not_empty().help("The name of the route filter rule"))
            .param(filter_param())
            .param(default_profile())
            .outputs(RULE)
            .synopsis("Gets a route filter rule in a route filter.")
            .description("The named rule of the local filter object, or all of them.")
            .example("The rules of a filter", &format!("{SETUP}Get-AzRouteFilterRuleConfig -RouteFilter $filter"), "Nothing for a filter without rules."),
        rule_params(CommandInfo::cmdlet("Set-AzRouteFilterRuleConfig", module, &format!("{CLASS}SetAzureRouteFilterRuleConfigCommand"), body!(set_rule)))
            .param(filter_param())
            .param(default_profile())
            .outputs(FILTER)
            .synopsis("Modifies the route filter rule of a route filter.")
            .description("Changes the named rule of the local filter object; asks unless -Force.")
            .example("Change the communities locally", &format!("{SETUP}Add-AzRouteFilterRuleConfig -RouteFilter $filter -Name r -Access Allow -RouteFilterRuleType Community -CommunityList 12076:5010 | Out-Null\n$filter = Set-AzRouteFilterRuleConfig -RouteFilter $filter -Name r -Access Allow -RouteFilterRuleType Community -CommunityList 12076:5030 -Force\n$filter.Rules[0].Communities"), "12076:5030"),
        CommandInfo::cmdlet("Remove-AzRouteFilterRuleConfig", module, &format!("{CLASS}RemoveAzureRouteFilterRuleConfigCommand"), body!(remove_rule))
            .param(ParamSpec::new("Name", TypeKind::String).mandatory().not_empty().help("The name of the route filter rule"))
            .param(filter_param())
            .param(ParamSpec::switch("Force").help("Do not ask for confirmation if you want to overrite a resource"))
            .param(default_profile())
            .outputs(RULE)
            .synopsis("Removes a route filter rule from a route filter.")
            .description("Removes the named rule from the local filter object (nothing when it has none); asks unless -Force, naming the filter.")
            .example("Remove a rule locally", &format!("{SETUP}Add-AzRouteFilterRuleConfig -RouteFilter $filter -Name r -Access Allow -RouteFilterRuleType Community -CommunityList 12076:5010 | Out-Null\n$filter = Remove-AzRouteFilterRuleConfig -RouteFilter $filter -Name r -Force\n$filter.Rules.Count"), "0"),
    ]
}

fn rule_puts(list: Vec<Value>) -> Vec<RouteFilterRulePut> {
    list.iter()
        .map(|r| RouteFilterRulePut {
            name: member_text(r, "Name").unwrap_or_default(),
            access: member_text(r, "Access").unwrap_or_default(),
            rule_type: member_text(r, "RouteFilterRuleType").unwrap_or_default(),
            communities: member_strings(r, "Communities"),
        })
        .collect()
}

fn new_filter(ctx: &mut Ctx, args: &Args) -> Outcome {
    let put = RouteFilterPut {
        resource_group: args.string("ResourceGroupName").unwrap_or_default(),
        name: args.string("Name").unwrap_or_default(),
        location: args.string("Location").unwrap_or_default(),
        rules: rule_puts(items(args.get("Rule").cloned())),
        tags: tags_of(args.get("Tag")),
    };
    let (group, name) = (put.resource_group.clone(), put.name.clone());
    create(
        ctx,
        args,
        (args.switch("Force"), &overwrite(&name)),
        &name,
        |w, sub| w.route_filter_exists(sub, &group, &name),
        |w, sub| w.put_route_filter(sub, put.clone()),
        filter,
    )
}

fn get_filter(ctx: &mut Ctx, args: &Args) -> Outcome {
    get_or_list(
        ctx,
        args,
        |w, sub, g, n| w.get_route_filter(sub, g, n),
        |w, sub, g| w.list_route_filters(sub, g),
        |f| (f.record.common.resource_group.clone(), f.record.common.name.clone()),
        filter,
    )
}

/// The legacy ConfirmAction: always asks unless -Force.
fn set_filter(ctx: &mut Ctx, args: &Args) -> Outcome {
    let v = object_arg(args, "RouteFilter");
    let put = RouteFilterPut {
        resource_group: member_text(&v, "ResourceGroupName").unwrap_or_default(),
        name: member_text(&v, "Name").unwrap_or_default(),
        location: member_text(&v, "Location").unwrap_or_default(),
        rules: rule_puts(items(member(&v, "Rules"))),
        tags: tags_of(member(&v, "Tag").as_ref()),
    };
    if !confirm(ctx, args, &overwrite(&put.name), "Creating Resource", &put.name.clone())? {
        return Ok(());
    }
    let f = network_call(ctx, |w, sub| Ok(w.put_route_filter(sub, put)?))?;
    ctx.emit(filter(&f))?;
    Ok(())
}

fn remove_filter(ctx: &mut Ctx, args: &Args) -> Outcome {
    remove(ctx, args, |w, sub, g, n| w.remove_route_filter(sub, g, n))
}

fn rule_of(args: &Args) -> Value {
    rule(
        &args.string("Name").unwrap_or_default(),
        &args.string("Access").unwrap_or_default(),
        &args.string("RouteFilterRuleType").unwrap_or_default(),
        &strings_arg(args, "CommunityList"),
        None,
    )
}

/// The local filter's `Rules` list (items shared with the object, so edits show in it).
fn rules_of(v: &Value) -> Result<std::rc::Rc<std::cell::RefCell<Vec<Value>>>, Fail> {
    match member(v, "Rules") {
        Some(Value::List(l)) => Ok(l.items.clone()),
        Some(Value::Array(a)) => Ok(a),
        _ => Err(Fail::Exception("System.NullReferenceException".into(), "Object reference not set to an instance of an object.".into())),
    }
}

fn named(rules: &[Value], name: &str) -> Option<usize> {
    rules.iter().position(|r| member_text(r, "Name").is_some_and(|n| n.eq_ignore_ascii_case(name)))
}

fn new_rule(ctx: &mut Ctx, args: &Args) -> Outcome {
    let name = args.string("Name").unwrap_or_default();
    if confirm(ctx, args, &overwrite(&name), "Creating Resource", &name)? {
        ctx.emit(rule_of(args))?;
    }
    Ok(())
}

/// Asks only when the service already has a rule of that name on the filter (its GET).
fn add_rule(ctx: &mut Ctx, args: &Args) -> Outcome {
    let v = object_arg(args, "RouteFilter");
    let name = args.string("Name").unwrap_or_default();
    let (group, filter_name) = (member_text(&v, "ResourceGroupName").unwrap_or_default(), member_text(&v, "Name").unwrap_or_default());
    let present = network_call(ctx, |w, sub| {
        Ok(w.get_route_filter(sub, &group, &filter_name).map(|f| f.record.rules.iter().any(|r| r.name.eq_ignore_ascii_case(&name))).unwrap_or(false))
    })?;
    if present && !confirm(ctx, args, &overwrite(&name), "Creating Resource", &name)? {
        return Ok(());
    }
    let rules = rules_of(&v)?;
    if named(&rules.borrow(), &name).is_some() {
        return Err(Fail::argument("Rule with the specified name already exists"));
    }
    rules.borrow_mut().push(rule_of(args));
    ctx.emit(v)?;
    Ok(())
}

fn get_rule(ctx: &mut Ctx, args: &Args) -> Outcome {
    let all = items(member(&object_arg(args, "RouteFilter"), "Rules"));
    match args.string("Name").filter(|n| !n.is_empty()) {
        Some(name) => {
            let at = named(&all, &name).ok_or_else(|| Fail::Exception(INVALID_OPERATION.into(), "Sequence contains no matching element".into()))?;
            ctx.emit(all[at].clone())?;
        }
        None => ctx.emit_all(all)?,
    }
    Ok(())
}

fn set_rule(ctx: &mut Ctx, args: &Args) -> Outcome {
    let v = object_arg(args, "RouteFilter");
    let name = args.string("Name").unwrap_or_default();
    if !confirm(ctx, args, &overwrite(&name), "Creating Resource", &name)? {
        return Ok(());
    }
    let rules = rules_of(&v)?;
    let at = named(&rules.borrow(), &name).ok_or_else(|| Fail::argument("rule with the specified name does not exist"))?;
    rules.borrow_mut()[at] = rule_of(args);
    ctx.emit(v)?;
    Ok(())
}

/// Asks to "overwrite" the filter, as the source's resource string has it.
fn remove_rule(ctx: &mut Ctx, args: &Args) -> Outcome {
    let v = object_arg(args, "RouteFilter");
    let filter_name = member_text(&v, "Name").unwrap_or_default();
    if !confirm(ctx, args, &overwrite(&filter_name), "Creating Resource", &filter_name)? {
        return Ok(());
    }
    let name = args.string("Name").unwrap_or_default();
    let rules = rules_of(&v)?;
    let at = named(&rules.borrow(), &name);
    if let Some(at) = at {
        rules.borrow_mut().remove(at);
    }
    ctx.emit(v)?;
    Ok(())
}
