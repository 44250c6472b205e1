$c = [pscustomobject]@{ Bandwidth = 200; CircuitName = 'MyTestCircuit'; Location = 'Silicon Valley'; ServiceKey = $null; Status = $true; Tags = 1..6 }
$c
$c | Format-List CircuitName, Bandwidth
$c | Format-Table CircuitName, Bandwidth -AutoSize
