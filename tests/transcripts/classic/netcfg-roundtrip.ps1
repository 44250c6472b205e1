# Everything a network configuration holds comes back from the export: DNS servers and local
# network sites no VNet uses yet, an affinity-group VNet, a gateway's connections; then the
# export applies unchanged, and Remove-AzureVNetConfig empties it all.
Set-Location (New-Item -ItemType Directory C:\roundtrip).FullName
New-AzureAffinityGroup -Name Lab-AG -Location 'West US' | Out-Null
@'
<?xml version="1.0" encoding="utf-8"?>
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <Dns>
      <DnsServers>
        <DnsServer name="Spare" IPAddress="10.9.0.9" />
        <DnsServer name="Corp" IPAddress="10.1.0.4" />
      </DnsServers>
    </Dns>
    <LocalNetworkSites>
      <LocalNetworkSite name="Branch">
        <AddressSpace><AddressPrefix>172.16.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>131.107.9.9</VPNGatewayAddress>
      </LocalNetworkSite>
      <LocalNetworkSite name="HQ">
        <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix><AddressPrefix>192.169.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>131.107.1.1</VPNGatewayAddress>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="Prod" Location="West US">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="FrontEnd"><AddressPrefix>10.1.0.0/24</AddressPrefix></Subnet>
          <Subnet name="GatewaySubnet"><AddressPrefix>10.1.255.0/28</AddressPrefix></Subnet>
        </Subnets>
        <DnsServersRef><DnsServerRef name="Corp" /></DnsServersRef>
        <Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="HQ"><Connection type="IPsec" /></LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
      <VirtualNetworkSite name="Narrow" AffinityGroup="Lab-AG">
        <AddressSpace><AddressPrefix>10.2.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="FrontEnd"><AddressPrefix>10.2.0.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
'@ | Set-Content .\network.xml
Set-AzureVNetConfig -ConfigurationPath .\network.xml | Out-Null
Get-AzureVNetConfig -ExportToFile .\exported.xml | Out-Null
[xml]$x = Get-Content .\exported.xml
$vnc = $x.NetworkConfiguration.VirtualNetworkConfiguration
$vnc.Dns.DnsServers.DnsServer | Format-Table name, IPAddress -AutoSize
$vnc.LocalNetworkSites.LocalNetworkSite | ForEach-Object { '{0} {1} {2}' -f $_.name, $_.VPNGatewayAddress, ($_.AddressSpace.AddressPrefix -join ',') }
$vnc.VirtualNetworkSites.VirtualNetworkSite | ForEach-Object { '{0} Location={1} AffinityGroup={2}' -f $_.name, $_.Location, $_.AffinityGroup }
$vnc.VirtualNetworkSites.VirtualNetworkSite[0].Gateway.ConnectionsToLocalNetwork.LocalNetworkSiteRef.name
Set-AzureVNetConfig -ConfigurationPath .\exported.xml | Out-Null
Get-AzureVNetConfig -ExportToFile .\again.xml | Out-Null
(Get-Content .\again.xml -Raw) -eq (Get-Content .\exported.xml -Raw)
Remove-AzureVNetConfig | Out-Null
([xml](Get-AzureVNetConfig).XMLConfiguration).NetworkConfiguration.VirtualNetworkConfiguration.OuterXml
