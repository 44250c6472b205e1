//! Install-Module (PowerShellGet 1.0.0.1, as 5.1 ships it): every module ersim offers is
//! installed already, at its fidelity-era version, so installing one changes nothing; any
//! other module or version would come from the PowerShell Gallery, which the offline lab
//! cannot reach, and fails as PowerShellGet fails without a connection.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::TypeKind;
use crate::engine::{Ctx, EvalResult};

const GALLERY: &str = "https://www.powershellgallery.com/api/v2/";

pub fn commands() -> Vec<CommandInfo> {
    vec![CommandInfo::cmdlet("Install-Module", "PowerShellGet", "Install-Module", || Box::new(InstallModule))
        .param(ParamSpec::new("Name", TypeKind::String).array().mandatory().position(0).by_name().not_empty().help("The modules to install."))
        .param(ParamSpec::new("MinimumVersion", TypeKind::Version).by_name().help("The lowest version to accept."))
        .param(ParamSpec::new("MaximumVersion", TypeKind::Version).by_name().help("The highest version to accept."))
        .param(ParamSpec::new("RequiredVersion", TypeKind::Version).by_name().help("The exact version to install."))
        .param(ParamSpec::new("Repository", TypeKind::String).array().by_name().not_empty().help("The repositories to search."))
        .param(ParamSpec::new("Credential", TypeKind::Object).by_name().help("An account for the repository."))
        .param(ParamSpec::new("Scope", TypeKind::String).set(&["CurrentUser", "AllUsers"]).help("Where to install: for the current user or all users."))
        .param(ParamSpec::new("Proxy", TypeKind::String).by_name().help("A proxy server."))
        .param(ParamSpec::new("ProxyCredential", TypeKind::Object).by_name().help("The proxy's account."))
        .param(ParamSpec::switch("AllowClobber").help("Installs even if its commands are another module's."))
        .param(ParamSpec::switch("SkipPublisherCheck").help("Skips the publisher check."))
        .param(ParamSpec::switch("Force").help("Installs again a module that is installed."))
        .synopsis("Installs a module: ersim's own are installed already; any other needs the gallery, which the offline lab cannot reach.")
        .description("For Azure, ExpressRoute, ErSim, Pester and the Az and AzureRM modules ersim has, at their versions, it warns that the version is installed (with -Force it says nothing). Any other module or version is PowerShellGet's offline answer: the package source cannot be resolved and no match is found.")
        .example("A setup script's install", "Install-Module -Name Azure -Scope CurrentUser 3>&1", "The warning that version 5.3.0 of Azure is already installed.")
        .example(
            "A module ersim does not have",
            "try { Install-Module -Name Posh-SSH -ErrorAction Stop -WarningAction SilentlyContinue } catch { $_.FullyQualifiedErrorId }",
            "NoMatchFoundForCriteria,Microsoft.PowerShell.PackageManagement.Cmdlets.InstallPackage.",
        )]
}

/// A version argument as text (`5.3.0`), whatever form it was given in.
fn version_text(args: &Args, name: &str) -> Option<String> {
    args.get(name).map(|v| v.to_display_string())
}

/// `a` compared with `b` part by part, missing parts as 0.
fn compare_versions(a: &str, b: &str) -> std::cmp::Ordering {
    let parts = |s: &str| s.split('.').map(|p| p.trim().parse::<u64>().unwrap_or(0)).collect::<Vec<_>>();
    let (mut x, mut y) = (parts(a), parts(b));
    let n = x.len().max(y.len());
    x.resize(n, 0);
    y.resize(n, 0);
    x.cmp(&y)
}

struct InstallModule;

impl Cmdlet for InstallModule {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let names: Vec<String> = args.get("Name").map(|v| v.enumerate().iter().map(|n| n.to_display_string()).collect()).unwrap_or_default();
        let (required, minimum, maximum) = (version_text(args, "RequiredVersion"), version_text(args, "MinimumVersion"), version_text(args, "MaximumVersion"));
        for name in names {
            let installed =
                ctx.interp.modules.iter().find(|m| m.name.eq_ignore_ascii_case(&name) && m.name != "Microsoft.PowerShell.Core").map(|m| (m.name, m.version));
            let fits = |version: &str| {
                required.as_deref().is_none_or(|r| compare_versions(version, r).is_eq())
                    && minimum.as_deref().is_none_or(|m| compare_versions(version, m).is_ge())
                    && maximum.as_deref().is_none_or(|m| compare_versions(version, m).is_le())
            };
            match installed {
                Some((module, version)) if fits(version) => {
                    if !args.switch("Force") {
                        let base = format!("C:\\Program Files\\WindowsPowerShell\\Modules\\{module}\\{version}");
                        ctx.write_warning(&format!(
                            "Version '{version}' of module '{module}' is already installed at '{base}'. To reinstall this version '{version}', run Install-Module or Updated-Module cmdlet with the -Force parameter."
                        ))?;
                    }
                }
                _ => {
                    ctx.write_warning(&format!("Unable to resolve package source '{GALLERY}'."))?;
                    let mut record = ErrorRecord::new(
                        format!("No match was found for the specified search criteria and module name '{name}'. Try Get-PSRepository to see all available registered module repositories."),
                        "System.Exception",
                        ErrorCategory::ObjectNotFound,
                        "NoMatchFoundForCriteria,Microsoft.PowerShell.PackageManagement.Cmdlets.InstallPackage",
                    );
                    record.activity = "Install-Package".into();
                    ctx.write_error(record)?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_part_by_part() {
        assert!(compare_versions("5.3.0", "5.3").is_eq());
        assert!(compare_versions("5.10.0", "5.9.9").is_gt());
        assert!(compare_versions("1.0", "1.0.0.1").is_lt());
    }
}
