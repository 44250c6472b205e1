# The current location: C:\Users\admin (the start directory) at first; cd, pushd, popd,
# $PWD, Resolve-Path, Convert-Path, Split-Path and Get-PSDrive.
Get-Location
"$PWD"
$PWD.GetType().FullName
New-Item -ItemType Directory D:\data\in | Out-Null
Set-Location D:\data
(Get-Location).Path
cd in
$PWD.Path
cd ..
pushd C:\
$PWD.Path
popd
$PWD.Path
cd ~
$PWD.Path
Set-Location C:\missing
Set-Location -Path D:\data -PassThru
Resolve-Path D:\data\in | Select-Object -ExpandProperty Path
Set-Location D:\data
Resolve-Path in -Relative
Convert-Path .
Resolve-Path D:\data\nothing
Split-Path 'C:\Labs\netcfg.xml'
Split-Path 'C:\Labs\netcfg.xml' -Leaf
Split-Path 'C:\Labs\netcfg.xml' -Qualifier
Split-Path 'C:\Labs\netcfg.xml' -NoQualifier
Split-Path 'C:\Labs' -Parent
Split-Path 'netcfg.xml' -IsAbsolute
Split-Path 'relative.xml' -Qualifier
(Get-PSDrive).Name -join ','
(Get-PSDrive D).Root
# $HOME, $env:USERPROFILE and ~ are the start directory; $env:TEMP a folder of the lab drive.
Set-Content "$HOME\home.txt" 'at home'
Get-Content ~\home.txt
Get-Content "$env:USERPROFILE/HOME.TXT"
(Resolve-Path "$HOME\home.txt").Path
Remove-Item ~/home.txt
New-Item -ItemType Directory $env:TEMP -Force | Out-Null
Set-Content "$env:TEMP\scratch.txt" 'temporary'
(Get-Item "$env:TEMP\scratch.txt").FullName
