# expressroute-howto-move-arm (2016-04, AzureRM era), every command in page order in one world:
# a classic circuit (created here first, with the provider answering at once) moved to
# Resource Manager, then opened to and closed for the classic model. The page's placeholders
# are the circuit's own subscription and service key. Its differences from this output are in
# docs/fidelity-cmdlets.md ("Resource Manager pages replayed").
Set-ErSimProviderPolicy -Mode Auto -Reads 0
New-AzureDedicatedCircuit -CircuitName ClassicCircuit -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -Sku Standard -BillingType MeteredData -Force | Out-Null

# Step 1: the service key, from the classic model.
Add-AzureAccount | Out-Null
Select-AzureSubscription "Contoso Production"
Import-Module 'C:\Program Files (x86)\Microsoft SDKs\Azure\PowerShell\ServiceManagement\Azure\Azure.psd1'
Import-Module 'C:\Program Files (x86)\Microsoft SDKs\Azure\PowerShell\ServiceManagement\Azure\ExpressRoute\ExpressRoute.psd1'
Get-AzureDedicatedCircuit | Out-Host
$key = (Get-AzureDedicatedCircuit).ServiceKey

# Step 2: Resource Manager and a resource group.
Login-AzureRmAccount | Out-Null
Get-AzureRmSubscription -SubscriptionName "Contoso Production" | Select-AzureRmSubscription | Out-Null
New-AzureRmResourceGroup -Name "DemoRG" -Location "West US" | Out-Host

# Step 3: the move; the circuit is renamed MyCircuit.
Move-AzureRmExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "DemoRG" -Location "West US" -ServiceKey $key | Out-Host

# Enabling both models. The page then reads the circuit as "DemoCkt", a name it never gave it:
$ckt = Get-AzureRmExpressRouteCircuit -Name "DemoCkt" -ResourceGroupName "DemoRG"
# ...so the replay goes on with the name of step 3.
$ckt = Get-AzureRmExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "DemoRG"
$ckt.AllowClassicOperations = $true
Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt | Select-Object Name, AllowClassicOperations | Out-Host
get-azurededicatedcircuit | Out-Host

# Disabling the classic model: the circuit is no longer visible there.
$ckt = Get-AzureRmExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "DemoRG"
$ckt.AllowClassicOperations = $false
Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt | Select-Object Name, AllowClassicOperations | Out-Host
"classic circuits now: $(@(get-azurededicatedcircuit).Count)"
