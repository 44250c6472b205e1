# -Parameter with a name and a wildcard; a set's mandatory switch; a name that matches nothing.
Get-Help New-AzureBGPPeering -Parameter AccessType
Get-Help Get-Help -Parameter *e*
Get-Help New-AzureBGPPeering -Parameter Nope
'after'
