# The Resource Manager diagnostics of expressroute-troubleshooting-expressroute-overview (2024-11)
# and expressroute-troubleshooting-arp-resource-manager (2023-06) on a provisioned circuit with
# private peering, whose routers announce one prefix.
Connect-AzAccount | Out-Null
Select-AzSubscription -SubscriptionName 'Contoso Production' | Out-Null
New-AzResourceGroup -Name "Test-ER-RG" -Location "West US" | Out-Null
$key = (New-AzExpressRouteCircuit -Name "Test-ER-Ckt" -ResourceGroupName "Test-ER-RG" -Location "West US" -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName "Equinix" -PeeringLocation "Silicon Valley" -BandwidthInMbps 200).ServiceKey
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
$ckt = Get-AzExpressRouteCircuit -ResourceGroupName "Test-ER-RG" -Name "Test-ER-Ckt"
Add-AzExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 65020 -PrimaryPeerAddressPrefix "172.16.0.0/30" -SecondaryPeerAddressPrefix "172.16.0.4/30" -VlanId 200 | Set-AzExpressRouteCircuit | Out-Null
Set-ErSimCustomerRoute -ServiceKey $key -AccessType Private -Prefix 10.1.0.0/16 | Out-Null
Step-ErSimClock -Minutes 90 | Out-Null

# ARP tables of both paths.
$RG = "Test-ER-RG"
$Name = "Test-ER-Ckt"
Get-AzExpressRouteCircuitARPTable -ResourceGroupName $RG -ExpressRouteCircuitName $Name -PeeringType AzurePrivatePeering -DevicePath Primary | Out-Host
Get-AzExpressRouteCircuitARPTable -ResourceGroupName $RG -ExpressRouteCircuitName $Name -PeeringType AzurePrivatePeering -DevicePath Secondary | Out-Host

# BGP: the summary and the routes of the primary path.
Get-AzExpressRouteCircuitRouteTableSummary -ResourceGroupName $RG -ExpressRouteCircuitName $Name -PeeringType AzurePrivatePeering -DevicePath 'Primary' | Out-Host
Get-AzExpressRouteCircuitRouteTable -DevicePath Primary -ExpressRouteCircuitName $Name -PeeringType AzurePrivatePeering -ResourceGroupName $RG | Out-Host

# Traffic: the peering (the alias form of the page), the whole circuit, the AzureRM name.
Get-AzExpressRouteCircuitStats -ResourceGroupName $RG -ExpressRouteCircuitName $Name -PeeringType 'AzurePrivatePeering' | Out-Host
Get-AzExpressRouteCircuitStat -ResourceGroupName $RG -ExpressRouteCircuitName $Name | Out-Host
Get-AzureRmExpressRouteCircuitStats -ResourceGroupName $RG -ExpressRouteCircuitName $Name -PeeringType AzurePrivatePeering | Select-Object PrimaryBytesIn | Out-Host

# A peering the circuit does not have; no peering type; a path that does not exist.
Get-AzExpressRouteCircuitRouteTable -DevicePath Primary -ExpressRouteCircuitName $Name -PeeringType AzurePublicPeering -ResourceGroupName $RG
Get-AzExpressRouteCircuitStats -ResourceGroupName $RG -ExpressRouteCircuitName $Name -PeeringType 'AzurePublicPeering'
Get-AzExpressRouteCircuitARPTable -ResourceGroupName $RG -ExpressRouteCircuitName $Name -DevicePath Primary
Get-AzExpressRouteCircuitARPTable -ResourceGroupName $RG -ExpressRouteCircuitName $Name -PeeringType AzurePrivatePeering -DevicePath Tertiary
Get-AzExpressRouteCircuitStat -ResourceGroupName $RG -ExpressRouteCircuitName "NoSuchCircuit"
