# The bandwidth upgrade page (DOCS@06da9995) and the circuit page's property updates: upward
# and offered bandwidths only, the premium add-on both ways, MeteredData to UnlimitedData only,
# and the recorded failed-operation text when the provider's port has no room.
Import-Module 'C:\Program Files (x86)\Microsoft SDKs\Azure\PowerShell\ServiceManagement\Azure\Azure.psd1'
Import-Module 'C:\Program Files (x86)\Microsoft SDKs\Azure\PowerShell\ServiceManagement\Azure\ExpressRoute\ExpressRoute.psd1'
Set-ErSimProviderPolicy -Mode Auto -Reads 0
$key = (New-AzureDedicatedCircuit -CircuitName TestCircuit -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -Sku Standard -BillingType MeteredData -Force).ServiceKey

# Get the details of the ExpressRoute circuit (the list leaves BillingType blank, the get fills it).
Get-AzureDedicatedCircuit
Get-AzureDedicatedCircuit -ServiceKey $key
# Increase the bandwidth: billing restarts at the new size.
Get-ErSimState | Select-Object BillingRecords, CircuitsBilledNow | Out-Host
Set-AzureDedicatedCircuitProperties -ServiceKey $key -Bandwidth 1000 -Force
Get-ErSimState | Select-Object BillingRecords, CircuitsBilledNow | Out-Host
# Only sizes the provider offers, and never down.
Set-AzureDedicatedCircuitProperties -ServiceKey $key -Bandwidth 1500 -Force
Set-AzureDedicatedCircuitProperties -ServiceKey $key -Bandwidth 500 -Force
# The premium add-on, on and off; the billing type, up only.
Set-AzureDedicatedCircuitProperties -ServiceKey $key -Sku Premium -Force | Select-Object Bandwidth, Sku | Out-Host
Set-AzureDedicatedCircuitProperties -ServiceKey $key -Sku Standard -Force | Select-Object Bandwidth, Sku | Out-Host
Set-AzureDedicatedCircuitProperties -ServiceKey $key -BillingType UnlimitedData -Force | Select-Object Bandwidth, BillingType | Out-Host
Set-AzureDedicatedCircuitProperties -ServiceKey $key -BillingType MeteredData -Force

# The provider's 10 Gbps port in Silicon Valley fills up: 1000 + 5000 + 2000 Mbps, so 5000
# for this circuit does not fit.
foreach ($n in 5000, 2000) {
    New-AzureDedicatedCircuit -CircuitName "Big$n" -ServiceProviderName Equinix -Bandwidth $n -Location 'Silicon Valley' -BillingType MeteredData -Force | Out-Null
}
Set-AzureDedicatedCircuitProperties -ServiceKey $key -Bandwidth 5000 -Force
Get-AzureDedicatedCircuit -ServiceKey $key | Select-Object Bandwidth | Out-Host
# The same failure on demand, once, from the ready-made fault: 2000 fits, but not the first time.
Add-ErSimFault -Cmdlet Set-AzureDedicatedCircuitProperties -Preset InsufficientBandwidth -Count 1 | Out-Null
Set-AzureDedicatedCircuitProperties -ServiceKey $key -Bandwidth 2000 -Force
Set-AzureDedicatedCircuitProperties -ServiceKey $key -Bandwidth 2000 -Force | Select-Object CircuitName, Bandwidth | Out-Host
