# PowerShell's own binding failures: terminating for the command, not CloseError records.
Get-AzureDedicatedCircuit -ServiceKey not-a-guid
New-AzureDedicatedCircuit -CircuitName x -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType Free -Force
New-AzureDedicatedCircuit -CircuitName x -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -Force
Get-AzureBGPPeering -ServiceKey 00000000-0000-0000-0000-000000000001 -AccessType Special
Remove-AzureBGPPeering -ServiceKey 00000000-0000-0000-0000-000000000001 -Force
Get-AzureDedicatedCircuit -Bogus 1
New-AzureDedicatedCircuit -CircuitName '' -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force
