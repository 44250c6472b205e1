# Measure-Object's TextMeasure set: lines (a last line without a line break counts), words
# (runs between white space) and characters (white space left out with -IgnoreWhiteSpace),
# summed over the input; the counts not asked for stay empty.
"one two`nthree", "  four  " | Measure-Object -Line -Word -Character
"a b`n", "" | Measure-Object -Line
"a b c" | Measure-Object -Character -IgnoreWhiteSpace | Format-List
$m = "x y" | Measure-Object -Word
$null -eq $m.Lines
$m.GetType().FullName
[pscustomobject]@{ Text = "alpha beta" } | Measure-Object -Property Text -Word
try { 1 | Measure-Object -Sum -Line } catch { $_.FullyQualifiedErrorId }
