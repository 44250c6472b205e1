# [regex]: statics, instances and Match objects.
$m = [regex]::Match('order 66 shipped 2016-10-03', '(?<year>\d{4})-(\d\d)-(\d\d)')
$m.Success
$m.Value
$m.Index
$m.Groups.Count
$m.Groups['year'].Value
$m.Groups[2].Value
$m
[regex]::Matches('a1 b22 c333', '\d+') | ForEach-Object { $_.Value }
([regex]::Matches('a1 b22', '\d+')).Count
[regex]::IsMatch('ABC', 'b', [System.Text.RegularExpressions.RegexOptions]::IgnoreCase)
[regex]::IsMatch('ABC', 'b')
[regex]::Replace('2016-10-03', '(\d+)-(\d+)-(\d+)', '$3/$2/$1')
[regex]::Replace('a1b2', '\d', { param($x) [int]$x.Value * 10 })
[regex]::Replace('cost: 5', '\d', '$$$0')
[regex]::Split('a1b22c', '\d+') -join '|'
[regex]::Escape('1.5*(x)')
[regex]::Unescape('a\.b\tc')
$re = [regex]'(\w+)@(\w+)\.com'
$re.GetType().FullName
$re.ToString()
$re.IsMatch('me@example.com')
$re.Replace('me@example.com', '$2:$1')
$re.Match('nothing here').Success
$re
$opts = New-Object regex ('^x', 'IgnoreCase, Multiline')
$opts.Options
$opts.Matches("a`nX1`nx2").Count
'me@lab.com' -match $re
[regex]'('
[regex]::Match('aa', '(a)\1')
