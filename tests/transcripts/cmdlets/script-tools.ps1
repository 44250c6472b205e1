# ConvertFrom-StringData: name=value lines to a hashtable.
$settings = ConvertFrom-StringData @'
# circuit settings
Provider = Equinix
Location  =  Silicon Valley
Note = first line\nsecond line
'@
$settings.Provider
"[$($settings.Location)]"
$settings.Note
$settings.Count
(ConvertFrom-StringData -StringData 'provider=x').PROVIDER
'a=1', 'b=2' | ConvertFrom-StringData | ForEach-Object Count
(ConvertFrom-StringData '').Count
ConvertFrom-StringData "Provider = A`nProvider = B"
'after the repeated name'
ConvertFrom-StringData 'no equals sign'
# Get-Verb: 5.1's approved verbs.
(Get-Verb).Count
Get-Verb -Verb Sto*, Re*t
Get-Verb -Group Security | ForEach-Object Verb
Get-Verb -Group Nonsense
# Invoke-Command runs a block locally with arguments and piped input.
Invoke-Command -ScriptBlock { param($a, $b) "$a + $b = $($a + $b)" } -ArgumentList 2, 3
icm { "args: $args" } -Args 'x', 'y'
1, 2, 3 | Invoke-Command -ScriptBlock { "input: $($input -join ',')" }
1, 2 | Invoke-Command { process { $_ * 10 } }
$inner = 'before'
Invoke-Command { $inner = 'changed in a new scope' }
$inner
Invoke-Command { $inner = 'changed here' } -NoNewScope
$inner
# Remote computers cannot be reached from the lab.
Invoke-Command -ComputerName er-router01, er-router02 -ScriptBlock { hostname }
'after the remote call'
