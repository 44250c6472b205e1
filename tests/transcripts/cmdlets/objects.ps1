$items = @(
  [pscustomobject]@{ Name = 'b'; Size = 2; Kind = 'x' }
  [pscustomobject]@{ Name = 'a'; Size = 10; Kind = 'y' }
  [pscustomobject]@{ Name = 'c'; Size = 1; Kind = 'x' }
)
$items | Sort-Object Size | Select-Object -ExpandProperty Name
$items | Sort-Object Name -Descending | ForEach-Object Name
$items | Where-Object Size -gt 1 | Select-Object Name, @{ Name = 'Double'; Expression = { $_.Size * 2 } }
$items | Where-Object { $_.Kind -eq 'x' } | Measure-Object -Property Size -Sum
$items | Group-Object Kind | ForEach-Object { "$($_.Name): $($_.Count)" }
1..10 | Select-Object -First 3
1..10 | Select-Object -Last 2
1..5 | Select-Object -Skip 3
'b', 'a', 'b' | Sort-Object -Unique
(1..4 | Measure-Object).Count
$items | ConvertTo-Json
@{ provider = 'at&t' } | ConvertTo-Json -Compress
'{"a":1,"b":[1,2]}' | ConvertFrom-Json | ForEach-Object { $_.b.Count }
