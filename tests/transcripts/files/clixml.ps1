# Export-Clixml and Import-Clixml: a credential kept for a later run, settings, a report.
New-Item -ItemType Directory C:\Automation | Out-Null
Set-Location C:\Automation
$cred = New-Object System.Management.Automation.PSCredential('ops@contoso.com', (ConvertTo-SecureString 'P@ssw0rd!' -AsPlainText -Force))
$cred | Export-Clixml -Path cred.xml
$back = Import-Clixml cred.xml
$back.GetType().FullName
$back.UserName
$back.GetNetworkCredential().Password
# The file is UTF-16, as 5.1 writes it, and the password is protected, not plain.
$raw = Get-Content cred.xml
$raw[0]
($raw | Select-String 'P@ssw0rd') -eq $null
($raw | Select-String '<SS N="Password">01000000d08c9ddf').Count
# Values, a hashtable and objects, to -Depth.
@{ Provider = 'Equinix'; Bandwidth = 200 } | Export-Clixml settings.xml
$settings = Import-Clixml settings.xml
$settings.GetType().FullName
"$($settings.Provider) $($settings.Bandwidth)"
$report = [pscustomobject]@{ Circuit = 'Lab'; Bandwidth = 200; Ready = $true; Tags = 'a', 'b'; Started = [datetime]'2016-10-03 14:00'; Took = [timespan]'01:30:00' }
$report | Export-Clixml report.xml
$r = Import-Clixml report.xml
$r.PSObject.TypeNames[0]
$r
$r.Tags.Count
$r.Took.TotalMinutes
'text', 42, $null | Export-Clixml values.xml
Import-Clixml values.xml
(Get-Content report.xml)[0..12]
# A file that is not CLIXML.
Set-Content notclixml.xml '<root/>'
Import-Clixml notclixml.xml
