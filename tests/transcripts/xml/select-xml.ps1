# Select-Xml over documents, text and files; its SelectXmlInfo objects.
Set-Location (New-Item -ItemType Directory C:\sx).FullName
$x = [xml]'<lab><circuit name="a"/><circuit name="b"/></lab>'
Select-Xml -Xml $x -XPath '//circuit'
$x | Select-Xml '//circuit[@name="b"]' | ForEach-Object { $_.Node.name }
Select-Xml -Content '<c xmlns="urn:x"><s k="1"/></c>' -XPath '//x:s' -Namespace @{ x = 'urn:x' } | ForEach-Object { $_.Node.OuterXml }
'<c><s k="2"/></c>' | Select-Xml -XPath '/c/s/@k' | ForEach-Object { $_.Node.Value }
'<v><item>1</item><item>2</item></v>' | Set-Content .\v.xml
Select-Xml -Path .\v.xml -XPath '//item' | Format-List
(Select-Xml -Path C:\sx\v.xml -XPath '//item').Count
'<broken>' | Set-Content .\bad.xml
Select-Xml -Path .\bad.xml -XPath '/'
try { Select-Xml -Path .\none.xml -XPath '/' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
Select-Xml -Content '<a>' -XPath '/a'
Select-Xml -Xml $x -XPath '//n:circuit'
'after'
