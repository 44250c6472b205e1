$a = 1..5; $h = @{ k = 'v'; n = 2 }; $s = "x $($a[1]) ${h} $($h.k)" * 2
function f([int]$n) { if ($n -le 1) { return 1 } $n * (f ($n - 1)) }
f 5 | ForEach-Object { $_ -band 0xff } | Where-Object { $_ -gt 1 } | Sort-Object -Descending
switch -regex ('abc', 'd') { '^a' { 'A' } default { $_.ToUpper() } }
try { throw 'boom' } catch { $_.Exception.Message } finally { 'done' }
[pscustomobject]@{ Name = 'x'; Value = 1.5e3 } | Format-Table | Out-String
$x = @(1, 'two', $null, 3.0d, 0x10, 1kb); $x -join ',' ; $x -split '' ; "{0:N2}" -f 3.14159
while ($true) { break }; do { $i++ } until ($i -gt 3); for ($j = 0; $j -lt 2; $j++) { $j }
[int]'12' + [double]'1e2' - [long]'-7'; 'a' -replace 'a', 'b'; 'abc'.Substring(1, 1)
$obj = New-Object psobject -Property @{ a = 1 }; $obj | Get-Member; $obj | ConvertTo-Json -Depth 3
