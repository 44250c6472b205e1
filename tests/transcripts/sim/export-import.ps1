# Export-ErSimState and Import-ErSimState on explicit paths (this test runs -InMemory, so
# these files are the only ones written). fixture-world.json was exported from a world
# with one London circuit, a registry record and a Clock provider.
Import-ErSimState -Path ./fixture-world.json
Get-AzureDedicatedCircuit | Select-Object CircuitName, Location, ServiceProviderProvisioningState | Out-Host
Get-ErSimProviderPolicy | Select-Object Mode, Delay | Out-Host
Get-ErSimRoutingRegistryEntry | Out-Host
# The imported world goes on: its Clock provider finishes after 15 minutes.
Start-Sleep -Seconds 900
(Get-AzureDedicatedCircuit).ServiceProviderProvisioningState

# Round trip: export, reset, import.
New-AzureDedicatedCircuit -CircuitName Second -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force | Out-Null
Export-ErSimState -Path ./exported.json
Reset-ErSimState -Force
@(Get-AzureDedicatedCircuit).Count
Import-ErSimState ./exported.json
Get-AzureDedicatedCircuit | Select-Object CircuitName, ServiceProviderProvisioningState | Out-Host
(Get-ErSimClock).ToString('yyyy-MM-dd HH:mm:ss')

# Files that cannot be imported are reported and change nothing.
Import-ErSimState -Path ./corrupt-state.json
Import-ErSimState -Path ./newer-schema.json
Import-ErSimState -Path ./no-such-file.json
Export-ErSimState -Path ./no-such-directory/state.json
@(Get-AzureDedicatedCircuit).Count
