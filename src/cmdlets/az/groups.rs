//! Az.Resources: New-, Get-, Remove-AzResourceGroup.

use crate::cmdlets::azure::{confirm, resources_call, Fail, Outcome};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::value::{TypeKind, Value};
use crate::engine::Ctx;

use super::{body, default_profile, models};

const CLASS: &str = "Microsoft.Azure.Commands.ResourceManager.Cmdlets.Implementation.";

/// Az.Resources turns the service's 404 for a group into its own message.
const NO_GROUP: &str = "Provided resource group does not exist.";

pub(super) fn api_version() -> ParamSpec {
    ParamSpec::new("ApiVersion", TypeKind::String).help("When set, indicates the version of the resource provider API to use.")
}

pub(super) fn pre() -> ParamSpec {
    ParamSpec::switch("Pre")
        .help("When set, indicates that the cmdlet should use pre-release API versions when automatically determining which version to use.")
}

pub fn commands(module: &str) -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("New-AzResourceGroup", module, &format!("{CLASS}NewAzureResourceGroupCmdlet"), body!(new_group))
            .param(ParamSpec::new("Name", TypeKind::String).mandatory().position(0).by_name().alias("ResourceGroupName").help("The resource group name."))
            .param(ParamSpec::new("Location", TypeKind::String).mandatory().position(1).by_name().help("The resource group location."))
            .param(ParamSpec::new("Tag", TypeKind::Hashtable).by_name().alias("Tags").help("A hashtable which represents resource tags."))
            .param(ParamSpec::switch("Force").help("Do not ask for confirmation."))
            .param(api_version())
            .param(pre())
            .param(default_profile())
            .outputs(models::RESOURCE_GROUP)
            .synopsis("Creates an Azure resource group.")
            .description("Creates the group in a region (named as ARM names it: 'West US' becomes westus). For a group that exists, asks before updating its tags unless -Force.")
            .example("Create a group", "New-AzResourceGroup -Name ExpressRouteResourceGroup -Location 'West US'", "The group, as a list."),
        CommandInfo::cmdlet("Get-AzResourceGroup", module, &format!("{CLASS}GetAzureResourceGroupCmdlet"), body!(get_group))
            .param(ParamSpec::new("Name", TypeKind::String).position(0).by_name().alias("ResourceGroupName").in_set("GetByResourceGroupName").help("The resource group name."))
            .param(ParamSpec::new("Location", TypeKind::String).position(1).by_name().help("The resource group location."))
            .param(ParamSpec::new("Id", TypeKind::String).by_name().alias("ResourceGroupId").alias("ResourceId").in_set("GetByResourceGroupId").help("The resource group Id."))
            .param(ParamSpec::new("Tag", TypeKind::Hashtable).by_name().in_set("GetByResourceGroupName").help("The tag filter for the OData query."))
            .param(api_version())
            .param(pre())
            .param(default_profile())
            .default_set("GetByResourceGroupName")
            .outputs(models::RESOURCE_GROUP)
            .synopsis("Gets resource groups.")
            .description("One group by name or id, or every group of the subscription (of a -Location).")
            .example("All groups", "Get-AzResourceGroup", "One list entry per group."),
        CommandInfo::cmdlet("Remove-AzResourceGroup", module, &format!("{CLASS}RemoveAzureResourceGroupCmdlet"), body!(remove_group))
            .param(ParamSpec::new("Name", TypeKind::String).mandatory().position(0).by_name().alias("ResourceGroupName").in_set("RemoveByResourceGroupName").help("The name of the resource group."))
            .param(ParamSpec::new("Id", TypeKind::String).mandatory().by_name().alias("ResourceGroupId").alias("ResourceId").in_set("RemoveByResourceGroupId").help("The Id of the resource group."))
            .param(ParamSpec::switch("Force").help("Do not ask for confirmation."))
            .param(ParamSpec::switch("AsJob").help("Run cmdlet in the background"))
            .param(api_version())
            .param(pre())
            .param(default_profile())
            .default_set("RemoveByResourceGroupName")
            .outputs("System.Boolean")
            .synopsis("Removes a resource group.")
            .description("Deletes the group and the circuits in it; a circuit the provider has not deprovisioned stops the delete. Asks first unless -Force.")
            .example("Remove without asking", "New-AzResourceGroup -Name Scratch -Location eastus | Out-Null\nRemove-AzResourceGroup -Name Scratch -Force", "Writes True."),
    ]
}

fn tags(args: &Args) -> Vec<(String, String)> {
    models::tags_of(args.get("Tag"))
}

/// The group name of `-Id` (`/subscriptions/…/resourceGroups/<name>`), or `-Name`.
fn group_name(args: &Args) -> String {
    match args.string("Id") {
        Some(id) => id.trim_end_matches('/').rsplit('/').next().unwrap_or_default().to_string(),
        None => args.string("Name").unwrap_or_default(),
    }
}

fn not_found_as_argument(fail: Fail) -> Fail {
    match fail {
        Fail::Arm(e, _) if e.code == "ResourceGroupNotFound" => Fail::argument(NO_GROUP),
        other => other,
    }
}

/// The real cmdlet asks (GET) whether the group exists, prompts to update it, then PUTs: here
/// a new group (or `-Force`) is one transaction, and only an existing group costs a second one
/// after its prompt.
fn new_group(ctx: &mut Ctx, args: &Args) -> Outcome {
    let name = args.string("Name").unwrap_or_default();
    let location = args.string("Location").unwrap_or_default();
    let tags = tags(args);
    let force = args.switch("Force");
    let put = |w: &mut crate::cloud::World, sub: &crate::cloud::SubscriptionId| -> Result<_, Fail> {
        Ok(w.create_or_update_resource_group(sub, &name, &location, &tags)?)
    };
    let created = resources_call(ctx, |w, sub| if !force && w.resource_group_exists(sub, &name)? { Ok(None) } else { put(w, sub).map(Some) })?;
    let group = match created {
        Some(g) => g,
        None => {
            if !confirm(ctx, args, "Provided resource group already exists. Are you sure you want to update it?", "Creating resource group", &name)? {
                return Ok(());
            }
            resources_call(ctx, put)?
        }
    };
    ctx.emit(models::resource_group(&group))?;
    Ok(())
}

fn get_group(ctx: &mut Ctx, args: &Args) -> Outcome {
    let named = args.has("Name") || args.has("Id");
    let name = group_name(args);
    let location = args.string("Location");
    let groups = resources_call(ctx, |w, sub| Ok(if named { vec![w.get_resource_group(sub, &name)?] } else { w.list_resource_groups(sub)? }))
        .map_err(not_found_as_argument)?;
    let wanted = location.and_then(|l| crate::cloud::arm::normalize_region(&l).map(str::to_string).or(Some(l)));
    let shown: Vec<Value> = groups.iter().filter(|g| wanted.as_ref().is_none_or(|l| g.location.eq_ignore_ascii_case(l))).map(models::resource_group).collect();
    ctx.emit_all(shown)?;
    Ok(())
}

fn remove_group(ctx: &mut Ctx, args: &Args) -> Outcome {
    let name = group_name(args);
    if !confirm(ctx, args, &format!("Are you sure you want to remove resource group '{name}'"), "Removing resource group", &name)? {
        return Ok(());
    }
    resources_call(ctx, |w, sub| Ok(w.remove_resource_group(sub, &name)?))?;
    ctx.emit(Value::Bool(true))?;
    Ok(())
}
