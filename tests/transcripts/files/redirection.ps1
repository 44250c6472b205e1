# > and >> are Out-File: the file is made before the command runs, UTF-16 LE with a BOM, and
# holds what the console would show. 2> takes the errors, *> every stream; a path outside the
# lab's roots is Out-File's refusal, before the command runs.
New-Item -ItemType Directory C:\redir | Out-Null
Set-Location C:\redir
'first' > out.txt
'second' >> out.txt
Get-Content out.txt
(Get-Content out.txt -Encoding Byte)[0..3] -join ','
Write-Error 'broken' 2> err.txt
"error lines: $((Get-Content err.txt).Count)"
(Get-Content err.txt)[0]
function Noisy { 'out'; Write-Warning 'careful'; Write-Verbose 'detail' -Verbose }
Noisy *> all.txt
Get-Content all.txt
[pscustomobject]@{ Name = 'Lab'; Bandwidth = 200 } > table.txt
Get-Content table.txt
Get-AzureDedicatedCircuit -ServiceKey 11111111-0000-0000-0000-000000000000 2> missing.txt
(Get-Content missing.txt)[0]
$null > empty.txt
(Get-Item empty.txt).Length
'x' > /etc/ersim-redirect-denied.txt
'after the refusal'
