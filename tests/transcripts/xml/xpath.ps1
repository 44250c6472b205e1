# SelectNodes / SelectSingleNode with XPath 1.0, and namespaces through XmlNamespaceManager.
$x = [xml]@'
<lab>
  <circuit name="a" bandwidth="50"><location>London</location></circuit>
  <circuit name="b" bandwidth="200"><location>Silicon Valley</location></circuit>
  <circuit name="c" bandwidth="1000"><location>London</location></circuit>
</lab>
'@
$x.SelectNodes('//circuit').Count
$x.SelectNodes("/lab/circuit[location='London']/@name") | ForEach-Object Value
$x.SelectSingleNode('//circuit[@bandwidth > 100]').name
$x.SelectSingleNode('//circuit[last()]/location').InnerText
$x.SelectNodes('//circuit[contains(location, "Valley") or @name="a"]') | Select-Object name, bandwidth
$x.DocumentElement.SelectNodes('circuit[position() < 3]').Count
$x.SelectSingleNode('//nothing') -eq $null
$x.SelectNodes('count(//circuit)')
$x.SelectNodes('//circuit[')
$cfg = [xml]'<NetworkConfiguration xmlns="urn:netcfg"><Sites><Site name="v1"/><Site name="v2"/></Sites></NetworkConfiguration>'
$cfg.SelectNodes('//Site').Count
$cfg.SelectNodes('//n:Site')
$ns = New-Object System.Xml.XmlNamespaceManager($cfg.NameTable)
$ns.AddNamespace('n', 'urn:netcfg')
$cfg.SelectNodes('//n:Site', $ns) | ForEach-Object { $_.name }
$cfg.SelectSingleNode('/n:NetworkConfiguration/n:Sites/n:Site[2]', $ns).GetAttribute('name')
$ns.LookupNamespace('n')
