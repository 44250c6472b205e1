# The circuit owner's authorization steps of expressroute-howto-linkvnet-arm (2020-10): each
# Add-/Remove-AzExpressRouteCircuitAuthorization edits the local circuit, Set-AzExpressRouteCircuit
# sends it, and the key appears on the circuit read again. The classic cmdlets see the same
# authorizations on the circuit's service key.
Connect-AzAccount | Out-Null
Select-AzSubscription -SubscriptionName 'Contoso Production' | Out-Null
New-AzResourceGroup -Name "MyRG" -Location "East US" | Out-Null
New-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG" -Location "East US" -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName "Equinix" -PeeringLocation "Washington DC" -BandwidthInMbps 200 | Out-Null

$circuit = Get-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG"
Add-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $circuit -Name "MyAuthorization1" | Select-Object -ExpandProperty Authorizations | Out-Host
Set-AzExpressRouteCircuit -ExpressRouteCircuit $circuit | Out-Host

$circuit = Get-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG"
$auth1 = Get-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $circuit -Name "MyAuthorization1"
$auth1 | Out-Host
Add-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $circuit -Name "myauthorization1"
Add-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $circuit -Name "MyAuthorization2" | Set-AzExpressRouteCircuit | Out-Null

# Review: every authorization of the circuit, and the same two on the classic side once it
# may see the circuit (AllowClassicOperations).
$circuit = Get-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG"
Get-AzureDedicatedCircuitLinkAuthorization -ServiceKey $circuit.ServiceKey
$circuit.AllowClassicOperations = $true
$circuit = Set-AzExpressRouteCircuit -ExpressRouteCircuit $circuit
$authorizations = Get-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $circuit
$authorizations | Select-Object Name, AuthorizationUseStatus, @{n='KeyKept'; e={$_.AuthorizationKey -eq $auth1.AuthorizationKey}} | Out-Host
Get-AzureDedicatedCircuitLinkAuthorization -ServiceKey $circuit.ServiceKey | Select-Object Description, Limit, Used | Out-Host
Get-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $circuit -Name "MyAuthorization3"

# Delete: refused while authorizations remain; removed (an absent name changes nothing), then allowed.
Remove-AzExpressRouteCircuit -ResourceGroupName "MyRG" -Name "MyCircuit" -Force
Remove-AzExpressRouteCircuitAuthorization -Name "MyAuthorization2" -ExpressRouteCircuit $circuit | Out-Null
Remove-AzExpressRouteCircuitAuthorization -Name "MyAuthorization3" -ExpressRouteCircuit $circuit | Out-Null
$circuit = Set-AzExpressRouteCircuit -ExpressRouteCircuit $circuit
$circuit.Authorizations | Select-Object Name | Out-Host
Remove-AzExpressRouteCircuitAuthorization -Name "MyAuthorization1" -ExpressRouteCircuit $circuit | Set-AzExpressRouteCircuit | Out-Null
Remove-AzExpressRouteCircuit -ResourceGroupName "MyRG" -Name "MyCircuit" -Force -PassThru

# A circuit ordered with its authorization, and an authorization name the service refuses.
$auth = New-AzExpressRouteCircuitAuthorization -Name "OrderAuth"
$auth | Out-Host
$c = New-AzExpressRouteCircuit -Name "MyCircuit2" -ResourceGroupName "MyRG" -Location "East US" -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName "Equinix" -PeeringLocation "Washington DC" -BandwidthInMbps 200 -Authorization $auth
$c.Authorizations | Select-Object Name, AuthorizationUseStatus | Out-Host
Add-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $c -Name "bad name!" | Set-AzExpressRouteCircuit
# The circuit parameter binds circuit objects only, not a circuit's name.
Add-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit "MyCircuit2" -Name "a3"
