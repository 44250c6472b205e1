# Measure-Command times a block on the virtual clock, runs it in the caller's scope and throws
# its output away; piped objects run it once each as $_.
Measure-Command { Start-Sleep -Seconds 90; $inside = 'kept'; 'thrown away' }
"variable set inside: $inside"
(1..3 | Measure-Command { Start-Sleep -Milliseconds (100 * $_) }).TotalMilliseconds
(Measure-Command { 'nothing waits' }).Ticks
