//! The base classes' conventions. Service Management cmdlets (`AzurePSCmdlet`): every
//! exception a body throws becomes a non-terminating `CloseError` record whose
//! FullyQualifiedErrorId is the cmdlet's class name; `ConfirmAction` asks with
//! ShouldContinue unless `-Force`; verbose lines carry a `{0:T}` time stamp.

use uuid::Uuid;

use crate::engine::command::{Args, Cmdlet};
use crate::engine::error::{ErrorCategory, Flow};
use crate::engine::{Ctx, ErrorRecord, EvalResult};

use super::fail::{cloud_record, Fail, Outcome};

pub type Body = fn(&mut Ctx, &Args) -> Outcome;

/// A Service Management cmdlet: `ProcessRecord` runs the body and reports what it throws.
pub struct SmCmdlet(pub Body);

impl Cmdlet for SmCmdlet {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        // A Resource Manager cmdlet given -AsJob runs as a job instead (AzureRMCmdlet).
        if args.switch("AsJob") {
            return super::long_running::start(ctx, args);
        }
        match (self.0)(ctx, args) {
            Ok(()) => Ok(()),
            Err(fail) => report(ctx, fail),
        }
    }
}

/// A Resource Manager cmdlet whose body runs its own `-AsJob` (an operation that takes time
/// on the service: it sends the request at once and writes the job).
pub struct OwnJobCmdlet(pub Body);

impl Cmdlet for OwnJobCmdlet {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        match (self.0)(ctx, args) {
            Ok(()) => Ok(()),
            Err(fail) => report(ctx, fail),
        }
    }
}

/// What the base class does with what a body threw: engine flow goes on up, everything
/// else is a non-terminating CloseError record (a service error keeping its status and code).
pub fn report(ctx: &mut Ctx, fail: Fail) -> EvalResult<()> {
    match fail {
        Fail::Flow(f) => Err(f),
        Fail::State(rec) => ctx.write_error(*rec),
        Fail::Cloud(e) => {
            let record = cloud_record(&e, ErrorCategory::CloseError, ctx.command.class_name.clone());
            ctx.write_error(record)
        }
        Fail::Arm(e, operation_id) => {
            let record = super::fail::arm_record(&e, operation_id, ErrorCategory::CloseError, ctx.command.class_name.clone());
            ctx.write_error(record)
        }
        Fail::Exception(ty, message) => close_error(ctx, &ty, message),
    }
}

/// `WriteError(new ErrorRecord(ex, string.Empty, ErrorCategory.CloseError, null))`: an empty
/// error id, so the FullyQualifiedErrorId is the class name alone.
fn close_error(ctx: &mut Ctx, exception_type: &str, message: String) -> EvalResult<()> {
    let fqid = ctx.command.class_name.clone();
    ctx.write_error(ErrorRecord::new(message, exception_type, ErrorCategory::CloseError, fqid))
}

/// A bound `Guid` parameter; `Guid.Empty` counts as absent, as the module's `!= Guid.Empty` tests do.
pub fn guid(args: &Args, name: &str) -> Option<Uuid> {
    args.opt::<Uuid>(name).filter(|g| !g.is_nil())
}

/// `ConfirmAction(force, actionMessage, processMessage, target, action)`: without `-Force`
/// ShouldContinue asks `query` with an empty caption; then ShouldProcess, which for these
/// cmdlets (ConfirmImpact Medium, no -Confirm) only writes its verbose line under `-Verbose`.
pub fn confirm(ctx: &mut Ctx, args: &Args, query: &str, process_message: &str, target: &str) -> Result<bool, Fail> {
    if !args.switch("Force") {
        match ctx.should_continue(query, "") {
            Ok(true) => {}
            Ok(false) => return Ok(false),
            Err(Flow::Error(rec)) => return Err(Fail::Exception(rec.exception_type.clone(), rec.message.clone())),
            Err(stopped) => return Err(Fail::Flow(stopped)),
        }
    }
    if ctx.common.verbose == Some(true) {
        ctx.write_verbose(&format!("Performing the operation \"{process_message}\" on target \"{target}\"."))?;
    }
    Ok(true)
}

/// `WriteVerboseWithTimestamp`.
pub fn verbose(ctx: &mut Ctx, text: &str) -> EvalResult<()> {
    ctx.write_verbose_with_timestamp(text)
}
