# The publish settings flow of the classic docs: download the file (offline: written to
# Downloads), import it, and the errors of a missing, empty and malformed import.
Get-AzurePublishSettingsFile
Get-ChildItem ~\Downloads -Name
$file = (Get-ChildItem ~\Downloads\*.publishsettings).FullName
[xml]$settings = Get-Content $file
$settings.PublishData.PublishProfile.PublishMethod
$settings.PublishData.PublishProfile.Subscription | Format-Table Name, ServiceManagementUrl -AutoSize
Import-AzurePublishSettingsFile -PublishSettingsFile $file | Format-Table SubscriptionName, IsCurrent -AutoSize
# A folder imports its first file; a second file is named in a warning.
Copy-Item $file ~\Downloads\copy.publishsettings
(Import-AzurePublishSettingsFile ~\Downloads).SubscriptionName
Remove-Item ~\Downloads -Recurse
Get-AzurePublishSettingsFile -PassThru
Remove-Item ~\Downloads -Recurse
Set-Location (New-Item -ItemType Directory C:\settings).FullName
Import-AzurePublishSettingsFile .\missing.publishsettings
Import-AzurePublishSettingsFile C:\settings
'not xml' | Set-Content .\broken.publishsettings
Import-AzurePublishSettingsFile .\broken.publishsettings
'<PublishData><PublishProfile><Subscription Id="00000000-0000-0000-0000-000000000001" Name="Elsewhere" /></PublishProfile></PublishData>' | Set-Content .\foreign.publishsettings
Import-AzurePublishSettingsFile .\foreign.publishsettings
