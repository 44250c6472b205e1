//! Az.Network's virtual networks, subnets, public IP addresses, virtual network gateways and
//! their connections, local network gateways, route filters: thin adapters over `crate::cloud::arm::network`. The config cmdlets
//! (`…SubnetConfig`, `…GatewayIpConfig`) edit or build local objects and call nothing; the
//! Set- cmdlets send the whole local object. Fidelity decisions: `docs/fidelity-cmdlets.md`
//! ("Resource Manager networking").

mod bgp_communities;
mod connections;
mod gateways;
mod json;
mod local_gateways;
mod models;
mod public_ips;
mod route_filters;
mod subnets;
mod vnets;

pub use route_filters::{route_filter_reference, FILTER as ROUTE_FILTER};

use crate::cloud::errors::CloudResult;
use crate::cloud::{SubscriptionId, World};
use crate::cmdlets::az::default_profile;
use crate::cmdlets::azure::{confirm, network_call, Fail};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::ops::wildcard_regex;
use crate::engine::value::{TypeKind, Value};
use crate::engine::views::TableView;
use crate::engine::Ctx;

pub(super) const CLASS: &str = "Microsoft.Azure.Commands.Network.";

/// Every cmdlet of this part of Az.Network.
pub fn commands(module: &str) -> Vec<CommandInfo> {
    let mut all = vnets::commands(module);
    all.extend(subnets::commands(module));
    all.extend(public_ips::commands(module));
    all.extend(gateways::commands(module));
    all.extend(connections::commands(module));
    all.extend(local_gateways::commands(module));
    all.extend(route_filters::commands(module));
    all.extend(bgp_communities::commands(module));
    all
}

/// The list views of their objects.
pub fn views() -> Vec<TableView> {
    let mut views = models::views();
    views.extend(route_filters::views());
    views.extend(bgp_communities::views());
    views
}

fn name_param(help: &str) -> ParamSpec {
    ParamSpec::new("Name", TypeKind::String).by_name().alias("ResourceName").help(help)
}

fn group_param() -> ParamSpec {
    ParamSpec::new("ResourceGroupName", TypeKind::String).by_name().help("The resource group name.")
}

/// A `Get-Az<Resource>`'s parameters: one by group and name, or a list; both take wildcards.
fn get_params(name_help: &str) -> [ParamSpec; 3] {
    [name_param(name_help).wildcards(), group_param().wildcards(), default_profile()]
}

/// A `Remove-Az<Resource>`'s parameters: the resource by group and name, `-Force` to skip the
/// prompt and `-PassThru` for the `True` the service's answer gives.
fn remove_params(name_help: &str) -> [ParamSpec; 5] {
    [
        name_param(name_help).mandatory(),
        group_param().mandatory(),
        ParamSpec::switch("Force").help("Do not ask for confirmation."),
        pass_thru_param(),
        default_profile(),
    ]
}

fn location_param() -> ParamSpec {
    ParamSpec::new("Location", TypeKind::String).mandatory().not_empty().by_name().help("location.")
}

fn tag_param() -> ParamSpec {
    ParamSpec::new("Tag", TypeKind::Hashtable).by_name().help("A hashtable which represents resource tags.")
}

fn force_param() -> ParamSpec {
    ParamSpec::switch("Force").help("Do not ask for confirmation if you want to overwrite a resource")
}

fn pass_thru_param() -> ParamSpec {
    ParamSpec::switch("PassThru").help("Returns an object representing the item on which this operation is being performed.")
}

fn has_wildcards(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// Get- by name and group: one GET when both are plain, else the list (of the plain group)
/// filtered by the wildcards, as the Network cmdlets' TopLevelWildcardFilter does; writes
/// what it found as `model` makes it.
fn get_or_list<T>(
    ctx: &mut Ctx,
    args: &Args,
    one: impl FnOnce(&World, &SubscriptionId, &str, &str) -> CloudResult<T>,
    many: impl FnOnce(&World, &SubscriptionId, Option<&str>) -> CloudResult<Vec<T>>,
    names: impl Fn(&T) -> (String, String),
    model: fn(&T) -> Value,
) -> Result<(), Fail> {
    let name = args.string("Name").filter(|s| !s.is_empty());
    let group = args.string("ResourceGroupName").filter(|s| !s.is_empty());
    let plain = |s: &Option<String>| s.as_ref().filter(|s| !has_wildcards(s)).cloned();
    let found = match (plain(&name), plain(&group)) {
        (Some(n), Some(g)) => vec![network_call(ctx, |w, sub| Ok(one(w, sub, &g, &n)?))?],
        (_, plain_group) => {
            let all = network_call(ctx, |w, sub| Ok(many(w, sub, plain_group.as_deref())?))?;
            let matches = |pattern: &Option<String>, value: &str| pattern.as_ref().is_none_or(|p| wildcard_regex(p, false).is_match(value));
            all.into_iter()
                .filter(|x| {
                    let (g, n) = names(x);
                    matches(&group, &g) && matches(&name, &n)
                })
                .collect()
        }
    };
    ctx.emit_all(found.iter().map(model).collect())?;
    Ok(())
}

/// The overwrite question of the New- cmdlets (Resources.OverwritingResource).
fn overwrite(name: &str) -> String {
    format!("Are you sure you want to overwrite resource '{name}'")
}

/// New-: `ConfirmAction(force, query, "Creating Resource", Name, action, present)` — unless
/// `force`, an existing resource asks `query` first; a new one goes ahead in one transaction.
/// Writes what the PUT answered as `model` makes it.
#[allow(clippy::too_many_arguments)]
fn create<T>(
    ctx: &mut Ctx,
    args: &Args,
    (force, query): (bool, &str),
    name: &str,
    exists: impl Fn(&World, &SubscriptionId) -> CloudResult<bool>,
    put: impl Fn(&mut World, &SubscriptionId) -> CloudResult<T>,
    model: fn(&T) -> Value,
) -> Result<(), Fail> {
    let created = network_call(ctx, |w, sub| if !force && exists(w, sub)? { Ok(None) } else { Ok(Some(put(w, sub)?)) })?;
    let made = match created {
        Some(made) => made,
        None if !confirm(ctx, args, query, "Creating Resource", name)? => return Ok(()),
        None => network_call(ctx, |w, sub| Ok(put(w, sub)?))?,
    };
    ctx.emit(model(&made))?;
    Ok(())
}

/// Set-: the cmdlets GET the resource first (one that is not there is an ArgumentException
/// with the SDK's unformatted text), then send the local object; writes the answer as
/// `model` makes it.
fn update<T>(
    ctx: &mut Ctx,
    exists: impl FnOnce(&World, &SubscriptionId) -> CloudResult<bool>,
    put: impl FnOnce(&mut World, &SubscriptionId) -> Result<T, Fail>,
    model: fn(&T) -> Value,
) -> Result<(), Fail> {
    let sent = network_call(ctx, |w, sub| {
        if !exists(w, sub)? {
            return Err(Fail::argument("Resource '{0}' not found"));
        }
        put(w, sub)
    })?;
    ctx.emit(model(&sent))?;
    Ok(())
}

/// Remove-: always asks unless -Force; `-PassThru` writes True.
fn remove(ctx: &mut Ctx, args: &Args, op: impl FnOnce(&mut World, &SubscriptionId, &str, &str) -> CloudResult<()>) -> Result<(), Fail> {
    let name = args.string("Name").unwrap_or_default();
    let group = args.string("ResourceGroupName").unwrap_or_default();
    if !confirm(ctx, args, &format!("Are you sure you want to remove resource '{name}'"), "Removing resource ...", &name)? {
        return Ok(());
    }
    network_call(ctx, |w, sub| Ok(op(w, sub, &group, &name)?))?;
    if args.switch("PassThru") {
        ctx.emit(Value::Bool(true))?;
    }
    Ok(())
}

/// AzureRM's New-AzureRmVirtualNetwork, …Gateway and …GatewayConnection warned first thing,
/// before the presence check and any prompt (AzureRM source, index id 100451496; captures of
/// New-AzureRmVirtualNetwork); the Az cmdlets no longer do.
fn azure_rm_output_warning(ctx: &mut Ctx) -> Result<(), Fail> {
    if ctx.command.name.contains("-AzureRm") {
        ctx.write_warning("The output object type of this cmdlet will be modified in a future release.")?;
    }
    Ok(())
}

/// The object a mandatory object parameter holds.
fn object_arg(args: &Args, name: &str) -> Value {
    args.get(name).cloned().unwrap_or(Value::Null)
}

/// A string[] parameter's items.
fn strings_arg(args: &Args, name: &str) -> Vec<String> {
    models::items(args.get(name).cloned()).iter().map(crate::engine::convert::to_string).collect()
}
