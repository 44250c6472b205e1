# Sign-in, subscriptions and module import as the pages run them.
Import-Module 'C:\Program Files (x86)\Microsoft SDKs\Azure\PowerShell\ServiceManagement\Azure\Azure.psd1'
Import-Module Azure.ExpressRoute.NotAModule
Add-AzureAccount -Verbose
Get-AzureSubscription -Current
Get-AzureSubscription -SubscriptionName 'Contoso Dev-Test' | Select-Object SubscriptionName, DefaultAccount, IsCurrent | Out-Host
Select-AzureSubscription -SubscriptionName 'No Such Subscription'
Select-AzureSubscription -SubscriptionName 'Contoso Dev-Test' -PassThru | Select-Object SubscriptionName, IsCurrent | Out-Host
Get-AzureAccount -Name devtest@contoso.com
