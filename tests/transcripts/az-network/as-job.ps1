# -AsJob (AzureRMCmdlet's long-running operations): the cmdlet writes an AzureLongRunningJob at
# once; the job runs the operation on the same world, and Receive-Job gives the cmdlet's own
# objects. The gateway's PUT goes at once: it is Updating, and refuses what a building gateway
# refuses, until waiting for the job waits out its 45 minutes on the world's clock.
Connect-AzAccount | Out-Null
New-AzResourceGroup -Name "TestRG" -Location "East US" | Out-Null
$gwSubnet = New-AzVirtualNetworkSubnetConfig -Name "GatewaySubnet" -AddressPrefix "192.168.200.0/26"
$vnet = New-AzVirtualNetwork -Name "TestVNet" -ResourceGroupName "TestRG" -Location "East US" -AddressPrefix "192.168.0.0/16" -Subnet $gwSubnet
$pip = New-AzPublicIpAddress -Name "GWIP" -ResourceGroupName "TestRG" -Location "East US" -AllocationMethod Dynamic
$ipconf = New-AzVirtualNetworkGatewayIpConfig -Name "gwipconf" -SubnetId $vnet.Subnets[0].Id -PublicIpAddressId $pip.Id

# The gateway, as a job.
$job = New-AzVirtualNetworkGateway -Name "GW" -ResourceGroupName "TestRG" -Location "East US" -IpConfigurations $ipconf -GatewayType Expressroute -GatewaySku Standard -AsJob
$job | Out-Host
$job | Format-List Name, PSJobTypeName, State, HasMoreData, Location, Command
Get-AzVirtualNetworkGateway -Name "GW" -ResourceGroupName "TestRG" | Select-Object Name, ProvisioningState | Out-Host
$gw = Get-AzVirtualNetworkGateway -Name "GW" -ResourceGroupName "TestRG"
Resize-AzVirtualNetworkGateway -VirtualNetworkGateway $gw -GatewaySku HighPerformance
"before waiting: $(Get-ErSimClock)"
Get-Job | Wait-Job | Out-Host
"after waiting: $(Get-ErSimClock)"
$built = Receive-Job $job
$built.GetType().FullName
$built | Select-Object Name, ProvisioningState, GatewayType | Out-Host
Get-Job | Out-Host
Remove-Job $job
@(Get-Job).Count

# Any other cmdlet with -AsJob: its operation runs when the job is waited for.
$ckt = New-AzExpressRouteCircuit -Name "JobCircuit" -ResourceGroupName "TestRG" -Location "East US" -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName "Equinix" -PeeringLocation "Washington DC" -BandwidthInMbps 200 -AsJob | Receive-Job -Wait
$ckt | Select-Object Name, ProvisioningState, ServiceProviderProvisioningState | Out-Host
# A refused operation fails the job; Receive-Job gives its error.
$ckt.ServiceProviderProperties.BandwidthInMbps = 100
$failed = Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt -AsJob
$failed | Wait-Job | Select-Object Name, State | Out-Host
Receive-Job $failed
# The AzureRM names take -AsJob too; Remove- without -Force cannot ask from a job.
Remove-AzureRmExpressRouteCircuit -Name "JobCircuit" -ResourceGroupName "TestRG" -AsJob | Wait-Job | Select-Object Name, State | Out-Host
Get-Job | Remove-Job
Remove-AzExpressRouteCircuit -Name "JobCircuit" -ResourceGroupName "TestRG" -Force -AsJob | Receive-Job -Wait -AutoRemoveJob
Get-AzExpressRouteCircuit -ResourceGroupName "TestRG" | Measure-Object | Select-Object -ExpandProperty Count
Remove-AzResourceGroup -Name "TestRG" -Force -AsJob | Receive-Job -Wait
