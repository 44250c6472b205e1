# Paths the lab does not reach are refused with 5.1's access-denied error and not touched:
# this machine's files outside the roots, devices, network paths. `..` stops at C:\.
Get-Content /etc/passwd
Get-Content /dev/zero
Set-Content /tmp/ersim-escaped.txt 'x'
'x' | Out-File /tmp/ersim-escaped.txt
New-Item -ItemType File /tmp/ersim-escaped.txt
Remove-Item /etc/hostname
Copy-Item /etc/passwd stolen.txt
Get-ChildItem /
Get-Content \\server\share\secret.txt
Test-Path /etc/passwd
Set-Location C:\Users\admin\..\..\..\..
$PWD.Path
Import-Csv /etc/passwd
'still running'
