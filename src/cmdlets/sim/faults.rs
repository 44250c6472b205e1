//! Add-, Get-, Clear-ErSimFault: injected failures and delays, for testing how
//! scripts handle a service that does not answer as hoped.

use chrono::Duration;

use crate::cloud::{find_fault_preset, CloudError, ErrorKind, Fault, FaultEffect, NewFault, FAULT_PRESETS};
use crate::cmdlets::azure::completers;
use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::{format_timespan, to_num};
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::{Ctx, EvalResult};

use super::state::duration_ticks;
use super::{info, sim_error, world};

pub fn commands() -> Vec<CommandInfo> {
    let presets: Vec<&str> = FAULT_PRESETS.iter().map(|p| p.name).collect();
    vec![
        info("Add-ErSimFault", || Box::new(AddFault))
            .param(ParamSpec::new("Cmdlet", TypeKind::String).mandatory().position(0).wildcards().complete_with(crate::cmdlets::core::command_names()).help("The cmdlet the fault applies to; wildcards allowed (e.g. *-AzureBGPPeering)."))
            .param(ParamSpec::new("Preset", TypeKind::String).set(&presets).in_set("Preset").help("A ready-made service error."))
            .param(ParamSpec::new("Code", TypeKind::String).in_set("Error").help("The error code the service answers with."))
            .param(ParamSpec::new("Message", TypeKind::String).in_set("Error").help("The error message the service answers with."))
            .param(ParamSpec::new("StatusCode", TypeKind::Int).in_set("Error").help("The HTTP status (400 to 599, default 500)."))
            .param(ParamSpec::switch("AsOperationFailure").in_set("Error").help("Fail as a long-running operation (`Code : Message`) instead of synchronously (`Code: Message`)."))
            .param(ParamSpec::new("Delay", TypeKind::TimeSpan).in_set("Delay").help("Instead of failing, make the operation take this long on the virtual clock."))
            .param(ParamSpec::new("ServiceKey", TypeKind::Guid).help("Only calls about this circuit.").complete_with(completers::service_keys()))
            .param(ParamSpec::new("Count", TypeKind::UInt).help("Fire this many times, then disappear (default: never runs out)."))
            .param(ParamSpec::new("Probability", TypeKind::Double).help("Chance of firing on each matching call, 0 to 1 (default 1); draws follow the seed."))
            .default_set("Preset")
            .synopsis("Injects a failure or a delay into the simulated service.")
            .description("Matching cmdlet calls fail with the chosen service error (as a CloseError record, like any service answer) or take extra virtual time. Faults are checked in the order they were added; the first that fires wins.")
            .example("One transient failure", "Add-ErSimFault -Cmdlet New-AzureBGPPeering -Preset InternalError -Count 1", "The next New-AzureBGPPeering fails once.")
            .example("A custom answer", "Add-ErSimFault -Cmdlet Get-AzureDedicatedCircuit -Code ServiceUnavailable -Message 'Try again later.' -StatusCode 503", "Every Get-AzureDedicatedCircuit fails until the fault is removed.")
            .outputs("ErSim.Fault"),
        info("Get-ErSimFault", || Box::new(GetFaults))
            .synopsis("Lists the injected faults.")
            .description("Each fault with its id, operation, filter, remaining count, probability and effect.")
            .example("List faults", "Get-ErSimFault", "The active faults.")
            .outputs("ErSim.Fault"),
        info("Clear-ErSimFault", || Box::new(ClearFaults))
            .param(ParamSpec::new("Id", TypeKind::UInt).array().position(0).by_name().help("The faults to remove (from Get-ErSimFault, or piped); all when omitted."))
            .synopsis("Removes injected faults.")
            .description("Removes the given faults, or every fault when no -Id is given.")
            .example("Clear all faults", "Clear-ErSimFault", "The service answers normally again.")
            .example("Remove one fault", "Get-ErSimFault | Where-Object Cmdlet -eq New-AzureBGPPeering | Clear-ErSimFault", "The other faults stay."),
    ]
}

fn fault_object(f: &Fault) -> Value {
    let mut o = PsObject::typed("ErSim.Fault");
    o.add_typed("Id", "uint32", Value::UInt(f.id));
    o.add_typed("Cmdlet", "string", Value::str(&f.operation));
    o.add_typed("ServiceKey", "guid", f.service_key.map(Value::Guid).unwrap_or(Value::Null));
    o.add_typed("Remaining", "uint32", f.remaining.map(Value::UInt).unwrap_or(Value::Null));
    o.add_typed("Probability", "double", Value::Double(f.probability()));
    let effect = match &f.effect {
        FaultEffect::Fail(e) => e.to_string(),
        FaultEffect::Delay(d) => format!("Delay {}", format_timespan(duration_ticks(*d))),
    };
    o.add_typed("Effect", "string", Value::str(effect));
    o.add_typed("Fired", "uint32", Value::UInt(f.fired));
    Value::object(o)
}

struct AddFault;

impl Cmdlet for AddFault {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let effect = if let Some(Value::TimeSpan(t)) = args.get("Delay") {
            FaultEffect::Delay(Duration::microseconds(t / 10))
        } else if let Some(code) = args.string("Code") {
            let kind = if args.switch("AsOperationFailure") { ErrorKind::Operation } else { ErrorKind::Sync };
            let status = args.get("StatusCode").and_then(to_num).map(|n| n.as_f64() as u16).unwrap_or(500);
            FaultEffect::Fail(CloudError { status, code, message: args.string("Message").unwrap_or_default(), kind })
        } else {
            let name = args.string("Preset").unwrap_or_else(|| "InternalError".into());
            match find_fault_preset(&name) {
                Ok(p) => FaultEffect::Fail(p.error()),
                Err(e) => return sim_error(ctx, e),
            }
        };
        let new = NewFault {
            operation: args.string("Cmdlet").unwrap_or_default(),
            service_key: match args.get("ServiceKey") {
                Some(Value::Guid(g)) => Some(*g),
                _ => None,
            },
            count: args.get("Count").and_then(to_num).map(|n| n.as_f64() as u32),
            probability: args.get("Probability").and_then(to_num).map(|n| n.as_f64()),
            effect,
        };
        let w = world(ctx)?;
        let added = w.write(|world| world.add_fault(new).map(|id| world.faults().iter().find(|f| f.id == id).cloned())).map_err(|e| ctx.terminate(e))?;
        match added {
            Ok(Some(f)) => ctx.emit(fault_object(&f)),
            Ok(None) => Ok(()),
            Err(e) => sim_error(ctx, e),
        }
    }
}

struct GetFaults;

impl Cmdlet for GetFaults {
    fn process(&mut self, ctx: &mut Ctx, _args: &Args) -> EvalResult<()> {
        let w = world(ctx)?;
        let faults = w.read(|world| world.faults().to_vec()).map_err(|e| ctx.terminate(e))?;
        ctx.emit_all(faults.iter().map(fault_object).collect())
    }
}

struct ClearFaults;

impl Cmdlet for ClearFaults {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let w = world(ctx)?;
        let ids: Option<Vec<u32>> = args.get("Id").map(|v| v.enumerate().iter().map(|id| to_num(id).map(|n| n.as_f64() as u32).unwrap_or(0)).collect());
        // One transaction: every id is tried, and each unknown one is reported.
        let refused = w
            .write(|world| match ids {
                None => {
                    world.clear_faults();
                    Vec::new()
                }
                Some(ids) => ids.into_iter().filter_map(|id| world.remove_fault(id).err()).collect(),
            })
            .map_err(|e| ctx.terminate(e))?;
        for e in refused {
            sim_error(ctx, e)?;
        }
        Ok(())
    }
}
