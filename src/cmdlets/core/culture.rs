//! Get-Culture and Get-UICulture: the lab's machine runs en-US, as the documentation's
//! outputs (dates, numbers, list separators) assume.

use crate::engine::command::{Args, Cmdlet, CommandInfo};
use crate::engine::value::{PsObject, Value};
use crate::engine::views::{TableView, ViewColumn};
use crate::engine::{Ctx, EvalResult};

const CULTURE_INFO: &str = "System.Globalization.CultureInfo";

pub fn commands() -> Vec<CommandInfo> {
    let culture = |name: &str, class: &str, what: &str| {
        CommandInfo::cmdlet(name, "Microsoft.PowerShell.Utility", class, || Box::new(GetCulture))
            .outputs(CULTURE_INFO)
            .synopsis(&format!("Gets the {what} (en-US in the lab)."))
            .description("The simulated machine's culture: English (United States), LCID 1033.")
            .example("The culture", &format!("{name} | Select-Object Name, DisplayName"), "en-US, English (United States).")
    };
    vec![
        culture("Get-Culture", "Microsoft.PowerShell.Commands.GetCultureCommand", "culture the session formats with"),
        culture("Get-UICulture", "Microsoft.PowerShell.Commands.GetUICultureCommand", "culture of the user interface"),
    ]
}

/// CultureInfo's table view (DotNetTypes.format.ps1xml).
pub fn culture_view() -> TableView {
    TableView::new(CULTURE_INFO, vec![ViewColumn::property("LCID", 16), ViewColumn::property("Name", 16), ViewColumn::property("DisplayName", 40)])
}

struct GetCulture;

impl Cmdlet for GetCulture {
    fn process(&mut self, ctx: &mut Ctx, _args: &Args) -> EvalResult<()> {
        let mut o = PsObject::typed(CULTURE_INFO);
        o.add_typed("Parent", "cultureinfo", Value::str("en"));
        o.add_typed("LCID", "int", Value::Int(1033));
        o.add_typed("KeyboardLayoutId", "int", Value::Int(1033));
        o.add_typed("Name", "string", Value::str("en-US"));
        o.add_typed("IetfLanguageTag", "string", Value::str("en-US"));
        o.add_typed("DisplayName", "string", Value::str("English (United States)"));
        o.add_typed("NativeName", "string", Value::str("English (United States)"));
        o.add_typed("EnglishName", "string", Value::str("English (United States)"));
        o.add_typed("TwoLetterISOLanguageName", "string", Value::str("en"));
        o.add_typed("ThreeLetterISOLanguageName", "string", Value::str("eng"));
        o.add_typed("ThreeLetterWindowsLanguageName", "string", Value::str("ENU"));
        o.add_typed("IsNeutralCulture", "bool", Value::Bool(false));
        o.add_typed("UseUserOverride", "bool", Value::Bool(true));
        o.add_typed("IsReadOnly", "bool", Value::Bool(false));
        ctx.emit(Value::object(o))
    }
}
