# -Confirm asks 5.1's question before an item cmdlet acts; No keeps the file, Yes removes it.
New-Item -ItemType Directory C:\confirm | Out-Null
Set-Location C:\confirm
New-Item keep.txt | Out-Null
Remove-Item keep.txt -Confirm
"after No: $(Test-Path keep.txt)"
Remove-Item keep.txt -Confirm
"after Yes: $(Test-Path keep.txt)"
