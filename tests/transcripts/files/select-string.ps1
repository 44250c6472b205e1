# Select-String over files of the lab: paths shown relative to the current location.
New-Item -ItemType Directory -Path C:\Ops\logs | Out-Null
Set-Location C:\Ops
Set-Content -Path logs\east.log -Value 'start', 'BGP session up', 'error: port 1 down', 'recovered', 'error: port 2 down', 'end'
Set-Content -Path logs\west.log -Value 'start', 'all quiet', 'end'
Set-Content -Path notes.txt -Value 'Error in the notes too'
Select-String -Path logs\*.log -Pattern 'error'
Select-String -Path logs\east.log, notes.txt -Pattern 'error: port (\d)' | ForEach-Object { "$($_.Filename) line $($_.LineNumber): port $($_.Matches[0].Groups[1].Value)" }
# Elsewhere, the same matches show their full paths.
Set-Location C:\
Select-String -Path C:\Ops\logs\east.log -Pattern 'recovered'
Set-Location C:\Ops
# Context lines, marked '  ' around the '> ' match.
Select-String -Path logs\east.log -Pattern 'recovered' -Context 1, 2
# -List: the first match of each file; -Quiet: True, or False when no file matched.
Select-String -Path logs\*.log, notes.txt -Pattern 'e' -List
Select-String -Path logs\*.log -Pattern 'quiet' -Quiet
Select-String -Path logs\*.log -Pattern 'nowhere' -Quiet
# -Include and -Exclude match the full path.
Select-String -Path logs\*.log, notes.txt -Pattern 'start' -Exclude '*west*'
Select-String -Path C:\Ops\* -Pattern 'notes' -Include '*.txt'
# Files piped from Get-ChildItem are searched as files; folders are skipped.
Get-ChildItem -Path C:\Ops -Recurse | Select-String -Pattern 'BGP'
# A file saved as UTF-16 (Out-File) is read by its BOM; a BOM-less file is read as UTF-8.
'Zürich circuit' | Out-File -FilePath utf16.txt
Set-Content -Path utf8.txt -Encoding Byte -Value ([byte[]](0x47, 0x65, 0x6E, 0xC3, 0xA8, 0x76, 0x65, 0x20, 0x63, 0x69, 0x72, 0x63, 0x75, 0x69, 0x74, 0x0D, 0x0A))
Select-String -Path utf16.txt, utf8.txt -Pattern 'circuit' | ForEach-Object Line
Select-String -Path utf8.txt -Pattern 'Gen' -Encoding default | ForEach-Object Line
# A -Path that names nothing ends the command; a -LiteralPath is reported and skipped.
Select-String -Path missing.log -Pattern 'x'
'after the missing path'
Select-String -LiteralPath missing.log, notes.txt -Pattern 'notes'
Select-String -Path /etc/passwd -Pattern 'root'
