# Delete is refused while the provider has the circuit (Provisioning, Provisioned,
# Deprovisioning); billing runs from creation until the delete succeeds.
$key = (New-AzureDedicatedCircuit -CircuitName one -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force).ServiceKey
Get-ErSimState | Select-Object Circuits, CircuitsBilledNow, BilledTime | Out-Host
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Remove-AzureDedicatedCircuit -ServiceKey $key -Force
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Remove-AzureDedicatedCircuit -ServiceKey $key -Force
Request-ErSimDeprovisioning -ServiceKey $key
Get-AzureDedicatedCircuit -ServiceKey $key | Select-Object ServiceProviderProvisioningState, Status | Out-Host
Remove-AzureDedicatedCircuit -ServiceKey $key -Force
Step-ErSimClock -Hours 24 | Out-Null
Get-ErSimState | Select-Object Circuits, CircuitsBilledNow, BilledTime, BilledMbpsHours | Out-Host
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionNotProvisioned
Select-AzureSubscription -SubscriptionName 'Contoso Production'
# NotProvisioned again: the delete goes through and billing stops.
Remove-AzureDedicatedCircuit -ServiceKey $key -Force -PassThru | Out-Host
Step-ErSimClock -Hours 24 | Out-Null
Get-ErSimState | Select-Object Circuits, CircuitsBilledNow, BilledTime, BilledMbpsHours | Out-Host
# Another subscription's circuit is unknown to this one.
$other = (New-AzureDedicatedCircuit -CircuitName two -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force).ServiceKey
Select-AzureSubscription -SubscriptionName 'Contoso Dev-Test'
Get-AzureDedicatedCircuit -ServiceKey $other
Remove-AzureDedicatedCircuit -ServiceKey $other -Force
