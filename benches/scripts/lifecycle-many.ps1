# The lifecycle of N circuits (default 10,000): create, the provider provisions,
# private peering, get, deprovision, remove. Used by scripts/bench.sh.
param([int]$Count = 10000)
$keys = for ($i = 0; $i -lt $Count; $i++) {
    (New-AzureDedicatedCircuit -CircuitName "c$i" -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force).ServiceKey
}
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
foreach ($k in $keys) {
    New-AzureCrossConnection -ServiceKey $k -Force | Out-Null
    Set-AzureCrossConnection -ServiceKey $k -Operation NotifyCrossConnectionProvisioned | Out-Null
}
Select-AzureSubscription -SubscriptionName 'Contoso Production'
foreach ($k in $keys) {
    New-AzureBGPPeering -AccessType Private -ServiceKey $k -PrimaryPeerSubnet '10.0.0.0/30' -SecondaryPeerSubnet '10.0.0.4/30' -PeerAsn 65001 -VlanId 100 | Out-Null
    Get-AzureDedicatedCircuit -ServiceKey $k | Out-Null
}
foreach ($k in $keys) {
    Remove-AzureBGPPeering -AccessType Private -ServiceKey $k -Force
    Request-ErSimDeprovisioning -ServiceKey $k
}
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
foreach ($k in $keys) {
    Set-AzureCrossConnection -ServiceKey $k -Operation NotifyCrossConnectionNotProvisioned | Out-Null
}
Select-AzureSubscription -SubscriptionName 'Contoso Production'
foreach ($k in $keys) {
    Remove-AzureDedicatedCircuit -ServiceKey $k -Force
}
"circuits left: $(@(Get-AzureDedicatedCircuit).Count)"
