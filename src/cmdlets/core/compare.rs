//! Compare-Object: 5.1's CompareObjectCommand, step for step — each difference object is
//! matched against the next reference object, then against the backlogs of either side kept
//! within `-SyncWindow`; what stays unmatched comes out as `=>` (only in the difference
//! objects) or `<=` (only in the reference objects) when the input ends, differences first.
//! Get-Unique: drops an object equal to the one before it (case-sensitively, as 5.1's
//! GetUniqueCommand compares).

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::ops;
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::{Ctx, EvalResult};

pub fn commands() -> Vec<CommandInfo> {
    let objects = |name: &str, position: usize, what: &str| ParamSpec {
        allow_empty_collection: true,
        ..ParamSpec::new(name, TypeKind::PSObject).array().mandatory().position(position).help(what)
    };
    vec![CommandInfo::cmdlet("Compare-Object", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Commands.CompareObjectCommand", || Box::new(CompareObject::default()))
        .param(objects("ReferenceObject", 0, "The objects compared against."))
        .param(objects("DifferenceObject", 1, "The objects compared with them.").pipeline())
        .param(ParamSpec::new("SyncWindow", TypeKind::Int).help("How far apart two equal objects may be (all of them by default)."))
        .param(ParamSpec::new("Property", TypeKind::Object).array().help("Compares these properties instead of the objects."))
        .param(ParamSpec::switch("ExcludeDifferent").help("Writes only the objects in both sets."))
        .param(ParamSpec::switch("IncludeEqual").help("Also writes the objects in both sets (==)."))
        .param(ParamSpec::switch("PassThru").help("Writes the objects themselves, with a SideIndicator property."))
        .param(ParamSpec::switch("CaseSensitive").help("Compares text case-sensitively."))
        .param(ParamSpec::new("Culture", TypeKind::String).help("Accepted; comparisons use en-US."))
        .synopsis("Compares two sets of objects.")
        .description("Writes each object found in only one set with a SideIndicator: => for the difference objects, <= for the reference objects, == (with -IncludeEqual) for both.")
        .example("What changed", "Compare-Object -ReferenceObject 'a','b','c' -DifferenceObject 'b','c','d'", "d => and a <=."),
    CommandInfo::cmdlet("Get-Unique", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Commands.GetUniqueCommand", || Box::new(GetUnique::default()))
        .param(ParamSpec::new("InputObject", TypeKind::PSObject).pipeline().help("The objects, sorted so that equal ones are next to each other."))
        .param(ParamSpec::switch("AsString").in_set("AsString").help("Compares the objects as text."))
        .param(ParamSpec::switch("OnType").in_set("UniqueByType").help("Keeps one object of each type in a row."))
        .default_set("AsString")
        .synopsis("Drops repeated objects from a sorted list.")
        .description("An object equal to the one before it is left out; equal objects further apart are both kept, so sort first. Text compares case-sensitively.")
        .example("Distinct names", "'b','a','b','A' | Sort-Object | Get-Unique", "a, A, b.")]
}

#[derive(Default)]
struct GetUnique {
    last: Option<Value>,
}

impl Cmdlet for GetUnique {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let Some(v) = args.get("InputObject").cloned() else { return Ok(()) };
        let repeated = self.last.as_ref().is_some_and(|last| {
            if args.switch("OnType") {
                last.type_name() == v.type_name()
            } else if args.switch("AsString") || matches!(v, Value::Str(_)) {
                to_string(last) == to_string(&v)
            } else {
                ops::compare(last, &v, true).is_some_and(|o| o.is_eq())
            }
        });
        self.last = Some(v.clone());
        if repeated {
            Ok(())
        } else {
            ctx.emit(v)
        }
    }
}

/// An object and the values it is compared by.
#[derive(Clone)]
struct Entry {
    object: Value,
    keys: Vec<Value>,
}

#[derive(Default)]
struct CompareObject {
    started: bool,
    reference: Vec<Entry>,
    next_reference: usize,
    reference_backlog: Vec<Entry>,
    difference_backlog: Vec<Entry>,
    /// (name, how to read it) of each -Property.
    properties: Vec<(String, Value)>,
    window: usize,
    include_equal: bool,
    exclude_different: bool,
    pass_thru: bool,
    case_sensitive: bool,
}

impl CompareObject {
    fn entry(&self, ctx: &mut Ctx, object: Value) -> EvalResult<Entry> {
        let mut keys = Vec::new();
        for (_, how) in &self.properties {
            keys.push(match how {
                Value::ScriptBlock(sb) => ctx.interp.invoke_block_here(sb, Some(object.clone()))?,
                other => ctx.interp.get_member(&object, &to_string(other)),
            });
        }
        Ok(Entry { object, keys })
    }

    fn same(&self, a: &Entry, b: &Entry) -> bool {
        let equal = |x: &Value, y: &Value| match ops::compare(x, y, self.case_sensitive) {
            Some(o) => o.is_eq(),
            None => ops::compare(&Value::str(to_string(x)), &Value::str(to_string(y)), self.case_sensitive).is_some_and(|o| o.is_eq()),
        };
        if self.properties.is_empty() {
            equal(&a.object, &b.object)
        } else {
            a.keys.iter().zip(&b.keys).all(|(x, y)| equal(x, y))
        }
    }

    fn take_match(&self, entry: &Entry, backlog: &mut Vec<Entry>) -> Option<Entry> {
        let i = backlog.iter().position(|b| self.same(entry, b))?;
        Some(backlog.remove(i))
    }

    fn emit(&self, ctx: &mut Ctx, entry: &Entry, side: &str) -> EvalResult<()> {
        let mut o = if self.pass_thru {
            match &entry.object {
                Value::Object(obj) => obj.borrow().clone(),
                // 5.1 adds the note to the value's PSObject wrapper; ersim's strings and
                // numbers have none, so they pass through as they are.
                other => return ctx.emit(other.clone()),
            }
        } else {
            let mut o = PsObject::custom();
            if self.properties.is_empty() {
                o.add_note("InputObject", entry.object.clone());
            } else {
                for ((name, _), value) in self.properties.iter().zip(&entry.keys) {
                    o.add_note(name, value.clone());
                }
            }
            o
        };
        o.props.retain(|p| !p.name.eq_ignore_ascii_case("SideIndicator"));
        o.add_note("SideIndicator", Value::str(side));
        ctx.emit(Value::object(o))
    }

    fn matched(&self, ctx: &mut Ctx, entry: &Entry) -> EvalResult<()> {
        if self.include_equal {
            self.emit(ctx, entry, "==")?;
        }
        Ok(())
    }

    fn only(&self, ctx: &mut Ctx, entry: &Entry, side: &str) -> EvalResult<()> {
        if !self.exclude_different {
            self.emit(ctx, entry, side)?;
        }
        Ok(())
    }

    /// One difference object (or none, to move on through the reference objects).
    fn step(&mut self, ctx: &mut Ctx, mut difference: Option<Entry>) -> EvalResult<()> {
        let mut reference = self.reference.get(self.next_reference).cloned();
        if reference.is_some() {
            self.next_reference += 1;
        }
        if let (Some(r), Some(d)) = (&reference, &difference) {
            if self.same(r, d) {
                return self.matched(ctx, r);
            }
        }
        let mut backlog = std::mem::take(&mut self.reference_backlog);
        if let Some(found) = difference.as_ref().and_then(|d| self.take_match(d, &mut backlog)) {
            self.matched(ctx, &found)?;
            difference = None;
        }
        self.reference_backlog = backlog;
        let mut backlog = std::mem::take(&mut self.difference_backlog);
        if let Some(r) = reference.as_ref() {
            if self.take_match(r, &mut backlog).is_some() {
                self.matched(ctx, r)?;
                reference = None;
            }
        }
        self.difference_backlog = backlog;
        if let Some(d) = difference {
            self.keep(ctx, d, false)?;
        }
        if let Some(r) = reference {
            self.keep(ctx, r, true)?;
        }
        Ok(())
    }

    /// Puts an unmatched object in its side's backlog, letting out the oldest beyond the window.
    fn keep(&mut self, ctx: &mut Ctx, entry: Entry, reference: bool) -> EvalResult<()> {
        let side = if reference { "<=" } else { "=>" };
        if self.window == 0 {
            return self.only(ctx, &entry, side);
        }
        let mut backlog = std::mem::take(if reference { &mut self.reference_backlog } else { &mut self.difference_backlog });
        while backlog.len() >= self.window {
            let oldest = backlog.remove(0);
            self.only(ctx, &oldest, side)?;
        }
        backlog.push(entry);
        *(if reference { &mut self.reference_backlog } else { &mut self.difference_backlog }) = backlog;
        Ok(())
    }

    fn start(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        self.started = true;
        self.window = args.opt::<i64>("SyncWindow").map_or(usize::MAX, |w| usize::try_from(w).unwrap_or(0));
        self.pass_thru = args.switch("PassThru");
        self.case_sensitive = args.switch("CaseSensitive");
        self.exclude_different = args.switch("ExcludeDifferent");
        // -ExcludeDifferent implies -IncludeEqual unless -IncludeEqual:$false says otherwise.
        self.include_equal = match args.get("IncludeEqual") {
            Some(v) => crate::engine::convert::to_bool(v),
            None => self.exclude_different,
        };
        self.properties = args.get("Property").map(|v| v.enumerate()).unwrap_or_default().into_iter().map(|p| (property_name(&p), p)).collect();
        let objects = args.get("ReferenceObject").map(Value::enumerate).unwrap_or_default();
        for o in objects {
            let e = self.entry(ctx, o)?;
            self.reference.push(e);
        }
        Ok(())
    }
}

/// The column a -Property makes: its name, or a script block's text.
fn property_name(p: &Value) -> String {
    match p {
        Value::ScriptBlock(sb) => sb.inner_text().to_string(),
        other => to_string(other),
    }
}

impl Cmdlet for CompareObject {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        if !self.started {
            self.start(ctx, args)?;
        }
        let differences = args.get("DifferenceObject").map(Value::enumerate).unwrap_or_default();
        if self.reference.is_empty() {
            for d in differences {
                let e = self.entry(ctx, d)?;
                self.only(ctx, &e, "=>")?;
            }
            return Ok(());
        }
        for d in differences {
            let e = self.entry(ctx, d)?;
            self.step(ctx, Some(e))?;
        }
        Ok(())
    }

    fn end(&mut self, ctx: &mut Ctx) -> EvalResult<()> {
        while self.next_reference < self.reference.len() {
            self.step(ctx, None)?;
        }
        for d in std::mem::take(&mut self.difference_backlog) {
            self.only(ctx, &d, "=>")?;
        }
        for r in std::mem::take(&mut self.reference_backlog) {
            self.only(ctx, &r, "<=")?;
        }
        Ok(())
    }
}
