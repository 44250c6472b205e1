# A netcfg builder as classic scripts write it: read the configuration as [xml], add a
# VNet, a DNS server and a local network site with the DOM, save it and apply it, then
# check what the service holds and that a second export round-trips it.
Set-Location (New-Item -ItemType Directory C:\netcfg).FullName
[xml]$cfg = (Get-AzureVNetConfig).XMLConfiguration
$ns = $cfg.DocumentElement.NamespaceURI
$vnc = $cfg.NetworkConfiguration.VirtualNetworkConfiguration

function New-El([string]$Name, [string]$Text) {
    $e = $cfg.CreateElement($Name, $ns)
    if ($Text) { $e.InnerText = $Text }
    $e
}

# Dns: <Dns /> gets a DnsServers list.
$dns = $cfg.SelectSingleNode('//n:Dns', $(
    $m = New-Object System.Xml.XmlNamespaceManager($cfg.NameTable); $m.AddNamespace('n', $ns); $m))
$servers = $dns.AppendChild((New-El 'DnsServers'))
$server = $servers.AppendChild((New-El 'DnsServer'))
$server.SetAttribute('name', 'DNS01')
$server.SetAttribute('IPAddress', '10.20.0.4')

# A local network site, before the VNet sites as the schema orders them.
$local = New-El 'LocalNetworkSite'
$local.SetAttribute('name', 'OnPremises')
$space = $local.AppendChild((New-El 'AddressSpace'))
[void]$space.AppendChild((New-El 'AddressPrefix' '192.168.0.0/16'))
[void]$local.AppendChild((New-El 'VPNGatewayAddress' '131.107.1.10'))
$sites = New-El 'LocalNetworkSites'
[void]$sites.AppendChild($local)
[void]$vnc.InsertAfter($sites, $dns)

# The VNet itself, with a gateway subnet and its references.
$site = New-El 'VirtualNetworkSite'
$site.SetAttribute('name', 'Lab-VNet')
$site.SetAttribute('Location', 'West US')
$as = $site.AppendChild((New-El 'AddressSpace'))
[void]$as.AppendChild((New-El 'AddressPrefix' '10.20.0.0/16'))
$subnets = $site.AppendChild((New-El 'Subnets'))
foreach ($s in @(@{ n = 'FrontEnd'; p = '10.20.0.0/24' }, @{ n = 'GatewaySubnet'; p = '10.20.255.0/28' })) {
    $sub = $subnets.AppendChild((New-El 'Subnet'))
    $sub.SetAttribute('name', $s.n)
    [void]$sub.AppendChild((New-El 'AddressPrefix' $s.p))
}
$ref = $site.AppendChild((New-El 'DnsServersRef')).AppendChild((New-El 'DnsServerRef'))
$ref.SetAttribute('name', 'DNS01')
$conn = $site.AppendChild((New-El 'Gateway')).AppendChild((New-El 'ConnectionsToLocalNetwork')).AppendChild((New-El 'LocalNetworkSiteRef'))
$conn.SetAttribute('name', 'OnPremises')
$conn.AppendChild((New-El 'Connection')).SetAttribute('type', 'IPsec')
$list = $cfg.NetworkConfiguration.VirtualNetworkConfiguration.VirtualNetworkSites
if ($list -is [string]) {
    $list = $cfg.SelectSingleNode('//n:VirtualNetworkSites', $m)
}
[void]$list.AppendChild($site)

$cfg.Save('C:\netcfg\netcfg.xml')
Set-AzureVNetConfig -ConfigurationPath C:\netcfg\netcfg.xml | Select-Object OperationStatus

$v = Get-AzureVNetSite -VNetName Lab-VNet
$v.Name, $v.Location, ($v.AddressSpacePrefixes -join ',')
$v.DnsServers | Format-Table Name, Address -AutoSize
$v.GatewaySites | Format-List
Get-AzureVNetConfig -ExportToFile C:\netcfg\export.xml | Out-Null
$again = [xml](Get-Content C:\netcfg\export.xml)
$again.NetworkConfiguration.VirtualNetworkConfiguration.LocalNetworkSites.LocalNetworkSite.VPNGatewayAddress
$again.NetworkConfiguration.VirtualNetworkConfiguration.VirtualNetworkSites.VirtualNetworkSite.Gateway.ConnectionsToLocalNetwork.LocalNetworkSiteRef.name
Set-AzureVNetConfig -ConfigurationPath C:\netcfg\export.xml | Out-Null
(Get-AzureVNetSite -VNetName Lab-VNet).Subnets
