# control flow
for ($i = 0; $i -lt 3; $i++) { "for $i" }
$n = 0
while ($n -lt 2) { $n++; "while $n" }
do { $n-- } while ($n -gt 0)
"after do: $n"
do { $n++ } until ($n -ge 3)
"after until: $n"
foreach ($x in 'a','b') { "each $x" }
foreach ($x in $null) { "never" }
switch (3) { 1 { 'one' } 3 { 'three' } default { 'other' } }
switch ('abc') { {$_ -like 'a*'} { 'starts with a' } 'ABC' { 'exact, case-insensitive' } }
switch -wildcard ('equinix') { 'eq*' { 'wild' } }
switch -regex ('abc123') { '\d+' { "digits $($Matches[0])" } }
switch (1,2,3) { 2 { 'two'; continue } default { "d$_" } }
:outer foreach ($a in 1..3) { foreach ($b in 1..3) { if ($b -eq 2) { continue outer }; "$a-$b" } }
if ($false) { 'no' } elseif ($true) { 'elseif' } else { 'else' }
try { throw 'oops' } catch { "caught: $($_.Exception.Message)" } finally { 'finally' }
try { 1/0 } catch [System.DivideByZeroException] { 'typed' } catch { "generic: $_" }
try { Get-Nope } catch { $_.FullyQualifiedErrorId }
function f1 { param($a, [int]$b = 5, [switch]$s) "a=$a b=$b s=$s" }
f1 x
f1 -a y -b 7 -s
f1 z 9
function f2 { "args: $args" }
f2 1 2 3
function Get-Sq { param([Parameter(Mandatory)][int]$N) $N * $N }
Get-Sq -N 4
Get-Sq 5
function Out-Items { process { "item $_" } }
1..2 | Out-Items
function Sum-All { $total = 0; foreach ($i in $input) { $total += $i }; $total }
1..4 | Sum-All
$sb = { param($x) $x + 1 }
& $sb 41
$script:counter = 0
function Bump { $script:counter++ }
Bump; Bump
"counter $counter"
function Ret { return 'early'; 'late' }
Ret
# `return` in a ForEach-Object block ends that item only.
1..3 | ForEach-Object { if ($_ -eq 2) { return }; $_ }
function Keep { $kept = 1..3 | Where-Object { return $_ -ne 2 }; "kept $kept" }
Keep
