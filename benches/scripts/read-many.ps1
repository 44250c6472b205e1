# Reads one circuit N times (default 100) from a world of -Circuits circuits
# (default 1,000), creating them first when the world has fewer. With a state file
# every read is a whole cmdlet call: store transaction, service call, output.
# Used by scripts/bench.sh.
param([int]$Circuits = 1000, [int]$Count = 100)
$have = @(Get-AzureDedicatedCircuit).Count
for ($i = $have; $i -lt $Circuits; $i++) {
    New-AzureDedicatedCircuit -CircuitName "c$i" -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force | Out-Null
}
$key = (Get-AzureDedicatedCircuit)[0].ServiceKey
for ($i = 0; $i -lt $Count; $i++) {
    Get-AzureDedicatedCircuit -ServiceKey $key | Out-Null
}
