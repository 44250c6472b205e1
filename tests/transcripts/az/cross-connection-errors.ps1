# The provider side's errors: the service's (NetworkCloudException, in the layout of section 4.5), the
# cmdlets' own (ArgumentException, LINQ's InvalidOperationException) and the SDK's check of a
# missing peering type; and, in AzureRM names, the same cmdlets.
Connect-AzAccount | Out-Null
Select-AzSubscription -SubscriptionName 'Contoso Production' | Out-Null
New-AzResourceGroup -Name LabRG -Location 'West US' | Out-Null
$key = (New-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG -Location 'West US' -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName Equinix -PeeringLocation 'Silicon Valley' -BandwidthInMbps 200).ServiceKey
$rg = 'CrossConnection-SiliconValley'

# A customer's subscription holds no cross connection, not even for its own circuit.
Get-AzExpressRouteCrossConnection -ResourceGroupName $rg -Name $key

Select-AzSubscription -SubscriptionName 'Equinix Provider' | Out-Null
# The wrong group, a name that is not a service key.
Get-AzExpressRouteCrossConnection -ResourceGroupName CrossConnection-London -Name $key
Get-AzExpressRouteCrossConnection -ResourceGroupName $rg -Name LabArm
# Set- by parameters of one that does not exist: the resource string, unformatted.
Set-AzExpressRouteCrossConnection -ResourceGroupName $rg -Name ([guid]::Empty) -ServiceProviderProvisioningState Provisioned -Force
# Deprovisioning is the customer's request; an unknown state is no state.
Set-AzExpressRouteCrossConnection -ResourceGroupName $rg -Name $key -ServiceProviderProvisioningState Deprovisioning -Force
Set-AzExpressRouteCrossConnection -ResourceGroupName $rg -Name $key -ServiceProviderProvisioningState Done -Force

# Peering before the circuit is provisioned.
$cc = Get-AzExpressRouteCrossConnection -ResourceGroupName $rg -Name $key
Add-AzExpressRouteCrossConnectionPeering -ExpressRouteCrossConnection $cc -Name AzurePrivatePeering -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix 10.0.0.0/30 -SecondaryPeerAddressPrefix 10.0.0.4/30 -VlanId 200 -Force
# Provisioned, then the peering; a second one of the same name; a VLAN taken.
$cc = Get-AzExpressRouteCrossConnection -ResourceGroupName $rg -Name $key
$cc = Set-AzExpressRouteCrossConnection -ResourceGroupName $rg -Name $key -ServiceProviderProvisioningState Provisioned -Force
$cc = Add-AzExpressRouteCrossConnectionPeering -ExpressRouteCrossConnection $cc -Name AzurePrivatePeering -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix 10.0.0.0/30 -SecondaryPeerAddressPrefix 10.0.0.4/30 -VlanId 200 -Force
Add-AzExpressRouteCrossConnectionPeering -ExpressRouteCrossConnection $cc -Name azureprivatepeering -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix 10.0.0.0/30 -SecondaryPeerAddressPrefix 10.0.0.4/30 -VlanId 200 -Force
Add-AzExpressRouteCrossConnectionPeering -ExpressRouteCrossConnection $cc -Name MicrosoftPeering -PeeringType MicrosoftPeering -PeerASN 100 -PrimaryPeerAddressPrefix 123.0.0.0/30 -SecondaryPeerAddressPrefix 123.0.0.4/30 -VlanId 200 -MicrosoftConfigAdvertisedPublicPrefix 123.1.0.0/24 -Force
"peerings after the refusals: $((Get-AzExpressRouteCrossConnection -ResourceGroupName $rg -Name $key).Peerings.Count)"
Get-AzExpressRouteCrossConnectionPeering -ExpressRouteCrossConnection $cc -Name MicrosoftPeering
Add-AzExpressRouteCrossConnectionPeering -ExpressRouteCrossConnection $cc -Name AzurePublicPeering -PeeringType Public -PeerASN 100 -PrimaryPeerAddressPrefix 10.0.0.0/30 -SecondaryPeerAddressPrefix 10.0.0.4/30 -VlanId 300 -Force

# Diagnostics: no peering type (the SDK's check), a peering the circuit lacks.
Get-AzExpressRouteCrossConnectionArpTable -ResourceGroupName $rg -CrossConnectionName $key -DevicePath Primary
Get-AzExpressRouteCrossConnectionRouteTable -ExpressRouteCrossConnection $cc -PeeringType MicrosoftPeering -DevicePath Primary

# The AzureRM names of the same cmdlets.
(Get-AzureRmExpressRouteCrossConnection -ResourceGroupName $rg -Name $key).ServiceProviderProvisioningState
Get-AzureRmExpressRouteCrossConnectionRouteTableSummary -ResourceGroupName $rg -CrossConnectionName $key -PeeringType AzurePrivatePeering -DevicePath Primary | Select-Object -ExpandProperty Asn
