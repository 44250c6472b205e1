# how-to-routefilter-powershell (2019-02), every command in page order in one world: the BGP
# communities, a route filter with its one Allow rule, attached to the Microsoft peering of a
# circuit configured after 1 August 2017 (the world's clock is moved on first), its rule
# updated, the filter detached and deleted; the peering's route table after each step shows
# which of Microsoft's prefixes the filter lets through. The page creates "MyRouteFilter" in
# "MyResourceGroup" but then reads "RouteFilterName" in "ExpressRouteResourceGroupName": the
# first such read runs as written, then the replay goes on with the filter the page made.
# New-AzRouteFilterRuleConfig and Set-AzRouteFilter ask first (network-prompts); this run is
# not interactive, so they carry -Force. Differences: docs/fidelity-cmdlets.md.
Step-ErSimClock -Days 400 | Out-Null

# The circuit of the page, provisioned, with only Microsoft peering (its prefix registered).
Connect-AzAccount | Out-Null
New-AzResourceGroup -Name "ExpressRouteResourceGroup" -Location "West US" | Out-Null
$key = (New-AzExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup" -Location "West US" -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName "Equinix" -PeeringLocation "Silicon Valley" -BandwidthInMbps 200).ServiceKey
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Add-ErSimRoutingRegistryEntry -RoutingRegistryName ARIN -Prefix 123.1.0.0/24 -Asn 23 | Out-Null
$ckt = Get-AzExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
Add-AzExpressRouteCircuitPeeringConfig -Name "MicrosoftPeering" -ExpressRouteCircuit $ckt -PeeringType MicrosoftPeering -PeerASN 100 -PrimaryPeerAddressPrefix "123.0.0.0/30" -SecondaryPeerAddressPrefix "123.0.0.4/30" -VlanId 300 -MicrosoftConfigAdvertisedPublicPrefixes "123.1.0.0/24" -MicrosoftConfigCustomerAsn 23 -MicrosoftConfigRoutingRegistryName "ARIN" | Set-AzExpressRouteCircuit | Out-Null
function Show-MicrosoftRoutes {
    Get-AzExpressRouteCircuitRouteTable -DevicePath Primary -ExpressRouteCircuitName "ExpressRouteARMCircuit" -PeeringType MicrosoftPeering -ResourceGroupName "ExpressRouteResourceGroup" | Format-Table Network, NextHop, Path | Out-Host
}
# Without a route filter Microsoft advertises nothing: only the customer's own prefix is there.
Show-MicrosoftRoutes

# Log in to your Azure account ("Replace_with_your_subscription_name": the account's own).
Connect-AzAccount | Out-Host
Get-AzSubscription | Out-Host
Select-AzSubscription -SubscriptionName "Contoso Production" | Out-Null

# Step 1: the BGP community values.
Get-AzBgpServiceCommunity | Out-Host

# Step 2: the route filter, its rule, the rule added.
New-AzResourceGroup -Name "MyResourceGroup" -Location "West US" | Out-Null
New-AzRouteFilter -Name "MyRouteFilter" -ResourceGroupName "MyResourceGroup" -Location "West US" | Out-Host
$rule = New-AzRouteFilterRuleConfig -Name "Allow-EXO-D365" -Access Allow -RouteFilterRuleType Community -CommunityList 12076:5010,12076:5040 -Force
$routefilter = Get-AzRouteFilter -Name "RouteFilterName" -ResourceGroupName "ExpressRouteResourceGroupName"
$routefilter = Get-AzRouteFilter -Name "MyRouteFilter" -ResourceGroupName "MyResourceGroup"
$routefilter.Rules.Add($rule)
Set-AzRouteFilter -RouteFilter $routefilter -Force | Out-Host

# Step 3: attach it to the circuit's Microsoft peering: Exchange Online's prefixes arrive.
$ckt = Get-AzExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
$ckt.Peerings[0].RouteFilter = $routefilter 
Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt | Get-AzExpressRouteCircuitPeeringConfig -Name "MicrosoftPeering" | Out-Host
Show-MicrosoftRoutes

# Common tasks: the filter's properties and its rule.
$routefilter = Get-AzRouteFilter -Name "MyRouteFilter" -ResourceGroupName "MyResourceGroup"
$routefilter | Out-Host
$routefilter = Get-AzRouteFilter -Name "MyRouteFilter" -ResourceGroupName "MyResourceGroup"
$rule = $routefilter.Rules[0]
$rule | Out-Host

# Update the communities: the attached peering now gets Skype for Business Online's prefixes.
$routefilter = Get-AzRouteFilter -Name "MyRouteFilter" -ResourceGroupName "MyResourceGroup"
$routefilter.rules[0].Communities = "12076:5030", "12076:5040"
Set-AzRouteFilter -RouteFilter $routefilter -Force | Select-Object -ExpandProperty Rules | Select-Object Name, Communities | Out-Host
Show-MicrosoftRoutes

# A filter in use cannot be deleted; detach it, then delete it.
Remove-AzRouteFilter -Name "MyRouteFilter" -ResourceGroupName "MyResourceGroup" -Force
$ckt.Peerings[0].RouteFilter = $null
Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt | Get-AzExpressRouteCircuitPeeringConfig -Name "MicrosoftPeering" | Select-Object Name, RouteFilter | Out-Host
Show-MicrosoftRoutes
Remove-AzRouteFilter -Name "MyRouteFilter" -ResourceGroupName "MyResourceGroup" -Force -PassThru
