# The item cmdlets over the lab drive: New-Item, Test-Path, Get-Item, Copy-, Move-,
# Rename-, Remove-Item, case-insensitive names, and the session's own drives.
Set-Location (New-Item -ItemType Directory C:\work).FullName
$f = New-Item -ItemType File -Path report.txt -Value 'first'
$f.GetType().FullName
$f.Name, $f.Length, $f.FullName
Get-Content REPORT.TXT
New-Item report.txt
New-Item -ItemType Directory logs | Select-Object Name, Mode
New-Item -ItemType Directory logs
New-Item -ItemType Directory deep\er\folder | Select-Object -ExpandProperty FullName
New-Item -Path nested\a\b.txt -ItemType File -Force | Select-Object -ExpandProperty Name
New-Item -ItemType Junk odd
Test-Path report.txt
Test-Path report.txt -PathType Container
Test-Path logs -PathType Container
Test-Path logs -PathType Leaf
Test-Path C:\work\*.txt
Test-Path 'a|b' -IsValid
Test-Path 'C:\any\path.txt' -IsValid
Copy-Item report.txt copy.txt
Get-Content copy.txt
Copy-Item report.txt logs
Test-Path logs\report.txt
Move-Item copy.txt moved.txt
Test-Path copy.txt, moved.txt
Move-Item moved.txt report.txt
Rename-Item moved.txt renamed.txt -PassThru | Select-Object -ExpandProperty Name
Rename-Item nothere.txt x.txt
Copy-Item deep copied -Recurse
Test-Path copied\er\folder
Remove-Item renamed.txt
Test-Path renamed.txt
Remove-Item renamed.txt
Remove-Item deep
Test-Path deep
Remove-Item copied -Recurse
Test-Path copied
Remove-Item *.txt
Get-ChildItem -Name
$x = 1
Test-Path variable:x, variable:nope, env:USERNAME, env:NOPE, alias:ls, function:nothing
Get-Item env:USERNAME | Select-Object -ExpandProperty Value
$env:SCRATCH = 'temp'
Remove-Item env:SCRATCH
Test-Path env:SCRATCH
Get-ChildItem env:OS | Format-Table
Get-Item variable:nope
