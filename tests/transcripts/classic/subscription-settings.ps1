# Set-AzureSubscription as setup scripts call it, and New-AzureDns's settings objects.
Set-AzureSubscription -SubscriptionName 'Contoso Production' -CurrentStorageAccountName contosostorage
Get-AzureSubscription -Current | Format-List SubscriptionName, CurrentStorageAccountName
Set-AzureSubscription 'Contoso Dev-Test' -CurrentStorageAccountName devteststorage -PassThru | Format-List SubscriptionName, IsCurrent, CurrentStorageAccountName
$id = (Get-AzureSubscription -SubscriptionName 'Contoso Dev-Test').SubscriptionId
Set-AzureSubscription -SubscriptionId $id -CurrentStorageAccountName renamedstorage
(Get-AzureSubscription -SubscriptionName 'Contoso Dev-Test').CurrentStorageAccountName
# The profile's own environment's endpoints are accepted with a warning; others are refused.
Set-AzureSubscription 'Contoso Production' -ServiceEndpoint 'https://management.core.windows.net/'
Set-AzureSubscription 'Contoso Production' -ServiceEndpoint 'https://management.example.org/'
Set-AzureSubscription -SubscriptionName 'No Such Subscription' -CurrentStorageAccountName x
Set-AzureSubscription -SubscriptionId not-a-guid -CurrentStorageAccountName x
Set-AzureSubscription -SubscriptionName 'Contoso Production' -CurrentStorageAccountName ''

$dns = (New-AzureDns -Name CorpDNS -IPAddress 10.1.0.4), (New-AzureDns BranchDNS 10.2.0.4)
$dns | Format-Table Name, Address -AutoSize
$dns[0].GetType().FullName
New-AzureDns -Name CorpDNS
