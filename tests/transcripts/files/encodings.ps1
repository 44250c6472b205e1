# 5.1's encodings: Out-File writes UTF-16 LE with a BOM, Set-Content ANSI, Export-Csv
# ASCII; -Encoding's names; reading by BOM, else Windows-1252 (a UTF-8 file without a BOM
# comes out mangled, with one warning per file).
Set-Location (New-Item -ItemType Directory C:\enc).FullName
function Bytes($path) { (Get-Content $path -Encoding Byte | ForEach-Object { '{0:X2}' -f $_ }) -join ' ' }
'Zürich' | Out-File out.txt
Bytes out.txt
Get-Content out.txt
'Zürich' | Set-Content ansi.txt
Bytes ansi.txt
Get-Content ansi.txt
[pscustomobject]@{ City = 'Zürich' } | Export-Csv ascii.csv -NoTypeInformation
Bytes ascii.csv
foreach ($name in 'UTF8', 'Unicode', 'BigEndianUnicode', 'UTF32', 'ASCII', 'Default', 'OEM', 'UTF7') {
    'é€' | Set-Content "$name.txt" -Encoding $name
    "{0,-17}{1}" -f $name, (Bytes "$name.txt")
}
Get-Content UTF8.txt, Unicode.txt, BigEndianUnicode.txt, UTF32.txt
Get-Content UTF7.txt -Encoding UTF7
Get-Content OEM.txt -Encoding OEM
'é' | Set-Content -Encoding Byte bytes.bin
Set-Content -Path nobom.txt -Value ([byte[]](0x43, 0x61, 0x66, 0xC3, 0xA9)) -Encoding Byte
Get-Content nobom.txt
Get-Content nobom.txt
Get-Content nobom.txt -Encoding UTF8
'more' | Add-Content Unicode.txt
Bytes Unicode.txt
'x' | Set-Content bad.txt -Encoding Latin1
