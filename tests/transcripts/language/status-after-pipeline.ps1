# $? after a pipeline of commands is false only when one of its commands failed while it ran:
# a failure before it no longer shows once a pipeline ran cleanly, even one that outputs nothing;
# a function's own Write-Error does not make the call fail (about_Automatic_Variables).
Get-Item C:\nosuch 2>$null
"after a failure: $?"
Get-Item C:\nosuch 2>$null
Write-Output $?
Get-Item C:\nosuch 2>$null
Get-Date | Out-Null
"after a silent pipeline: $?"
Get-Item C:\nosuch 2>$null
Write-Output 1 | Select-Object -First 0
"after an empty one: $?"
Get-Item C:\nosuch 2>$null | Out-Null
"when a command in it failed: $?"
function Fails { Write-Error 'inside' 2>$null; "inside the function: $?" }
Fails
"after a function whose Write-Error failed: $?"
Fails
$null = 1
"after an assignment: $?"
