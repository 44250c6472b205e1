function Test-It { param([Parameter(Mandatory)][string]$Name, [ValidateSet('Red','Green')][string]$Color, [int]$Count) "ok $Name" }
Test-It -Name a -Bogus 1
Test-It -Name a -Color Blue
Test-It -Name a -Count abc
Test-It
Test-It -Name a -Name b
Get-Date -Nope
Write-Output -InputObject
'still running'
Get-Command -N Get-Date
function Show-Key { param([Parameter(ValueFromPipelineByPropertyName)][string]$ServiceKey) process { "key=$ServiceKey" } }
[pscustomobject]@{ ServiceKey = 'k1' }, [pscustomobject]@{ ServiceKey = 'k2' } | Show-Key
1..3 | Write-Output -OutVariable got | Out-Null
"out variable: $got"
