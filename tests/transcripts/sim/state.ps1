# Get-ErSimState, New-ErSimSubscription and Reset-ErSimState.
Get-ErSimState
New-ErSimSubscription -Name 'Contoso Sales' -Account 'salesadmin@contoso.com'
New-ErSimSubscription -Name 'Contoso Sales' -Account 'someone@contoso.com'
New-ErSimSubscription -Name 'Lab Provider' -Account 'noc@lab.example' -ServiceProvider 'No Such Telco'
New-ErSimSubscription -Name 'Second Equinix' -Account 'noc@equinix.example' -ServiceProvider equinix | Select-Object SubscriptionName, Account, ServiceProvider | Out-Host
Get-AzureSubscription -SubscriptionName 'Contoso Sales' | Select-Object SubscriptionName, IsCurrent | Out-Host
Get-AzureAccount | Where-Object Id -like 'salesadmin*' | Select-Object Id | Out-Host

# Circuits by state, peerings, links, billing.
Set-ErSimProviderPolicy -Mode Auto -Reads 0
$key = (New-AzureDedicatedCircuit -CircuitName one -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force).ServiceKey
New-AzureDedicatedCircuit -CircuitName two -ServiceProviderName 'AT&T' -Bandwidth 50 -Location 'Silicon Valley' -BillingType MeteredData -Force | Out-Null
New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet 10.0.0.0/30 -SecondaryPeerSubnet 10.0.0.4/30 -PeerAsn 1234 -VlanId 100 | Out-Null
Add-ErSimFault -Cmdlet Get-AzureCrossConnection | Out-Null
Step-ErSimClock -Hours 2 | Out-Null
Get-ErSimState | Select-Object Circuits, Peerings, ProviderPolicy, Faults, CircuitsBilledNow, BilledTime, BilledMbpsHours | Format-List

# Reset asks first; -NonInteractive cannot ask.
Reset-ErSimState
Get-ErSimState | Select-Object Circuits | Format-List
Reset-ErSimState -Force -Verbose
Get-ErSimState | Select-Object Clock, Circuits, Peerings, ProviderPolicy, Faults, BillingRecords | Format-List
Get-AzureSubscription | Measure-Object | Select-Object Count | Out-Host
