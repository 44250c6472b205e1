# Load and Save through the lab's file rules, [xml](Get-Content), XML's encoding rules.
Set-Location (New-Item -ItemType Directory C:\xmlwork).FullName
'<?xml version="1.0" encoding="utf-8"?><sites><site name="a" /></sites>' | Set-Content .\in.xml
$x = [xml](Get-Content .\in.xml)
$x.sites.site.name
$x.sites.site.SetAttribute('region', 'West Europe')
$x.Save('C:\xmlwork\out.xml')
Get-Content .\out.xml
(Get-Item .\out.xml).Length
$y = New-Object xml
$y.Load('C:\xmlwork\out.xml')
$y.sites.site.region
$y.Save('C:\xmlwork\copy.xml')
Test-Path C:\xmlwork\copy.xml
$y.Load('C:\xmlwork\missing.xml')
$y.Load('/etc/passwd')
$y.Save('/tmp/ersim-escape.xml')
'<a><b></a>' | Set-Content .\bad.xml
[xml](Get-Content .\bad.xml)
'<?xml version="1.0" encoding="utf-16"?><u>ü</u>' | Out-File .\utf16.xml
$z = New-Object xml
$z.Load('C:\xmlwork\utf16.xml')
$z.u
