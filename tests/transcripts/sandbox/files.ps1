# Files are reached only inside the lab's roots (the file cmdlets' refusals are in
# tests/transcripts/files/escapes.ps1); Tee-Object and redirection to a file outside the roots
# and modules by path are refused, and a script outside the roots is not run.
Get-Content /etc/passwd
Set-Content -Path /tmp/ersim-escaped.txt -Value 'x'
'x' | Tee-Object -FilePath /tmp/ersim-escaped.txt
Get-ChildItem /
Remove-Item /etc/hostname
Get-Date > /tmp/ersim-escaped.txt
Get-Date >> /tmp/ersim-escaped.txt
Write-Error 'e' 2> /tmp/ersim-escaped.txt
. /etc/evil.ps1
& /usr/lib/evil.ps1
Import-Module /usr/lib/evil.psm1
Invoke-WebRequest http://example.com
Invoke-RestMethod http://example.com
Test-Path escaped.txt
Test-Path /tmp/ersim-escaped.txt
'still running'
