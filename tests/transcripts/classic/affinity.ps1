# Affinity groups and locations: create, list, place a VNet by its affinity group in the
# network configuration, refuse an unknown group and a group in use, remove.
Get-AzureLocation | Select-Object -First 3 -ExpandProperty Name
Get-AzureLocation | Where-Object Name -eq 'West US' | Format-List DisplayName, Name, AvailableServices
New-AzureAffinityGroup -Name Lab-AG -Location 'west us' -Description 'Lab networks' | Select-Object OperationDescription, OperationStatus
New-AzureAffinityGroup -Name Old-AG -Location 'North Europe' -Label 'Old networks' | Out-Null
Get-AzureAffinityGroup | Format-Table Name, Label, Location, Description -AutoSize
Get-AzureAffinityGroup -Name lab-ag | Format-List Name, Label, Description, Location, HostedServices, Capabilities, CreatedTime
# Errors: a duplicate name, an unknown location, an unknown group, a missing location.
New-AzureAffinityGroup -Name LAB-AG -Location 'West US'
New-AzureAffinityGroup -Name Other -Location Atlantis
Get-AzureAffinityGroup -Name Nowhere
Remove-AzureAffinityGroup -Name Nowhere

Set-Location (New-Item -ItemType Directory C:\affinity).FullName
$site = @'
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="NarrowVNet" AffinityGroup="{0}">
        <AddressSpace><AddressPrefix>10.8.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="FrontEnd"><AddressPrefix>10.8.0.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
'@
$site -f 'Missing-AG' | Set-Content .\narrow-bad.xml
Set-AzureVNetConfig -ConfigurationPath .\narrow-bad.xml
@(Get-AzureVNetSite).Count
$site -f 'lab-ag' | Set-Content .\narrow.xml
Set-AzureVNetConfig -ConfigurationPath .\narrow.xml | Select-Object OperationStatus
Get-AzureVNetSite -VNetName NarrowVNet | Format-List Name, AffinityGroup, Location, AddressSpacePrefixes
# The exported configuration names the group again, and applies again unchanged.
Get-AzureVNetConfig -ExportToFile .\exported.xml | Out-Null
Select-String -Path .\exported.xml -Pattern 'VirtualNetworkSite name' | ForEach-Object { $_.Line.Trim() }
Set-AzureVNetConfig -ConfigurationPath .\exported.xml | Select-Object OperationStatus
# A group in use stays until its VNet goes.
Remove-AzureAffinityGroup -Name Lab-AG
Remove-AzureVNetConfig | Out-Null
Remove-AzureAffinityGroup -Name Lab-AG | Select-Object OperationDescription, OperationStatus
(Get-AzureAffinityGroup).Name
# Label and description lengths: the cmdlet's ValidateLength (1..100, 0..1024), and the
# service's label limit when a long name is sent as the label.
New-AzureAffinityGroup -Name Long-AG -Location 'West US' -Label ('L' * 101)
New-AzureAffinityGroup -Name Long-AG -Location 'West US' -Description ('d' * 1025)
New-AzureAffinityGroup -Name Long-AG -Location 'West US' -Label ('L' * 100) -Description ('d' * 1024) | Select-Object OperationStatus
(Get-AzureAffinityGroup -Name Long-AG).Label.Length
New-AzureAffinityGroup -Name ('n' * 101) -Location 'West US'
New-AzureAffinityGroup -Name Long-AG2 -Location 'West US' -Label ''
