//! ersim: an offline Windows PowerShell 5.1-compatible host for the classic
//! Azure ExpressRoute cmdlets, backed by a simulated Azure.

// Error records are returned by value from the operator and member helpers;
// they are built only on failure paths, so boxing them would add noise for no gain.
#![allow(clippy::result_large_err)]

pub mod cloud;
pub mod cmdlets;
pub mod engine;
pub mod format;
pub mod host;
pub mod labfs;
pub mod lang;
pub mod store;
