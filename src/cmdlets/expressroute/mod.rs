//! The final classic ExpressRoute module (`ExpressRoute`): 26 cmdlets, customer and
//! provider side. Each is a thin adapter: bind, call `crate::cloud`, shape the SDK model.
//! Fidelity decisions are in `docs/fidelity-cmdlets.md`.

mod authorization;
mod circuit;
mod cross_connection;
mod diagnostics;
pub mod enums;
mod link;
pub mod models;
mod peering;
mod provider;

use crate::cmdlets::azure::completers;
use crate::engine::command::{CommandInfo, ParamSpec};
use crate::engine::module::Module;
use crate::engine::value::TypeKind;

pub const MODULE: &str = "ExpressRoute";

/// A cmdlet of this module: `Microsoft.WindowsAzure.Commands.ExpressRoute.<class>`.
macro_rules! er_cmdlet {
    ($name:expr, $class:expr, $body:path) => {
        crate::engine::command::CommandInfo::cmdlet(
            $name,
            crate::cmdlets::expressroute::MODULE,
            concat!("Microsoft.WindowsAzure.Commands.ExpressRoute.", $class),
            || Box::new(crate::cmdlets::azure::SmCmdlet($body)),
        )
    };
}
pub(crate) use er_cmdlet;

/// The module: its 26 cmdlets, its enumerations and its format file.
pub fn module() -> Module {
    let mut m = Module::new(MODULE, "5.3.0");
    m.commands = commands();
    m.views = vec![provider::provider_view()];
    m.enums = enums::ALL.to_vec();
    m
}

fn commands() -> Vec<CommandInfo> {
    let mut all = circuit::commands();
    all.extend(provider::commands());
    all.extend(cross_connection::commands());
    all.extend(peering::commands());
    all.extend(link::commands());
    all.extend(authorization::commands());
    all.extend(diagnostics::commands());
    all
}

/// A service key parameter: `System.Guid`, bound from the pipeline by property name.
fn service_key(help: &str) -> ParamSpec {
    ParamSpec::new("ServiceKey", TypeKind::Guid).by_name().help(help).complete_with(completers::service_keys())
}

/// `-Force`: never from the pipeline.
fn force(help: &str) -> ParamSpec {
    ParamSpec::switch("Force").help(help)
}

/// `-PassThru`: never from the pipeline. The module gave it no help message.
fn pass_thru(help: &str) -> ParamSpec {
    ParamSpec::switch("PassThru").help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_module_has_the_26_cmdlets_of_the_final_release() {
        let all = commands();
        assert_eq!(all.len(), 26);
        let mut names: Vec<&str> = all.iter().map(|c| c.name.as_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 26);
        assert!(all.iter().all(|c| c.module == MODULE && c.class_name.starts_with("Microsoft.WindowsAzure.Commands.ExpressRoute.")));
    }

    #[test]
    fn only_force_pass_thru_and_peer_address_type_stay_off_the_pipeline() {
        for c in commands() {
            for p in &c.params {
                let off = matches!(p.name.as_str(), "Force" | "PassThru" | "PeerAddressType");
                assert_eq!(p.from_pipeline_by_name, !off, "{} -{}", c.name, p.name);
                assert!(!p.from_pipeline, "{} -{}", c.name, p.name);
            }
        }
    }
}
