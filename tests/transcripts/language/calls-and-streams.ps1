# What a call and a pipeline keep while they are made cheaper (issue 19).
# $MyInvocation.MyCommand describes the function being run, and a redefinition its new text.
function Show-Definition { $MyInvocation.MyCommand.Definition.Trim() }
Show-Definition
function Show-Definition { 'second'; $MyInvocation.MyCommand.Definition.Trim() }
Show-Definition
function Show-Command { $c = $MyInvocation.MyCommand; "$($c.Name) $($c.CommandType)" }
Show-Command
Show-Command
# A function called from itself sees its own invocation at every depth.
function Get-Depth($n) { if ($n -gt 0) { Get-Depth ($n - 1) } else { $MyInvocation.MyCommand.Name } }
Get-Depth 5
# An array piped from a variable is enumerated as .NET enumerates it: by index, so an element
# assigned while the pipeline runs is the one sent.
$a = 1, 2, 3
$a | ForEach-Object { if ($_ -eq 1) { $a[2] = 30 }; $_ }
# A temporary array is sent whole.
(1..4) | ForEach-Object { $_ * 10 }
# $_ is the record in each turn and the caller's afterwards.
$_ = 'outer'
1, 2 | ForEach-Object { $_ }
$_
# Assigning a variable keeps its type constraint, read-only variables refuse it.
[int]$n = 5
$n = '7'
$n.GetType().Name
Set-Variable -Name fixed -Value 1 -Option ReadOnly
try { $fixed = 2 } catch { $_.Exception.Message }
# Sort-Object on bare values, and with -Descending and -Unique.
3, 1, 2, 3, 1 | Sort-Object
3, 1, 2, 3, 1 | Sort-Object -Descending -Unique
# += on an array: another variable holding the array keeps what it had.
$first = @(1)
$second = $first
$first += 2
"$first | $second"
$list = @()
foreach ($i in 1..3) { $list += $i }
"$list"
$withNull = @(1)
$withNull += $null
$withNull.Count
$joined = @(1)
$joined += @(2, 3)
$joined.Count
# += on a string: a copy taken before keeps its text.
$s = 'a'
$t = $s
$s += 'b'
$s += 1
$s += $null
$s += @(2, 3)
"$s | $t"
$u = $s
$s += 'c'
"$s | $u"
# Where a call is, each time it is made.
function Where-Called { "$($MyInvocation.ScriptLineNumber):$($MyInvocation.OffsetInLine) $($MyInvocation.Line.Trim())" }
foreach ($k in 1..2) { Where-Called }
  Where-Called
# A range counts, up or down, in a pipeline and in foreach, without being made first.
3..1 | ForEach-Object { $_ }
foreach ($k in -1..1) { $k }
$lo = 2
foreach ($k in $lo..($lo + 1)) { $k * 10 }
