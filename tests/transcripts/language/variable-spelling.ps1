# A variable shows the spelling it was made with, however it is looked up or assigned later;
# a variable made again after Remove-Variable takes its new spelling.
$MyCircuit = 'er1'
$mycircuit = 'er2'
Get-Variable mycircuit
[int]$PeerASN = 65001
Get-Variable -Name peer* | ForEach-Object Name
Set-Variable -Name ServiceKey -Value 'skey'
(Get-Variable servicekey).Name
foreach ($Circuit in 'er1') {}
(Get-Variable circuit).Name
Remove-Variable mycircuit
$MYCIRCUIT = 3
(Get-Variable mycircuit).Name
Get-Variable MyCircuit | ForEach-Object Value
