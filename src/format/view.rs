//! Registered table views (the format.ps1xml mechanism): a type name selects
//! columns with fixed labels, widths and value functions. .NET types the host
//! prints are built in; layers above register their own (the provider table).

use std::cell::RefCell;

use crate::engine::value::Value;

use super::table::Align;

pub struct ViewColumn {
    pub label: &'static str,
    /// 0: the column takes the space the others leave.
    pub width: usize,
    pub align: Align,
    pub value: fn(&Value) -> String,
}

pub struct TableView {
    pub type_name: &'static str,
    pub columns: Vec<ViewColumn>,
    pub wrap: bool,
    /// Size every column to the whole group's values (`<AutoSize/>`).
    pub autosize: bool,
    /// Starts a new group, under a `   Label: value` line, whenever this property changes.
    pub group_by: Option<(&'static str, &'static str)>,
}

thread_local! {
    static VIEWS: RefCell<Vec<&'static TableView>> = const { RefCell::new(Vec::new()) };
}

/// Registers a view; later registrations for the same type win.
pub fn register(view: TableView) {
    let view: &'static TableView = Box::leak(Box::new(view));
    VIEWS.with(|v| v.borrow_mut().insert(0, view));
}

pub fn for_type(type_names: &[String]) -> Option<&'static TableView> {
    ensure_builtin();
    VIEWS.with(|v| v.borrow().iter().copied().find(|view| type_names.iter().any(|t| t == view.type_name)))
}

/// A property's cell text, for view columns.
pub fn prop(v: &Value, name: &str) -> String {
    match v {
        Value::Object(o) => o.borrow().get(name).map(|x| super::cell::cell_text(x, super::cell::ENUMERATION_LIMIT)).unwrap_or_default(),
        _ => String::new(),
    }
}

fn ensure_builtin() {
    thread_local! {
        static DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if DONE.with(|d| d.replace(true)) {
        return;
    }
    let builtin = [
        TableView {
            type_name: "System.Collections.DictionaryEntry",
            columns: vec![
                ViewColumn { label: "Name", width: 30, align: Align::Left, value: |v| prop(v, "Name") },
                ViewColumn { label: "Value", width: 0, align: Align::Left, value: |v| prop(v, "Value") },
            ],
            wrap: false,
            autosize: false,
            group_by: None,
        },
        TableView {
            type_name: "System.RuntimeType",
            columns: vec![
                ViewColumn { label: "IsPublic", width: 8, align: Align::Left, value: |v| prop(v, "IsPublic") },
                ViewColumn { label: "IsSerial", width: 8, align: Align::Left, value: |v| prop(v, "IsSerial") },
                ViewColumn { label: "Name", width: 40, align: Align::Left, value: |v| prop(v, "Name") },
                ViewColumn { label: "BaseType", width: 0, align: Align::Left, value: |v| prop(v, "BaseType") },
            ],
            wrap: false,
            autosize: false,
            group_by: None,
        },
        TableView {
            type_name: "Microsoft.PowerShell.Commands.GroupInfo",
            columns: vec![
                ViewColumn { label: "Count", width: 5, align: Align::Right, value: |v| prop(v, "Count") },
                ViewColumn { label: "Name", width: 25, align: Align::Left, value: |v| prop(v, "Name") },
                ViewColumn { label: "Group", width: 0, align: Align::Left, value: |v| prop(v, "Group") },
            ],
            wrap: false,
            autosize: false,
            group_by: None,
        },
        TableView {
            type_name: "System.Version",
            columns: vec![
                ViewColumn { label: "Major", width: 6, align: Align::Left, value: |v| prop(v, "Major") },
                ViewColumn { label: "Minor", width: 6, align: Align::Left, value: |v| prop(v, "Minor") },
                ViewColumn { label: "Build", width: 6, align: Align::Left, value: |v| prop(v, "Build") },
                ViewColumn { label: "Revision", width: 8, align: Align::Left, value: |v| prop(v, "Revision") },
            ],
            wrap: false,
            autosize: false,
            group_by: None,
        },
        TableView {
            type_name: "System.Guid",
            columns: vec![ViewColumn { label: "Guid", width: 0, align: Align::Left, value: |v| prop(v, "Guid") }],
            wrap: false,
            autosize: false,
            group_by: None,
        },
        TableView {
            type_name: "Microsoft.PowerShell.Commands.MemberDefinition",
            columns: vec![
                ViewColumn { label: "Name", width: 0, align: Align::Left, value: |v| prop(v, "Name") },
                ViewColumn { label: "MemberType", width: 0, align: Align::Left, value: |v| prop(v, "MemberType") },
                ViewColumn { label: "Definition", width: 0, align: Align::Left, value: |v| prop(v, "Definition") },
            ],
            wrap: false,
            autosize: true,
            group_by: Some(("TypeName", "TypeName")),
        },
    ];
    VIEWS.with(|v| {
        let mut v = v.borrow_mut();
        for b in builtin {
            v.push(Box::leak(Box::new(b)));
        }
    });
}
