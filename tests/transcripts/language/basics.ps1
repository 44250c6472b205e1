# Values, variables and string expansion
$x = 1 + 2
"x is $x"
'single $x'
"sub $($x * 2) and `$escaped"
$a = 1, 2, 3
"array: $a"
$a.Count
$a[-1]
$h = @{ Name = 'lab' }
"name: $($h.Name)"
7 / 2
[int]2.5
[int]3.5
0.1 + 0.2
"{0,-6}|{1:N2}" -f 'ab', 1234.5
$null -eq $x
'abc' -like 'A*'
'abc' -clike 'A*'
1..3 -contains 2
'Equinix' -match '^(?<first>E)qu'
$Matches.first
'a,b,c' -split ','
'a', 'b' -join '+'
'hello' -replace 'l', 'L'
