Get-Date -–(
