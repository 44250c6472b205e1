# [ref] of $null, $true or $false refers to a value of its own: setting it changes the
# reference, not the constant, and makes no second variable named null.
$slot = [ref]$null
$slot.Value = 'ExpressRoute-Circuit'
$slot.Value
(Get-Variable -Name null | Measure-Object).Count
$null -eq (Get-Variable -Name null).Value
$flag = [ref]$false
$flag.Value = $true
$flag.Value
$false
# A variable's [ref] still writes the variable.
$bandwidth = 50
$r = [ref]$bandwidth
$r.Value = 200
$bandwidth
