# A call site's command is found again whenever what its name stands for changes: a function
# defined, redefined or removed, an alias set or removed, a function of the caller's scope, and
# the same block run with and without that scope in its chain (a closure's chain skips the
# script's scope, so the script's function is not found there, as in 5.1).
function Show { "global function $args" }
function Call-Show { Show 1 }
Call-Show
function Inner { function Show { "Inner's own function" }; Call-Show }
Inner
Call-Show
function Show { "redefined $args" }
Call-Show
Set-Alias Show Write-Output
Call-Show
Remove-Item alias:Show
Call-Show
foreach ($i in 1..3) {
    Show $i
    if ($i -eq 2) { Set-Alias Show Write-Output }
}
Remove-Item alias:Show
$sb = { Show 2 }
$closure = $sb.GetNewClosure()
function Outer { function Show { "Outer's own function" }; & $sb; & $closure; & $sb }
Outer
& $sb
foreach ($i in 1..2) {
    Show $i
    function Show { "defined in the loop $args" }
}
Remove-Item function:Show
Call-Show
"after the error"
