//! Script modules from the lab's files: Import-Module of a `.psm1` (run in a module scope of
//! its own; without Export-ModuleMember its functions and aliases are exported and its
//! variables stay private, as 5.1's implicit export) or of a `.psd1` manifest (`RootModule`,
//! `NestedModules`, `FunctionsToExport`, `AliasesToExport`, `VariablesToExport`,
//! `RequiredModules`, `ModuleVersion`), Export-ModuleMember, Get-Module and Remove-Module.

use std::cell::RefCell;
use std::rc::Rc;

use crate::engine::command::{Args, Cmdlet, CommandInfo, CommandType, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::error::{parse_error_record, ErrorCategory, ErrorRecord};
use crate::engine::ops::like;
use crate::engine::runtime::{AliasEntry, ScopeRef, Variable};
use crate::engine::value::{Hashtable, PsObject, TypeKind, Value};
use crate::engine::views::{TableView, ViewColumn};
use crate::engine::{Ctx, EvalResult, Flow};
use crate::labfs::{FsError, Item, LabFs};
use crate::lang::ast::{ScriptBlock, Source};

use super::files::{fs_record, lab, READ_IDS};

const CORE: &str = "Microsoft.PowerShell.Core";
const MODULE_INFO: &str = "System.Management.Automation.PSModuleInfo";

/// A module imported from a file.
#[derive(Clone)]
struct FileModule {
    name: String,
    path: String,
    kind: &'static str,
    version: String,
    functions: Vec<String>,
    /// The aliases published into the session, as they were when imported.
    aliases: Vec<AliasEntry>,
    /// The variables published into the session, by name as spelled.
    variables: Vec<String>,
    /// The scope its (root) module ran in, where its private members stay.
    scope: Option<ScopeRef>,
}

/// What Export-ModuleMember calls named while one module file ran (wildcards each).
#[derive(Default)]
struct ExportLists {
    functions: Vec<String>,
    aliases: Vec<String>,
    variables: Vec<String>,
}

/// The session's file modules, and the Export-ModuleMember lists of the modules loading
/// (`None` while a module has not called it: 5.1's implicit export applies).
#[derive(Default)]
struct Registry {
    loaded: RefCell<Vec<FileModule>>,
    exporting: RefCell<Vec<Option<ExportLists>>>,
}

fn registry(ctx: &mut Ctx) -> Rc<Registry> {
    if let Some(r) = ctx.interp.extension::<Rc<Registry>>() {
        return r.clone();
    }
    let r = Rc::new(Registry::default());
    ctx.interp.add_extension(r.clone());
    r
}

pub fn commands() -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("Export-ModuleMember", CORE, "Microsoft.PowerShell.Commands.ExportModuleMemberCommand", || Box::new(ExportModuleMember))
            .param(ParamSpec::new("Function", TypeKind::String).array().position(0).pipeline().by_name().help("The functions the module exports (wildcards)."))
            .param(ParamSpec::new("Variable", TypeKind::String).array().by_name().help("The module's variables the session sees (wildcards)."))
            .param(ParamSpec::new("Alias", TypeKind::String).array().by_name().help("The module's aliases the session sees (wildcards)."))
            .synopsis("Names the members a script module exports.")
            .description("Called in a .psm1: only the functions, aliases and variables named are exported. Without it every function and alias is, and no variable.")
            .example(
                "A module with a private helper",
                "Set-Content Tools.psm1 'function Get-Public { helper }', 'function helper { 42 }', 'Export-ModuleMember -Function Get-Public'; Import-Module .\\Tools.psm1 -Force; Get-Public",
                "42; helper itself is not visible outside the module.",
            )
            .example(
                "An alias and a variable exported",
                "Set-Content Cfg.psm1 '$Region = ''West US''', 'function Get-Region { $Region }', 'Set-Alias gr Get-Region', 'Export-ModuleMember -Function Get-Region -Alias gr -Variable Region'; Import-Module .\\Cfg.psm1 -Force; gr; $Region",
                "West US twice: the alias and the variable are the session's while the module is loaded.",
            ),
        CommandInfo::cmdlet("Get-Module", CORE, "Microsoft.PowerShell.Commands.GetModuleCommand", || Box::new(GetModule))
            .param(ParamSpec::new("Name", TypeKind::String).array().position(0).by_name().wildcards().help("The modules to show (all by default)."))
            .param(ParamSpec::switch("ListAvailable").help("The modules installed, whether loaded or not."))
            .param(ParamSpec::switch("All").help("Accepted."))
            .outputs(MODULE_INFO)
            .synopsis("Gets the modules of the session.")
            .description("The Azure modules and ErSim, which ersim has loaded, and the script modules imported from files.")
            .example("Is ExpressRoute there", "(Get-Module ExpressRoute).Version.ToString()", "5.3.0."),
        CommandInfo::cmdlet("Remove-Module", CORE, "Microsoft.PowerShell.Commands.RemoveModuleCommand", || Box::new(RemoveModule))
            .param(ParamSpec::new("Name", TypeKind::String).array().mandatory().position(0).pipeline().by_name().help("The script modules to remove."))
            .param(ParamSpec::switch("Force").help("Accepted."))
            .synopsis("Removes a script module from the session.")
            .description("Its functions are no longer visible. ersim's own modules stay.")
            .example(
                "Unload a helper module",
                "Set-Content Temp.psm1 'function Get-Temp { 1 }'; Import-Module .\\Temp.psm1; Remove-Module Temp; Test-Path function:Get-Temp",
                "False.",
            ),
    ]
}

pub fn module_view() -> TableView {
    TableView::new(
        MODULE_INFO,
        vec![
            ViewColumn::property("ModuleType", 10),
            ViewColumn::property("Version", 10),
            ViewColumn::property("Name", 35),
            ViewColumn::property("ExportedCommands", 0),
        ],
    )
}

fn not_found(name: &str) -> ErrorRecord {
    ErrorRecord::new(
        format!("The specified module '{name}' was not loaded because no valid module file was found in any module directory."),
        "System.IO.FileNotFoundException",
        ErrorCategory::ResourceUnavailable,
        "Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand",
    )
    .with_target(&Value::str(name))
}

/// Whether `name` names a module file (`.psm1`, `.psd1`, `.ps1`) rather than a module by name.
pub fn is_module_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".psm1", ".psd1", ".ps1"].iter().any(|e| lower.ends_with(e)) && (name.contains(['\\', '/']) || !lower.ends_with(".psd1"))
}

/// Import-Module of a file: loads it unless it is loaded (or `force`), publishing its exports.
/// Whether the module is loaded afterwards (false after an error written).
pub fn import_file(ctx: &mut Ctx, name: &str, force: bool) -> EvalResult<bool> {
    let fs = lab(ctx)?;
    let item = match fs.resolve(name) {
        Ok(item) if fs.exists(&item) && !fs.is_dir(&item) => item,
        Ok(_) | Err(FsError::NotFound(_)) | Err(FsError::Invalid(..)) => return ctx.write_error(not_found(name)).map(|()| false),
        Err(e) => return ctx.write_error(fs_record(ctx, &e, &READ_IDS)).map(|()| false),
    };
    let reg = registry(ctx);
    let module_name = stem(item.lab.name());
    if reg.loaded.borrow().iter().any(|m| m.name.eq_ignore_ascii_case(&module_name)) {
        if !force {
            return Ok(true);
        }
        remove(ctx, &reg, &module_name);
    }
    match load(ctx, &fs, &reg, &item) {
        Ok(module) => {
            reg.loaded.borrow_mut().push(module);
            Ok(true)
        }
        Err(Flow::Error(rec)) if !rec.terminates_script => ctx.write_error((*rec).clone()).map(|()| false),
        Err(flow) => Err(flow),
    }
}

fn stem(file: &str) -> String {
    file.rsplit_once('.').map_or(file, |(s, _)| s).to_string()
}

/// What one module file (or a manifest's parts together) exports.
#[derive(Default)]
struct Exports {
    functions: Vec<(String, Rc<CommandInfo>, Rc<ScriptBlock>)>,
    aliases: Vec<AliasEntry>,
    /// (name as spelled, the variable).
    variables: Vec<(String, Variable)>,
    /// The module scope they come from: a manifest's root module's, run last.
    scope: Option<ScopeRef>,
}

impl Exports {
    fn extend(&mut self, other: Exports) {
        self.functions.extend(other.functions);
        self.aliases.extend(other.aliases);
        self.variables.extend(other.variables);
        self.scope = other.scope.or(self.scope.take());
    }

    /// Keeps what a manifest's `FunctionsToExport`, `AliasesToExport` and `VariablesToExport`
    /// name, each list only when the manifest has it (5.1 subsets the modules' exports).
    fn subset(&mut self, functions: Option<Vec<String>>, aliases: Option<Vec<String>>, variables: Option<Vec<String>>) {
        if let Some(f) = functions {
            self.functions.retain(|(n, _, _)| matches_any(n, &f));
        }
        if let Some(a) = aliases {
            self.aliases.retain(|e| matches_any(&e.name, &a));
        }
        if let Some(v) = variables {
            self.variables.retain(|(n, _)| matches_any(n, &v));
        }
    }
}

fn matches_any(name: &str, patterns: &[String]) -> bool {
    patterns.iter().any(|p| like(&Value::str(name), &Value::str(p), false))
}

/// The variables 5.1 never exports from a module (PSModuleInfo's built-in variables).
const BUILT_IN_VARIABLES: &[&str] = &[
    "_",
    "this",
    "input",
    "args",
    "true",
    "false",
    "null",
    "psdefaultparametervalues",
    "error",
    "psscriptroot",
    "pscommandpath",
    "myinvocation",
    "executioncontext",
    "stacktrace",
];

fn read_source(ctx: &mut Ctx, fs: &LabFs, item: &Item) -> EvalResult<Rc<ScriptBlock>> {
    let (text, mangled) = fs.read_text(item, None).map_err(|e| ctx.terminate(fs_record(ctx, &e, &READ_IDS)))?;
    if mangled {
        super::files::ansi_warning(ctx, item)?;
    }
    let src = Source::new(Some(item.shown()), text);
    crate::lang::parse_script(&src).map_err(|e| {
        let mut rec = parse_error_record(&e, &src, false);
        rec.terminates_script = false;
        Flow::error(rec)
    })
}

/// Runs a `.psm1` (or `.ps1`) in a new module scope below the global one; what it exports:
/// what its Export-ModuleMember calls named, or else every function and alias (5.1's
/// implicit export leaves variables private).
fn run_script_module(ctx: &mut Ctx, fs: &LabFs, reg: &Registry, item: &Item) -> EvalResult<Exports> {
    let body = read_source(ctx, fs, item)?;
    let global = ctx.interp.global.clone();
    let scope = ctx.interp.new_scope(&global, true);
    reg.exporting.borrow_mut().push(None);
    let saved = std::mem::replace(&mut ctx.interp.current, scope.clone());
    let r = ctx.interp.run_block_here(&body, None, ctx.out);
    ctx.interp.current = saved;
    let named = reg.exporting.borrow_mut().pop().flatten();
    r?;
    let all = vec!["*".to_string()];
    let (functions, aliases, variables) = match &named {
        Some(lists) => (&lists.functions, &lists.aliases, &lists.variables),
        None => (&all, &all, &Vec::new()),
    };
    let s = scope.borrow();
    let mut exports = Exports { scope: Some(scope.clone()), ..Exports::default() };
    for (key, info) in &s.functions {
        if let (true, Some(body)) = (matches_any(&info.name, functions), s.function_bodies.get(key)) {
            exports.functions.push((info.name.clone(), with_scope(info, &scope), body.clone()));
        }
    }
    exports.functions.sort_by_key(|e| e.0.to_lowercase());
    exports.aliases = s.aliases.entries().filter(|a| matches_any(&a.name, aliases)).cloned().collect();
    exports.aliases.sort_by_key(|a| a.name.to_lowercase());
    for (key, var) in &s.vars {
        let name = s.spelling(key);
        if !var.options.all_scope && !BUILT_IN_VARIABLES.contains(&key.as_str()) && matches_any(name, variables) {
            exports.variables.push((name.to_string(), var.clone()));
        }
    }
    exports.variables.sort_by_key(|v| v.0.to_lowercase());
    Ok(exports)
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.map(|v| v.enumerate().iter().map(to_string).collect()).unwrap_or_default()
}

/// Loads a module file and publishes what it exports into the global scope: functions,
/// aliases (the session's table of them) and variables (copies of the module's).
fn load(ctx: &mut Ctx, fs: &LabFs, reg: &Registry, item: &Item) -> EvalResult<FileModule> {
    let name = stem(item.lab.name());
    let lower = item.lab.name().to_ascii_lowercase();
    let (kind, version, exports) = if lower.ends_with(".psd1") {
        let (version, exports) = load_manifest(ctx, fs, reg, item)?;
        ("Manifest", version, exports)
    } else {
        ("Script", "0.0".to_string(), run_script_module(ctx, fs, reg, item)?)
    };
    let mut functions = Vec::new();
    let mut global = ctx.interp.global.borrow_mut();
    for (fname, info, body) in exports.functions {
        let mut info = (*info).clone();
        info.module = name.clone();
        let key = fname.to_ascii_lowercase();
        global.functions.insert(key.clone(), Rc::new(info));
        global.function_bodies.insert(key, body);
        functions.push(fname);
    }
    let mut variables = Vec::new();
    for (vname, var) in exports.variables {
        let key = vname.to_ascii_lowercase();
        global.spell(&vname, &key);
        global.vars.insert(key, var);
        variables.push(vname);
    }
    drop(global);
    for alias in &exports.aliases {
        ctx.interp.aliases.set(alias.clone());
    }
    Ok(FileModule { name, path: item.shown(), kind, version, functions, aliases: exports.aliases, variables, scope: exports.scope })
}

/// The scope of the loaded file module `name` (InModuleScope's and Mock -ModuleName's), whatever
/// it exports.
pub fn module_scope(interp: &crate::engine::Interp, name: &str) -> Option<ScopeRef> {
    let reg = interp.extension::<Rc<Registry>>()?;
    let loaded = reg.loaded.borrow();
    loaded.iter().find(|m| m.name.eq_ignore_ascii_case(name)).and_then(|m| m.scope.clone())
}

fn with_scope(info: &Rc<CommandInfo>, scope: &ScopeRef) -> Rc<CommandInfo> {
    let mut i = (**info).clone();
    i.module_scope = Some(scope.clone());
    Rc::new(i)
}

/// A manifest: its data evaluated, its required modules checked, its nested and root
/// modules run, and its `*ToExport` lists applied to what they export.
fn load_manifest(ctx: &mut Ctx, fs: &LabFs, reg: &Registry, item: &Item) -> EvalResult<(String, Exports)> {
    let body = read_source(ctx, fs, item)?;
    let mut values = Vec::new();
    let global = ctx.interp.global.clone();
    let scope = ctx.interp.new_scope(&global, true);
    let saved = std::mem::replace(&mut ctx.interp.current, scope);
    let r = ctx.interp.run_block_here(&body, None, &mut |_, v| {
        values.push(v);
        Ok(())
    });
    ctx.interp.current = saved;
    r?;
    let data = match values.as_slice() {
        [Value::Hashtable(h)] => h.clone(),
        _ => {
            return Err(ctx.terminate(ErrorRecord::new(
                format!("The module manifest '{}' could not be processed because it is not a valid Windows PowerShell restricted language file. Remove the elements that are not permitted by the restricted language.", item.shown()),
                "System.Management.Automation.PSInvalidOperationException",
                ErrorCategory::InvalidData,
                "Modules_InvalidManifest,Microsoft.PowerShell.Commands.ImportModuleCommand",
            )))
        }
    };
    let get = |key: &str| data.borrow().get_str(key).cloned();
    for required in strings(get("RequiredModules").as_ref()) {
        let known = ctx.interp.modules.iter().any(|m| m.name.eq_ignore_ascii_case(&required))
            || reg.loaded.borrow().iter().any(|m| m.name.eq_ignore_ascii_case(&required));
        if !known {
            return Err(ctx.terminate(ErrorRecord::new(
                format!(
                    "The required module '{required}' is not loaded. Load the module or remove the module from 'RequiredModules' in the file '{}'.",
                    item.shown()
                ),
                "System.IO.FileNotFoundException",
                ErrorCategory::ResourceUnavailable,
                "Modules_InvalidManifest,Microsoft.PowerShell.Commands.ImportModuleCommand",
            )));
        }
    }
    let folder = item.lab.parent().to_string();
    let mut parts = strings(get("NestedModules").as_ref());
    parts.extend(strings(get("RootModule").or_else(|| get("ModuleToProcess")).as_ref()));
    let mut exports = Exports::default();
    for part in parts {
        let path = format!("{}\\{part}", folder.trim_end_matches('\\'));
        let part_item = match fs.resolve(&path) {
            Ok(i) if fs.exists(&i) => i,
            _ => return Err(ctx.terminate(not_found(&part))),
        };
        exports.extend(run_script_module(ctx, fs, reg, &part_item)?);
    }
    let list = |key: &str| get(key).map(|v| strings(Some(&v)));
    exports.subset(list("FunctionsToExport"), list("AliasesToExport"), list("VariablesToExport"));
    let version = get("ModuleVersion").map(|v| to_string(&v)).unwrap_or_else(|| "0.0".into());
    Ok((version, exports))
}

fn remove(ctx: &mut Ctx, reg: &Registry, name: &str) -> bool {
    let mut loaded = reg.loaded.borrow_mut();
    let Some(i) = loaded.iter().position(|m| m.name.eq_ignore_ascii_case(name)) else { return false };
    let module = loaded.remove(i);
    let mut global = ctx.interp.global.borrow_mut();
    for f in &module.functions {
        let key = f.to_ascii_lowercase();
        if global.functions.get(&key).is_some_and(|info| info.module.eq_ignore_ascii_case(&module.name)) {
            global.functions.remove(&key);
            global.function_bodies.remove(&key);
        }
    }
    // 5.1 removes an imported variable or alias only while it is still the module's.
    for v in &module.variables {
        global.vars.remove(&v.to_ascii_lowercase());
    }
    drop(global);
    for alias in &module.aliases {
        if ctx.interp.aliases.get(&alias.name).is_some_and(|target| target.eq_ignore_ascii_case(&alias.target)) {
            ctx.interp.aliases.remove(&alias.name);
        }
    }
    true
}

struct ExportModuleMember;

impl Cmdlet for ExportModuleMember {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let reg = registry(ctx);
        let mut exporting = reg.exporting.borrow_mut();
        let Some(list) = exporting.last_mut() else {
            drop(exporting);
            return Err(ctx.terminate(ErrorRecord::new(
                "The Export-ModuleMember cmdlet can only be called from inside a module.",
                "System.InvalidOperationException",
                ErrorCategory::PermissionDenied,
                "Modules_CanOnlyExecuteExportModuleMemberInsideAModule,Microsoft.PowerShell.Commands.ExportModuleMemberCommand",
            )));
        };
        let lists = list.get_or_insert_with(ExportLists::default);
        lists.functions.extend(strings(args.get("Function")));
        lists.aliases.extend(strings(args.get("Alias")));
        lists.variables.extend(strings(args.get("Variable")));
        Ok(())
    }
}

/// What a PSModuleInfo shows of one module.
struct ModuleFacts<'a> {
    name: &'a str,
    kind: &'a str,
    version: &'a str,
    path: &'a str,
    commands: Vec<Rc<CommandInfo>>,
    aliases: Vec<AliasEntry>,
    variables: Vec<(String, Value)>,
}

/// A `Dictionary[string,V]` of `entries` keyed by name, as PSModuleInfo's Exported* are (so
/// `.Keys`, `.ContainsKey` and `-ExpandProperty`'s Key/Value pairs work).
fn dictionary(value_type: &str, entries: impl IntoIterator<Item = (String, Value)>) -> Value {
    let ty = crate::engine::types::resolve(&format!("System.Collections.Generic.Dictionary[string,{value_type}]"), false)
        .or_else(|| crate::engine::types::resolve("System.Collections.Generic.Dictionary[string,object]", false));
    let mut table = ty.map_or_else(|| Hashtable::new(false), |t| Hashtable::dictionary((*t).clone()));
    for (key, value) in entries {
        table.insert(Value::str(key), value);
    }
    Value::hashtable(table)
}

/// 5.1's PSModuleInfo: the view's four columns, where the module is (`Path`, `ModuleBase` its
/// folder) and what it exports, each a dictionary keyed by name.
fn module_object(m: ModuleFacts) -> Value {
    let commands = |kind: Option<CommandType>| {
        let kept = m.commands.iter().filter(|c| kind.is_none_or(|k| c.kind == k));
        let mut entries: Vec<(String, Value)> = kept.map(|c| (c.name.clone(), super::utility::command_object(c))).collect();
        // ExportedCommands is the cmdlets, the functions and then the aliases.
        if kind.is_none() {
            entries.extend(m.aliases.iter().map(|a| (a.name.clone(), super::commands_info::alias_object(a))));
        }
        dictionary("System.Management.Automation.CommandInfo", entries)
    };
    let mut o = PsObject::typed(MODULE_INFO);
    o.add_typed("ModuleType", "System.Management.Automation.ModuleType", Value::str(m.kind));
    o.add_typed("Version", "version", version_value(m.version));
    o.add_typed("Name", "string", Value::str(m.name));
    o.add_typed("Path", "string", Value::str(m.path));
    o.add_typed("ModuleBase", "string", Value::str(m.path.rsplit_once('\\').map_or(m.path, |(folder, _)| folder)));
    o.add_typed("ExportedCommands", "System.Collections.Generic.Dictionary[string,System.Management.Automation.CommandInfo]", commands(None));
    o.add_typed(
        "ExportedFunctions",
        "System.Collections.Generic.Dictionary[string,System.Management.Automation.FunctionInfo]",
        commands(Some(CommandType::Function)),
    );
    o.add_typed(
        "ExportedCmdlets",
        "System.Collections.Generic.Dictionary[string,System.Management.Automation.CmdletInfo]",
        commands(Some(CommandType::Cmdlet)),
    );
    let aliases = m.aliases.iter().map(|a| (a.name.clone(), super::commands_info::alias_object(a)));
    o.add_typed(
        "ExportedAliases",
        "System.Collections.Generic.Dictionary[string,System.Management.Automation.AliasInfo]",
        dictionary("System.Management.Automation.AliasInfo", aliases.collect::<Vec<_>>()),
    );
    let variables = m.variables.into_iter().map(|(name, value)| (name.clone(), super::variables::psvariable(&name, value)));
    o.add_typed(
        "ExportedVariables",
        "System.Collections.Generic.Dictionary[string,System.Management.Automation.PSVariable]",
        dictionary("System.Management.Automation.PSVariable", variables.collect::<Vec<_>>()),
    );
    Value::object(o)
}

/// The PSModuleInfo of a module imported from a file, its functions as the session has them.
fn file_module_object(ctx: &Ctx, m: &FileModule) -> Value {
    let global = ctx.interp.global.borrow();
    let commands = m.functions.iter().filter_map(|f| global.functions.get(&f.to_ascii_lowercase()).cloned()).collect();
    // The session's variable is the module's (5.1 shares the PSVariable), so its value now.
    let variables = m.variables.iter().filter_map(|v| global.vars.get(&v.to_ascii_lowercase()).map(|var| (v.clone(), var.value.clone()))).collect();
    drop(global);
    module_object(ModuleFacts { name: &m.name, kind: m.kind, version: &m.version, path: &m.path, commands, aliases: m.aliases.clone(), variables })
}

/// The PSModuleInfo of a module ersim has loaded: its commands, and the session's aliases of them.
fn built_in_object(ctx: &Ctx, name: &str, version: &str) -> Value {
    let mut commands: Vec<Rc<CommandInfo>> = ctx.interp.all_commands().into_iter().filter(|c| c.module == name).collect();
    commands.sort_by(|a, b| a.name.cmp(&b.name));
    let mut aliases: Vec<AliasEntry> =
        super::commands_info::aliases_sorted(ctx).into_iter().filter(|a| commands.iter().any(|c| c.name.eq_ignore_ascii_case(&a.target))).collect();
    aliases.dedup_by(|a, b| a.name.eq_ignore_ascii_case(&b.name));
    let path = format!("C:\\Program Files\\WindowsPowerShell\\Modules\\{name}\\{version}\\{name}.psd1");
    module_object(ModuleFacts { name, kind: "Manifest", version, path: &path, commands, aliases, variables: Vec::new() })
}

/// The names of the modules imported from files, as loaded (Update-Help reads them).
pub fn loaded_names(ctx: &mut Ctx) -> Vec<String> {
    registry(ctx).loaded.borrow().iter().map(|m| m.name.clone()).collect()
}

/// Import-Module -PassThru: the module `name` names, built in or from a file, once it is loaded.
pub fn passthru_object(ctx: &mut Ctx, name: &str) -> Option<Value> {
    let file = name.trim().rsplit(['\\', '/']).next().unwrap_or_default();
    let module = stem(file);
    let built_in = ctx.interp.modules.iter().find(|m| m.name.eq_ignore_ascii_case(&module) || m.name.eq_ignore_ascii_case(file)).map(|m| (m.name, m.version));
    if let Some((name, version)) = built_in {
        return Some(built_in_object(ctx, name, version));
    }
    let reg = registry(ctx);
    let loaded = reg.loaded.borrow();
    let found = loaded.iter().find(|m| m.name.eq_ignore_ascii_case(&module))?;
    Some(file_module_object(ctx, found))
}

/// `1.2.3` as a System.Version (missing parts are -1, as .NET keeps them).
fn version_value(text: &str) -> Value {
    let parts: Vec<i32> = text.split('.').map(|p| p.trim().parse().unwrap_or(0)).collect();
    let part = |i: usize| parts.get(i).copied().unwrap_or(-1);
    crate::engine::convert::version_object(part(0).max(0), part(1).max(0), part(2), part(3))
}

struct GetModule;

impl Cmdlet for GetModule {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let reg = registry(ctx);
        let wanted = strings(args.get("Name"));
        let mut all = Vec::new();
        let built_in: Vec<(&str, &str)> = ctx.interp.modules.iter().filter(|m| m.name != CORE).map(|m| (m.name, m.version)).collect();
        for (name, version) in built_in {
            all.push((name.to_string(), built_in_object(ctx, name, version)));
        }
        if !args.switch("ListAvailable") {
            for m in reg.loaded.borrow().iter() {
                all.push((m.name.clone(), file_module_object(ctx, m)));
            }
        }
        for (name, obj) in all {
            if wanted.is_empty() || wanted.iter().any(|w| like(&Value::str(&name), &Value::str(w), false)) {
                ctx.emit(obj)?;
            }
        }
        Ok(())
    }
}

struct RemoveModule;

impl Cmdlet for RemoveModule {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let reg = registry(ctx);
        for name in strings(args.get("Name")) {
            if !remove(ctx, &reg, &name) {
                ctx.write_error(
                    ErrorRecord::new(
                        "No modules were removed. Verify that the specification of modules to remove is correct and those modules exist in the runspace.",
                        "System.InvalidOperationException",
                        ErrorCategory::ResourceUnavailable,
                        "Modules_NoModulesRemoved,Microsoft.PowerShell.Commands.RemoveModuleCommand",
                    )
                    .with_target(&Value::str(&name)),
                )?;
            }
        }
        Ok(())
    }
}
