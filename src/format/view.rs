//! Drawing a view's cells, and the views of the .NET types the host prints
//! (DotNetTypes.format.ps1xml), which the core module brings. The view types and the
//! session's table of them are format data, declared in `engine::views`.

use crate::engine::value::Value;
use crate::engine::views::{Align, ColumnValue, TableView, ViewColumn};

/// A property's cell text, for view columns.
pub fn prop(v: &Value, name: &str) -> String {
    match v {
        Value::Object(o) => o.borrow().get(name).map(|x| super::cell::cell_text(x, super::cell::ENUMERATION_LIMIT)).unwrap_or_default(),
        _ => String::new(),
    }
}

/// A column's text for one object.
pub fn column_text(column: &ViewColumn, v: &Value) -> String {
    match column.value {
        ColumnValue::Property(name) => prop(v, name),
        ColumnValue::Computed(f) => f(v),
    }
}

/// A list view's entry for one object: each item's label and text.
pub fn list_fields(view: &TableView, v: &Value) -> Vec<(String, String)> {
    view.columns.iter().map(|c| (c.label.to_string(), column_text(c, v))).collect()
}

/// The views of DotNetTypes.format.ps1xml for the types ersim's cmdlets write.
pub fn dotnet_views() -> Vec<TableView> {
    let right = |name: &'static str, width: usize| ViewColumn { align: Align::Right, ..ViewColumn::property(name, width) };
    vec![
        TableView::new("System.Collections.DictionaryEntry", vec![ViewColumn::property("Name", 30), ViewColumn::property("Value", 0)]),
        TableView::new(
            "System.RuntimeType",
            vec![
                ViewColumn::property("IsPublic", 8),
                ViewColumn::property("IsSerial", 8),
                ViewColumn::property("Name", 40),
                ViewColumn::property("BaseType", 0),
            ],
        ),
        TableView::new("Microsoft.PowerShell.Commands.GroupInfo", vec![right("Count", 5), ViewColumn::property("Name", 25), ViewColumn::property("Group", 0)]),
        // After GroupInfo's, so that a GroupInfoNoElement (a GroupInfo too) finds its own first.
        TableView::new("Microsoft.PowerShell.Commands.GroupInfoNoElement", vec![right("Count", 5), ViewColumn::property("Name", 25)]),
        TableView::new(
            "System.Version",
            vec![ViewColumn::property("Major", 6), ViewColumn::property("Minor", 6), ViewColumn::property("Build", 6), ViewColumn::property("Revision", 8)],
        ),
        TableView::new("System.Guid", vec![ViewColumn::property("Guid", 0)]),
        TableView {
            autosize: true,
            group_by: Some(("TypeName", "TypeName")),
            ..TableView::new(
                "Microsoft.PowerShell.Commands.MemberDefinition",
                vec![ViewColumn::property("Name", 0), ViewColumn::property("MemberType", 0), ViewColumn::property("Definition", 0)],
            )
        },
    ]
}
