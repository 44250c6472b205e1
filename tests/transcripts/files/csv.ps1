# Export-Csv and Import-Csv: ASCII by default, #TYPE unless -NoTypeInformation, -Append under
# the header, -Delimiter, -Header; a report exported and read back.
Set-Location (New-Item -ItemType Directory C:\reports).FullName
$rows = @(
    [pscustomobject]@{ Name = 'Lab'; Bandwidth = 200; Location = 'Silicon Valley' }
    [pscustomobject]@{ Name = 'Branch'; Bandwidth = 50; Location = 'London' }
)
$rows | Export-Csv circuits.csv
Get-Content circuits.csv
$rows | Export-Csv plain.csv -NoTypeInformation
[pscustomobject]@{ Location = 'Tokyo'; Name = 'DR'; Bandwidth = 100 } | Export-Csv plain.csv -Append
Get-Content plain.csv
Import-Csv plain.csv | ForEach-Object { "$($_.Name) at $($_.Location): $($_.Bandwidth) Mbps" }
(Import-Csv circuits.csv)[0].PSObject.TypeNames[0]
$rows | Export-Csv semi.csv -Delimiter ';' -NoTypeInformation
Get-Content semi.csv -TotalCount 1
Import-Csv semi.csv -Delimiter ';' | Select-Object -First 1 -ExpandProperty Location
'Lab,200', 'Branch,50' | Set-Content raw.csv
Import-Csv raw.csv -Header Name, Bandwidth | Select-Object -Last 1 -ExpandProperty Name
$rows | Export-Csv plain.csv -NoClobber
Import-Csv nothere.csv
