# Arrays' own members and [array]'s statics, which change the array in place.
$a = 3, 1, 2
$a.Contains(1)
$a.Contains('1')
$a.IndexOf(2)
[array]::Reverse($a)
$a -join ','
[array]::Sort($a)
$a -join ','
[array]::IndexOf($a, 3)
$z = [array]::CreateInstance([int], 3)
$z -join ','
$z.Length
$words = 'b', 'C', 'a'
[array]::Sort($words)
$words -join ','
