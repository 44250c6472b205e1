# The rules of route filters (how-to-routefilter-powershell 2019-02; the page itself is replayed
# in routefilter-page): one Allow rule of Microsoft's BGP community values, saved, read back and
# updated, and what attaching one to a peering may do. New-AzRouteFilterRuleConfig,
# Set-AzRouteFilter and the rule config cmdlets ask before they act; this run is not interactive,
# so those lines carry -Force (their prompts are in network-prompts).
Connect-AzAccount | Out-Null
New-AzResourceGroup -Name "ExpressRouteResourceGroupName" -Location "West US" | Out-Null

# Step 2: create a route filter and a filter rule, add the rule to the route filter.
New-AzRouteFilter -Name "RouteFilterName" -ResourceGroupName "ExpressRouteResourceGroupName" -Location "West US" | Out-Host
$rule = New-AzRouteFilterRuleConfig -Name "Allow-EXO-D365" -Access Allow -RouteFilterRuleType Community -CommunityList 12076:5010,12076:5040 -Force
$rule | Out-Host
$routefilter = Get-AzRouteFilter -Name "RouteFilterName" -ResourceGroupName "ExpressRouteResourceGroupName"
$routefilter.Rules.Add($rule)
Set-AzRouteFilter -RouteFilter $routefilter -Force | Out-Host

# To get the properties of a route filter; to update them.
$routefilter = Get-AzRouteFilter -Name "RouteFilterName" -ResourceGroupName "ExpressRouteResourceGroupName"
$rule = $routefilter.Rules[0]
$rule | Out-Host
$routefilter.rules[0].Communities = "12076:5030", "12076:5040"
(Set-AzRouteFilter -RouteFilter $routefilter -Force).Rules[0].Communities

# The service's rules: one rule, of type Allow, of Microsoft's communities.
$routefilter = Get-AzRouteFilter -Name "RouteFilterName" -ResourceGroupName "ExpressRouteResourceGroupName"
$routefilter = Add-AzRouteFilterRuleConfig -RouteFilter $routefilter -Name "Second" -Access Allow -RouteFilterRuleType Community -CommunityList 12076:5020
Set-AzRouteFilter -RouteFilter $routefilter -Force
$routefilter = Get-AzRouteFilter -Name "RouteFilterName" -ResourceGroupName "ExpressRouteResourceGroupName"
$routefilter = Set-AzRouteFilterRuleConfig -RouteFilter $routefilter -Name "Allow-EXO-D365" -Access Deny -RouteFilterRuleType Community -CommunityList 12076:5010 -Force
Set-AzRouteFilter -RouteFilter $routefilter -Force
$routefilter = Set-AzRouteFilterRuleConfig -RouteFilter $routefilter -Name "Allow-EXO-D365" -Access Allow -RouteFilterRuleType Community -CommunityList 65000:100 -Force
Set-AzRouteFilter -RouteFilter $routefilter -Force

# The rule config cmdlets' own errors.
$routefilter = Get-AzRouteFilter -Name "RouteFilterName" -ResourceGroupName "ExpressRouteResourceGroupName"
Add-AzRouteFilterRuleConfig -RouteFilter $routefilter -Name "allow-exo-d365" -Access Allow -RouteFilterRuleType Community -CommunityList 12076:5010 -Force
Set-AzRouteFilterRuleConfig -RouteFilter $routefilter -Name "Missing" -Access Allow -RouteFilterRuleType Community -CommunityList 12076:5010 -Force
Get-AzRouteFilterRuleConfig -RouteFilter $routefilter -Name "Missing"
New-AzRouteFilterRuleConfig -Name "Deny" -Access Block -RouteFilterRuleType Community -CommunityList 12076:5010 -Force

# Remove the rule, then the filter.
$routefilter = Remove-AzRouteFilterRuleConfig -RouteFilter $routefilter -Name "Allow-EXO-D365" -Force
(Set-AzRouteFilter -RouteFilter $routefilter -Force).Rules.Count
Remove-AzRouteFilter -Name "RouteFilterName" -ResourceGroupName "ExpressRouteResourceGroupName" -Force -PassThru
Get-AzRouteFilter -ResourceGroupName "ExpressRouteResourceGroupName"

# Attaching: a circuit with a Microsoft peering configured in 2016, before route filters
# existed, receives every service's prefixes without one (routing-arm 2017-07).
Add-ErSimRoutingRegistryEntry -RoutingRegistryName ARIN -Prefix 123.1.0.0/24 -Asn 100 | Out-Null
$key = (New-AzExpressRouteCircuit -Name "LegacyCircuit" -ResourceGroupName "ExpressRouteResourceGroupName" -Location "West US" -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName "Equinix" -PeeringLocation "Silicon Valley" -BandwidthInMbps 200).ServiceKey
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
$ckt = Get-AzExpressRouteCircuit -Name "LegacyCircuit" -ResourceGroupName "ExpressRouteResourceGroupName"
$ckt = Add-AzExpressRouteCircuitPeeringConfig -Name "MicrosoftPeering" -ExpressRouteCircuit $ckt -PeeringType MicrosoftPeering -PeerASN 100 -PrimaryPeerAddressPrefix "123.0.0.0/30" -SecondaryPeerAddressPrefix "123.0.0.4/30" -VlanId 300 -MicrosoftConfigAdvertisedPublicPrefixes "123.1.0.0/24" -MicrosoftConfigRoutingRegistryName "ARIN"
$ckt = Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt
"prefixes Microsoft advertises: $(@(Get-AzExpressRouteCircuitRouteTable -DevicePath Secondary -ExpressRouteCircuitName LegacyCircuit -PeeringType MicrosoftPeering -ResourceGroupName ExpressRouteResourceGroupName | Where-Object Path -eq '12076').Count)"

# -RouteFilterId on the peering config cmdlets; only Microsoft peering takes one; the id must
# be a route filter's, and one that exists.
$routefilter = New-AzRouteFilter -Name "Second" -ResourceGroupName "ExpressRouteResourceGroupName" -Location "West US" -Force
$ckt = Add-AzExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix "10.0.0.0/30" -SecondaryPeerAddressPrefix "10.0.0.4/30" -VlanId 200 -RouteFilterId $routefilter.Id
Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt
$ckt = Remove-AzExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt
$microsoft = @{ Name = "MicrosoftPeering"; PeeringType = "MicrosoftPeering"; PeerASN = 100; PrimaryPeerAddressPrefix = "123.0.0.0/30"; SecondaryPeerAddressPrefix = "123.0.0.4/30"; VlanId = 300 }
Set-AzExpressRouteCircuitPeeringConfig @microsoft -ExpressRouteCircuit $ckt -RouteFilterId "RouteFilterName" | Set-AzExpressRouteCircuit
Set-AzExpressRouteCircuitPeeringConfig @microsoft -ExpressRouteCircuit $ckt -RouteFilterId ($routefilter.Id + "x") | Set-AzExpressRouteCircuit
Set-AzExpressRouteCircuitPeeringConfig @microsoft -ExpressRouteCircuit $ckt -RouteFilterId $routefilter.Id -RouteFilter $routefilter
$ckt = Set-AzExpressRouteCircuitPeeringConfig @microsoft -ExpressRouteCircuit $ckt -RouteFilter $routefilter
(Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt).Peerings[0].RouteFilter.Id -eq $routefilter.Id
(Get-AzRouteFilter -Name "Second" -ResourceGroupName "ExpressRouteResourceGroupName").Peerings.Count

# A circuit whose Microsoft peering has a filter is not deleted.
Request-ErSimDeprovisioning -ServiceKey $key | Out-Null
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionNotProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Remove-AzExpressRouteCircuit -Name "LegacyCircuit" -ResourceGroupName "ExpressRouteResourceGroupName" -Force
$ckt = Get-AzExpressRouteCircuit -Name "LegacyCircuit" -ResourceGroupName "ExpressRouteResourceGroupName"
$ckt.Peerings[0].RouteFilter = $null
Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt | Out-Null
Remove-AzExpressRouteCircuit -Name "LegacyCircuit" -ResourceGroupName "ExpressRouteResourceGroupName" -Force -PassThru
Remove-AzRouteFilter -Name "Second" -ResourceGroupName "ExpressRouteResourceGroupName" -Force -PassThru
