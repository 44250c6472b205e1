# Set-Alias and New-Alias (sal, nal): an alias carries a description and ScopedItemOptions;
# a ReadOnly alias changes only with -Force, a Constant one never; New-Alias refuses a name
# that exists unless -Force; -WhatIf only says what would happen.
Set-Alias -Name peer -Value Get-AzExpressRouteCircuitPeeringConfig -Description 'peerings' -Option ReadOnly
$a = Get-Alias peer
"$($a.Name) -> $($a.Definition) [$($a.Description)] $($a.Options)"
Set-Alias peer Get-Date
(Get-Alias peer).Definition
Set-Alias peer Get-Date -Force
$a = Get-Alias peer
"$($a.Definition) [$($a.Description)] $($a.Options)"
sal now Get-Date
(now).GetType().Name
New-Alias now Get-Location
nal now Get-Location -Force -PassThru
New-Alias -Name fixed -Value Get-Location -Option Constant
Set-Alias fixed Get-Date -Force
(Get-Alias fixed).Options
Set-Alias later Get-Date -WhatIf
Test-Path alias:later
# -Scope is checked as 5.1 checks it: an unknown name or a negative number ends Set-Alias.
try { Set-Alias -Name x -Value y -Scope bogus } catch { $_.FullyQualifiedErrorId }
try { Set-Alias -Name x -Value y -Scope -1 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
New-Alias -Name x -Value y -Scope -1 -Force
# An alias lives in the scope that made it (the current one unless -Scope) and hides an outer
# one of its name there; Get-Alias -Scope lists one scope's aliases.
function Show-Scopes {
    Set-Alias now Get-Random
    Set-Alias lasting Get-Date -Scope 1
    (Get-Alias now).Definition
    (Get-Alias -Scope 0 | ForEach-Object Name) -join ','
    Test-Path alias:now
}
Show-Scopes
(Get-Alias now).Definition
(Get-Alias lasting).Definition
# A CategoryInfo prints as the error view's line.
try { New-Alias fixed Get-Date -Force -ErrorAction Stop } catch { "$($_.CategoryInfo)" }
