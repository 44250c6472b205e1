# Get-ChildItem's 5.1 view (Mode, LastWriteTime, Length, Name under Directory:), folders
# first, -Recurse, -Filter, -Include, -Exclude, -File, -Directory, -Name; times are the
# virtual clock's.
New-Item -ItemType Directory C:\site\configs | Out-Null
Set-Location C:\site
Set-Content a.csv 'x'
Set-Content b.txt 'hello'
Set-Content configs\netcfg.xml '<NetworkConfiguration />'
Start-Sleep -Seconds 3600
Set-Content configs\later.txt 'later'
Get-ChildItem | Out-Host
Get-ChildItem -Recurse | Out-Host
Get-ChildItem -Filter *.txt -Recurse -Name
Get-ChildItem -Include *.csv, *.xml -Recurse -Name
Get-ChildItem -Exclude *.csv -Name
Get-ChildItem -File -Name
Get-ChildItem -Directory -Name
Get-ChildItem C:\site\*.txt | ForEach-Object { "$($_.Name) $($_.Length) $($_.LastWriteTime)" }
Get-ChildItem configs | Sort-Object Name | Select-Object -First 1 -ExpandProperty FullName
Get-ChildItem C:\nothing
