# PSModuleInfo: Import-Module -PassThru, the Exported* dictionaries keyed by name, where the
# module is, and -ExpandProperty of one.
Set-Location (New-Item -ItemType Directory C:\tools).FullName
Set-Content Tools.psm1 'function Get-Public { helper }', 'function Test-Public { $true }', 'function helper { 42 }', 'Export-ModuleMember -Function *-Public'
$m = Import-Module .\Tools.psm1 -PassThru
$m.GetType().FullName
$m.Name, $m.ModuleType, $m.Version.ToString(), $m.Path, $m.ModuleBase
$m.ExportedFunctions.Keys -join ','
$m.ExportedCommands.Keys -join ','
$m.ExportedCommands.ContainsKey('Get-Public'), $m.ExportedCommands.ContainsKey('helper')
$m.ExportedCommands['Get-Public'].CommandType
"aliases $($m.ExportedAliases.Count), variables $($m.ExportedVariables.Count)"
# Without -PassThru nothing is written; imported again, the same module comes back.
Import-Module .\Tools.psm1
(Import-Module .\Tools.psm1 -PassThru).Name
# -ExpandProperty writes the dictionary itself (PowerShell enumerates no IDictionary).
$expanded = @(Get-Module Tools | Select-Object -ExpandProperty ExportedFunctions)
"$($expanded.Count) dictionary of $($expanded[0].Count): $($expanded[0].Keys -join ',')"
$er = Import-Module ExpressRoute -PassThru
$er.ModuleBase
$er.ExportedCmdlets.ContainsKey('Get-AzureDedicatedCircuit'), $er.ExportedFunctions.Count
Import-Module .\Missing.psm1 -PassThru
