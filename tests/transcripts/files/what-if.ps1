# -WhatIf and -Confirm on the item cmdlets that change things (5.1's ShouldProcess texts from
# FileSystemProvider's resources); -Verbose shows the operation when it goes ahead.
New-Item -ItemType Directory C:\whatif | Out-Null
Set-Location C:\whatif
New-Item -ItemType Directory logs -WhatIf
New-Item notes.txt -WhatIf
"logs: $(Test-Path logs), notes: $(Test-Path notes.txt)"
New-Item notes.txt | Out-Null
Remove-Item notes.txt -WhatIf
"still there: $(Test-Path notes.txt)"
Remove-Item notes.txt -Verbose
"gone: $(-not (Test-Path notes.txt))"
$WhatIfPreference = $true
New-Item other.txt
$WhatIfPreference = $false
New-Item other.txt -Confirm
'after the prompt that nobody could answer'
New-Item a.txt | Out-Null
Copy-Item a.txt b.txt -WhatIf
Move-Item a.txt c.txt -WhatIf
Rename-Item a.txt d.txt -WhatIf
(Get-ChildItem -Name) -join ','
Set-Content a.txt 'kept'
Set-Content a.txt 'replaced' -WhatIf
Add-Content a.txt 'added' -WhatIf
Clear-Content a.txt -WhatIf
Get-Content a.txt
