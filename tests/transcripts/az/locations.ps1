# Get-AzLocation: every public region in Resource Manager's order, as
# PSResourceProviderLocation's list; the names are what -Location accepts. Signed out it is
# refused like every Az cmdlet.
Get-AzLocation | Select-Object -First 2 | Out-Host
(Get-AzLocation).Count
Get-AzLocation | Where-Object DisplayName -like '*Europe*' | Select-Object Location, DisplayName | Out-Host
$region = Get-AzLocation | Where-Object Location -eq 'westus'
New-AzResourceGroup -Name LabRG -Location $region.DisplayName | Select-Object ResourceGroupName, Location | Out-Host
Get-AzureRmLocation | Select-Object -Last 1 -ExpandProperty Location
Disconnect-AzAccount | Out-Null
Get-AzLocation
