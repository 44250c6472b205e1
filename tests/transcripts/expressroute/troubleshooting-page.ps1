# The troubleshooting pages (overview DOCS@005731b1, ARP classic DOCS@04e64ba5): circuit and
# peering checks, ARP tables, the BGP route summary and table, traffic statistics. The page's
# circuit: provisioned, private peering, a linked VNet, the customer announcing 10.1.0.0/16
# and 10.2.0.0/16 (the page's sample routes; here 10.3 as the VNet holds 10.1).
Set-ErSimProviderPolicy -Mode Auto -Reads 0
$ckt = (New-AzureDedicatedCircuit -CircuitName Test-ER-Ckt -ServiceProviderName Equinix -Bandwidth 100 -Location 'Silicon Valley' -BillingType UnlimitedData -Force).ServiceKey
New-AzureBGPPeering -AccessType Private -ServiceKey $ckt -PrimaryPeerSubnet "10.0.0.0/30" -SecondaryPeerSubnet "10.0.0.4/30" -PeerAsn 65020 -VlanId 100 | Out-Null
Set-AzureVNetConfig -ConfigurationPath .\network.xml | Out-Null
New-AzureVNetGateway -VNetName MyVNet -GatewayType DynamicRouting | Out-Null
New-AzureDedicatedCircuitLink -ServiceKey $ckt -VNetName MyVNet | Out-Null
Set-ErSimCustomerRoute -ServiceKey $ckt -Prefix 10.2.0.0/16, 10.3.0.0/16

# Verification via PowerShell (Classic).
Get-AzureDedicatedCircuit -ServiceKey $ckt
Get-AzureBGPPeering -AccessType Private -ServiceKey $ckt | Select-Object PrimaryPeerSubnet, SecondaryPeerSubnet, State | Out-Host

# Sessions have been up for 8 weeks and 4 days.
Step-ErSimClock -Days 60 | Out-Null
Step-ErSimClock -Minutes 113 | Out-Null
Get-AzureDedicatedCircuitPeeringArpInfo -AccessType Private -Path Primary -ServiceKey $ckt
Get-AzureDedicatedCircuitPeeringArpInfo -ServiceKey $ckt -AccessType Private -Path Secondary
# A peering that does not exist.
Get-AzureDedicatedCircuitPeeringArpInfo -AccessType Public -Path Primary -ServiceKey $ckt
Get-AzureDedicatedCircuitPeeringRouteTableSummary -AccessType Private -Path Primary -ServiceKey $ckt
Get-AzureDedicatedCircuitPeeringRouteTableInfo -AccessType Private -Path Primary -ServiceKey $ckt
Get-AzureDedicatedCircuitPeeringRouteTableInfo -AccessType Public -Path Primary -ServiceKey $ckt

# Traffic statistics: one peering, the sum of all (missing peerings skipped), an access type
# the module cannot parse (nothing, no error), a missing peering (the recorded error).
Get-AzureDedicatedCircuitStats -ServiceKey $ckt -AccessType Private | Out-Host
Get-AzureDedicatedCircuitStats -ServiceKey $ckt | Out-Host
Get-AzureDedicatedCircuitStats -ServiceKey $ckt -AccessType Bogus | Out-Host
Get-AzureDedicatedCircuitStats -ServiceKey $ckt -AccessType Public
# The same world gives the same counters; they grow with the clock.
$a = Get-AzureDedicatedCircuitStats -ServiceKey $ckt -AccessType Private
Start-Sleep -Seconds 3600
$b = Get-AzureDedicatedCircuitStats -ServiceKey $ckt -AccessType Private
$b.PrimaryBytesIn -gt $a.PrimaryBytesIn

# When the provider side goes down only the Microsoft row remains and the session is Idle.
Request-ErSimDeprovisioning -ServiceKey $ckt
Get-AzureDedicatedCircuitPeeringArpInfo -AccessType Private -Path Primary -ServiceKey $ckt
Get-AzureDedicatedCircuitPeeringRouteTableSummary -AccessType Private -Path Primary -ServiceKey $ckt
