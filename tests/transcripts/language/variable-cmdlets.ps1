# The variable cmdlets with scopes and options.
'-- New-Variable, and a second one with the same name'
New-Variable -Name region -Value 'Silicon Valley'
$region
New-Variable -Name region -Value 'again'
New-Variable -Name region -Value 'forced' -Force
$region
'-- ReadOnly changes only with -Force; Constant never'
Set-Variable -Name limit -Value 10 -Option ReadOnly
$limit = 11
Set-Variable -Name limit -Value 12
Set-Variable -Name limit -Value 13 -Force
"limit: $limit"
New-Variable -Name fixed -Value 1 -Option Constant
$fixed = 2
Remove-Variable fixed
Remove-Variable limit
Remove-Variable limit -Force
"limit removed: $($null -eq $limit)"
'-- automatic constants'
$PID = 1
$HOME = 'elsewhere'
'-- -Scope by name and number'
$outer = 'script value'
function Show-Scopes {
    $outer = 'function value'
    "local: $(Get-Variable outer -ValueOnly)"
    "parent: $(Get-Variable outer -Scope 1 -ValueOnly)"
    "script: $(Get-Variable outer -Scope Script -ValueOnly)"
    Set-Variable -Name outer -Value 'set from the function' -Scope 1
    Set-Variable -Name madeGlobal -Value 'global one' -Scope Global
}
Show-Scopes
$outer
$global:madeGlobal
Get-Variable outer -Scope 5
'-- wildcards, -ValueOnly, Clear-Variable'
$pick1 = 'a'; $pick2 = 'b'
(Get-Variable pick* | ForEach-Object Name) -join ','
(Get-Variable pick* -ValueOnly) -join ','
Clear-Variable pick*
"cleared: $($null -eq $pick1) $($null -eq $pick2)"
Get-Variable nosuchvariable
'-- Private is seen only where it was made; AllScope everywhere below'
function Show-Private { "private seen below: $($null -ne $hidden)"; $shared = 'changed below' }
$private:hidden = 'secret'
New-Variable -Name shared -Value 'top' -Option AllScope
Show-Private
"hidden here: $hidden; shared: $shared"
