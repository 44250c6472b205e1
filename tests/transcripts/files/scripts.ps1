# Script files: a main script dot-sources a helper and calls scripts with & and by path,
# with param() blocks, their own script scopes, $PSScriptRoot and $PSCommandPath; scripts
# saved as UTF-16 (Out-File) and as Windows-1252 (Set-Content) run as 5.1 reads them.
Set-Location (New-Item -ItemType Directory C:\deploy).FullName
New-Item -ItemType Directory tools | Out-Null
Set-Content lib.ps1 @'
function Get-Greeting($Name) { "Hello, $Name (from $(Split-Path $PSCommandPath -Leaf))" }
$libLoaded = $true
'@
Set-Content tools\deploy.ps1 @'
param([Parameter(Mandatory)][string]$Name, [int]$Count = 1)
"deploy $Name x$Count from $(Split-Path $PSScriptRoot -Leaf)"
$script:deployed = $Name
$helperVisible = $null -ne (Get-Command Get-Greeting -ErrorAction SilentlyContinue)
"helper visible: $helperVisible"
'@
. .\lib.ps1
"loaded: $libLoaded"
Get-Greeting 'main'
& .\tools\deploy.ps1 -Name lab
.\tools\deploy.ps1 branch 3
./tools/DEPLOY.ps1 -Name case -Count 2
"deployed here: $deployed"
$out = & C:\deploy\tools\deploy.ps1 -Name captured
$out.Count
'"UTF-16: Zürich"' | Out-File utf16.ps1
.\utf16.ps1
'"ANSI: Zürich"' | Set-Content ansi.ps1
.\ansi.ps1
Set-Content utf8.ps1 -Value ([byte[]](0x22, 0x55, 0x54, 0x46, 0x2D, 0x38, 0x3A, 0x20, 0xC3, 0xA9, 0x22)) -Encoding Byte
.\utf8.ps1
Set-Content broken.ps1 "'unterminated"
.\broken.ps1
.\tools\deploy.ps1
.\missing.ps1
deploy.ps1
