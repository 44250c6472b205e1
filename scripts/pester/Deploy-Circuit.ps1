# A provisioning script as automation authors write one: order a circuit, wait for the
# provider, configure private and Microsoft peering, and take it all down again. Its tests are
# in Deploy-Circuit.Tests.ps1; run them with:  ersim -InMemory -Command "Invoke-Pester scripts/pester"

function Deploy-Circuit {
    param(
        [Parameter(Mandatory)] [string] $Name,
        [string] $Provider = 'Equinix',
        [string] $Location = 'Silicon Valley',
        [int] $Bandwidth = 200
    )
    # Any refusal of the service ends the deployment: the caller sees the error, nothing half-made.
    New-AzureDedicatedCircuit -CircuitName $Name -ServiceProviderName $Provider -Bandwidth $Bandwidth -Location $Location -BillingType MeteredData -Force -ErrorAction Stop
}

function Wait-ProviderState {
    param([Parameter(Mandatory)] [guid] $ServiceKey, [Parameter(Mandatory)] [string] $State, [int] $PollSeconds = 60)
    while (($circuit = Get-AzureDedicatedCircuit -ServiceKey $ServiceKey).ServiceProviderProvisioningState -ne $State) {
        Start-Sleep -Seconds $PollSeconds
    }
    $circuit
}

function Add-CircuitPeerings {
    param([Parameter(Mandatory)] [guid] $ServiceKey)
    New-AzureBGPPeering -ServiceKey $ServiceKey -AccessType Private -PrimaryPeerSubnet 10.0.0.0/30 -SecondaryPeerSubnet 10.0.0.4/30 -PeerAsn 1234 -VlanId 100 -ErrorAction Stop | Out-Null
    New-AzureBGPPeering -ServiceKey $ServiceKey -AccessType Microsoft -PrimaryPeerSubnet 131.107.0.0/30 -SecondaryPeerSubnet 131.107.0.4/30 -PeerAsn 1234 -VlanId 300 `
        -AdvertisedPublicPrefixes 123.1.0.0/24 -CustomerAsn 2245 -RoutingRegistryName ARIN -ErrorAction Stop | Out-Null
}

function Remove-Deployment {
    param([Parameter(Mandatory)] [guid] $ServiceKey)
    # The service's order: peerings, then the provider deprovisions, then the circuit goes.
    Remove-AzureBGPPeering -ServiceKey $ServiceKey -AccessType Microsoft -Force -ErrorAction SilentlyContinue
    Remove-AzureBGPPeering -ServiceKey $ServiceKey -AccessType Private -Force -ErrorAction SilentlyContinue
    Request-ErSimDeprovisioning -ServiceKey $ServiceKey
    Wait-ProviderState -ServiceKey $ServiceKey -State NotProvisioned | Out-Null
    Remove-AzureDedicatedCircuit -ServiceKey $ServiceKey -Force
}
