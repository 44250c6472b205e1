//! What every Azure cmdlet shares, whichever module it belongs to (the classic Profile and
//! network cmdlets, ExpressRoute, the ErSim controls, and the Resource Manager modules to
//! come): how one call reaches the simulated world, how its failures become error records,
//! the confirmation and verbose conventions of the Azure base classes, and the completers
//! that offer what the world holds.
//!
//! Architecture invariant: an Azure cmdlet's body touches the world only through [`call`] or
//! [`session_call`], each one store transaction, and calls one of them once.

pub mod completers;
mod fail;
mod identity;
pub mod long_running;
mod service;
mod sm_cmdlet;

pub use fail::{arm_record, cloud_record, Fail, Outcome, ARGUMENT_EXCEPTION, CLOUD_EXCEPTION, INVALID_OPERATION, NETWORK_CLOUD_EXCEPTION};
pub use identity::{credential_user, tenant_of};
pub use service::{call, network_call, no_context, resources_call, selected, session_call, world, NO_CONTEXT, NO_SUBSCRIPTION};
pub use sm_cmdlet::{confirm, guid, report, verbose, Body, OwnJobCmdlet, SmCmdlet};
