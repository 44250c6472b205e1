# A CI-style check of a provisioning script: order a circuit, wait (on the
# virtual clock) for the provider, configure private peering, verify every
# state, and exit 1 on the first thing that is not as it should be, so a CI
# job fails. It cleans up after itself either way.
#
#   ersim -InMemory scripts/ci-provision-check.ps1                  # passes, exit 0
#   ersim -InMemory scripts/ci-provision-check.ps1 -InjectFault     # the service fails the peering: exit 1
#   ersim -InMemory scripts/ci-provision-check.ps1 -Provider Nowhere  # no such provider: exit 1

param(
    [string]$Provider = 'Equinix',
    [string]$Location = 'Silicon Valley',
    [int]$Bandwidth = 200,
    # Makes the simulated service fail the peering once, to see the check fail.
    [switch]$InjectFault
)

$ErrorActionPreference = 'Stop'
$failures = 0

function Test-State ($What, $Actual, $Expected) {
    if ($Actual -eq $Expected) {
        Write-Host ("PASS  {0}: {1}" -f $What, $Actual)
    } else {
        Write-Host ("FAIL  {0}: {1}, expected {2}" -f $What, $Actual, $Expected)
        $script:failures++
    }
}

# The provider finishes 15 virtual minutes after each request.
Set-ErSimProviderPolicy -Mode Clock -Delay 00:15:00 | Out-Null
if ($InjectFault) {
    Add-ErSimFault -Cmdlet New-AzureBGPPeering -Preset InternalError -Count 1 | Out-Null
}

$key = $null
try {
    $circuit = New-AzureDedicatedCircuit -CircuitName 'ci-check' -ServiceProviderName $Provider -Bandwidth $Bandwidth `
        -Location $Location -Sku Standard -BillingType MeteredData -Force
    $key = $circuit.ServiceKey
    # Under the Clock policy the provider starts at once.
    Test-State 'ordered' $circuit.ServiceProviderProvisioningState 'Provisioning'

    # Poll as a real pipeline would; Start-Sleep moves the virtual clock, so this takes no time.
    $deadline = (Get-Date).AddHours(1)
    while ((Get-AzureDedicatedCircuit -ServiceKey $key).ServiceProviderProvisioningState -ne 'Provisioned') {
        if ((Get-Date) -gt $deadline) { throw "The provider did not provision $key within an hour." }
        Start-Sleep -Seconds 60
    }
    $circuit = Get-AzureDedicatedCircuit -ServiceKey $key
    Test-State 'provider state' $circuit.ServiceProviderProvisioningState 'Provisioned'
    Test-State 'status' $circuit.Status 'Enabled'

    $peering = New-AzureBGPPeering -AccessType Private -ServiceKey $key -PrimaryPeerSubnet '10.0.0.0/30' `
        -SecondaryPeerSubnet '10.0.0.4/30' -PeerAsn 65010 -VlanId 100
    Test-State 'private peering' $peering.State 'Enabled'
    Test-State 'VLAN' $peering.VlanId 100
} catch {
    Write-Host ("FAIL  {0}" -f $_.Exception.Message)
    $failures++
} finally {
    # Take the circuit down again: peerings, then the provider, then the circuit.
    if ($key) {
        Remove-AzureBGPPeering -AccessType Private -ServiceKey $key -Force -ErrorAction SilentlyContinue
        Request-ErSimDeprovisioning -ServiceKey $key
        while ((Get-AzureDedicatedCircuit -ServiceKey $key).ServiceProviderProvisioningState -ne 'NotProvisioned') {
            Start-Sleep -Seconds 60
        }
        Remove-AzureDedicatedCircuit -ServiceKey $key -Force
    }
    Clear-ErSimFault
}

if ($failures -gt 0) {
    Write-Host "$failures check(s) failed."
    exit 1
}
Write-Host 'All checks passed.'
