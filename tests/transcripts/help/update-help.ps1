# Update-Help: ersim's help is built in, so no module has updatable help.
# Without -Module, 5.1 skips such modules silently.
Update-Help
"exit status: $?"
# Naming modules: one HelpInfoUriNotFound record for all of them, sorted.
Update-Help -Module ExpressRoute, Azure -Force
$Error[0].FullyQualifiedErrorId
# A name that matches no module.
Update-Help -Name NoSuchModule
# A module imported from a file of the lab has no updatable help either: skipped without
# -Module, named in the same record as ersim's own.
Set-Content -Path .\MyTools.psm1 -Value 'function Get-Tool { "tool" }'
Import-Module .\MyTools.psm1
$before = $Error.Count
Update-Help
"errors from a bare Update-Help: $($Error.Count - $before)"
Update-Help -Module MyTools
Update-Help -Module My*, ExpressRoute
Remove-Module MyTools
Remove-Item .\MyTools.psm1
