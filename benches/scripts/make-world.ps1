# Builds a world of N circuits (in memory, fast), exports it to -To as a state file and
# prints the first circuit's service key. Used by scripts/bench.sh.
param([int]$N = 10000, [string]$To)
for ($i = 0; $i -lt $N; $i++) {
    New-AzureDedicatedCircuit -CircuitName "c$i" -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force | Out-Null
}
Export-ErSimState -Path $To
"$((Get-AzureDedicatedCircuit)[0].ServiceKey)"
