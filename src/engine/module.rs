//! A module: everything one package of commands brings to a session, as one value (the
//! commands with their metadata, the views of its types, its enumerations and aliases).
//! The layers above build their modules; the session loads them. Nothing is registered
//! as a side effect of declaring something.

use super::command::CommandInfo;
use super::runtime::Interp;
use super::types::EnumDef;
use super::views::TableView;

pub struct Module {
    pub name: &'static str,
    pub version: &'static str,
    pub commands: Vec<CommandInfo>,
    pub views: Vec<TableView>,
    /// Types resolvable as `[Full.Name]` once the module is loaded, whether or not a
    /// parameter mentions them.
    pub enums: Vec<&'static EnumDef>,
    /// (alias, command).
    pub aliases: Vec<(&'static str, &'static str)>,
}

impl Module {
    pub fn new(name: &'static str, version: &'static str) -> Module {
        Module { name, version, commands: Vec::new(), views: Vec::new(), enums: Vec::new(), aliases: Vec::new() }
    }
}

/// What stays known of a loaded module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedModule {
    pub name: &'static str,
    pub version: &'static str,
}

impl Interp {
    /// Loads `module` into the session: its commands, views, enumerations and aliases.
    pub fn load_module(&mut self, module: Module) {
        for info in module.commands {
            self.register(info);
        }
        for view in module.views {
            self.views.add(view);
        }
        for def in module.enums {
            self.types.add(def);
        }
        for (alias, target) in module.aliases {
            self.alias(alias, target);
        }
        self.modules.push(LoadedModule { name: module.name, version: module.version });
    }
}
