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
