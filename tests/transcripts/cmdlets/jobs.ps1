# Background jobs: a job starts Running and runs, in a runspace of its own, when its results
# are first asked for. Ids go 1, 3, 5: each job's child job takes the id between.
$a = Start-Job -ScriptBlock { param($n) "circuit $n provisioned"; Write-Warning "slow provider"; Write-Host 'from the job' } -ArgumentList 7
$a
$b = Start-Job -Name Lookup { Get-AzureDedicatedCircuitServiceProvider | Select-Object -First 2 -ExpandProperty Name }
$b.Id
Wait-Job $a, $b
Receive-Job $a
Receive-Job $b -Keep
(Receive-Job $b).Count
$a.HasMoreData
# The job's runspace does not see this session's variables; it shares the world.
$mine = 'session value'
$c = Start-Job { "mine is [$mine]"; (New-AzureDedicatedCircuit -CircuitName JobCircuit -ServiceProviderName Equinix -Bandwidth 50 -Location 'Silicon Valley' -BillingType MeteredData -Force).CircuitName }
Receive-Job $c -Wait
(Get-AzureDedicatedCircuit | Where-Object CircuitName -eq JobCircuit).Status
# Piped input is the job's $input; received objects are deserialized copies.
$d = 1, 2, 3 | Start-Job { $input | ForEach-Object { $_ * 2 } }
Receive-Job $d -Wait
$e = Start-Job { [pscustomobject]@{ Circuit = 'x'; State = 'Enabled' } }
$obj = Receive-Job $e -Wait
$obj.PSObject.TypeNames[0]
$obj.PSComputerName
# A terminating error fails the job; its errors come back with Receive-Job.
$f = Start-Job { Write-Error 'first problem'; throw 'fatal problem' }
Wait-Job $f | Select-Object Name, State
Receive-Job $f
# Get-Job, Stop-Job, Remove-Job and their errors.
Get-Job | Select-Object Id, Name, State
$g = Start-Job { 'never' }
Remove-Job $g
Stop-Job $g
$g.State
Get-Job -State Stopped | Remove-Job
Get-Job | Remove-Job
(Get-Job).Count
Get-Job -Id 42
Get-Job -Name NoSuchJob
# An initialization script runs first, in the job's runspace.
Start-Job -InitializationScript { function Get-Region { 'westus' } } -ScriptBlock { "region $(Get-Region)" } | Receive-Job -Wait
