# about_ topics, listings for wildcards, aliases, functions without help, unknown names.
Get-Help about_ErSim_Provider
Get-Help about_*
Get-Help *-AzureDedicatedCircuit
Get-Help gcm -Examples
function Test-Lab ($Name, [switch]$Force) { }
Get-Help Test-Lab
Get-Help Get-Nothing
$?
