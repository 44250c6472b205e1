//! Out-Default: turns the stream of objects a script writes into 5.1's text.
//!
//! The first object of a group fixes its shape: a registered view, or a table
//! for four properties or fewer and a list for more. Later objects of another
//! type are squeezed into that shape. Scalars are written as they are. Tables
//! without fixed widths cache their rows while objects keep arriving within
//! 300 ms (of virtual time) so that widths fit the values, as 5.1 does.

use std::rc::Rc;

use crate::engine::convert::to_string;
use crate::engine::dotnet::collections;
use crate::engine::redirect::record_text;
use crate::engine::value::{PsObject, Value};
use crate::engine::views::{TableView, ViewTable};

use super::cell::{cell_text, ENUMERATION_LIMIT};
use super::error_view;
use super::list;
use super::table::{self, Align, Column};
use super::view;

/// The type name of the pre-rendered text that Format-Table and Format-List write.
pub const FORMATTED_TEXT_TYPE: &str = "Microsoft.PowerShell.Commands.Internal.Format.FormatStartData";

/// How long a table keeps caching rows to size its columns (milliseconds).
const TABLE_CACHE_MS: i64 = 300;

enum State {
    Idle,
    /// A list: the type's list view, or every property.
    List(Option<Rc<TableView>>),
    Table(TableState),
    /// A custom control's group (the DateTime view, MatchInfo's): each object's lines in turn,
    /// for as long as objects of that view arrive.
    Custom(&'static str),
}

struct TableState {
    view: Option<Rc<TableView>>,
    /// Property names of a view-less table (from the first object).
    properties: Vec<String>,
    columns: Vec<Column>,
    /// Rows (or raw lines) waiting for the widths, while caching.
    cache: Option<Vec<Cached>>,
    /// Caching ends on the first object after this much virtual time (None: at group end).
    cache_ms: Option<i64>,
    started_ms: i64,
    /// The value of the view's group-by property for this group.
    group: Option<String>,
}

enum Cached {
    Row(Vec<String>),
    Raw(Vec<String>),
}

pub struct Formatter {
    width: usize,
    views: ViewTable,
    state: State,
    lines: Vec<String>,
}

impl Formatter {
    /// A formatter for lines of at most `width` cells (5.1 uses the buffer width - 1),
    /// drawing the types `views` has views for with them.
    pub fn new(width: usize, views: ViewTable) -> Formatter {
        Formatter { width: width.max(10), views, state: State::Idle, lines: Vec::new() }
    }

    /// Lines produced so far.
    pub fn take_lines(&mut self) -> Vec<String> {
        std::mem::take(&mut self.lines)
    }

    /// One object of the stream; `now_ms` is the virtual time it arrived.
    pub fn push(&mut self, v: &Value, now_ms: i64) {
        match v {
            Value::Null => {}
            Value::Array(_) | Value::List(_) => {
                for i in v.enumerate() {
                    self.push_one(&i, now_ms);
                }
            }
            other => self.push_one(other, now_ms),
        }
    }

    fn push_one(&mut self, v: &Value, now_ms: i64) {
        match v {
            Value::Null => {}
            Value::Hashtable(h) => {
                let h = h.borrow();
                let entries: Vec<Value> = h.iter().map(|(k, val)| collections::entry(h.generic.as_deref(), k, val)).collect();
                drop(h);
                for e in entries {
                    self.push_object(&e, now_ms);
                }
            }
            Value::Error(e) => {
                let text = error_view::render(e, self.width + 1);
                self.raw(text.split('\n').map(str::to_string).collect(), now_ms);
            }
            Value::DateTime(d) => self.custom_lines("System.DateTime", &d.format("%A, %B %-d, %Y %-I:%M:%S %p").to_string()),
            // A merged stream's records (`3>&1`): 5.1's out-of-band views print the message.
            Value::Object(o) if record_text(&o.borrow()).is_some() => {
                let text = record_text(&o.borrow()).unwrap_or_default();
                self.raw(text.split('\n').map(|l| l.trim_end_matches('\r').to_string()).collect(), now_ms);
            }
            Value::Object(o) if o.borrow().type_names.first().is_some_and(|t| t == FORMATTED_TEXT_TYPE) => {
                self.end_group();
                if let Some(Value::Array(lines)) = o.borrow().get("Lines") {
                    self.lines.extend(lines.borrow().iter().map(to_string));
                }
            }
            // An object of a script class with no property to show prints as its ToString().
            Value::Object(o) if o.borrow().class.is_some() && o.borrow().props.is_empty() => {
                let text = to_string(v);
                self.raw(text.split('\n').map(|l| l.trim_end_matches('\r').to_string()).collect(), now_ms);
            }
            s if s.is_scalar() => {
                let text = to_string(s);
                self.raw(text.split('\n').map(|l| l.trim_end_matches('\r').to_string()).collect(), now_ms);
            }
            other => {
                let obj = as_object(other);
                self.push_object(&obj, now_ms);
            }
        }
    }

    /// Text written outside the current shape, in order with cached rows. Like
    /// any object, its arrival after the cache window ends the caching.
    fn raw(&mut self, lines: Vec<String>, now_ms: i64) {
        if let State::Table(t) = &mut self.state {
            if let Some(cache) = &mut t.cache {
                cache.push(Cached::Raw(lines));
                if t.cache_ms.is_some_and(|ms| now_ms - t.started_ms > ms) {
                    self.flush_cache();
                }
                return;
            }
        }
        self.lines.extend(lines);
    }

    /// One object of a custom control: a blank line starts its group (FormatStart), which
    /// ends, as every group does, when an object of another shape arrives.
    fn custom_lines(&mut self, view: &'static str, text: &str) {
        if !matches!(self.state, State::Custom(current) if current == view) {
            self.end_group();
            self.lines.push(String::new());
            self.state = State::Custom(view);
        }
        self.lines.extend(text.split('\n').map(|l| l.trim_end_matches('\r').to_string()));
    }

    fn push_object(&mut self, v: &Value, now_ms: i64) {
        let Value::Object(o) = v else { return };
        let type_names = o.borrow().type_names.clone();
        if let Some(view) = self.views.for_type(&type_names) {
            if let Some(text) = view.custom {
                let text = text(v, &self.views.location());
                self.custom_lines(view.type_name, &text);
                return;
            }
        }
        if matches!(self.state, State::Custom(_)) {
            self.end_group();
        }
        if let State::Table(t) = &self.state {
            if let Some(view) = t.view.clone() {
                if !type_names.iter().any(|n| n == view.type_name) {
                    // Another type after a view-based table: an out-of-band list entry.
                    let fields = list_fields(&o.borrow());
                    let mut entry = vec![String::new()];
                    entry.extend(list::render_entry(&fields, self.width));
                    entry.push(String::new());
                    self.raw(entry, now_ms);
                    return;
                }
                if let Some((group, header)) = group_start(&view, v) {
                    if t.group.as_deref() != Some(group.as_str()) {
                        // GroupEnd, then the next group's start, within the same format.
                        self.flush_cache();
                        self.lines.push(String::new());
                        self.lines.extend(header);
                        let mut columns: Vec<Column> =
                            view.columns.iter().map(|c| Column { label: c.label.to_string(), width: c.width, align: c.align }).collect();
                        // Each group is sized as the first was: cached for its values, or
                        // fixed widths sharing the screen with the header drawn at once.
                        let cached = view.autosize || columns.first().is_some_and(|c| c.width == 0);
                        if !cached {
                            table::share_rest(&mut columns, self.width);
                            self.lines.extend(table::header(&columns));
                        }
                        if let State::Table(t) = &mut self.state {
                            t.group = Some(group);
                            t.columns = columns;
                            t.cache = if cached { Some(Vec::new()) } else { None };
                        }
                    }
                }
            }
        }
        if matches!(self.state, State::Idle) {
            self.start_group(v, &type_names, now_ms);
        }
        match &mut self.state {
            State::List(view) => {
                let fields = match view {
                    Some(view) if type_names.iter().any(|n| n == view.type_name) => view::list_fields(view, v),
                    _ => list_fields(&o.borrow()),
                };
                self.lines.extend(list::render_entry(&fields, self.width));
                self.lines.push(String::new());
            }
            State::Table(t) => {
                let cells = table_cells(t, v);
                if let Some(cache) = &mut t.cache {
                    cache.push(Cached::Row(cells));
                    // The object that arrives after the window still counts for the widths.
                    if t.cache_ms.is_some_and(|ms| now_ms - t.started_ms > ms) {
                        self.flush_cache();
                    }
                    return;
                }
                let rendered = render_row(t, &cells);
                self.lines.extend(rendered);
            }
            State::Idle | State::Custom(_) => {}
        }
    }

    fn start_group(&mut self, v: &Value, type_names: &[String], now_ms: i64) {
        self.lines.push(String::new());
        if let Some(view) = self.views.for_type(type_names) {
            if view.list {
                // FormatStart and the list's GroupStart each write a blank line.
                self.lines.push(String::new());
                self.state = State::List(Some(view));
                return;
            }
            let mut columns: Vec<Column> = view.columns.iter().map(|c| Column { label: c.label.to_string(), width: c.width, align: c.align }).collect();
            let group = group_start(&view, v).map(|(g, header)| {
                self.lines.extend(header);
                g
            });
            // Caching: -AutoSize views for the whole group, views whose first column has no width for 300 ms.
            let (cache, cache_ms) = if view.autosize {
                (Some(Vec::new()), None)
            } else if columns.first().is_some_and(|c| c.width == 0) {
                (Some(Vec::new()), Some(TABLE_CACHE_MS))
            } else {
                table::share_rest(&mut columns, self.width);
                self.lines.extend(table::header(&columns));
                (None, None)
            };
            self.state = State::Table(TableState { view: Some(view), properties: Vec::new(), columns, cache, cache_ms, started_ms: now_ms, group });
            return;
        }
        let Value::Object(o) = v else { return };
        let o = o.borrow();
        if o.props.len() > 4 {
            // FormatStart and the list's GroupStart each write a blank line.
            self.lines.push(String::new());
            self.state = State::List(None);
            return;
        }
        let properties: Vec<String> = o.props.iter().take(10).map(|p| p.name.clone()).collect();
        let columns = o.props.iter().take(10).map(|p| Column { label: p.name.clone(), width: 0, align: default_alignment(&p.value) }).collect();
        self.state = State::Table(TableState {
            view: None,
            properties,
            columns,
            cache: Some(Vec::new()),
            cache_ms: Some(TABLE_CACHE_MS),
            started_ms: now_ms,
            group: None,
        });
    }

    /// Sizes a caching table from what it holds and writes it out.
    fn flush_cache(&mut self) {
        let width = self.width;
        let State::Table(t) = &mut self.state else { return };
        let Some(cache) = t.cache.take() else { return };
        let rows: Vec<Vec<String>> = cache
            .iter()
            .filter_map(|c| match c {
                Cached::Row(r) => Some(r.clone()),
                Cached::Raw(_) => None,
            })
            .collect();
        table::fit_widths(&mut t.columns, &rows, width);
        let mut out = table::header(&t.columns);
        for c in cache {
            match c {
                Cached::Row(r) => out.extend(render_row(t, &r)),
                Cached::Raw(lines) => out.extend(lines),
            }
        }
        self.lines.extend(out);
    }

    /// Ends the current group: GroupEnd and FormatEnd each write a blank line
    /// (after the blank line that follows every list entry).
    pub fn end_group(&mut self) {
        match &self.state {
            State::Idle => {}
            State::List(_) | State::Custom(_) => {
                self.lines.push(String::new());
                self.lines.push(String::new());
            }
            State::Table(_) => {
                self.flush_cache();
                self.lines.push(String::new());
                self.lines.push(String::new());
            }
        }
        self.state = State::Idle;
    }
}

fn render_row(t: &TableState, cells: &[String]) -> Vec<String> {
    if t.view.as_ref().is_some_and(|v| v.wrap) {
        table::wrapped_row(&t.columns, cells)
    } else {
        vec![table::row(&t.columns, cells)]
    }
}

fn table_cells(t: &TableState, v: &Value) -> Vec<String> {
    match &t.view {
        Some(view) => view.columns.iter().take(t.columns.len()).map(|c| view::column_text(c, v)).collect(),
        None => {
            let Value::Object(o) = v else {
                return Vec::new();
            };
            let o = o.borrow();
            t.properties.iter().map(|p| o.get(p).map(|x| cell_text(x, ENUMERATION_LIMIT)).unwrap_or_default()).collect()
        }
    }
}

/// Numbers, booleans and enumerations right-align; everything else left.
fn default_alignment(v: &Value) -> Align {
    match v {
        Value::Int(_) | Value::Long(_) | Value::UInt(_) | Value::ULong(_) | Value::Double(_) | Value::Bool(_) | Value::Char(_) | Value::Enum(_) => Align::Right,
        _ => Align::Left,
    }
}

pub fn list_fields(o: &PsObject) -> Vec<(String, String)> {
    o.props.iter().map(|p| (p.name.clone(), cell_text(&p.value, ENUMERATION_LIMIT))).collect()
}

/// The properties a non-object value shows when it is formatted.
pub fn as_object(v: &Value) -> Value {
    match v {
        Value::Object(_) => v.clone(),
        Value::Guid(g) => {
            let mut o = PsObject::typed("System.Guid");
            o.add_typed("Guid", "guid", Value::str(g.hyphenated().to_string()));
            Value::object(o)
        }
        Value::TimeSpan(t) => {
            let mut o = PsObject::typed("System.TimeSpan");
            let secs = t / 10_000_000;
            o.add_typed("Days", "int", Value::Int((secs / 86400) as i32));
            o.add_typed("Hours", "int", Value::Int(((secs / 3600) % 24) as i32));
            o.add_typed("Minutes", "int", Value::Int(((secs / 60) % 60) as i32));
            o.add_typed("Seconds", "int", Value::Int((secs % 60) as i32));
            o.add_typed("Milliseconds", "int", Value::Int(((t / 10_000) % 1000) as i32));
            o.add_typed("Ticks", "long", Value::Long(*t));
            o.add_typed("TotalDays", "double", Value::Double(*t as f64 / 864_000_000_000.0));
            o.add_typed("TotalHours", "double", Value::Double(*t as f64 / 36_000_000_000.0));
            o.add_typed("TotalMinutes", "double", Value::Double(*t as f64 / 600_000_000.0));
            o.add_typed("TotalSeconds", "double", Value::Double(*t as f64 / 10_000_000.0));
            o.add_typed("TotalMilliseconds", "double", Value::Double(*t as f64 / 10_000.0));
            Value::object(o)
        }
        Value::ScriptBlock(sb) => {
            let mut o = PsObject::typed("System.Management.Automation.ScriptBlock");
            o.add_typed("Attributes", "System.Collections.Generic.List", Value::array(vec![]));
            o.add_typed("File", "string", Value::Null);
            o.add_typed("IsFilter", "bool", Value::Bool(false));
            o.add_typed("IsConfiguration", "bool", Value::Bool(false));
            o.add_typed("Module", "psmoduleinfo", Value::Null);
            o.add_typed("StartPosition", "System.Management.Automation.PSToken", Value::str("System.Management.Automation.PSToken"));
            o.add_typed("DebuggerHidden", "bool", Value::Bool(false));
            o.add_typed("Id", "guid", Value::Guid(uuid::Uuid::nil()));
            o.add_typed("Ast", "System.Management.Automation.Language.Ast", Value::str(sb.inner_text()));
            Value::object(o)
        }
        Value::Type(t) => crate::engine::dotnet::type_object::display(t),
        Value::Native(n) => crate::engine::dotnet::text::display(n),
        other => {
            let mut o = PsObject::typed(&other.type_name());
            o.add_typed("Value", "object", other.clone());
            Value::object(o)
        }
    }
}

/// The group an object of a grouped view is in, and the lines that start the group:
/// `   Label: value` (GroupBy with a label), or a custom control's text in its frame.
fn group_start(view: &TableView, v: &Value) -> Option<(String, Vec<String>)> {
    if let Some(control) = view.group_control {
        let text = control(v);
        return Some((text.clone(), vec![String::new(), format!("    {text}"), String::new(), String::new()]));
    }
    let (prop, label) = view.group_by?;
    let g = view::prop(v, prop);
    Some((g.clone(), vec![String::new(), format!("   {label}: {g}"), String::new()]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dotnet() -> ViewTable {
        let views = ViewTable::default();
        for v in view::dotnet_views() {
            views.add(v);
        }
        views
    }

    fn obj(props: &[(&str, Value)]) -> Value {
        let mut o = PsObject::custom();
        for (k, v) in props {
            o.add_note(k, v.clone());
        }
        Value::object(o)
    }

    #[test]
    fn small_objects_make_a_sized_table() {
        let mut f = Formatter::new(120, dotnet());
        f.push(&obj(&[("a", Value::Int(1)), ("Name", Value::str("x"))]), 0);
        f.push(&obj(&[("a", Value::Int(22)), ("Name", Value::str("longer"))]), 0);
        f.end_group();
        assert_eq!(f.take_lines(), vec!["", " a Name  ", " - ----  ", " 1 x     ", "22 longer", "", ""]);
    }

    #[test]
    fn large_objects_make_a_list_with_5_1_blank_lines() {
        let mut f = Formatter::new(120, dotnet());
        let props: Vec<(&str, Value)> = vec![("a", Value::Int(1)), ("bb", Value::Int(2)), ("c", Value::Int(3)), ("d", Value::Int(4)), ("e", Value::Int(5))];
        f.push(&obj(&props), 0);
        f.end_group();
        assert_eq!(f.take_lines(), vec!["", "", "a  : 1", "bb : 2", "c  : 3", "d  : 4", "e  : 5", "", "", ""]);
    }

    #[test]
    fn a_list_view_draws_its_labelled_items_in_its_order() {
        let views = dotnet();
        let label = |label: &'static str, name: &'static str| crate::engine::views::ViewColumn { label, ..crate::engine::views::ViewColumn::property(name, 0) };
        views.add(TableView { list: true, ..TableView::new("Sample.Type", vec![label("Name", "Name"), label("Sku", "SkuText")]) });
        let mut o = PsObject::typed("Sample.Type");
        o.add_typed("Hidden", "string", Value::str("not shown"));
        o.add_typed("Name", "string", Value::str("c1"));
        o.add_typed("SkuText", "string", Value::str("{\n  \"Tier\": \"Standard\"\n}"));
        let mut f = Formatter::new(120, views);
        f.push(&Value::object(o), 0);
        f.end_group();
        assert_eq!(f.take_lines(), vec!["", "", "Name : c1", "Sku  : {", "         \"Tier\": \"Standard\"", "       }", "", "", ""]);
    }

    #[test]
    fn later_objects_are_squeezed_into_the_first_table() {
        let mut f = Formatter::new(120, dotnet());
        f.push(&obj(&[("a", Value::Int(1))]), 0);
        f.push(&obj(&[("a", Value::Int(2)), ("b", Value::Int(3))]), 0);
        f.end_group();
        assert_eq!(f.take_lines(), vec!["", "a", "-", "1", "2", "", ""]);
    }

    #[test]
    fn scalars_print_raw_in_order_with_cached_rows() {
        let mut f = Formatter::new(120, dotnet());
        f.push(&Value::str("first"), 0);
        f.push(&obj(&[("a", Value::Int(1))]), 0);
        f.push(&Value::str("after"), 0);
        f.end_group();
        assert_eq!(f.take_lines(), vec!["first", "", "a", "-", "1", "after", "", ""]);
    }

    #[test]
    fn a_late_string_also_ends_the_caching() {
        let mut f = Formatter::new(120, dotnet());
        f.push(&obj(&[("a", Value::Int(1))]), 0);
        f.push(&Value::str("x"), 1000);
        assert_eq!(f.take_lines(), vec!["", "a", "-", "1", "x"]);
    }

    #[test]
    fn the_late_object_counts_and_later_rows_are_cut() {
        let mut f = Formatter::new(120, dotnet());
        f.push(&obj(&[("Name", Value::str("ab"))]), 0);
        f.push(&obj(&[("Name", Value::str("abcdef"))]), 1000);
        f.push(&obj(&[("Name", Value::str("abcdefghij"))]), 2000);
        f.end_group();
        assert_eq!(f.take_lines(), vec!["", "Name  ", "----  ", "ab    ", "abcdef", "abc...", "", ""]);
    }
}
