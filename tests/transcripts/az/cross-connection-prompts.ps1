# Set-AzExpressRouteCrossConnection and the peering cmdlets ask before every PUT (the
# five-argument ConfirmAction) unless -Force: No sends nothing. The prompt names the cross
# connection by its service key, so the ids are seeded.
Set-ErSimSeed 7
Connect-AzAccount | Out-Null
Select-AzSubscription -SubscriptionName 'Contoso Production' | Out-Null
New-AzResourceGroup -Name LabRG -Location 'West US' | Out-Null
$key = (New-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG -Location 'West US' -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName Equinix -PeeringLocation London -BandwidthInMbps 50).ServiceKey
Select-AzSubscription -SubscriptionName 'Equinix Provider' | Out-Null
$rg = 'CrossConnection-London'
# No, then Yes.
Set-AzExpressRouteCrossConnection -ResourceGroupName $rg -Name $key -ServiceProviderProvisioningState Provisioned
"after No: $((Get-AzExpressRouteCrossConnection -ResourceGroupName $rg -Name $key).ServiceProviderProvisioningState)"
$cc = Set-AzExpressRouteCrossConnection -ResourceGroupName $rg -Name $key -ServiceProviderProvisioningState Provisioned
"after Yes: $($cc.ServiceProviderProvisioningState)"
# Yes to the peering; No to its removal.
$cc = Add-AzExpressRouteCrossConnectionPeering -ExpressRouteCrossConnection $cc -Name AzurePrivatePeering -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix 10.0.0.0/30 -SecondaryPeerAddressPrefix 10.0.0.4/30 -VlanId 200
Remove-AzExpressRouteCrossConnectionPeering -ExpressRouteCrossConnection $cc -Name AzurePrivatePeering
"peerings: $((Get-AzExpressRouteCrossConnection -ResourceGroupName $rg -Name $key).Peerings.Count)"
