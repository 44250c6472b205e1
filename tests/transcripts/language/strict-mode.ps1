# Set-StrictMode: each version's checks, for the scope that set it and the scopes it starts.
'-- off: an unset variable is $null'
"unset is null: $($null -eq $neverSet)"
Set-StrictMode -Version 1
'-- version 1: an unset variable is an error, except inside a string'
"inside a string: [$neverSet]"
$neverSet
'-- a variable set to $null is fine'
$setToNull = $null
"set to null: $($null -eq $setToNull)"
$object = [pscustomobject]@{ Name = 'x' }
"missing property under version 1: [$($object.Missing)]"
Set-StrictMode -Version 2.0
'-- version 2: inside strings too, and missing properties'
"inside a string: [$neverSet]"
$object.Missing
'abc'.NoSuchProperty
$object.Name
function Add-Two($a, $b) { $a + $b }
'-- version 2: a function called like a method'
Add-Two(1, 2)
Add-Two 1 2
'-- a function may turn it off for itself only'
function Test-Loose { Set-StrictMode -Off; "inside: [$neverSet]" }
Test-Loose
$neverSet
Set-StrictMode -Version Latest
$script:alsoUnset
Set-StrictMode -Version 7
'-- version 2 lets an index past the end give $null'
Set-StrictMode -Version 2
$three = 1, 2, 3
$null -eq $three[5]
'-- version 3 refuses it: for an array, a string and a collection'
Set-StrictMode -Version 3
$three[2]
$three[-3]
$three[5]
$three[-4]
'abc'[3]
$list = [System.Collections.ArrayList]@(1, 2)
$list[2]
try { $three[9] } catch [System.IndexOutOfRangeException] { 'caught IndexOutOfRangeException' }
Set-StrictMode -Off
"off again: [$neverSet]"
$three[5]
