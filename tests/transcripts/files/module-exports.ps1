# What a script module exports besides functions: without Export-ModuleMember its aliases
# too, never its variables; with it only the aliases and variables it names; a manifest's
# AliasesToExport and VariablesToExport keep part of those; Get-Module's ExportedAliases and
# ExportedVariables list them; Remove-Module takes them away again.
Set-Location (New-Item -ItemType Directory C:\exports).FullName
Set-Content Plain.psm1 '$Counter = 5', 'function Get-Plain { "plain $Counter" }', 'Set-Alias gpl Get-Plain'
Import-Module .\Plain.psm1
gpl
"variable outside: [$Counter]"
$plain = Get-Module Plain
"aliases: $($plain.ExportedAliases.Keys -join ','); variables: $($plain.ExportedVariables.Count)"
$plain.ExportedCommands.Keys -join ','
$plain.ExportedAliases['gpl'].Definition
Set-Content Cfg.psm1 @'
$Region = 'West US'
$Secret = 'kept inside'
function Get-Region { $Region }
function Get-Secret { $Secret }
Set-Alias gr Get-Region
Set-Alias gs Get-Secret
Export-ModuleMember -Function Get-Region -Alias gr
Export-ModuleMember -Variable Reg*
'@
$cfg = Import-Module .\Cfg.psm1 -PassThru
gr
$Region
"secret outside: [$Secret]"
Get-Command gs, Get-Secret -ErrorAction SilentlyContinue | Measure-Object | Select-Object -ExpandProperty Count
$cfg.ExportedVariables.Keys -join ','
$cfg.ExportedVariables['Region'].Value
$cfg.ExportedCommands.Keys -join ','
Get-Variable Region | Format-Table -AutoSize
Remove-Module Cfg
Test-Path alias:gr
Test-Path variable:Region
Test-Path alias:gpl
# A manifest keeps only the aliases and variables its lists name.
New-Item -ItemType Directory Kit | Out-Null
Set-Content Kit\Kit.psm1 '$KitName = "kit"', '$KitSize = 3', 'function Get-Kit { "kit" }', 'Set-Alias gk Get-Kit', 'Set-Alias kit Get-Kit', 'Export-ModuleMember -Function * -Alias * -Variable *'
Set-Content Kit\Kit.psd1 "@{ RootModule = 'Kit.psm1'; ModuleVersion = '2.0'; AliasesToExport = 'gk'; VariablesToExport = @('KitName') }"
$kit = Import-Module .\Kit\Kit.psd1 -PassThru
gk
"$KitName [$KitSize]"
Test-Path alias:kit
"$($kit.ExportedAliases.Keys -join ',') / $($kit.ExportedVariables.Keys -join ',')"
Remove-Module Kit
"after: [$KitName]"
# Imported again with -Force, the module's variable starts over from its file.
Set-Content Count.psm1 '$Runs = 1', 'Export-ModuleMember -Variable Runs'
Import-Module .\Count.psm1
$global:Runs = 7
Import-Module .\Count.psm1 -Force
$Runs
# A module that exports no function still has its scope: InModuleScope reaches its privates.
Set-Content Private.psm1 '$Hidden = "kept in the module"', 'Export-ModuleMember -Variable Nothing'
Import-Module .\Private.psm1
InModuleScope Private { "inside: $Hidden" }
"outside: [$Hidden]"
