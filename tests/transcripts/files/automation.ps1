# A realistic automation run: circuits ordered from a CSV file, each step logged with
# Add-Content, a report exported with Export-Csv, read back with Import-Csv and checked,
# and the netcfg exported for review. Every file lives in the lab drive.
Set-Location (New-Item -ItemType Directory C:\ops).FullName
$log = Join-Path (Get-Location) 'order.log'
function Write-Log([string]$Message) { Add-Content -Path $log -Value "$(Get-Date -Format 'yyyy-MM-dd HH:mm') $Message" }
@'
Name,Provider,Location,Bandwidth
Lab-SV,Equinix,Silicon Valley,200
Lab-LON,Equinix,London,50
'@ | Set-Content orders.csv
Write-Log "orders: $((Import-Csv orders.csv).Count)"
foreach ($order in Import-Csv orders.csv) {
    $c = New-AzureDedicatedCircuit -CircuitName $order.Name -ServiceProviderName $order.Provider -Location $order.Location -Bandwidth ([int]$order.Bandwidth) -BillingType MeteredData -Force
    Write-Log "ordered $($order.Name): $($c.ServiceProviderProvisioningState)"
}
Get-AzureDedicatedCircuit | Sort-Object CircuitName | Select-Object CircuitName, Location, Bandwidth, Status |
    Export-Csv report.csv -NoTypeInformation
$report = Import-Csv report.csv
if ($report.Count -ne 2) { throw 'the report lost a circuit' }
$report | Format-Table CircuitName, Location, Bandwidth -AutoSize
Write-Log "report rows: $($report.Count)"
Get-AzureVNetConfig -ExportToFile .\netcfg.xml | Out-Null
Test-Path .\netcfg.xml
Get-Content $log
Get-ChildItem -Name
