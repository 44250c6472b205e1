# The sharing pages (share-circuit DOCS@5ca2f5c0, linkvnet DOCS@01ccb96b): the circuit owner
# authorizes other subscriptions' accounts, a circuit user redeems the authorization, the
# owner reviews, updates and revokes. The page's Contoso Sales subscription (signed in as
# salesadmin@contoso.com) is added to the world first.
Set-ErSimProviderPolicy -Mode Auto -Reads 0
New-ErSimSubscription -Name 'Contoso Sales' -Account 'salesadmin@contoso.com' | Out-Null
$key = (New-AzureDedicatedCircuit -CircuitName ContosoIT -ServiceProviderName Equinix -Bandwidth 200 -Location 'Washington DC' -BillingType MeteredData -Force).ServiceKey
New-AzureBGPPeering -AccessType Private -ServiceKey $key -PrimaryPeerSubnet "10.0.0.0/30" -SecondaryPeerSubnet "10.0.0.4/30" -PeerAsn 1234 -VlanId 100 | Out-Null

# Circuit owner: create authorizations.
New-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -Description 'EngineeringTeam' -Limit 3 -MicrosoftIds 'engadmin@contoso.com' | Out-Null
New-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -Description 'MarketingTeam' -Limit 1 -MicrosoftIds 'marketingadmin@contoso.com' | Out-Null
$sales = New-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -Description 'SalesTeam' -Limit 2 -MicrosoftIds 'salesadmin@contoso.com'
$sales

# Circuit user: the circuit is visible, then redeemed twice (the page's en dashes included).
Select-AzureSubscription -SubscriptionName 'Contoso Sales'
Set-AzureVNetConfig -ConfigurationPath .\network-sales.xml | Out-Null
foreach ($i in 1..3) { New-AzureVNetGateway -VNetName "SalesVNET$i" -GatewayType DynamicRouting | Out-Null }
Get-AzureAuthorizedDedicatedCircuit
New-AzureDedicatedCircuitLink –servicekey $key –VnetName 'SalesVNET1' | Out-Host
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName 'SalesVNET2' | Out-Host
# The limit of 2 is used up.
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName 'SalesVNET3'
Get-AzureAuthorizedDedicatedCircuit -ServiceKey $key | Select-Object CircuitName, MaximumAllowedLinks, UsedLinks | Out-Host
# A circuit user cannot manage the circuit's authorizations.
Get-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key

# Circuit owner: review (the page's `-ServiceKey:` form), update, MicrosoftIds.
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Get-AzureDedicatedCircuitLinkAuthorization -ServiceKey: $key
Set-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -AuthorizationId $sales.LinkAuthorizationId -Limit 5 | Select-Object Description, Limit, Used | Out-Host
# A limit below Used is refused; the module then falls back to creating an authorization
# from the given values (AP@9819fb26), so a blank one appears.
Set-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -AuthorizationId $sales.LinkAuthorizationId -Limit 1 | Out-Host
New-AzureDedicatedCircuitLinkAuthorizationMicrosoftIds -ServiceKey $key -AuthorizationId $sales.LinkAuthorizationId -MicrosoftIds 'devtest@contoso.com' | Out-Host
Get-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -AuthorizationId $sales.LinkAuthorizationId | Select-Object MicrosoftIds, Limit, Used | Out-Host

# Contoso Dev-Test, now named, links a VNet of its own.
Select-AzureSubscription -SubscriptionName 'Contoso Dev-Test'
Set-AzureVNetConfig -ConfigurationPath .\network-devtest.xml | Out-Null
New-AzureVNetGateway -VNetName SalesVNET1 -GatewayType DynamicRouting | Out-Null
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName SalesVNET1 | Out-Host
Get-AzureAuthorizedDedicatedCircuit | Select-Object CircuitName, MaximumAllowedLinks, UsedLinks | Out-Host

# Removing an account from MicrosoftIds deletes the links its subscriptions made.
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Remove-AzureDedicatedCircuitLinkAuthorizationMicrosoftIds -ServiceKey $key -AuthorizationId $sales.LinkAuthorizationId -MicrosoftIds 'devtest@contoso.com' | Out-Host
Get-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -AuthorizationId $sales.LinkAuthorizationId | Select-Object MicrosoftIds, Used | Out-Host
Select-AzureSubscription -SubscriptionName 'Contoso Dev-Test'
Get-AzureAuthorizedDedicatedCircuit | Measure-Object | Select-Object Count | Out-Host
Get-AzureDedicatedCircuitLink -ServiceKey $key -VNetName SalesVNET1

# Revoking the authorization deletes every link made under it.
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Remove-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -AuthorizationId $sales.LinkAuthorizationId -Force -PassThru | Out-Host
Get-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key | Select-Object Description, Used | Out-Host
Select-AzureSubscription -SubscriptionName 'Contoso Sales'
Get-AzureAuthorizedDedicatedCircuit | Measure-Object | Select-Object Count | Out-Host
Get-AzureDedicatedCircuitLink -ServiceKey $key
