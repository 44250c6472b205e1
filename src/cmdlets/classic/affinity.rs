//! New-/Get-/Remove-AzureAffinityGroup and Get-AzureLocation (the classic module's compute
//! namespace): the affinity groups a subscription's older VNets were placed by, and the
//! locations the service offers. Results carry the operation context as every Service
//! Management cmdlet's did.

use crate::cloud::affinity::{locations, AffinityGroup, LOCATION_SERVICES};
use crate::cloud::affinity::{MAX_DESCRIPTION, MAX_LABEL};
use crate::cmdlets::azure::{call, Outcome, SmCmdlet};
use crate::engine::binder::Validator;
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::Ctx;

use super::accounts::MODULE;
use super::vnet::{operation, operation_context, OPERATION_CONTEXT};

const GROUP_CONTEXT: &str = "Microsoft.WindowsAzure.Commands.ServiceManagement.Model.AffinityGroupContext";
const LOCATION_CONTEXT: &str = "Microsoft.WindowsAzure.Commands.ServiceManagement.Model.LocationsContext";

/// A cmdlet of the classic module's compute namespace.
macro_rules! compute_cmdlet {
    ($name:expr, $class:expr, $body:path) => {
        CommandInfo::cmdlet($name, MODULE, concat!("Microsoft.WindowsAzure.Commands.ServiceManagement.", $class), || Box::new(SmCmdlet($body)))
    };
}

fn group_name(help: &str) -> ParamSpec {
    ParamSpec::new("Name", TypeKind::String).position(0).by_name().not_empty().help(help)
}

/// The cmdlet's `[ValidateLength(min, max)]`, the service's limit checked before any request.
fn length(spec: ParamSpec, min: usize, max: usize) -> ParamSpec {
    ParamSpec { validators: vec![Validator::Length(min as i64, max as i64)], ..spec }
}

pub fn commands() -> Vec<CommandInfo> {
    vec![
        compute_cmdlet!("New-AzureAffinityGroup", "AffinityGroups.NewAzureAffinityGroup", new_group)
            .param(group_name("Name of the affinity group.").mandatory())
            .param(length(ParamSpec::new("Label", TypeKind::String).not_empty().help("Label of the affinity group."), 1, MAX_LABEL))
            .param(length(ParamSpec::new("Description", TypeKind::String).help("Description of the affinity group."), 0, MAX_DESCRIPTION))
            .param(ParamSpec::new("Location", TypeKind::String).mandatory().not_empty().help("Location of the affinity group."))
            .outputs(OPERATION_CONTEXT)
            .synopsis("Creates an affinity group in a location.")
            .description("The name is unique in the subscription; the label defaults to the name. A VirtualNetworkSite of the network configuration may name the group (AffinityGroup=\"...\") instead of a Location.")
            .example("An affinity group", "New-AzureAffinityGroup -Name Lab-AG -Location 'West US'", "The operation context; Get-AzureAffinityGroup lists it."),
        compute_cmdlet!("Get-AzureAffinityGroup", "AffinityGroups.GetAzureAffinityGroup", get_group)
            .param(group_name("Affinity Group name"))
            .outputs(GROUP_CONTEXT)
            .synopsis("Gets the affinity groups of the subscription.")
            .description("All of them, or the one named (ResourceNotFound when there is none).")
            .example("One group", "New-AzureAffinityGroup -Name Lab-AG -Location 'West US' | Out-Null\nGet-AzureAffinityGroup -Name Lab-AG", "Its label, location and capabilities."),
        compute_cmdlet!("Remove-AzureAffinityGroup", "AffinityGroups.RemoveAzureAffinityGroup", remove_group)
            .param(group_name("Name of the affinity group.").mandatory())
            .outputs(OPERATION_CONTEXT)
            .synopsis("Deletes an affinity group.")
            .description("Refused while a VNet of the network configuration is placed in it.")
            .example("Remove a group", "New-AzureAffinityGroup -Name Lab-AG -Location 'West US' | Out-Null\nRemove-AzureAffinityGroup -Name Lab-AG", "The operation context."),
        compute_cmdlet!("Get-AzureLocation", "HostedServices.GetAzureLocationCommand", get_locations)
            .outputs(LOCATION_CONTEXT)
            .synopsis("Gets the locations the service offers.")
            .description("Each location's name, display name and the services it offers; New-AzureAffinityGroup and the network configuration take these names.")
            .example("The location names", "Get-AzureLocation | Select-Object -ExpandProperty Name", "West US, East US, ..."),
    ]
}

fn new_group(ctx: &mut Ctx, args: &Args) -> Outcome {
    let name = args.string("Name").unwrap_or_default();
    // The cmdlet sends the name as the label when none is given.
    let label = args.string("Label").unwrap_or_else(|| name.clone());
    let description = args.string("Description");
    let location = args.string("Location").unwrap_or_default();
    let id = call(ctx, args, |w, sub| {
        w.create_affinity_group(sub, &name, &label, description.as_deref(), &location)?;
        Ok(w.next_guid())
    })?;
    let result = operation_context(ctx, id);
    ctx.emit(result)?;
    Ok(())
}

fn strings(items: &[&str]) -> Value {
    Value::array(items.iter().map(|s| Value::str(*s)).collect())
}

fn group_context(g: &AffinityGroup, ctx: &Ctx, id: uuid::Uuid) -> Value {
    let mut o = PsObject::typed(GROUP_CONTEXT);
    o.add_typed("Name", "string", Value::str(&g.name));
    o.add_typed("Label", "string", Value::str(&g.label));
    o.add_typed("Description", "string", g.description.as_deref().map_or(Value::Null, Value::str));
    o.add_typed("Location", "string", Value::str(&g.location));
    // The lab holds no cloud services or storage accounts.
    o.add_typed(
        "HostedServices",
        "System.Collections.Generic.IEnumerable[Microsoft.WindowsAzure.Commands.ServiceManagement.Model.AffinityGroupContext+Service]",
        Value::array(Vec::new()),
    );
    o.add_typed(
        "StorageServices",
        "System.Collections.Generic.IEnumerable[Microsoft.WindowsAzure.Commands.ServiceManagement.Model.AffinityGroupContext+Service]",
        Value::array(Vec::new()),
    );
    o.add_typed("Capabilities", "System.Collections.Generic.IEnumerable[string]", strings(&["PersistentVMRole", "HighMemory"]));
    o.add_typed("WebWorkerRoleSizes", "System.Collections.Generic.IEnumerable[string]", Value::array(Vec::new()));
    o.add_typed("VirtualMachineRoleSizes", "System.Collections.Generic.IEnumerable[string]", Value::array(Vec::new()));
    o.add_typed("CreatedTime", "System.Nullable[datetime]", Value::DateTime(g.created));
    operation(&mut o, ctx, id);
    Value::object(o)
}

fn get_group(ctx: &mut Ctx, args: &Args) -> Outcome {
    let name = args.string("Name");
    let groups = call(ctx, args, |w, sub| {
        let groups = match &name {
            Some(name) => vec![w.affinity_group(sub, name)?],
            None => w.affinity_groups(sub)?,
        };
        Ok(groups.into_iter().map(|g| (g, w.next_guid())).collect::<Vec<_>>())
    })?;
    let out: Vec<Value> = groups.iter().map(|(g, id)| group_context(g, ctx, *id)).collect();
    ctx.emit_all(out)?;
    Ok(())
}

fn remove_group(ctx: &mut Ctx, args: &Args) -> Outcome {
    let name = args.string("Name").unwrap_or_default();
    let id = call(ctx, args, |w, sub| {
        w.remove_affinity_group(sub, &name)?;
        Ok(w.next_guid())
    })?;
    let result = operation_context(ctx, id);
    ctx.emit(result)?;
    Ok(())
}

fn get_locations(ctx: &mut Ctx, args: &Args) -> Outcome {
    // One List Locations request: one operation id for every location it answered.
    let id = call(ctx, args, |w, _| Ok(w.next_guid()))?;
    let out: Vec<Value> = locations()
        .map(|l| {
            let mut o = PsObject::typed(LOCATION_CONTEXT);
            o.add_typed("DisplayName", "string", Value::str(l));
            o.add_typed("Name", "string", Value::str(l));
            o.add_typed("AvailableServices", "System.Collections.Generic.IEnumerable[string]", strings(LOCATION_SERVICES));
            o.add_typed(
                "StorageAccountTypes",
                "System.Collections.Generic.IEnumerable[string]",
                strings(&["Standard_LRS", "Standard_ZRS", "Standard_GRS", "Standard_RAGRS", "Premium_LRS"]),
            );
            o.add_typed("VirtualMachineRoleSizes", "System.Collections.Generic.IEnumerable[string]", Value::array(Vec::new()));
            o.add_typed("WebWorkerRoleSizes", "System.Collections.Generic.IEnumerable[string]", Value::array(Vec::new()));
            operation(&mut o, ctx, id);
            Value::object(o)
        })
        .collect();
    ctx.emit_all(out)?;
    Ok(())
}
