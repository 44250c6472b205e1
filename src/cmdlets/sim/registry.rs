//! The simulated routing registry and the support approval of Microsoft peering prefixes.

use crate::cmdlets::azure::completers;
use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_num;
use crate::engine::error::ErrorCategory;
use crate::engine::ops;
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::{Ctx, EvalResult};

use super::{as_caller, info, sim_error, world};
use crate::cloud::{RegistryEntry, ROUTING_REGISTRIES};

pub fn commands() -> Vec<CommandInfo> {
    vec![
        info("Add-ErSimRoutingRegistryEntry", || Box::new(AddEntry))
            .param(ParamSpec::new("RoutingRegistryName", TypeKind::String).mandatory().set(ROUTING_REGISTRIES).help("The registry: ARIN, RIPENCC, APNIC, AFRINIC, LACNIC, RADB, ALTDB or LEVEL3."))
            .param(ParamSpec::new("Prefix", TypeKind::String).mandatory().help("The registered prefix, e.g. 123.0.0.0/24."))
            .param(ParamSpec::new("Asn", TypeKind::UInt).mandatory().help("The origin AS number the prefix is registered to."))
            .synopsis("Registers a prefix to an AS number in a simulated routing registry.")
            .description("Microsoft peering's advertised prefixes are validated against these records: Configured when every prefix is registered to the customer ASN in the named registry, ValidationNeeded when a record contradicts it, ManualValidation when no registry knows the prefix. Existing peerings are validated again.")
            .example("Make the documented Microsoft peering validate", "Add-ErSimRoutingRegistryEntry -RoutingRegistryName ARIN -Prefix 123.0.0.0/30 -Asn 2245", "The routing page's example peering becomes Configured.")
            .outputs("ErSim.RoutingRegistryEntry"),
        info("Get-ErSimRoutingRegistryEntry", || Box::new(GetEntries))
            .param(ParamSpec::new("RoutingRegistryName", TypeKind::String).position(0).wildcards().help("Only this registry's records (wildcards allowed)."))
            .synopsis("Lists the simulated routing registry records.")
            .description("Every prefix record of every registry, or of one.")
            .example("All records", "Get-ErSimRoutingRegistryEntry", "A table of registry, prefix and AS number.")
            .outputs("ErSim.RoutingRegistryEntry"),
        info("Remove-ErSimRoutingRegistryEntry", || Box::new(RemoveEntry))
            .param(ParamSpec::new("RoutingRegistryName", TypeKind::String).mandatory().set(ROUTING_REGISTRIES).by_name().help("The registry."))
            .param(ParamSpec::new("Prefix", TypeKind::String).mandatory().by_name().help("The prefix to remove."))
            .synopsis("Removes a simulated routing registry record.")
            .description("Peerings that relied on it are validated again.")
            .example("Withdraw a record", "Add-ErSimRoutingRegistryEntry -RoutingRegistryName ARIN -Prefix 123.0.0.0/30 -Asn 2245 | Out-Null\nRemove-ErSimRoutingRegistryEntry -RoutingRegistryName ARIN -Prefix 123.0.0.0/30", "The peering goes back to ManualValidation."),
        info("Approve-ErSimPrefixValidation", || Box::new(Approve))
            .param(ParamSpec::new("ServiceKey", TypeKind::Guid).mandatory().position(0).by_name().help("The circuit whose Microsoft peering support approves.").complete_with(completers::service_keys()))
            .synopsis("Simulates Microsoft support approving a Microsoft peering's prefixes.")
            .description("Moves a Microsoft peering in ManualValidation to Configured, as the support ticket the documentation asks for would.")
            .example("Approve after the support ticket", "# No registry knows 123.0.0.0/30, so the peering waits in ManualValidation.\nNew-AzureBGPPeering -AccessType Microsoft -ServiceKey $key -PrimaryPeerSubnet '131.107.0.8/30' -SecondaryPeerSubnet '131.107.0.12/30' -VlanId 300 -PeerAsn 1234 -CustomerAsn 2245 -AdvertisedPublicPrefixes '123.0.0.0/30' -RoutingRegistryName ARIN | Out-Null\nApprove-ErSimPrefixValidation -ServiceKey $key", "The peering's AdvertisedPublicPrefixesState becomes Configured."),
    ]
}

fn entry_object(e: &RegistryEntry) -> Value {
    let mut o = PsObject::typed("ErSim.RoutingRegistryEntry");
    o.add_typed("RoutingRegistryName", "string", Value::str(&e.registry));
    o.add_typed("Prefix", "string", Value::str(&e.prefix));
    o.add_typed("Asn", "uint32", Value::UInt(e.asn));
    Value::object(o)
}

struct AddEntry;

impl Cmdlet for AddEntry {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let registry = args.string("RoutingRegistryName").unwrap_or_default();
        let prefix = args.string("Prefix").unwrap_or_default();
        let asn = args.get("Asn").and_then(to_num).map(|n| n.as_f64() as u32).unwrap_or(0);
        let w = world(ctx)?;
        match w.write(|world| world.add_registry_entry(&registry, &prefix, asn)).map_err(|e| ctx.terminate(e))? {
            Ok(e) => ctx.emit(entry_object(&e)),
            Err(e) => sim_error(ctx, e),
        }
    }
}

struct GetEntries;

impl Cmdlet for GetEntries {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let filter = args.string("RoutingRegistryName");
        let w = world(ctx)?;
        let entries = w.read(|world| world.registry_entries().to_vec()).map_err(|e| ctx.terminate(e))?;
        for e in entries {
            if filter.as_ref().is_none_or(|f| ops::like(&Value::str(&e.registry), &Value::str(f), false)) {
                ctx.emit(entry_object(&e))?;
            }
        }
        Ok(())
    }
}

struct RemoveEntry;

impl Cmdlet for RemoveEntry {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let registry = args.string("RoutingRegistryName").unwrap_or_default();
        let prefix = args.string("Prefix").unwrap_or_default();
        let w = world(ctx)?;
        match w.write(|world| world.remove_registry_entry(&registry, &prefix)).map_err(|e| ctx.terminate(e))? {
            Ok(true) => Ok(()),
            Ok(false) => {
                let fqid = format!("ErSim.RecordNotFound,{}", ctx.command.class_name);
                ctx.write_error(crate::engine::ErrorRecord::new(
                    format!("The {registry} registry has no record for {prefix}."),
                    "System.ArgumentException",
                    ErrorCategory::ObjectNotFound,
                    fqid,
                ))
            }
            Err(e) => sim_error(ctx, e),
        }
    }
}

struct Approve;

impl Cmdlet for Approve {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let Some(Value::Guid(key)) = args.get("ServiceKey").cloned() else { return Ok(()) };
        as_caller(ctx, |world, caller| world.approve_prefix_validation(caller, &key))
    }
}
