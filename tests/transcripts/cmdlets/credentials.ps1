# Secure strings print their type name, never their text.
$pw = ConvertTo-SecureString 'P@ssw0rd!' -AsPlainText -Force
$pw
$pw.Length
"$pw"
$pw.GetType().FullName
# Editing one, and a read-only one refusing it.
$s = New-Object System.Security.SecureString
'a', 'b', 'c' | ForEach-Object { $s.AppendChar($_) }
$s.RemoveAt(1)
$s.Length
$s.MakeReadOnly()
$s.IsReadOnly()
$s.AppendChar('d')
# A PSCredential from a user name and a secure string; its network credential splits the domain.
$cred = New-Object System.Management.Automation.PSCredential('CONTOSO\ops', $pw)
$cred
$net = $cred.GetNetworkCredential()
$net | Format-List
$net.Password -eq 'P@ssw0rd!'
([pscredential]::new('lab', $pw)).UserName
$null -eq [pscredential]::Empty.Password
New-Object System.Management.Automation.PSCredential('ops', 'not secure')
# Reading one back, as scripts do.
$bstr = [System.Runtime.InteropServices.Marshal]::SecureStringToBSTR($pw)
[System.Runtime.InteropServices.Marshal]::PtrToStringAuto($bstr)
[System.Runtime.InteropServices.Marshal]::ZeroFreeBSTR($bstr)
# Exported without a key: a DPAPI-shaped blob only this lab user reads back.
$saved = $pw | ConvertFrom-SecureString
$saved.Substring(0, 48)
$saved.Length
$back = ConvertTo-SecureString -String $saved
(New-Object PSCredential 'x', $back).GetNetworkCredential().Password
# Exported with a key: 5.1's AES format (header, then Base64 of "2|IV|data").
$key = [byte[]](1..16)
$aes = ConvertFrom-SecureString -SecureString $pw -Key $key
$aes.Substring(0, 32)
$package = [System.Text.Encoding]::Unicode.GetString([Convert]::FromBase64String($aes.Substring(32)))
$package.Split('|')[0]
(New-Object PSCredential 'x', (ConvertTo-SecureString $aes -Key $key)).GetNetworkCredential().Password
$secureKey = ConvertTo-SecureString '0123456789abcdef' -AsPlainText -Force
$withSecureKey = ConvertFrom-SecureString $pw -SecureKey $secureKey
(New-Object PSCredential 'x', (ConvertTo-SecureString $withSecureKey -SecureKey $secureKey)).GetNetworkCredential().Password
# The refusals, with 5.1's records.
ConvertTo-SecureString $aes -Key ([byte[]](2..17))
ConvertTo-SecureString 'plain' -AsPlainText
ConvertTo-SecureString 'abc'
ConvertTo-SecureString ('01000000d08c9ddf0115d1118c7a00c04fc297eb' + '00' * 60)
ConvertFrom-SecureString $pw -Key ([byte[]](1..5))
'after the short key'
ConvertFrom-SecureString (New-Object System.Security.SecureString)
ConvertTo-SecureString 'zz'
ConvertFrom-SecureString -SecureString 'plain text'
# A credential given to Get-Credential comes back as it is; without one it must prompt.
(Get-Credential -Credential $cred).UserName
Get-Credential
