//! Get-, Reset-, Export-, Import-ErSimState, New-ErSimSubscription and Set-ErSimSeed.

use std::path::PathBuf;

use crate::cloud::{find_provider, SubscriptionKind};
use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::{format_timespan, to_num};
use crate::engine::error::{ErrorCategory, Flow};
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::{Ctx, ErrorRecord, EvalResult};

use super::{info, world};
use crate::cmdlets::world::store_error;
use crate::engine::limits::{check_input_file, InputFileError};
use crate::store::StoreError;

pub fn commands() -> Vec<CommandInfo> {
    vec![
        info("Get-ErSimState", || Box::new(GetState))
            .synopsis("Summarizes the simulated world.")
            .description("Shows the state file, the virtual clock, the seed, the subscriptions, circuits by provider state, peerings, links, authorizations, VNets, gateways, routing registry records, the provider policy, active faults and billing.")
            .example("See the world", "Get-ErSimState", "One list with every count and setting.")
            .outputs("ErSim.WorldState"),
        info("Reset-ErSimState", || Box::new(ResetState))
            .param(ParamSpec::switch("Force").help("Resets without asking."))
            .synopsis("Replaces the simulated world with a fresh default world.")
            .description("Every circuit, peering, link and setting is lost; the default accounts and subscriptions come back. Also the way out of a corrupt state file.")
            .example("Start over", "Reset-ErSimState -Force", "A fresh default world."),
        info("Export-ErSimState", || Box::new(ExportState))
            .param(ParamSpec::new("Path", TypeKind::String).mandatory().position(0).help("The file to write."))
            .synopsis("Saves a copy of the simulated world to a file.")
            .description("Writes the whole world in the state file format, to restore later with Import-ErSimState.")
            .example("Keep a checkpoint", "Export-ErSimState -Path ./lab-checkpoint.json", "A copy of the world in lab-checkpoint.json."),
        info("Import-ErSimState", || Box::new(ImportState))
            .param(ParamSpec::new("Path", TypeKind::String).mandatory().position(0).help("The file to read."))
            .synopsis("Replaces the simulated world with one saved by Export-ErSimState.")
            .description("The file is checked completely (JSON, schema version, consistency) before anything changes.")
            .example("Restore a checkpoint", "Import-ErSimState -Path ./lab-checkpoint.json", "The world as it was exported."),
        info("New-ErSimSubscription", || Box::new(NewSubscription))
            .param(ParamSpec::new("Name", TypeKind::String).mandatory().position(0).not_empty().help("The subscription's name."))
            .param(ParamSpec::new("Account", TypeKind::String).mandatory().position(1).not_empty().help("The Microsoft account that owns it (created if new)."))
            .param(ParamSpec::new("ServiceProvider", TypeKind::String).help("Makes it the provider subscription of this catalogue provider."))
            .synopsis("Adds a subscription (and its account) to the simulated world.")
            .description("Customer subscriptions order circuits; a provider subscription acts for one catalogue provider through the cross-connection cmdlets.")
            .example("A second team", "New-ErSimSubscription -Name 'Contoso Sales' -Account 'sales@contoso.com'", "Select it with Select-AzureSubscription."),
        info("Set-ErSimSeed", || Box::new(SetSeed))
            .param(ParamSpec::new("Seed", TypeKind::ULong).mandatory().position(0).help("The seed; the same seed gives the same ids."))
            .synopsis("Makes service keys, authorization ids and fault draws repeat.")
            .description("Restarts the world's id generator from the seed, so a script produces the same ids every run.")
            .example("Repeatable ids", "Set-ErSimSeed 42", "The next service keys are the same on every run."),
    ]
}

fn add(o: &mut PsObject, name: &str, ty: &'static str, v: Value) {
    o.add_typed(name, ty, v);
}

struct GetState;

impl Cmdlet for GetState {
    fn process(&mut self, ctx: &mut Ctx, _args: &Args) -> EvalResult<()> {
        let w = world(ctx)?;
        let path = w.store().path().map(|p| p.display().to_string()).unwrap_or_else(|| "(in memory)".into());
        let summary = match w.read(|world| world.summary()) {
            Ok(s) => s,
            Err(e) => return ctx.write_error(e),
        };
        let mut o = PsObject::typed("ErSim.WorldState");
        add(&mut o, "StateFile", "string", Value::str(path));
        add(&mut o, "Clock", "datetime", Value::DateTime(summary.clock));
        add(&mut o, "Seed", "uint64", summary.seed.map(Value::ULong).unwrap_or(Value::Null));
        add(&mut o, "SelectedSubscription", "string", summary.selected_subscription.map(Value::str).unwrap_or(Value::Null));
        let subs: Vec<Value> = summary.subscriptions.iter().map(|s| Value::str(format!("{} ({} circuits)", s.subscription.name, s.circuits))).collect();
        add(&mut o, "Subscriptions", "string[]", Value::array(subs));
        let states: Vec<Value> = summary.circuits_by_state.iter().map(|(s, n)| Value::str(format!("{}={}", s.as_str(), n))).collect();
        add(&mut o, "Circuits", "string[]", Value::array(states));
        add(&mut o, "PendingTransitions", "int", Value::Int(summary.pending_transitions as i32));
        add(&mut o, "Peerings", "int", Value::Int(summary.peerings as i32));
        add(&mut o, "Links", "int", Value::Int(summary.links as i32));
        add(&mut o, "Authorizations", "int", Value::Int(summary.authorizations as i32));
        add(&mut o, "VNets", "int", Value::Int(summary.vnets as i32));
        add(&mut o, "Gateways", "int", Value::Int(summary.gateways as i32));
        add(&mut o, "RegistryEntries", "int", Value::Int(summary.registry_entries as i32));
        add(&mut o, "ProviderPolicy", "string", Value::str(super::policy::describe(&summary.provider_policy)));
        add(&mut o, "GatewayDelay", "timespan", Value::TimeSpan(duration_ticks(summary.gateway_delay)));
        add(&mut o, "Faults", "int", Value::Int(summary.faults as i32));
        add(&mut o, "BillingRecords", "int", Value::Int(summary.billing.records as i32));
        add(&mut o, "CircuitsBilledNow", "int", Value::Int(summary.billing.running as i32));
        add(&mut o, "BilledTime", "string", Value::str(format_timespan(duration_ticks(summary.billing.billed_time))));
        add(&mut o, "BilledMbpsHours", "long", Value::Long(summary.billing.mbps_hours));
        ctx.emit(Value::object(o))
    }
}

/// A chrono duration in .NET ticks (100 ns).
pub fn duration_ticks(d: chrono::Duration) -> i64 {
    d.num_microseconds().map(|us| us * 10).unwrap_or(i64::MAX)
}

struct ResetState;

impl Cmdlet for ResetState {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        if !args.switch("Force") {
            match ctx.should_continue(
                "Are you sure you want to replace the simulated world with a fresh one? Every circuit, peering, link and setting will be lost.",
                "",
            ) {
                Ok(true) => {}
                Ok(false) => return Ok(()),
                Err(Flow::Error(rec)) => return Err(ctx.terminate((*rec).clone())),
                Err(stopped) => return Err(stopped),
            }
        }
        let w = world(ctx)?;
        match w.reset() {
            Ok(kept) => {
                kept_unusable(ctx, kept)?;
                ctx.write_verbose("The simulated world was reset to the default world.")?;
                Ok(())
            }
            Err(e) => ctx.write_error(store_error(&e)),
        }
    }
}

/// Says where the state file that could not be used was kept.
fn kept_unusable(ctx: &mut Ctx, kept: Option<PathBuf>) -> EvalResult<()> {
    match kept {
        Some(kept) => ctx.write_warning(&format!("The state file could not be used; a copy of it was kept as {}.", kept.display())),
        None => Ok(()),
    }
}

/// The store's error, naming the file by its lab path rather than where it is on this machine.
fn lab_error(e: &StoreError, host: &std::path::Path, shown: &str) -> crate::engine::ErrorRecord {
    let mut rec = store_error(e);
    rec.message = rec.message.replace(&host.display().to_string(), shown);
    rec
}

/// The `-Path` on this machine, once the lab's file system allows it, and as the script sees it.
fn checked(ctx: &Ctx, args: &Args) -> Result<(PathBuf, String), crate::engine::ErrorRecord> {
    let text = args.string("Path").unwrap_or_default();
    crate::cmdlets::core::files::checked_item(ctx, &text).map(|(_, item)| (item.host.clone(), item.shown())).map_err(|message| {
        crate::engine::ErrorRecord::new(
            message,
            "System.UnauthorizedAccessException",
            crate::engine::error::ErrorCategory::PermissionDenied,
            "UnauthorizedAccess",
        )
        .with_target(&Value::str(&text))
    })
}

struct ExportState;

impl Cmdlet for ExportState {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let (path, shown) = match checked(ctx, args) {
            Ok(p) => p,
            Err(rec) => return ctx.write_error(rec),
        };
        let w = world(ctx)?;
        match w.store().export(&path) {
            Ok(()) => Ok(()),
            Err(e) => ctx.write_error(lab_error(&e, &path, &shown)),
        }
    }
}

struct ImportState;

impl Cmdlet for ImportState {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let (path, shown) = match checked(ctx, args) {
            Ok(p) => p,
            Err(rec) => return ctx.write_error(rec),
        };
        // Checked before the store reads it whole: `/dev/zero` would never end. A missing or
        // unreadable file is the store's to report.
        if let Err(e @ (InputFileError::NotRegular | InputFileError::TooLarge(_))) = check_input_file(&path) {
            let refused = StoreError::InvalidImport { path: path.clone(), detail: e.to_string() };
            return ctx.write_error(lab_error(&refused, &path, &shown));
        }
        let w = world(ctx)?;
        match w.import(&path) {
            Ok(kept) => {
                kept_unusable(ctx, kept)?;
                Ok(())
            }
            Err(e) => ctx.write_error(lab_error(&e, &path, &shown)),
        }
    }
}

struct NewSubscription;

impl Cmdlet for NewSubscription {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let name = args.string("Name").unwrap_or_default();
        let account = args.string("Account").unwrap_or_default();
        let kind = match args.string("ServiceProvider") {
            Some(p) => match find_provider(&p) {
                Some(provider) => SubscriptionKind::Provider { provider: provider.name.to_string() },
                None => {
                    let fqid = format!("ErSim.UnknownProvider,{}", ctx.command.class_name);
                    return ctx.write_error(ErrorRecord::new(
                        format!("There is no service provider named '{p}' in the catalogue. Get-AzureDedicatedCircuitServiceProvider lists them."),
                        "System.ArgumentException",
                        ErrorCategory::InvalidArgument,
                        fqid,
                    ));
                }
            },
            None => SubscriptionKind::Customer,
        };
        let w = world(ctx)?;
        let added = w
            .write(|world| match world.find_subscription_by_name(&name) {
                Some(_) => None,
                None => Some(world.add_subscription(&name, &account, kind.clone())),
            })
            .map_err(|e| ctx.terminate(e))?;
        let Some(id) = added else {
            let fqid = format!("ErSim.SubscriptionExists,{}", ctx.command.class_name);
            return ctx.write_error(ErrorRecord::new(
                format!("A subscription named '{name}' already exists."),
                "System.ArgumentException",
                ErrorCategory::ResourceExists,
                fqid,
            ));
        };
        let mut o = PsObject::typed("ErSim.Subscription");
        add(&mut o, "SubscriptionName", "string", Value::str(&name));
        add(&mut o, "SubscriptionId", "string", Value::str(id.to_string()));
        add(&mut o, "Account", "string", Value::str(&account));
        add(
            &mut o,
            "ServiceProvider",
            "string",
            match kind {
                SubscriptionKind::Provider { provider } => Value::str(provider),
                SubscriptionKind::Customer => Value::Null,
            },
        );
        ctx.emit(Value::object(o))
    }
}

struct SetSeed;

impl Cmdlet for SetSeed {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let seed = args.get("Seed").and_then(to_num).map(|n| n.as_f64() as u64).unwrap_or(0);
        let w = world(ctx)?;
        w.write(|world| world.set_seed(seed)).map_err(|e| ctx.terminate(e))
    }
}
