# A subscription added to the profile from a management certificate, as classic automation
# did it: Get-PfxCertificate reads a .cer (DER or PEM) through the lab's files, and
# Set-AzureSubscription -SubscriptionName -SubscriptionId -Certificate adds the subscription
# under that name with the certificate's thumbprint as its account.
Set-Location (New-Item -ItemType Directory C:\certs).FullName
$der = [Convert]::FromBase64String('MIGXMIGCoAMCAQICAQEwDQYJKoZIhvcNAQELBQAwFDESMBAGA1UEAxMJTGFiIEFkbWluMB4XDTE2MDEwMTAwMDAwMFoXDTI2MDEwMTAwMDAwMFowFDESMBAGA1UEAxMJTGFiIEFkbWluMB0wDQYJKoZIhvcNAQEBBQADDAAwCQICAMECAwEAATANBgkqhkiG9w0BAQsFAAMBAA==')
Set-Content mgmt.cer -Encoding Byte -Value $der
Set-Content mgmt-pem.cer "-----BEGIN CERTIFICATE-----", ([Convert]::ToBase64String($der)), "-----END CERTIFICATE-----"
$cert = Get-PfxCertificate -FilePath .\mgmt.cer
$cert
$cert | Format-List Subject, Issuer, SerialNumber, NotBefore, NotAfter, HasPrivateKey
$cert.GetType().FullName
(Get-PfxCertificate .\mgmt-pem.cer).Thumbprint -eq $cert.Thumbprint
(Get-PfxCertificate .\*.cer).Count
$id = (Get-AzureSubscription -SubscriptionName 'Contoso Dev-Test').SubscriptionId
Set-AzureSubscription -SubscriptionName 'DevTest (cert)' -SubscriptionId $id -Certificate $cert -PassThru | Format-List SubscriptionName, SubscriptionId, DefaultAccount
Select-AzureSubscription -SubscriptionName 'DevTest (cert)'
Get-AzureSubscription -Current | Format-List SubscriptionName, DefaultAccount, IsCurrent
Get-AzureAccount | Where-Object Type -eq Certificate | Format-Table Id, Type, Subscriptions, Tenants -AutoSize
(Get-AzureAccount -Name devtest@contoso.com).Subscriptions
# The update forms take a certificate too.
Set-AzureSubscription -SubscriptionName 'Contoso Production' -Certificate $cert
(Get-AzureAccount -Name $cert.Thumbprint).Subscriptions.Split("`n").Count
# Refusals: no certificate in the add form, a string for one, an id the lab lacks.
Set-AzureSubscription -SubscriptionName Other -SubscriptionId $id
Set-AzureSubscription -SubscriptionName 'Contoso Production' -Certificate .\mgmt.cer
Set-AzureSubscription -SubscriptionName Other -SubscriptionId 00000000-0000-0000-0000-000000000009 -Certificate $cert
# Get-PfxCertificate: a file that is no certificate, one missing among others, none found.
Set-Content notes.txt 'not a certificate'
Get-PfxCertificate .\notes.txt
Get-PfxCertificate .\mgmt.cer, .\missing.cer | Measure-Object | Select-Object -ExpandProperty Count
Get-PfxCertificate .\missing.cer
'after'
