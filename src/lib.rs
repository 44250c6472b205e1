//! ersim: an offline Windows PowerShell 5.1-compatible host for the classic
//! Azure ExpressRoute cmdlets, backed by a simulated Azure.

pub mod cloud;
pub mod cmdlets;
pub mod engine;
pub mod format;
pub mod host;
pub mod lang;
