# Path strings piped to the item cmdlets bind to -Path by value, as 5.1's Navigation cmdlets
# declare it (Get-Item, Copy-Item, Move-Item, Rename-Item, Remove-Item, Join-Path); items from
# Get-ChildItem still bind to -LiteralPath through their PSPath.
Set-Location (New-Item -ItemType Directory C:\piped).FullName
'a', 'b', 'c' | ForEach-Object { Set-Content "$_.txt" $_ }
function Names { (Get-ChildItem *.txt).Name -join ', ' }
'a.txt', 'b.txt' | Get-Item | ForEach-Object Length
'a.txt' | Copy-Item -Destination d.txt; Names
'd.txt' | Move-Item -Destination e.txt; Names
'e.txt' | Rename-Item -NewName f.txt; Names
'f.txt' | Remove-Item; Names
Get-ChildItem b.txt | Remove-Item; Names
'C:\Labs', 'D:\Labs' | Join-Path -ChildPath netcfg.xml
'nosuch.txt' | Get-Item
Set-Location ..
