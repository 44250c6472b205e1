//! Evaluation: values, scopes, the streaming pipeline, parameter binding and
//! error records. Knows nothing of Azure and formats nothing: text goes to the
//! `Host` the layer above provides.

pub mod binder;
pub mod classes;
pub mod clock;
pub mod command;
pub mod convert;
pub mod ctx;
pub mod dotnet;
mod drives;
pub mod error;
mod error_category;
pub mod exceptions;
pub mod expr;
pub mod history;
pub mod host;
pub mod host_object;
mod int_ops;
mod intrinsics;
mod invoke;
pub mod jobs;
pub mod limits;
pub mod members;
pub mod module;
pub mod ops;
mod pipeline;
pub mod prompts;
pub mod redirect;
mod resolution;
pub mod run;
pub mod runtime;
mod script_cmdlet;
mod script_file;
pub mod services;
mod split;
mod stage;
mod statements;
mod strict;
pub mod text;
pub mod types;
pub mod value;
pub mod variables;
pub mod views;

pub use clock::Clock;
pub use ctx::Ctx;
pub use error::{ErrorRecord, EvalResult, Flow};
pub use host::Host;
pub use runtime::Interp;
pub use value::Value;
