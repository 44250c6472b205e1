# Get-Random: the number's type follows the bounds; -SetSeed repeats; a seeded world repeats too.
$a = Get-Random -SetSeed 7 -Maximum 10
$b = Get-Random -SetSeed 7 -Maximum 10
"same seed, same number: $($a -eq $b), in range: $($a -ge 0 -and $a -lt 10)"
$vlan = Get-Random -Minimum 100 -Maximum 4095
"$($vlan.GetType().Name) $($vlan -ge 100 -and $vlan -lt 4095)"
(Get-Random -Maximum 5000000000).GetType().Name
$d = Get-Random -Minimum 1.5 -Maximum 2
"$($d.GetType().Name) $($d -ge 1.5 -and $d -lt 2)"
(Get-Random -Maximum '10').GetType().Name
# Items: no repeats, every one of them when -Count covers the list.
$picked = 1..10 | Get-Random -Count 3
"$(@($picked).Count) distinct: $(@($picked | Sort-Object -Unique).Count)"
(Get-Random -InputObject 'a', 'b', 'c' -Count 5 | Sort-Object) -join ','
# This world is seeded (the transcripts' ERSIM_SEED): the draws are the same every run.
Get-Random -Maximum 1000
Get-Random -Minimum 5 -Maximum 5
