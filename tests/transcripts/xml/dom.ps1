# Building and editing a document with the DOM's methods.
$doc = New-Object System.Xml.XmlDocument
$doc.AppendChild($doc.CreateXmlDeclaration('1.0', 'utf-8', $null)) | Out-Null
$root = $doc.CreateElement('inventory')
[void]$doc.AppendChild($root)
foreach ($n in 'a', 'b', 'c') {
    $e = $doc.CreateElement('circuit')
    $e.SetAttribute('name', "ckt-$n")
    $e.InnerText = "$n"
    [void]$root.AppendChild($e)
}
$doc.OuterXml
$first = $root.FirstChild
$root.RemoveChild($first).OuterXml
[void]$root.InsertBefore($first, $root.LastChild)
[void]$root.InsertAfter($doc.CreateComment(' end '), $root.LastChild)
$root.InnerXml
$first.GetAttribute('name')
$first.GetAttribute('nope') -eq ''
$first.RemoveAttribute('name')
$first.OuterXml
$first.HasAttribute('name')
$attr = $doc.CreateAttribute('speed')
$attr.Value = '1Gbps'
[void]$first.Attributes.Count
$first.SetAttributeNode($attr)
$first.OuterXml
$root.InnerText
$copy = $root.CloneNode($true)
$copy.ChildNodes.Count
$ns = $doc.CreateElement('site', 'urn:lab')
$ns.OuterXml
$root.RemoveChild($ns)
$root.AppendChild('text')
$doc.AppendChild($doc.CreateElement('second'))
$root.AppendChild($root)
$other = [xml]'<x/>'
$root.AppendChild($other.DocumentElement)
$root.AppendChild($doc.ImportNode($other.DocumentElement, $true)).OuterXml
$root.InnerXml = '<y k="1">t</y>'
$root.OuterXml
$root.InnerXml = '<y>'
$doc.LoadXml('<fresh><n>1</n></fresh>')
$doc.OuterXml
$root.OwnerDocument.DocumentElement.Name
