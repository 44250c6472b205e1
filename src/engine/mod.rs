//! Evaluation: values, scopes, the streaming pipeline, parameter binding and
//! error records. Knows nothing of Azure and formats nothing: text goes to the
//! `Host` the layer above provides.

pub mod binder;
pub mod clock;
pub mod command;
pub mod convert;
pub mod ctx;
pub mod dotnet;
pub mod error;
mod error_category;
pub mod expr;
pub mod host;
mod invoke;
pub mod limits;
pub mod members;
pub mod module;
pub mod ops;
mod pipeline;
pub mod run;
pub mod runtime;
mod script_cmdlet;
pub mod services;
mod stage;
mod statements;
pub mod types;
pub mod value;
pub mod views;

pub use clock::Clock;
pub use ctx::Ctx;
pub use error::{ErrorRecord, EvalResult, Flow};
pub use host::Host;
pub use runtime::Interp;
pub use value::Value;
