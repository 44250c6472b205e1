# Get-Content, Set-Content, Add-Content, Clear-Content and Out-File in the lab drive (a
# temporary folder under -InMemory): lines, -Raw, -TotalCount, -Tail, -ReadCount, -Delimiter.
New-Item -ItemType Directory C:\lab | Out-Null
Set-Location C:\lab
Set-Content -Path circuits.txt -Value 'Lab', 'Branch', 'Backup'
Get-Content circuits.txt
(Get-Content circuits.txt).Count
Get-Content circuits.txt -TotalCount 2
Get-Content circuits.txt -Head 1
Get-Content circuits.txt -Tail 1
(Get-Content circuits.txt -Raw).Length
Get-Content circuits.txt -ReadCount 2 | ForEach-Object { $_ -join '+' }
Add-Content circuits.txt 'DR'
Get-Content circuits.txt -Last 2
'a;b;c' | Set-Content parts.txt -NoNewline
Get-Content parts.txt -Delimiter ';'
(Get-Item circuits.txt).Length
Clear-Content circuits.txt
(Get-Item circuits.txt).Length
Get-Content circuits.txt -Raw
$null -eq (Get-Content circuits.txt)
'written' | Set-Content -PassThru echo.txt
Get-Date | Out-File date.txt
(Get-Item date.txt).Length -gt 0
'one' | Out-File log.txt
'two' | Out-File log.txt -Append
Get-Content log.txt
'three' | Out-File log.txt -NoClobber
Get-Content missing.txt
Set-Content C:\nowhere\x.txt 'x'
Get-Content C:\lab
# Out-File -Width lays the text out at that width, as the console would at that size: the
# long value of a list view wraps over several lines, none longer than the width.
[pscustomobject]@{ A = 1; B = 2; C = 3; D = 4; Description = 'x' * 50 } | Out-File narrow.txt -Width 30
$narrow = Get-Content narrow.txt | Where-Object { $_ }
"$($narrow.Count) lines, the longest $(($narrow | Measure-Object -Property Length -Maximum).Maximum) characters"
