//! What help derives from a command's registered metadata: the syntax lines
//! and each parameter's attribute table. Get-Help and the cmdlet reference
//! both read these, and they read only what the binder reads, so the three
//! cannot disagree.

use crate::engine::command::{CommandInfo, ParamSpec};
use crate::engine::error::short_type_name;
use crate::engine::value::TypeKind;

/// The positions the binder gives each parameter: the declared ones or, for a
/// script function without any, declaration order of the non-switch parameters.
pub fn positions(info: &CommandInfo) -> Vec<Option<usize>> {
    let explicit = info.params.iter().any(|p| p.position.is_some() && !p.is_switch());
    if explicit || !info.implicit_positions {
        return info.params.iter().map(|p| p.position.filter(|_| !p.is_switch())).collect();
    }
    let mut next = 0;
    info.params
        .iter()
        .map(|p| {
            if p.is_switch() || p.remaining {
                return None;
            }
            next += 1;
            Some(next - 1)
        })
        .collect()
}

/// The parameter's type as help names it: `String`, `UInt32[]`, `SwitchParameter`.
pub fn type_name(p: &ParamSpec) -> String {
    short_type_name(&p.ty.full_name())
}

/// The value part of a syntax entry: ` <String>`, ` {A | B}`, nothing for a switch.
fn syntax_value(p: &ParamSpec) -> String {
    if p.is_switch() {
        return String::new();
    }
    let choices: Option<Vec<String>> = p.validate_set.clone().or_else(|| match p.ty.kind {
        TypeKind::Enum(def) if !p.ty.is_array => {
            let mut members = def.members.to_vec();
            members.sort_by_key(|(_, v)| *v);
            Some(members.iter().map(|(n, _)| n.to_string()).collect())
        }
        _ => None,
    });
    match choices {
        Some(c) => format!(" {{{}}}", c.join(" | ")),
        None => format!(" <{}>", type_name(p)),
    }
}

/// One syntax entry, followed by a space as 5.1's MamlParameterControl writes it.
fn syntax_entry(p: &ParamSpec, position: Option<usize>) -> String {
    let value = syntax_value(p);
    match (p.mandatory, position.is_some()) {
        (false, true) => format!("[[-{}]{value}] ", p.name),
        (false, false) => format!("[-{}{value}] ", p.name),
        (true, true) => format!("[-{}]{value} ", p.name),
        (true, false) => format!("-{}{value} ", p.name),
    }
}

/// The parameter sets in display order: the default set first.
fn ordered_sets(info: &CommandInfo) -> Vec<Option<String>> {
    let mut sets = info.set_names();
    if sets.is_empty() {
        return vec![None];
    }
    if let Some(default) = &info.default_set {
        if let Some(i) = sets.iter().position(|s| s.eq_ignore_ascii_case(default)) {
            let d = sets.remove(i);
            sets.insert(0, d);
        }
    }
    sets.into_iter().map(Some).collect()
}

/// One line per parameter set: positional parameters by position, then the
/// others in declaration order, then `[<CommonParameters>]`. Each entry ends
/// in a space, so a line without common parameters does too (as in 5.1).
pub fn syntax_lines(info: &CommandInfo) -> Vec<String> {
    let positions = positions(info);
    ordered_sets(info)
        .into_iter()
        .map(|set| {
            let mut members: Vec<(usize, &ParamSpec)> = info
                .params
                .iter()
                .enumerate()
                .filter(|(_, p)| match &set {
                    Some(s) => p.sets.is_empty() || p.sets.iter().any(|x| x.eq_ignore_ascii_case(s)),
                    None => true,
                })
                .collect();
            members.sort_by_key(|(i, _)| (positions[*i].unwrap_or(usize::MAX), *i));
            let mut line = format!("{} ", info.name);
            for (i, p) in members {
                line.push_str(&syntax_entry(p, positions[i]));
            }
            if info.common_params {
                line.push_str("[<CommonParameters>]");
            }
            line
        })
        .collect()
}

/// The value of a parameter's heading in the PARAMETERS section: ` <String>`,
/// or ` [<SwitchParameter>]` for a switch, whose value is optional.
pub fn heading_value(p: &ParamSpec) -> String {
    if p.is_switch() {
        " [<SwitchParameter>]".to_string()
    } else {
        format!(" <{}>", type_name(p))
    }
}

/// The attribute table of `Get-Help -Full` and `-Parameter`, 5.1's labels padded to 29.
pub fn attributes(p: &ParamSpec, position: Option<usize>) -> [(&'static str, String); 5] {
    let pipeline = match (p.from_pipeline, p.from_pipeline_by_name) {
        (true, true) => "true (ByValue, ByPropertyName)",
        (true, false) => "true (ByValue)",
        (false, true) => "true (ByPropertyName)",
        (false, false) => "false",
    };
    let default = match &p.default_text {
        Some(d) => d.clone(),
        None if p.is_switch() => "False".to_string(),
        None => "None".to_string(),
    };
    [
        ("Required?                    ", p.mandatory.to_string()),
        ("Position?                    ", position.map(|n| n.to_string()).unwrap_or_else(|| "named".into())),
        ("Default value                ", default),
        ("Accept pipeline input?       ", pipeline.to_string()),
        ("Accept wildcard characters?  ", p.wildcards.to_string()),
    ]
}

/// The .NET types a command takes from the pipeline (INPUTS), `None` when it takes nothing.
pub fn input_types(info: &CommandInfo) -> Vec<String> {
    let mut types: Vec<String> = Vec::new();
    for p in info.params.iter().filter(|p| p.from_pipeline || p.from_pipeline_by_name) {
        let t = p.ty.full_name();
        if !types.contains(&t) {
            types.push(t);
        }
    }
    if types.is_empty() {
        types.push("None".into());
    }
    types
}

/// The types a command writes (OUTPUTS), `None` when it writes nothing.
pub fn output_types(info: &CommandInfo) -> Vec<String> {
    if info.output_types.is_empty() {
        vec!["None".into()]
    } else {
        info.output_types.clone()
    }
}

/// The other commands of the same noun, the RELATED LINKS of a command.
pub fn related<'a>(info: &CommandInfo, all: impl Iterator<Item = &'a CommandInfo>) -> Vec<String> {
    let mut names: Vec<String> =
        all.filter(|c| c.noun().eq_ignore_ascii_case(info.noun()) && !c.name.eq_ignore_ascii_case(&info.name)).map(|c| c.name.clone()).collect();
    names.sort_by_key(|n| n.to_ascii_lowercase());
    names
}

/// Text split into paragraphs at blank lines.
pub fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect()
}
