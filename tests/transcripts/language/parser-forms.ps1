# Forms of the 5.1 grammar that scripts written for it use.
'-- a backtick before trailing blanks is a blank: the line ends there'
Write-Output 'first line' ` 
'-- trap and a statement on the same line'
trap { "trapped: $_"; continue } throw 'boom'
'after the trap'
'-- a blank after the member operator'
$text = 'spaced'
$text. Length
$text. ToUpper()
'-- empty parentheses after a function name leave the param block in charge'
function Get-Echo() { param($Value) "value: $Value" }
Get-Echo -Value 5
'-- a filter runs once per input object'
filter Get-Double { $_ * 2 }
1, 2, 3 | Get-Double
'-- begin, process and end in a script block'
1, 2 | & { begin { 'begin' } process { "process $_" } end { 'end' } }
'-- numeric literals with type suffixes and multipliers'
foreach ($n in 0x1F, 10l, 0x10L, 1kb, 2.5mb, 1lkb, 1gb, 1tb, 1pb) { '{0} {1}' -f $n.GetType().Name, $n }
'done'
# A number may end on its decimal point: `20.` is the Double 20 (and `1..3` stays a range).
$max = 20.; $max.GetType().Name; @{ Maximum = 5.; Minimum = 0. }.Maximum; (1..3) -join ','
