# Get-AzResource over the resources ersim keeps: the list, its client-side filters (a leading
# or trailing * only), a resource by id or by a name, group and type, and the errors.
Connect-AzAccount | Out-Null
Select-AzSubscription -SubscriptionName 'Contoso Production' | Out-Null
New-AzResourceGroup -Name LabRG -Location 'West US' | Out-Null
New-AzResourceGroup -Name OtherRG -Location 'East US' | Out-Null
$c = New-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG -Location 'West US' -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName Equinix -PeeringLocation 'Silicon Valley' -BandwidthInMbps 200 -Tag @{ env = 'lab'; owner = 'netops' }
New-AzVirtualNetwork -Name LabVNet -ResourceGroupName LabRG -Location 'West US' -AddressPrefix 10.1.0.0/16 | Out-Null
New-AzPublicIpAddress -Name LabIP -ResourceGroupName OtherRG -Location 'East US' -AllocationMethod Dynamic -Tag @{ env = 'prod' } | Out-Null
New-AzRouteFilter -Name LabFilter -ResourceGroupName OtherRG -Location 'East US' | Out-Null

# Everything, in its list view; then as a table.
Get-AzResource -ResourceGroupName LabRG
Get-AzResource | Format-Table Name, ResourceGroupName, ResourceType, Location

# The filters.
"Lab*: $((Get-AzResource -Name Lab* | ForEach-Object Name) -join ', ')"
"*IP: $((Get-AzResource -Name *IP).Name)"
"*Filt*: $((Get-AzResource -Name *Filt*).Name)"
"L*m (a star inside is a letter): $(@(Get-AzResource -Name L*m).Count)"
"labvnet: $((Get-AzResource -Name labvnet).ResourceType)"
"*RG groups: $(@(Get-AzResource -ResourceGroupName *RG).Count); Oth*: $(@(Get-AzResource -ResourceGroupName Oth*).Count); O*G (left alone): $(@(Get-AzResource -ResourceGroupName O*G).Count)"
"type: $((Get-AzResource -ResourceType microsoft.network/publicipaddresses).Name)"
"tag env: $((Get-AzResource -TagName ENV | ForEach-Object Name) -join ', '); value prod: $((Get-AzResource -TagValue PROD).Name); -Tag: $((Get-AzResource -Tag @{ owner = 'netops' }).Name)"

# One resource: by id (the circuit's), by name, group and type.
Get-AzResource -ResourceId $c.Id | Select-Object Name, ResourceType, Location, @{ n = 'Tags'; e = { $_.Tags.Count } } | Format-List
(Get-AzResource -Name LabVNet -ResourceGroupName LabRG -ResourceType Microsoft.Network/virtualNetworks).ResourceId

# Errors: the group, the resource, the id.
Get-AzResource -ResourceGroupName NoSuchRG
Get-AzResource -Name Nothing -ResourceGroupName LabRG -ResourceType Microsoft.Network/virtualNetworks
Get-AzResource -ResourceId /subscriptions/x/resourceGroups/LabRG
Get-AzResource -Name Nothing -ResourceGroupName LabRG
"nothing matched: no output, no error"

# The provider's subscription lists its cross connections; AzureRM's name works too.
Select-AzSubscription -SubscriptionName 'Equinix Provider' | Out-Null
Get-AzureRmResource | Select-Object ResourceGroupName, ResourceType | Format-List
