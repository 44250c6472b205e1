# The virtual clock: Get-ErSimClock, Step-ErSimClock, and Start-Sleep / Get-Date reading it.
Get-ErSimClock
Step-ErSimClock -Duration 01:30:00
Step-ErSimClock 2.00:00:00 | Out-Null
Step-ErSimClock -Seconds 30 -Minutes 1 | Out-Null
Step-ErSimClock -Hours 0.5 | Out-Null
Step-ErSimClock -Days 1 | Out-Null
(Get-ErSimClock).ToString('yyyy-MM-dd HH:mm:ss')
# Start-Sleep returns at once and moves the clock; Get-Date is the clock.
Start-Sleep -Seconds 600
Start-Sleep -Milliseconds 1500
(Get-Date).ToString('yyyy-MM-dd HH:mm:ss.fff')
(Get-Date) -eq (Get-ErSimClock)
# The verbose time stamp is the virtual time.
Set-ErSimProviderPolicy -Mode Auto -Reads 0
$key = (New-AzureDedicatedCircuit -CircuitName one -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force -Verbose).ServiceKey
# Backwards is refused.
Step-ErSimClock -Minutes -5
Step-ErSimClock -Duration -00:01:00
(Get-ErSimClock).ToString('yyyy-MM-dd HH:mm:ss.fff')
