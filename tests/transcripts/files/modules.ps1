# Script modules from files: a .psm1 with a private helper and Export-ModuleMember, a .psd1
# manifest with NestedModules, FunctionsToExport and RequiredModules, module scope,
# Get-Module and Remove-Module.
Set-Location (New-Item -ItemType Directory C:\mods).FullName
Set-Content Helpers.psm1 @'
$prefix = 'circuit'
function Get-CircuitLabel([string]$Name) { "$(Format-Label $Name)" }
function Format-Label($n) { "$prefix-$n".ToUpper() }
Export-ModuleMember -Function Get-CircuitLabel
'@
Import-Module .\Helpers.psm1
Get-CircuitLabel lab
Get-Command Format-Label -ErrorAction SilentlyContinue | Measure-Object | Select-Object -ExpandProperty Count
"prefix outside: [$prefix]"
Get-Module Helpers
New-Item -ItemType Directory Net | Out-Null
Set-Content Net\Net.psm1 'function Get-NetName { "net:" + (Get-Inner) }', 'function Get-Inner { "inner" }', 'function Get-Hidden { "hidden" }'
Set-Content Net\Extra.psm1 'function Get-Extra { "extra" }'
Set-Content Net\Net.psd1 @'
@{
    RootModule = 'Net.psm1'
    ModuleVersion = '1.2.0'
    NestedModules = @('Extra.psm1')
    FunctionsToExport = @('Get-NetName', 'Get-Extra')
    RequiredModules = @('ExpressRoute')
}
'@
Import-Module .\Net\Net.psd1
Get-NetName
Get-Extra
(Get-Module Net).Version.ToString()
(Get-Module Net).ExportedCommands.Keys -join ','
Test-Path function:Get-Hidden
Set-Content Needs.psd1 "@{ RootModule = 'Helpers.psm1'; RequiredModules = @('AzureRM') }"
Import-Module .\Needs.psd1
Remove-Module Helpers
Test-Path function:Get-CircuitLabel
Remove-Module Helpers
Import-Module .\Missing.psm1
Export-ModuleMember -Function x
(Get-Module -ListAvailable).Name -join ','
