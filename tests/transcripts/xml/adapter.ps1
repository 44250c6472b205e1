# PowerShell's XML adapter: attributes and child elements are properties, repeated
# elements an array, a text-only element its text; assignment sets text or an attribute.
$x = [xml]@'
<?xml version="1.0" encoding="utf-8"?>
<config env="lab">
  <!-- sites of the lab -->
  <site name="sv" enabled="true"><prefix>10.1.0.0/16</prefix></site>
  <site name="lon"><prefix>10.2.0.0/16</prefix><prefix>10.3.0.0/16</prefix></site>
  <owner>netops</owner>
  <note lang="en">check weekly</note>
  <empty />
</config>
'@
$x
$x.config | Format-List
$x.config.site
$x.config.site.Count
$x.config.site[1].prefix
$x.config.site[0].name
$x.config.owner
$x.config.note.'#text'
$x.config.EMPTY.Length
"$($x.config.site[0]) / $($x.config)"
$x.config.owner = 'platform'
$x.config.site[0].name = 'sv2'
$x.config.env = 42
$x.config.site[0].enabled = $false
$x.config.OuterXml
$x.config.site = 'one'
$x.config.note = 'x'
$x.config.missing = 'x'
$x.config.Name
$x.config.site[0].Name
$x.config.site[0].ParentNode.LocalName
$x.config.FirstChild.NodeType
$x.DocumentElement.ChildNodes.Count
$x.GetType().FullName
$x.config.GetType().FullName
$x.config.env.GetType().FullName
$x.FirstChild.OuterXml
$x -is [xml]
# The node classes as types: an element with attributes is a node, an empty one is a string.
$x.config.note -is [System.Xml.XmlElement]
$x.config.empty -is [System.Xml.XmlElement]
$x.config.note -is [Xml.XmlNode]
$x.config.note.GetType().BaseType.FullName
([System.Xml.XmlElement]$x.config.note).Name
[System.Xml.XmlElement]'text'
