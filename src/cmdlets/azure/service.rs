//! One cmdlet call, one store transaction: the caller's subscription is resolved, an
//! injected fault answers for the service, and the operation runs, all on the same copy
//! of the world. 5.1 runs a cmdlet as bind → ShouldContinue/ShouldProcess → service call,
//! so a body asks its confirmation first and calls these only once it may go ahead: a
//! declined prompt never reaches the service, and so never meets a fault.

use crate::cloud::{SubscriptionId, World};
use crate::cmdlets::world::WorldHandle;
use crate::engine::command::Args;
use crate::engine::Ctx;

use super::fail::{Fail, INVALID_OPERATION};
use super::sm_cmdlet::guid;

/// What the Service Management client says when no subscription is selected.
pub const NO_SUBSCRIPTION: &str =
    "No current subscription has been designated. Use Select-AzureSubscription -Current <subscriptionName> to set the current subscription.";

/// The simulated world of this session.
pub fn world(ctx: &mut Ctx) -> Result<WorldHandle, Fail> {
    ctx.interp.extension::<WorldHandle>().cloned().ok_or_else(|| Fail::Exception(INVALID_OPERATION.into(), "The simulated Azure is not available.".into()))
}

/// A service call as the selected subscription: fails with the client's own error when no
/// subscription is selected (before anything reaches the service), then lets a fault
/// injected for this cmdlet (and this `-ServiceKey`) answer, then runs `op`.
pub fn call<R>(ctx: &mut Ctx, args: &Args, op: impl FnOnce(&mut World, &SubscriptionId) -> Result<R, Fail>) -> Result<R, Fail> {
    let operation = ctx.command.name.clone();
    let key = guid(args, "ServiceKey");
    world(ctx)?.write(|w| {
        let caller = selected(w)?;
        w.apply_faults(&operation, key.as_ref())?;
        op(w, &caller)
    })?
}

/// A Resource Manager network call (Az.Network) as the selected subscription: as [`call`],
/// and a service error gets the operation id of its request, drawn from the world in the
/// same transaction so a seeded world repeats it.
pub fn network_call<R>(ctx: &mut Ctx, op: impl FnOnce(&mut World, &SubscriptionId) -> Result<R, Fail>) -> Result<R, Fail> {
    arm_call(ctx, true, op)
}

/// A Resources call (Az.Resources): its service errors carry the service's message alone.
pub fn resources_call<R>(ctx: &mut Ctx, op: impl FnOnce(&mut World, &SubscriptionId) -> Result<R, Fail>) -> Result<R, Fail> {
    arm_call(ctx, false, op)
}

fn arm_call<R>(ctx: &mut Ctx, with_operation_id: bool, op: impl FnOnce(&mut World, &SubscriptionId) -> Result<R, Fail>) -> Result<R, Fail> {
    let operation = ctx.command.name.clone();
    world(ctx)?.write(|w| {
        let caller = w.selected_subscription().map(|s| s.id).ok_or_else(|| no_context(&operation))?;
        let answer = w.apply_faults(&operation, None).map_err(Fail::from).and_then(|()| op(w, &caller));
        answer.map_err(|fail| match fail {
            Fail::Cloud(e) => Fail::Arm(e, with_operation_id.then(|| w.next_guid())),
            other => other,
        })
    })?
}

/// What Connect-AzAccount says when the account it signs in has no subscription to select.
pub const NO_CONTEXT: &str = "No account found in the context. Please login using Connect-AzAccount.";

/// What an Az cmdlet says when no account is signed in (after Disconnect-AzAccount):
/// `AzureRMCmdlet.DefaultContext` throws it, and the base class reports it as a CloseError.
/// AzureRM 6's cmdlets name their own sign-in cmdlet.
pub fn no_context(command: &str) -> Fail {
    let connect = if command.contains("-AzureRm") { "Connect-AzureRmAccount" } else { "Connect-AzAccount" };
    Fail::Exception(PS_INVALID_OPERATION.into(), format!("Run {connect} to login."))
}

const PS_INVALID_OPERATION: &str = "System.Management.Automation.PSInvalidOperationException";

/// The selected subscription's id, which goes into every management URL.
pub fn selected(w: &World) -> Result<SubscriptionId, Fail> {
    w.selected_subscription().map(|s| s.id).ok_or_else(|| Fail::Exception(INVALID_OPERATION.into(), NO_SUBSCRIPTION.into()))
}

/// A call that needs no subscription (the Profile's accounts and subscriptions): a fault
/// injected for the cmdlet still answers first.
pub fn session_call<R>(ctx: &mut Ctx, args: &Args, op: impl FnOnce(&mut World) -> Result<R, Fail>) -> Result<R, Fail> {
    let operation = ctx.command.name.clone();
    let key = guid(args, "ServiceKey");
    world(ctx)?.write(|w| {
        w.apply_faults(&operation, key.as_ref())?;
        op(w)
    })?
}
