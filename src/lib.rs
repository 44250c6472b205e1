//! ersim: an offline Windows PowerShell 5.1-compatible host for the classic
//! Azure ExpressRoute cmdlets, backed by a simulated Azure.

pub mod cloud;
pub mod engine;
pub mod lang;
pub mod store;
