# A line break is CR LF, LF or a lone CR, in here-strings as elsewhere: the header's line may
# end in any of them, and the here-string keeps the breaks inside it as written (only the one
# before the terminator is dropped).
$cr = "`r"; $lf = "`n"; $crlf = "`r`n"
foreach ($nl in $cr, $lf, $crlf) {
    $single = Invoke-Expression ("@'" + $nl + 'one' + $nl + 'two' + $nl + "'@")
    $double = Invoke-Expression ('@"' + $nl + 'three' + $nl + '$(1 + 3)' + $nl + '"@')
    '{0}: {1} {2} {3}' -f $nl.Length, $single.Length, ($single -eq "one$($nl)two"), ($double -eq "three$($nl)4")
}
# Statements separated by lone CRs.
Invoke-Expression ('$n = 5' + $cr + '$n * 2')
# Text after the header is still an error.
try { Invoke-Expression ("@'  x" + $lf + "'@") } catch { $_.FullyQualifiedErrorId }
