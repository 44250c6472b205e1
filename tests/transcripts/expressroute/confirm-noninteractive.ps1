# Without -Force the module asks with ShouldContinue; under -NonInteractive that fails
# inside the cmdlet and comes out as its CloseError record.
New-AzureDedicatedCircuit -CircuitName x -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData
Get-AzureDedicatedCircuit | Measure-Object | Select-Object Count | Out-Host
