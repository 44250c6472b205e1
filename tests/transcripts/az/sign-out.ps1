# Disconnect-AzAccount and Get-AzTenant: the account written as PSAzureRmAccount's list,
# then every Az cmdlet answers "Run Connect-AzAccount to login." (the AzureRM names their
# own sign-in cmdlet) while Get-AzContext writes nothing, until Connect-AzAccount again.
Get-AzTenant | Out-Host
Get-AzTenant -TenantId contoso.com | Select-Object -ExpandProperty Name
Get-AzTenant -TenantId fabrikam.com
"Other tenant: $?"
Disconnect-AzAccount -ContextName 'No such context'
Disconnect-AzAccount -Username 'devtest@contoso.com' | Out-Host
"Still signed in as $((Get-AzContext).Account.Id)"
(Get-AzContext).Account | Out-Host
Disconnect-AzAccount -WhatIf
Get-AzContext | Disconnect-AzAccount | Out-Host
$gone = Get-AzContext
"Context after sign-out: $($null -eq $gone)"
Get-AzContext -ListAvailable
Get-AzSubscription
Get-AzResourceGroup
Get-AzExpressRouteCircuit
Get-AzureRmResourceGroup
Get-AzTenant
Set-AzContext -Subscription 'Contoso Production'
Disconnect-AzAccount -Verbose
Logout-AzAccount
Connect-AzAccount | Out-Null
(Get-AzContext).Subscription.Name
Disconnect-AzAccount -ApplicationId 11111111-2222-3333-4444-555555555555 -TenantId 66666666-7777-8888-9999-000000000000 | Out-Host
Remove-AzureRmAccount | Select-Object Id, Type | Out-Host
Get-AzureRmSubscription
