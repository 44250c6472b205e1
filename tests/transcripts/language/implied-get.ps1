# A name that finds no command is tried again with Get- in front, and that second search finds
# functions and aliases as well as cmdlets; a name with a dash in it is not retried.
function Get-Thing { "the thing: $args" }
Thing 1
Set-Alias Get-Other Write-Output
Other 'through an alias'
Date -Format yyyy | ForEach-Object { $_.Length }
Remove-Item function:Get-Thing
Thing 2
"after the error"
Some-Thing
