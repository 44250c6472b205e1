//! What the Azure Service Management cmdlets share through their base class
//! (`AzurePSCmdlet`): every exception a cmdlet body throws becomes a
//! non-terminating `CloseError` record whose FullyQualifiedErrorId is the
//! cmdlet's class name; `ConfirmAction` asks with ShouldContinue unless
//! `-Force`; verbose lines carry a `{0:T}` time stamp.

use uuid::Uuid;

use crate::cloud::{CloudError, Subscription, SubscriptionId, World};
use crate::cmdlets::world::WorldHandle;
use crate::engine::command::{Args, Cmdlet};
use crate::engine::error::Flow;
use crate::engine::{Ctx, ErrorRecord, EvalResult};

/// Exception type of service failures (Hyak's).
pub const CLOUD_EXCEPTION: &str = "Hyak.Common.CloudException";
pub const ARGUMENT_EXCEPTION: &str = "System.ArgumentException";
pub const INVALID_OPERATION: &str = "System.InvalidOperationException";

/// Why a cmdlet body stopped.
pub enum Fail {
    /// The service answered an error.
    Cloud(CloudError),
    /// Any other .NET exception: its full type name and message.
    Exception(String, String),
    /// Engine control flow (a downstream `-ErrorAction Stop`, Ctrl-C): not the cmdlet's to catch.
    Flow(Flow),
    /// The state file could not be read or saved: reported as the store described it.
    State(Box<ErrorRecord>),
}

impl From<ErrorRecord> for Fail {
    fn from(e: ErrorRecord) -> Fail {
        Fail::State(Box::new(e))
    }
}

impl From<CloudError> for Fail {
    fn from(e: CloudError) -> Fail {
        Fail::Cloud(e)
    }
}

impl From<Flow> for Fail {
    fn from(f: Flow) -> Fail {
        Fail::Flow(f)
    }
}

impl Fail {
    pub fn argument(message: impl Into<String>) -> Fail {
        Fail::Exception(ARGUMENT_EXCEPTION.into(), message.into())
    }
}

pub type Outcome = Result<(), Fail>;
pub type Body = fn(&mut Ctx, &Args) -> Outcome;

/// A Service Management cmdlet: `ProcessRecord` runs the body and reports what it throws.
pub struct SmCmdlet(pub Body);

impl Cmdlet for SmCmdlet {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        // Faults injected with Add-ErSimFault answer before the service does.
        if let Some(world) = ctx.interp.extension::<WorldHandle>().cloned() {
            let key = guid(args, "ServiceKey");
            let name = ctx.command.name.clone();
            match world.write(|w| w.apply_faults(&name, key.as_ref())) {
                Ok(Ok(())) => {}
                Ok(Err(e)) => return report(ctx, CLOUD_EXCEPTION, e.to_string()),
                Err(rec) => return ctx.write_error(rec),
            }
        }
        match (self.0)(ctx, args) {
            Ok(()) => Ok(()),
            Err(Fail::Flow(f)) => Err(f),
            Err(Fail::Cloud(e)) => report(ctx, CLOUD_EXCEPTION, e.to_string()),
            Err(Fail::Exception(ty, message)) => report(ctx, &ty, message),
            Err(Fail::State(rec)) => ctx.write_error(*rec),
        }
    }
}

/// `WriteError(new ErrorRecord(ex, string.Empty, ErrorCategory.CloseError, null))`: an empty
/// error id, so the FullyQualifiedErrorId is the class name alone.
fn report(ctx: &mut Ctx, exception_type: &str, message: String) -> EvalResult<()> {
    let fqid = ctx.command.class_name.clone();
    ctx.write_error(ErrorRecord::new(message, exception_type, "CloseError", fqid))
}

/// The simulated world of this session.
pub fn world(ctx: &mut Ctx) -> Result<WorldHandle, Fail> {
    ctx.interp.extension::<WorldHandle>().cloned().ok_or_else(|| Fail::Exception(INVALID_OPERATION.into(), "The simulated Azure is not available.".into()))
}

/// The selected subscription, whose id goes into every management URL.
pub fn current(world: &WorldHandle) -> Result<Subscription, Fail> {
    world.read(|w: &World| w.selected_subscription().cloned())?.ok_or_else(|| {
        Fail::Exception(
            INVALID_OPERATION.into(),
            "No current subscription has been designated. Use Select-AzureSubscription -Current <subscriptionName> to set the current subscription.".into(),
        )
    })
}

/// The world and the caller's subscription id.
pub fn caller(ctx: &mut Ctx) -> Result<(WorldHandle, SubscriptionId), Fail> {
    let world = world(ctx)?;
    let id = current(&world)?.id;
    Ok((world, id))
}

/// A bound `Guid` parameter; `Guid.Empty` counts as absent, as the module's `!= Guid.Empty` tests do.
pub fn guid(args: &Args, name: &str) -> Option<Uuid> {
    match args.get(name) {
        Some(crate::engine::value::Value::Guid(g)) if !g.is_nil() => Some(*g),
        _ => None,
    }
}

/// A bound string parameter (`None` when absent or `$null`).
pub fn string(args: &Args, name: &str) -> Option<String> {
    args.string(name)
}

/// A bound UInt32 parameter.
pub fn uint(args: &Args, name: &str) -> Option<u32> {
    match args.get(name)? {
        crate::engine::value::Value::UInt(u) => Some(*u),
        other => crate::engine::convert::to_num(other).map(|n| n.as_f64()).filter(|f| *f >= 0.0 && *f <= f64::from(u32::MAX)).map(|f| f as u32),
    }
}

/// A bound Int32 parameter.
pub fn int(args: &Args, name: &str) -> Option<i64> {
    crate::engine::convert::to_num(args.get(name)?).map(|n| n.as_f64() as i64)
}

/// The member name of a bound enum parameter.
pub fn member(args: &Args, name: &str) -> Option<String> {
    args.get(name).filter(|v| !v.is_null()).map(|v| v.to_display_string())
}

/// `ConfirmAction(force, actionMessage, processMessage, target, action)`: without `-Force`
/// ShouldContinue asks `query` with an empty caption; then ShouldProcess, which for these
/// cmdlets (ConfirmImpact Medium, no -Confirm) only writes its verbose line under `-Verbose`.
pub fn confirm(ctx: &mut Ctx, args: &Args, query: &str, process_message: &str, target: &str) -> Result<bool, Fail> {
    if !args.switch("Force") {
        match ctx.should_continue(query, "") {
            Ok(true) => {}
            Ok(false) => return Ok(false),
            Err(rec) => return Err(Fail::Exception(rec.exception_type, rec.message)),
        }
    }
    if ctx.common.verbose == Some(true) {
        ctx.write_verbose(&format!("Performing the operation \"{process_message}\" on target \"{target}\"."));
    }
    Ok(true)
}

/// `WriteVerboseWithTimestamp`.
pub fn verbose(ctx: &mut Ctx, text: &str) {
    ctx.write_verbose_with_timestamp(text);
}
