//! Format data: the table views a module declares for its types (5.1's
//! `format.ps1xml` TableControl), and the session's table of them. Declared here, with
//! the other metadata a module brings; drawn by `format`.

use std::cell::RefCell;
use std::rc::Rc;

use super::value::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// What a column shows: a property as a cell shows it (`<PropertyName>`), or text
/// computed from the object (`<ScriptBlock>`).
#[derive(Clone, Copy)]
pub enum ColumnValue {
    Property(&'static str),
    Computed(fn(&Value) -> String),
}

pub struct ViewColumn {
    pub label: &'static str,
    /// 0: the column takes the space the others leave.
    pub width: usize,
    pub align: Align,
    pub value: ColumnValue,
}

impl ViewColumn {
    /// A left-aligned column showing the property of the same name.
    pub fn property(name: &'static str, width: usize) -> ViewColumn {
        ViewColumn { label: name, width, align: Align::Left, value: ColumnValue::Property(name) }
    }
}

pub struct TableView {
    pub type_name: &'static str,
    pub columns: Vec<ViewColumn>,
    pub wrap: bool,
    /// Size every column to the whole group's values (`<AutoSize/>`).
    pub autosize: bool,
    /// Starts a new group, under a `   Label: value` line, whenever this property changes.
    pub group_by: Option<(&'static str, &'static str)>,
    /// Groups by a custom control instead (5.1's FileSystem `Directory:` line): its text,
    /// drawn in a frame four spaces in, with one blank line more after it.
    pub group_control: Option<fn(&Value) -> String>,
    /// A `ListControl`: the columns are the list's labelled items, drawn one entry per object.
    pub list: bool,
    /// A `CustomControl` of one expression (MatchInfo's `$_.ToString((Get-Location).Path)`):
    /// the object's text from it and the session's current location; no columns.
    pub custom: Option<fn(&Value, &str) -> String>,
}

impl TableView {
    pub fn new(type_name: &'static str, columns: Vec<ViewColumn>) -> TableView {
        TableView { type_name, columns, wrap: false, autosize: false, group_by: None, group_control: None, list: false, custom: None }
    }

    /// A custom control drawing each object as the lines of `text`.
    pub fn custom(type_name: &'static str, text: fn(&Value, &str) -> String) -> TableView {
        TableView { custom: Some(text), ..TableView::new(type_name, Vec::new()) }
    }
}

/// Where a view reads the session's current location (5.1's views are script blocks run in
/// the session, so `Get-Location` in one sees where the session is when it draws).
pub type LocationSource = Rc<dyn Fn() -> String>;

/// The session's views, shared by the interpreter (Format-Table) and the console's
/// Out-Default; a module loaded later adds to the same table.
#[derive(Clone, Default)]
pub struct ViewTable {
    views: Rc<RefCell<Vec<Rc<TableView>>>>,
    location: Rc<RefCell<Option<LocationSource>>>,
}

impl ViewTable {
    /// Adds a view; a later view for the same type wins, as a later format file does.
    pub fn add(&self, view: TableView) {
        self.views.borrow_mut().insert(0, Rc::new(view));
    }

    pub fn for_type(&self, type_names: &[String]) -> Option<Rc<TableView>> {
        self.views.borrow().iter().find(|view| type_names.iter().any(|t| t == view.type_name)).cloned()
    }

    /// The session tells its views where to read the current location.
    pub fn set_location_source(&self, source: LocationSource) {
        *self.location.borrow_mut() = Some(source);
    }

    /// The current location as custom views see it; empty without a session.
    pub fn location(&self) -> String {
        self.location.borrow().as_ref().map(|f| f()).unwrap_or_default()
    }
}
