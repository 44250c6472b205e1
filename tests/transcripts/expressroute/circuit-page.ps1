# The classic circuit page: providers, create, list, get, premium, bandwidth, delete.
Get-AzureDedicatedCircuitServiceProvider | Where-Object Name -eq 'Equinix' | Out-Host
$Bandwidth = 200
$CircuitName = "MyTestCircuit"
$ServiceProvider = "Equinix"
$Location = "Silicon Valley"
New-AzureDedicatedCircuit -CircuitName $CircuitName -ServiceProviderName $ServiceProvider -Bandwidth $Bandwidth -Location $Location -sku Standard -BillingType MeteredData -Force | Out-Host
Get-AzureDedicatedCircuit | Out-Host
$key = (Get-AzureDedicatedCircuit).ServiceKey
Set-AzureDedicatedCircuitProperties -ServiceKey $key -Sku Premium -Force | Out-Host
Set-AzureDedicatedCircuitProperties -ServiceKey $key -Bandwidth 1000 -Force | Select-Object Bandwidth, Sku | Out-Host
Set-AzureDedicatedCircuitProperties -ServiceKey $key -Bandwidth 500 -Force
Get-AzureDedicatedCircuit | Remove-AzureDedicatedCircuit -Force -Verbose
Get-AzureDedicatedCircuit | Measure-Object | Select-Object Count | Out-Host
