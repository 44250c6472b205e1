# Get-Help's views of one cmdlet, as 5.1 lays out a MamlCommandHelpInfo.
Get-Help Remove-AzureDedicatedCircuit
Get-Help Remove-AzureDedicatedCircuit -Detailed
Get-Help Get-AzureDedicatedCircuit -Full
Get-Help Get-AzureDedicatedCircuit -Examples
