# The connectivity provider's side in Az.Network: a cross connection is the provider's view of
# a customer's circuit, by service key, in the group of its peering location. Setting its
# ServiceProviderProvisioningState moves the customer's circuit as Set-AzureCrossConnection does.
Connect-AzAccount | Out-Null
Select-AzSubscription -SubscriptionName 'Contoso Production' | Out-Null
New-AzResourceGroup -Name LabRG -Location 'West US' | Out-Null
$key = (New-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG -Location 'West US' -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName Equinix -PeeringLocation 'Silicon Valley' -BandwidthInMbps 200).ServiceKey
"customer's cross connections: $(@(Get-AzExpressRouteCrossConnection).Count)"

# The provider's subscription sees the order.
Select-AzSubscription -SubscriptionName 'Equinix Provider' | Out-Null
$rg = 'CrossConnection-SiliconValley'
Get-AzExpressRouteCrossConnection
Get-AzExpressRouteCrossConnection -ResourceGroupName CrossConnection-* -Name "$($key.Substring(0, 8))*" | Select-Object Name, ServiceProviderProvisioningState | Out-Host

# Provisioning, by the object the help example edits.
$cc = Get-AzExpressRouteCrossConnection -Name $key -ResourceGroupName $rg
$cc.ServiceProviderProvisioningState = 'Provisioned'
$cc = Set-AzExpressRouteCrossConnection -ExpressRouteCrossConnection $cc -Force
$cc | Select-Object ServiceProviderProvisioningState, PrimaryAzurePort, SecondaryAzurePort, STag | Format-List
(Get-AzureCrossConnection -ServiceKey $key).ProvisioningState
Select-AzSubscription -SubscriptionName 'Contoso Production' | Out-Null
(Get-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG).ServiceProviderProvisioningState

# The provider configures private peering; the customer's circuit has it at once.
Select-AzSubscription -SubscriptionName 'Equinix Provider' | Out-Null
$cc = Add-AzExpressRouteCrossConnectionPeering -ExpressRouteCrossConnection $cc -Name AzurePrivatePeering -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix 10.0.0.0/30 -SecondaryPeerAddressPrefix 10.0.0.4/30 -VlanId 200 -Force
Get-AzExpressRouteCrossConnectionPeering -ExpressRouteCrossConnection $cc -Name azureprivatepeering
Get-AzExpressRouteCrossConnectionArpTable -ResourceGroupName $rg -CrossConnectionName $key -PeeringType AzurePrivatePeering -DevicePath Primary | Out-Host
Get-AzExpressRouteCrossConnectionRouteTableSummary -ExpressRouteCrossConnection $cc -PeeringType AzurePrivatePeering -DevicePath Secondary | Out-Host
Select-AzSubscription -SubscriptionName 'Contoso Production' | Out-Null
Set-ErSimCustomerRoute -ServiceKey $key -AccessType Private -Prefix 10.1.0.0/16 | Out-Null
Get-AzExpressRouteCircuitPeeringConfig -ExpressRouteCircuit (Get-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG) | Select-Object Name, VlanId, PeerASN | Out-Host
Select-AzSubscription -SubscriptionName 'Equinix Provider' | Out-Null
Get-AzExpressRouteCrossConnectionRouteTable -ResourceGroupName $rg -Name $key -PeeringType AzurePrivatePeering -DevicePath Primary | Out-Host

# The whole object, by parameters, with a note; then the peering removed.
Set-AzExpressRouteCrossConnection -ResourceGroupName $rg -Name $key -ServiceProviderNotes 'Circuit handed over 2016-10-03' -Force | Select-Object ServiceProviderNotes, @{ n = 'Peerings'; e = { $_.Peerings.Count } } | Out-Host
Select-AzSubscription -SubscriptionName 'Contoso Production' | Out-Null
"the customer reads the note: $((Get-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG).ServiceProviderNotes)"
Select-AzSubscription -SubscriptionName 'Equinix Provider' | Out-Null
$cc = Get-AzExpressRouteCrossConnection -Name $key -ResourceGroupName $rg
Remove-AzExpressRouteCrossConnectionPeering -ExpressRouteCrossConnection $cc -Name Nothing -Force | Select-Object @{ n = 'Peerings'; e = { $_.Peerings.Count } } | Out-Host
$cc = Remove-AzExpressRouteCrossConnectionPeering -ExpressRouteCrossConnection $cc -Name AzurePrivatePeering -Force
"peerings after Remove: $($cc.Peerings.Count); notes kept: $($cc.ServiceProviderNotes)"

# Deprovisioned by parameters; the customer may now delete the circuit, and the cross
# connection goes with it.
$cc = Set-AzExpressRouteCrossConnection -ResourceGroupName $rg -Name $key -ServiceProviderProvisioningState NotProvisioned -Force
"$($cc.ServiceProviderProvisioningState), STag kept: $($cc.STag)"
Select-AzSubscription -SubscriptionName 'Contoso Production' | Out-Null
Remove-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG -Force -PassThru
Select-AzSubscription -SubscriptionName 'Equinix Provider' | Out-Null
"cross connections left: $(@(Get-AzExpressRouteCrossConnection).Count)"
