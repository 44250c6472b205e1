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
