//! Set-/Get-ErSimProviderPolicy and Request-ErSimDeprovisioning: how the
//! simulated connectivity provider moves circuits.

use chrono::Duration;

use crate::cloud::ProviderPolicy;
use crate::cmdlets::azure::completers;
use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::{format_timespan, to_num};
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::{Ctx, EvalResult};

use super::state::duration_ticks;
use super::{as_caller, info, sim_error, world};

pub fn commands() -> Vec<CommandInfo> {
    vec![
        info("Set-ErSimProviderPolicy", || Box::new(SetPolicy))
            .param(ParamSpec::new("Mode", TypeKind::String).position(0).set(&["Manual", "Auto", "Clock"]).help("Manual: only the provider cmdlets move a circuit. Auto: the provider starts at once and finishes after -Reads reads of the circuit. Clock: it finishes when -Delay has passed on the virtual clock."))
            .param(ParamSpec::new("Reads", TypeKind::UInt).help("Auto: reads of the circuit until the provider finishes (default 1)."))
            .param(ParamSpec::new("Delay", TypeKind::TimeSpan).help("Clock: virtual time until the provider finishes (default 00:05:00)."))
            .param(ParamSpec::new("GatewayDelay", TypeKind::TimeSpan).help("Virtual time a new VNet gateway stays Provisioning (default 00:00:00)."))
            .synopsis("Sets how the simulated connectivity provider behaves.")
            .description("The provider provisions and deprovisions circuits. Under Manual (the default) only the provider-side cmdlets, run from the provider's subscription, move a circuit; Auto and Clock let polling scripts see the provider finish, the same way every run.")
            .example("A provider that finishes on the second read", "Set-ErSimProviderPolicy -Mode Auto -Reads 2", "A new circuit is Provisioning on the first Get-AzureDedicatedCircuit and Provisioned on the second.")
            .example("A provider that takes ten minutes", "Set-ErSimProviderPolicy -Mode Clock -Delay 00:10:00", "Start-Sleep or Step-ErSimClock moves the virtual clock until it is done."),
        info("Get-ErSimProviderPolicy", || Box::new(GetPolicy))
            .synopsis("Shows how the simulated provider behaves.")
            .description("The provider policy and the gateway delay of the world.")
            .example("Show the policy", "Get-ErSimProviderPolicy", "Mode, reads, delay and gateway delay.")
            .outputs("ErSim.ProviderPolicy"),
        info("Request-ErSimDeprovisioning", || Box::new(RequestDeprovisioning))
            .param(ParamSpec::new("ServiceKey", TypeKind::Guid).mandatory().position(0).by_name().help("The circuit the provider should deprovision.").complete_with(completers::service_keys()))
            .synopsis("Asks the connectivity provider to deprovision a circuit (the customer's call to the provider).")
            .description("The circuit moves to Deprovisioning; under Manual the provider finishes with Set-AzureCrossConnection -Operation NotifyCrossConnectionNotProvisioned, otherwise by the policy. Deleting the circuit is possible once it is NotProvisioned.")
            .example("Before deleting a circuit", "Request-ErSimDeprovisioning -ServiceKey $key", "The provider starts deprovisioning."),
    ]
}

/// The policy in words, as Get-ErSimState shows it.
pub fn describe(p: &ProviderPolicy) -> String {
    match p {
        ProviderPolicy::Manual => "Manual".into(),
        ProviderPolicy::Auto { reads } => format!("Auto (after {reads} reads)"),
        ProviderPolicy::Clock { delay } => format!("Clock (after {})", format_timespan(duration_ticks(*delay))),
    }
}

fn ticks_to_duration(v: &Value) -> Option<Duration> {
    match v {
        Value::TimeSpan(t) => Some(Duration::microseconds(t / 10)),
        _ => None,
    }
}

struct SetPolicy;

impl Cmdlet for SetPolicy {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let w = world(ctx)?;
        let policy = args.string("Mode").map(|mode| match mode.to_ascii_lowercase().as_str() {
            "auto" => ProviderPolicy::Auto { reads: args.get("Reads").and_then(to_num).map(|n| n.as_f64() as u32).unwrap_or(1) },
            "clock" => ProviderPolicy::Clock { delay: args.get("Delay").and_then(ticks_to_duration).unwrap_or_else(|| Duration::minutes(5)) },
            _ => ProviderPolicy::Manual,
        });
        let gateway = args.get("GatewayDelay").and_then(ticks_to_duration);
        // Both settings in one transaction; the gateway delay is left alone when the policy is refused.
        let changed = w
            .write(|world| {
                if let Some(policy) = policy {
                    world.set_provider_policy(policy)?;
                }
                match gateway {
                    Some(d) => world.set_gateway_delay(d),
                    None => Ok(()),
                }
            })
            .map_err(|e| ctx.terminate(e))?;
        match changed {
            Ok(()) => Ok(()),
            Err(e) => sim_error(ctx, e),
        }
    }
}

struct GetPolicy;

impl Cmdlet for GetPolicy {
    fn process(&mut self, ctx: &mut Ctx, _args: &Args) -> EvalResult<()> {
        let w = world(ctx)?;
        let (policy, gateway) = w.read(|world| (world.provider_policy(), world.gateway_delay())).map_err(|e| ctx.terminate(e))?;
        let mut o = PsObject::typed("ErSim.ProviderPolicy");
        let (mode, reads, delay) = match policy {
            ProviderPolicy::Manual => ("Manual", Value::Null, Value::Null),
            ProviderPolicy::Auto { reads } => ("Auto", Value::UInt(reads), Value::Null),
            ProviderPolicy::Clock { delay } => ("Clock", Value::Null, Value::TimeSpan(duration_ticks(delay))),
        };
        o.add_typed("Mode", "string", Value::str(mode));
        o.add_typed("Reads", "uint32", reads);
        o.add_typed("Delay", "timespan", delay);
        o.add_typed("GatewayDelay", "timespan", Value::TimeSpan(duration_ticks(gateway)));
        ctx.emit(Value::object(o))
    }
}

struct RequestDeprovisioning;

impl Cmdlet for RequestDeprovisioning {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let Some(Value::Guid(key)) = args.get("ServiceKey").cloned() else { return Ok(()) };
        as_caller(ctx, |world, caller| world.request_deprovisioning(caller, &key))
    }
}
