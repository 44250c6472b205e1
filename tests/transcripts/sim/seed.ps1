# Set-ErSimSeed: the same seed gives the same service keys and authorization ids.
Set-ErSimSeed 42
$first = (New-AzureDedicatedCircuit -CircuitName one -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force).ServiceKey
$auth1 = (New-AzureDedicatedCircuitLinkAuthorization -ServiceKey $first -Description a -Limit 1 -MicrosoftIds 'devtest@contoso.com').LinkAuthorizationId
Get-ErSimState | Select-Object Seed | Out-Host
Reset-ErSimState -Force
Set-ErSimSeed 42
$second = (New-AzureDedicatedCircuit -CircuitName one -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force).ServiceKey
$auth2 = (New-AzureDedicatedCircuitLinkAuthorization -ServiceKey $second -Description a -Limit 1 -MicrosoftIds 'devtest@contoso.com').LinkAuthorizationId
"same service key: $($first -eq $second) ($first)"
"same authorization id: $($auth1 -eq $auth2) ($auth1)"
# Another seed, other ids.
Set-ErSimSeed 43
$third = (New-AzureDedicatedCircuit -CircuitName three -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force).ServiceKey
"seed 43 differs: $($third -ne $first)"
Set-ErSimSeed -Seed -1
