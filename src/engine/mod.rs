//! Evaluation: values, scopes, the streaming pipeline, parameter binding and
//! error records. Knows nothing of Azure and formats nothing: text goes to the
//! `Host` the layer above provides.

pub mod binder;
pub mod command;
pub mod convert;
pub mod error;
pub mod eval;
pub mod expr;
pub mod limits;
pub mod members;
pub mod ops;
pub mod runtime;
pub mod services;
pub mod types;
pub mod value;

pub use error::{ErrorRecord, EvalResult, Flow};
pub use runtime::{Ctx, Host, Interp};
pub use value::Value;
