# The provider policy: Manual (default), Auto (after N reads), Clock (after a delay on the
# virtual clock), with the polling loop scripts use; deprovisioning follows the same policy.
Get-ErSimProviderPolicy | Out-Host
function New-Circuit($name) {
    (New-AzureDedicatedCircuit -CircuitName $name -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force).ServiceKey
}
function Wait-Provider($key, $state) {
    $polls = 0
    while ((Get-AzureDedicatedCircuit -ServiceKey $key).ServiceProviderProvisioningState -ne $state) {
        $polls++
        Start-Sleep -Seconds 30
    }
    "{0} after {1} polls at {2:HH:mm:ss}" -f $state, $polls, (Get-Date)
}

# Manual: nothing moves until the provider's cmdlets do.
$manual = New-Circuit manual
Start-Sleep -Seconds 3600
(Get-AzureDedicatedCircuit -ServiceKey $manual).ServiceProviderProvisioningState

# Auto: the provider starts at once and finishes on the third read of the circuit.
Set-ErSimProviderPolicy -Mode Auto -Reads 3
Get-ErSimProviderPolicy | Select-Object Mode, Reads | Out-Host
$auto = New-Circuit auto
Wait-Provider $auto 'Provisioned'
# Reads by the provider do not count; the provider sees its cross connection.
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
Get-AzureCrossConnection -ServiceKey $auto | Select-Object ProvisioningState, Status | Out-Host
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Request-ErSimDeprovisioning -ServiceKey $auto
Wait-Provider $auto 'NotProvisioned'

# Clock: finished ten virtual minutes after the order, however often it is read.
Set-ErSimProviderPolicy -Mode Clock -Delay 00:10:00
Get-ErSimProviderPolicy | Select-Object Mode, Delay | Out-Host
$clock = New-Circuit clock
Get-ErSimState | Select-Object PendingTransitions | Out-Host
Wait-Provider $clock 'Provisioned'
Request-ErSimDeprovisioning -ServiceKey $clock
Wait-Provider $clock 'NotProvisioned'
Remove-AzureDedicatedCircuit -ServiceKey $clock -Force -PassThru

# Only a provisioned circuit can be deprovisioned; the manual one never was.
Request-ErSimDeprovisioning -ServiceKey $manual
Set-ErSimProviderPolicy Manual
Get-ErSimProviderPolicy | Select-Object Mode | Out-Host

# Bad settings.
Set-ErSimProviderPolicy -Mode Sometimes
Set-ErSimProviderPolicy -Mode Clock -Delay -00:05:00
Set-ErSimProviderPolicy -GatewayDelay -00:00:01
Request-ErSimDeprovisioning -ServiceKey 00000000-0000-0000-0000-000000000001
