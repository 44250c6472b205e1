# Polling for the provider, the way automation waits on the real service.
# The simulated provider acts on its own here, first on the virtual clock,
# then after a number of reads; Start-Sleep moves the virtual clock, so the
# loops end at once and the same way every run.
#
#   ersim -InMemory scripts/poll-provisioning.ps1

$order = @{
    ServiceProviderName = 'Equinix'; Location = 'London'; Bandwidth = 500
    Sku = 'Standard'; BillingType = 'MeteredData'; Force = $true
}

Write-Host '== The provider takes 10 minutes (Clock policy)'
Set-ErSimProviderPolicy -Mode Clock -Delay 00:10:00 | Out-Null
$key = (New-AzureDedicatedCircuit -CircuitName 'poll-clock' @order).ServiceKey
$started = Get-Date
while (($state = (Get-AzureDedicatedCircuit -ServiceKey $key).ServiceProviderProvisioningState) -ne 'Provisioned') {
    Write-Host ('   {0:HH:mm:ss}  {1}' -f (Get-Date), $state)
    Start-Sleep -Seconds 150
}
Write-Host ('   Provisioned after {0} minutes of virtual time.' -f ((Get-Date) - $started).TotalMinutes)

Write-Host '== The provider finishes on the third read (Auto policy)'
Set-ErSimProviderPolicy -Mode Auto -Reads 3 | Out-Null
$second = (New-AzureDedicatedCircuit -CircuitName 'poll-auto' @order).ServiceKey
$reads = 0
do {
    $state = (Get-AzureDedicatedCircuit -ServiceKey $second).ServiceProviderProvisioningState
    $reads++
    Write-Host ('   read {0}: {1}' -f $reads, $state)
} while ($state -ne 'Provisioned')

Write-Host '== Both circuits'
Get-AzureDedicatedCircuit | Select-Object CircuitName, Location, Bandwidth, ServiceProviderProvisioningState | Format-Table -AutoSize

# Leave nothing behind: the provider deprovisions (still under Auto), then delete.
Set-ErSimProviderPolicy -Mode Auto -Reads 1 | Out-Null
foreach ($k in $key, $second) {
    Request-ErSimDeprovisioning -ServiceKey $k
    while ((Get-AzureDedicatedCircuit -ServiceKey $k).ServiceProviderProvisioningState -ne 'NotProvisioned') { }
    Remove-AzureDedicatedCircuit -ServiceKey $k -Force
}
Write-Host ('== Done: {0} circuit(s) left.' -f @(Get-AzureDedicatedCircuit).Count)
