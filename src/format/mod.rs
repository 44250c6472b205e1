//! Formatting as Windows PowerShell 5.1 prints: Out-Default's choice of table
//! or list, the layouts, registered views, the NormalView of errors and
//! ConvertTo-Json. Knows nothing of Azure: views are registered from above.

pub mod cell;
pub mod error_view;
pub mod json;
pub mod list;
pub mod out_default;
pub mod table;
pub mod view;
pub mod wide;
pub mod wrap;

pub use out_default::Formatter;
