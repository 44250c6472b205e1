//! The classic network configuration file (`NetworkConfiguration` schema, namespace
//! `http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration`): the VNet
//! sites are read into the cloud's plain structs and written back for Get-AzureVNetConfig.

use roxmltree::{Document, Node};

use crate::cloud::{DnsServer, LocalConnection, LocalNetworkSite, SubnetConfig, VirtualNetworkConfig};

pub const NAMESPACE: &str = "http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration";

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| c.is_element() && c.tag_name().name() == name)
}

fn children<'a, 'i>(node: Node<'a, 'i>, name: &'a str) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children().filter(move |c| c.is_element() && c.tag_name().name() == name)
}

fn text(node: Node) -> String {
    node.text().unwrap_or_default().trim().to_string()
}

fn prefixes(node: Option<Node>) -> Vec<String> {
    node.map(|a| children(a, "AddressPrefix").map(text).collect()).unwrap_or_default()
}

/// The configuration's `Dns/DnsServers` and `LocalNetworkSites` sections.
fn shared_sections(config: Node) -> Result<(Vec<DnsServer>, Vec<LocalNetworkSite>), String> {
    let mut dns = Vec::new();
    for d in child(config, "Dns").and_then(|d| child(d, "DnsServers")).into_iter().flat_map(|d| children(d, "DnsServer")) {
        let name = d.attribute("name").ok_or("A DnsServer has no name attribute.")?;
        dns.push(DnsServer { name: name.to_string(), address: d.attribute("IPAddress").unwrap_or_default().to_string() });
    }
    let mut sites = Vec::new();
    for l in child(config, "LocalNetworkSites").into_iter().flat_map(|l| children(l, "LocalNetworkSite")) {
        let name = l.attribute("name").ok_or("A LocalNetworkSite has no name attribute.")?;
        sites.push(LocalNetworkSite {
            name: name.to_string(),
            address_spaces: prefixes(child(l, "AddressSpace")),
            vpn_gateway_address: child(l, "VPNGatewayAddress").map(text).unwrap_or_default(),
        });
    }
    Ok((dns, sites))
}

/// The document's shared sections (`Dns/DnsServers`, `LocalNetworkSites`) whole; `parse`
/// has checked the document.
pub fn parse_sections(xml: &str) -> Result<(Vec<DnsServer>, Vec<LocalNetworkSite>), String> {
    let doc = Document::parse(xml.trim_start_matches('\u{feff}')).map_err(|e| e.to_string())?;
    match child(doc.root_element(), "VirtualNetworkConfiguration") {
        Some(config) => shared_sections(config),
        None => Ok((Vec::new(), Vec::new())),
    }
}

/// The VNet sites of a configuration document, or why it is not one. A site's references to
/// DNS servers and local network sites are resolved here, so each VNet carries what it uses.
pub fn parse(xml: &str) -> Result<Vec<VirtualNetworkConfig>, String> {
    let doc = Document::parse(xml.trim_start_matches('\u{feff}')).map_err(|e| e.to_string())?;
    let root = doc.root_element();
    if root.tag_name().name() != "NetworkConfiguration" || root.tag_name().namespace() != Some(NAMESPACE) {
        return Err(format!("The root element must be NetworkConfiguration in the namespace {NAMESPACE}."));
    }
    let Some(config) = child(root, "VirtualNetworkConfiguration") else {
        return Ok(Vec::new());
    };
    let (dns, local_sites) = shared_sections(config)?;
    let Some(sites) = child(config, "VirtualNetworkSites") else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for site in children(sites, "VirtualNetworkSite") {
        let name = site.attribute("name").filter(|n| !n.trim().is_empty()).ok_or("A VirtualNetworkSite has no name attribute.")?;
        let location = site.attribute("Location").unwrap_or_default();
        let affinity_group = site.attribute("AffinityGroup").filter(|_| location.is_empty()).map(str::to_string);
        let mut subnets = Vec::new();
        if let Some(list) = child(site, "Subnets") {
            for s in children(list, "Subnet") {
                let subnet = s.attribute("name").ok_or_else(|| format!("A Subnet of the virtual network '{name}' has no name attribute."))?;
                let prefix = child(s, "AddressPrefix").map(text).unwrap_or_default();
                subnets.push(SubnetConfig { name: subnet.to_string(), address_prefix: prefix });
            }
        }
        let mut dns_servers = Vec::new();
        for r in child(site, "DnsServersRef").into_iter().flat_map(|r| children(r, "DnsServerRef")) {
            let wanted = r.attribute("name").unwrap_or_default();
            let found = dns.iter().find(|d| d.name.eq_ignore_ascii_case(wanted));
            dns_servers.push(found.cloned().ok_or_else(|| format!("The DNS server '{wanted}' referenced by the virtual network '{name}' is not defined."))?);
        }
        let mut local_connections = Vec::new();
        let refs = child(site, "Gateway").and_then(|g| child(g, "ConnectionsToLocalNetwork"));
        for r in refs.into_iter().flat_map(|r| children(r, "LocalNetworkSiteRef")) {
            let wanted = r.attribute("name").unwrap_or_default();
            let found = local_sites.iter().find(|l| l.name.eq_ignore_ascii_case(wanted));
            let site = found.cloned().ok_or_else(|| format!("The local network site '{wanted}' referenced by the virtual network '{name}' is not defined."))?;
            let connection_type = child(r, "Connection").and_then(|c| c.attribute("type")).unwrap_or("IPsec").to_string();
            local_connections.push(LocalConnection { site, connection_type, shared_key: None, ipsec: None });
        }
        out.push(VirtualNetworkConfig {
            name: name.to_string(),
            location: location.to_string(),
            affinity_group,
            address_spaces: prefixes(child(site, "AddressSpace")),
            subnets,
            dns_servers,
            local_connections,
        });
    }
    Ok(out)
}

pub(super) fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn address_space(x: &mut String, indent: &str, prefixes: &[String]) {
    x.push_str(&format!("{indent}<AddressSpace>\r\n"));
    for a in prefixes {
        x.push_str(&format!("{indent}  <AddressPrefix>{}</AddressPrefix>\r\n", escape(a)));
    }
    x.push_str(&format!("{indent}</AddressSpace>\r\n"));
}

/// The shared sections: each DNS server and local network site once — those the document
/// defined, in its order, then any a VNet names that it did not.
fn shared<'a>(
    vnets: &'a [VirtualNetworkConfig],
    defined_dns: &'a [DnsServer],
    defined_sites: &'a [LocalNetworkSite],
) -> (Vec<&'a DnsServer>, Vec<&'a LocalNetworkSite>) {
    let mut dns: Vec<&DnsServer> = defined_dns.iter().collect();
    let mut sites: Vec<&LocalNetworkSite> = defined_sites.iter().collect();
    for v in vnets {
        for d in &v.dns_servers {
            if !dns.iter().any(|x| x.name.eq_ignore_ascii_case(&d.name)) {
                dns.push(d);
            }
        }
        for c in &v.local_connections {
            if !sites.iter().any(|x| x.name.eq_ignore_ascii_case(&c.site.name)) {
                sites.push(&c.site);
            }
        }
    }
    (dns, sites)
}

/// The configuration as the service returned it (`NetworkConfiguration` with the sites).
pub fn write(vnets: &[VirtualNetworkConfig]) -> String {
    write_with_sections(vnets, &[], &[])
}

/// The same, with the shared sections the document defined (used by a VNet or not).
pub fn write_with_sections(vnets: &[VirtualNetworkConfig], dns: &[DnsServer], sites: &[LocalNetworkSite]) -> String {
    let mut x = String::from("<NetworkConfiguration xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" ");
    x.push_str(&format!("xmlns=\"{NAMESPACE}\">\r\n  <VirtualNetworkConfiguration>\r\n"));
    let (dns, local_sites) = shared(vnets, dns, sites);
    if dns.is_empty() {
        x.push_str("    <Dns />\r\n");
    } else {
        x.push_str("    <Dns>\r\n      <DnsServers>\r\n");
        for d in dns {
            x.push_str(&format!("        <DnsServer name=\"{}\" IPAddress=\"{}\" />\r\n", escape(&d.name), escape(&d.address)));
        }
        x.push_str("      </DnsServers>\r\n    </Dns>\r\n");
    }
    if !local_sites.is_empty() {
        x.push_str("    <LocalNetworkSites>\r\n");
        for l in local_sites {
            x.push_str(&format!("      <LocalNetworkSite name=\"{}\">\r\n", escape(&l.name)));
            address_space(&mut x, "        ", &l.address_spaces);
            x.push_str(&format!("        <VPNGatewayAddress>{}</VPNGatewayAddress>\r\n      </LocalNetworkSite>\r\n", escape(&l.vpn_gateway_address)));
        }
        x.push_str("    </LocalNetworkSites>\r\n");
    }
    if vnets.is_empty() {
        x.push_str("    <VirtualNetworkSites />\r\n");
    } else {
        x.push_str("    <VirtualNetworkSites>\r\n");
        for v in vnets {
            let placed = match &v.affinity_group {
                Some(group) => format!("AffinityGroup=\"{}\"", escape(group)),
                None => format!("Location=\"{}\"", escape(&v.location)),
            };
            x.push_str(&format!("      <VirtualNetworkSite name=\"{}\" {placed}>\r\n", escape(&v.name)));
            address_space(&mut x, "        ", &v.address_spaces);
            x.push_str("        <Subnets>\r\n");
            for s in &v.subnets {
                x.push_str(&format!(
                    "          <Subnet name=\"{}\">\r\n            <AddressPrefix>{}</AddressPrefix>\r\n          </Subnet>\r\n",
                    escape(&s.name),
                    escape(&s.address_prefix)
                ));
            }
            x.push_str("        </Subnets>\r\n");
            if !v.dns_servers.is_empty() {
                x.push_str("        <DnsServersRef>\r\n");
                for d in &v.dns_servers {
                    x.push_str(&format!("          <DnsServerRef name=\"{}\" />\r\n", escape(&d.name)));
                }
                x.push_str("        </DnsServersRef>\r\n");
            }
            if !v.local_connections.is_empty() {
                x.push_str("        <Gateway>\r\n          <ConnectionsToLocalNetwork>\r\n");
                for c in &v.local_connections {
                    x.push_str(&format!(
                        "            <LocalNetworkSiteRef name=\"{}\">\r\n              <Connection type=\"{}\" />\r\n            </LocalNetworkSiteRef>\r\n",
                        escape(&c.site.name),
                        escape(&c.connection_type)
                    ));
                }
                x.push_str("          </ConnectionsToLocalNetwork>\r\n        </Gateway>\r\n");
            }
            x.push_str("      </VirtualNetworkSite>\r\n");
        }
        x.push_str("    </VirtualNetworkSites>\r\n");
    }
    x.push_str("  </VirtualNetworkConfiguration>\r\n</NetworkConfiguration>");
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="MyVNet" Location="West US">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="FrontEnd"><AddressPrefix>10.1.0.0/24</AddressPrefix></Subnet>
          <Subnet name="GatewaySubnet"><AddressPrefix>10.1.1.0/28</AddressPrefix></Subnet>
        </Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>"#;

    #[test]
    fn reads_sites_and_writes_them_back() {
        let vnets = parse(SAMPLE).unwrap();
        assert_eq!(vnets.len(), 1);
        assert_eq!(vnets[0].name, "MyVNet");
        assert_eq!(vnets[0].location, "West US");
        assert_eq!(vnets[0].address_spaces, ["10.1.0.0/16"]);
        assert_eq!(vnets[0].subnets[1].name, "GatewaySubnet");
        assert_eq!(parse(&write(&vnets)).unwrap(), vnets);
    }

    const FULL: &str = r#"<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <Dns><DnsServers><DnsServer name="DNS01" IPAddress="10.1.0.4" /></DnsServers></Dns>
    <LocalNetworkSites>
      <LocalNetworkSite name="OnPrem"><AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace><VPNGatewayAddress>131.2.3.4</VPNGatewayAddress></LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="V" Location="West US">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="GatewaySubnet"><AddressPrefix>10.1.1.0/28</AddressPrefix></Subnet></Subnets>
        <DnsServersRef><DnsServerRef name="DNS01" /></DnsServersRef>
        <Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="OnPrem"><Connection type="IPsec" /></LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>"#;

    #[test]
    fn dns_servers_and_local_sites_round_trip_through_the_sites_that_use_them() {
        let vnets = parse(FULL).unwrap();
        assert_eq!(vnets[0].dns_servers, [DnsServer { name: "DNS01".into(), address: "10.1.0.4".into() }]);
        assert_eq!(vnets[0].local_connections[0].site.vpn_gateway_address, "131.2.3.4");
        assert_eq!(vnets[0].local_connections[0].site.address_spaces, ["192.168.0.0/16"]);
        let written = write(&vnets);
        assert!(written.contains("<DnsServer name=\"DNS01\" IPAddress=\"10.1.0.4\" />"));
        assert_eq!(parse(&written).unwrap(), vnets);
        let dangling = FULL.replace("<DnsServerRef name=\"DNS01\" />", "<DnsServerRef name=\"Nope\" />");
        assert_eq!(parse(&dangling).unwrap_err(), "The DNS server 'Nope' referenced by the virtual network 'V' is not defined.");
    }

    #[test]
    fn rejects_malformed_and_foreign_documents() {
        assert!(parse("<NetworkConfiguration>").is_err());
        assert!(parse("<Other xmlns=\"urn:x\"/>").unwrap_err().contains("NetworkConfiguration"));
    }
}
