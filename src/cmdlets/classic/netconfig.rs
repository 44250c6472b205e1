//! The classic network configuration file (`NetworkConfiguration` schema, namespace
//! `http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration`): the VNet
//! sites are read into the cloud's plain structs and written back for Get-AzureVNetConfig.

use roxmltree::{Document, Node};

use crate::cloud::{SubnetConfig, VirtualNetworkConfig};

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

/// The VNet sites of a configuration document, or why it is not one.
pub fn parse(xml: &str) -> Result<Vec<VirtualNetworkConfig>, String> {
    let doc = Document::parse(xml).map_err(|e| e.to_string())?;
    let root = doc.root_element();
    if root.tag_name().name() != "NetworkConfiguration" || root.tag_name().namespace() != Some(NAMESPACE) {
        return Err(format!("The root element must be NetworkConfiguration in the namespace {NAMESPACE}."));
    }
    let Some(sites) = child(root, "VirtualNetworkConfiguration").and_then(|c| child(c, "VirtualNetworkSites")) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for site in children(sites, "VirtualNetworkSite") {
        let name = site.attribute("name").filter(|n| !n.trim().is_empty()).ok_or("A VirtualNetworkSite has no name attribute.")?;
        let location = site.attribute("Location").or_else(|| site.attribute("AffinityGroup")).unwrap_or_default();
        let address_spaces = child(site, "AddressSpace").map(|a| children(a, "AddressPrefix").map(text).collect()).unwrap_or_default();
        let mut subnets = Vec::new();
        if let Some(list) = child(site, "Subnets") {
            for s in children(list, "Subnet") {
                let subnet = s.attribute("name").ok_or_else(|| format!("A Subnet of the virtual network '{name}' has no name attribute."))?;
                let prefix = child(s, "AddressPrefix").map(text).unwrap_or_default();
                subnets.push(SubnetConfig { name: subnet.to_string(), address_prefix: prefix });
            }
        }
        out.push(VirtualNetworkConfig { name: name.to_string(), location: location.to_string(), address_spaces, subnets });
    }
    Ok(out)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The configuration as the service returned it (`NetworkConfiguration` with the sites).
pub fn write(vnets: &[VirtualNetworkConfig]) -> String {
    let mut x = String::from("<NetworkConfiguration xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" ");
    x.push_str(&format!("xmlns=\"{NAMESPACE}\">\r\n  <VirtualNetworkConfiguration>\r\n    <Dns />\r\n"));
    if vnets.is_empty() {
        x.push_str("    <VirtualNetworkSites />\r\n");
    } else {
        x.push_str("    <VirtualNetworkSites>\r\n");
        for v in vnets {
            x.push_str(&format!("      <VirtualNetworkSite name=\"{}\" Location=\"{}\">\r\n        <AddressSpace>\r\n", escape(&v.name), escape(&v.location)));
            for a in &v.address_spaces {
                x.push_str(&format!("          <AddressPrefix>{}</AddressPrefix>\r\n", escape(a)));
            }
            x.push_str("        </AddressSpace>\r\n        <Subnets>\r\n");
            for s in &v.subnets {
                x.push_str(&format!(
                    "          <Subnet name=\"{}\">\r\n            <AddressPrefix>{}</AddressPrefix>\r\n          </Subnet>\r\n",
                    escape(&s.name),
                    escape(&s.address_prefix)
                ));
            }
            x.push_str("        </Subnets>\r\n      </VirtualNetworkSite>\r\n");
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

    #[test]
    fn rejects_malformed_and_foreign_documents() {
        assert!(parse("<NetworkConfiguration>").is_err());
        assert!(parse("<Other xmlns=\"urn:x\"/>").unwrap_err().contains("NetworkConfiguration"));
    }
}
