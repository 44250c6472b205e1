# A site-to-site setup: a local network site in the configuration, the VNet's gateway,
# its connection and shared key; Get-AzureVNetGateway before the gateway exists;
# Remove-AzureVNetConfig refused while the gateway stands, then done.
Set-Location (New-Item -ItemType Directory C:\s2s).FullName
@'
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="OnPremises">
        <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>131.107.1.10</VPNGatewayAddress>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="Branch" Location="West US">
        <AddressSpace><AddressPrefix>10.30.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="GatewaySubnet"><AddressPrefix>10.30.255.0/28</AddressPrefix></Subnet></Subnets>
        <Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="OnPremises"><Connection type="IPsec" /></LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
'@ | Set-Content .\s2s.xml
Set-AzureVNetConfig -ConfigurationPath .\s2s.xml | Out-Null
Get-AzureVNetGateway -VNetName Branch | Format-List State, GatewaySKU, OperationStatus
Get-AzureVNetConnection -VNetName Branch
Get-AzureVNetGatewayKey -VNetName Branch -LocalNetworkSiteName OnPremises
New-AzureVNetGateway -VNetName Branch -GatewayType DynamicRouting | Out-Null
Get-AzureVNetConnection -VNetName Branch | Format-List LocalNetworkSiteName, ConnectivityState, EgressBytesTransferred, LastConnectionEstablished
(Get-AzureVNetGatewayKey -VNetName Branch -LocalNetworkSiteName OnPremises).Value.Length
Set-AzureVNetGatewayKey -VNetName Branch -LocalNetworkSiteName OnPremises -SharedKey 'Lab-Shared-Key-1' | Format-List Error, HttpStatusCode, Status, StatusCode
(Get-AzureVNetGatewayKey Branch OnPremises).Value
Set-AzureVNetConfig -ConfigurationPath .\s2s.xml | Out-Null
(Get-AzureVNetGatewayKey Branch OnPremises).Value
Get-AzureVNetGatewayIPsecParameters -VNetName Branch -LocalNetworkSiteName OnPremises
Set-AzureVNetGatewayIPsecParameters Branch OnPremises -PfsGroup pfs1 -SALifetimeSeconds 28800 | ForEach-Object Status
Get-AzureVNetGatewayIPsecParameters Branch OnPremises | Format-List
Set-AzureVNetGatewayIPsecParameters Branch OnPremises -EncryptionType Maybe
Get-AzureVNetGatewayKey -VNetName Branch -LocalNetworkSiteName Elsewhere
Get-AzureVNetGatewayKey -VNetName Branch -LocalNetworkSiteName ''
Remove-AzureVNetConfig
Remove-AzureVNetGateway -VNetName Branch | Out-Null
Remove-AzureVNetConfig | Select-Object OperationDescription, OperationStatus
(Get-AzureVNetSite | Measure-Object).Count
