# Update-Help: ersim's help is built in, so no module has updatable help.
# Without -Module, 5.1 skips such modules silently.
Update-Help
"exit status: $?"
# Naming modules: one HelpInfoUriNotFound record for all of them, sorted.
Update-Help -Module ExpressRoute, Azure -Force
$Error[0].FullyQualifiedErrorId
# A name that matches no module.
Update-Help -Name NoSuchModule
