# The Resource Manager circuit lifecycle, as expressroute-howto-circuit-arm walks it: sign in,
# create a resource group and a circuit, let the provider provision it (by its service key,
# from the provider's subscription), change SKU and bandwidth, have the provider deprovision
# it, and delete it — with the delete refused while the provider still holds the circuit.
# Between them, the private and Microsoft peerings of expressroute-howto-routing-arm, each added
# to the local circuit object and sent with Set-AzExpressRouteCircuit, and removed again.
# Then an authorization for another subscription's connection, its key read back, and its
# revocation. (VNet links of the Resource Manager side are not here yet.)
#
#   ersim -InMemory scripts/lifecycle-arm.ps1
#
# The AzureRM names of the 2016–2018 pages (New-AzureRmExpressRouteCircuit, Login-AzureRmAccount…)
# work the same.

Write-Host '== 1. Sign in, pick the subscription, look at the providers'
Connect-AzAccount | Out-Host
Select-AzSubscription -SubscriptionName 'Contoso Production' | Out-Null
Get-AzExpressRouteServiceProvider | Where-Object PeeringLocations -Contains 'Silicon Valley' | Select-Object Name | Out-Host

Write-Host '== 2. A resource group and the circuit'
$resourceGroupName = (New-AzResourceGroup -Name 'ExpressRouteResourceGroup' -Location 'West US').ResourceGroupName
New-AzExpressRouteCircuit -Name 'ExpressRouteARMCircuit' -ResourceGroupName $resourceGroupName -Location 'West US' `
    -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName 'Equinix' -PeeringLocation 'Silicon Valley' -BandwidthInMbps 200 | Out-Host
$key = (Get-AzExpressRouteCircuit -Name 'ExpressRouteARMCircuit' -ResourceGroupName $resourceGroupName).ServiceKey

Write-Host '== 3. The provider provisions it (Equinix, by the service key)'
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Get-AzExpressRouteCircuit -Name 'ExpressRouteARMCircuit' -ResourceGroupName $resourceGroupName |
    Select-Object Name, CircuitProvisioningState, ServiceProviderProvisioningState | Out-Host

Write-Host '== 4. Premium, then 1 Gbps'
$ckt = Get-AzExpressRouteCircuit -Name 'ExpressRouteARMCircuit' -ResourceGroupName $resourceGroupName
$ckt.Sku.Tier = 'Premium'
$ckt.Sku.Name = 'Premium_MeteredData'
$ckt = Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt
$ckt.ServiceProviderProperties.BandwidthInMbps = 1000
Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt | Select-Object Name, @{ n = 'Sku'; e = { $_.Sku.Name } }, @{ n = 'Mbps'; e = { $_.ServiceProviderProperties.BandwidthInMbps } } | Out-Host

Write-Host '== 5. Private and Microsoft peering (get, modify, set)'
Add-ErSimRoutingRegistryEntry -RoutingRegistryName ARIN -Prefix 123.1.0.0/24 -Asn 23 | Out-Null
$ckt = Get-AzExpressRouteCircuit -Name 'ExpressRouteARMCircuit' -ResourceGroupName $resourceGroupName
$ckt = Add-AzExpressRouteCircuitPeeringConfig -Name 'AzurePrivatePeering' -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering `
    -PeerASN 100 -PrimaryPeerAddressPrefix '10.0.0.0/30' -SecondaryPeerAddressPrefix '10.0.0.4/30' -VlanId 200
$ckt = Add-AzExpressRouteCircuitPeeringConfig -Name 'MicrosoftPeering' -ExpressRouteCircuit $ckt -PeeringType MicrosoftPeering `
    -PeerASN 100 -PrimaryPeerAddressPrefix '123.0.0.0/30' -SecondaryPeerAddressPrefix '123.0.0.4/30' -VlanId 300 `
    -MicrosoftConfigAdvertisedPublicPrefixes '123.1.0.0/24' -MicrosoftConfigCustomerAsn 23 -MicrosoftConfigRoutingRegistryName 'ARIN'
$ckt = Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt
Get-AzExpressRouteCircuitPeeringConfig -ExpressRouteCircuit $ckt |
    Select-Object Name, VlanId, State, @{ n = 'Prefixes'; e = { $_.MicrosoftPeeringConfig.AdvertisedPublicPrefixesState } } | Out-Host
$ckt = Remove-AzExpressRouteCircuitPeeringConfig -Name 'MicrosoftPeering' -ExpressRouteCircuit $ckt
$ckt = Remove-AzExpressRouteCircuitPeeringConfig -Name 'AzurePrivatePeering' -ExpressRouteCircuit $ckt
Write-Host ('   peerings after removing both: {0}' -f (Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt).Peerings.Count)

Write-Host '== 6. An authorization, its key, and its revocation'
$ckt = Add-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $ckt -Name 'MyAuthorization1' | Set-AzExpressRouteCircuit
Get-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $ckt -Name 'MyAuthorization1' |
    Select-Object Name, AuthorizationUseStatus, @{ n = 'HasKey'; e = { [bool]$_.AuthorizationKey } } | Out-Host
$ckt = Remove-AzExpressRouteCircuitAuthorization -Name 'MyAuthorization1' -ExpressRouteCircuit $ckt | Set-AzExpressRouteCircuit
Write-Host ('   authorizations after the revocation: {0}' -f $ckt.Authorizations.Count)

Write-Host '== 7. Delete: refused until the provider deprovisions'
Remove-AzExpressRouteCircuit -ResourceGroupName $resourceGroupName -Name 'ExpressRouteARMCircuit' -Force -ErrorAction SilentlyContinue
Write-Host ('   refused: {0}' -f $Error[0].Exception.Message.Split("`n")[0])
Request-ErSimDeprovisioning -ServiceKey $key | Out-Null
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionNotProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Remove-AzExpressRouteCircuit -ResourceGroupName $resourceGroupName -Name 'ExpressRouteARMCircuit' -Force -PassThru | Out-Host
Remove-AzResourceGroup -Name $resourceGroupName -Force | Out-Null
Get-ErSimState | Select-Object Circuits, CircuitsBilledNow | Out-Host
