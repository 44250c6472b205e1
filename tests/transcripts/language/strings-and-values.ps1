$name = 'lab'
$here = @"
Hello $name
  indented `t tab
"@
$here
$verbatim = @'
No $expansion here
'@
$verbatim
$params = @{ Name = 'x'; Count = 2 }
function Show { param($Name, $Count) "$Name/$Count" }
Show @params
$list = 'a', 'b'
Show @list
$o = [ordered]@{ z = 1; a = 2 }
$o.Keys -join ','
$PSVersionTable.PSVersion
[string]::IsNullOrEmpty('')
[math]::Round(2.5)
[math]::Round(3.14159, 2)
[guid]::Empty
5 -is [int]
'5' -as [int]
'x' -as [int]
$null -eq $undefined
"$($true -and $false) $(-not $true) $(1 -xor 0)"
$a = 1..5
$a[1..2]
$a[-2..-1]
'Hello'.ToUpper().Substring(1, 3)
'  trim  '.Trim() + '|'
'a-b-c'.Split('-')[1]
'abc'.Length
'abc'.Contains('b')
$h = @{}
$h['k'] = 'v'
$h.k2 = 'v2'
$h.Count
$arr = @()
$arr += 1
$arr += 2
$arr.Count
$s = 'x' * 3
$s
[datetime]'2016-10-03' -lt (Get-Date)
$i = 10; $i += 5; $i -= 3; $i *= 2; $i /= 4; $i
$e = $env:COMPUTERNAME
$e
$x, $y = 1, 2
"$y$x"
[char]65
0x10 + 1kb
# Version objects compare component by component, converting the right side.
$PSVersionTable.PSVersion -ge '5.0'
[version]'1.2.3' -lt '1.2.10'
"$($Host.Version)"
