# A fault stands for the service, so it answers only once the cmdlet has asked its
# question and been told to go on (5.1: bind, ShouldContinue, then the service call).
# Declined, the call never reaches the service and the fault stays unfired.
Set-ErSimSeed 7
$key = (New-AzureDedicatedCircuit -CircuitName Lab -ServiceProviderName Equinix -Bandwidth 200 -Location London -BillingType MeteredData -Force).ServiceKey
Add-ErSimFault -Cmdlet Remove-AzureDedicatedCircuit -Preset InternalError -Count 1 | Out-Null

# No: nothing is sent, the fault has not fired.
Remove-AzureDedicatedCircuit -ServiceKey $key
"fired after No: $((Get-ErSimFault).Fired)"

# Yes: the service call meets the fault, which is then used up; the circuit stays.
Remove-AzureDedicatedCircuit -ServiceKey $key
# The record keeps what the service answered: the HTTP status and the error code.
"status: $($Error[0].Exception.Response.StatusCode) ($([int]$Error[0].Exception.Response.StatusCode)), code: $($Error[0].Exception.Error.Code)"
"faults left: $(@(Get-ErSimFault).Count), circuits: $(@(Get-AzureDedicatedCircuit).Count)"

# Yes again: the service answers normally.
Remove-AzureDedicatedCircuit -ServiceKey $key -PassThru
"circuits: $(@(Get-AzureDedicatedCircuit).Count)"
