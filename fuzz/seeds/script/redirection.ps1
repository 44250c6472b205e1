function f { Write-Warning w; Write-Verbose v; Write-Host h; Write-Error e; 1/0; 'o' }
f 2>&1 3>&1 4> $null 5>> $null 6>&1
$x = f *>&1
(f) *> $null
$y 2> $null > $null
f -ServiceKey <skey>
f 2>&2 1>&1 2>$null 2>$null *>
