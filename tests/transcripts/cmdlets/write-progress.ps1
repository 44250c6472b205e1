# Write-Progress binds and checks its arguments as 5.1 does; it prints nothing here.
foreach ($i in 1..4) {
    Write-Progress -Activity 'Provisioning circuits' -Status "Circuit $i of 4" -PercentComplete ($i * 25) -CurrentOperation "ckt-$i"
}
Write-Progress -Activity 'Provisioning circuits' -Completed
Write-Progress 'Positional' 'status' 3
'the loop ran'
Write-Progress -Activity 'x' -PercentComplete 101
Write-Progress -Activity 'x' -Id -1
Write-Progress -Activity 'x' -Status ''
Write-Progress -Status 'no activity'
