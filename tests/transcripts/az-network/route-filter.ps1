# how-to-routefilter-powershell (2019-02), steps 2 and the common tasks: a route filter, its one
# Allow rule of BGP community values, saved, read back and updated. New-AzRouteFilterRuleConfig,
# Set-AzRouteFilter and the rule config cmdlets ask before they act; this run is not interactive,
# so those lines carry -Force (their prompts are in network-prompts). Step 3 (attaching the
# filter to the circuit's Microsoft peering) needs the Resource Manager peerings.
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
