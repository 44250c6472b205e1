function Test-It { param([Parameter(Mandatory)][string]$Name, [ValidateSet('Red','Green')][string]$Color, [int]$Count) "ok $Name" }
Test-It -Name a -Bogus 1
Test-It -Name a -Color Blue
Test-It -Name a -Count abc
Test-It
Test-It -Name a -Name b
Get-Date -Nope
Write-Output -InputObject
'still running'
