# No cmdlet reads or writes files other than the ones the user names to the VNet and state
# cmdlets; redirection to a file, dot-sourcing and modules by path are refused.
Get-Content /etc/passwd
Set-Content -Path escaped.txt -Value 'x'
Out-File -FilePath escaped.txt
'x' | Tee-Object -FilePath escaped.txt
Get-ChildItem /
Remove-Item escaped.txt
New-Item -ItemType File escaped.txt
Get-Date > escaped.txt
Get-Date >> escaped.txt
Write-Error 'e' 2> escaped.txt
. ./files.ps1
& ./files.ps1
Import-Module ./files.ps1
Import-Module /usr/lib/evil.psm1
Invoke-WebRequest http://example.com
Invoke-RestMethod http://example.com
'still running'
