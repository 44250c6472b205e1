# [convert] and System.Text.Encoding.
$bytes = [System.Text.Encoding]::UTF8.GetBytes('Hé!')
$bytes -join ' '
$b64 = [Convert]::ToBase64String($bytes)
$b64
[System.Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($b64))
[Text.Encoding]::ASCII.GetBytes('Hé') -join ' '
[Text.Encoding]::Unicode.GetBytes('A') -join ' '
[Text.Encoding]::Unicode.GetString(@(72, 0, 105, 0))
[Text.Encoding]::UTF8.GetString($bytes, 0, 1)
[Text.Encoding]::UTF8.WebName
[Text.Encoding]::UTF8.GetPreamble() -join ' '
[Text.Encoding]::UTF8.GetType().FullName
[Convert]::ToInt32('ff', 16)
[Convert]::ToInt32('101', 2)
[Convert]::ToString(255, 16)
[Convert]::ToString(5, 2)
[Convert]::ToString(-1, 16)
[Convert]::ToInt32('42')
[Convert]::ToBoolean('true')
[Convert]::FromBase64String('abc')
[Convert]::FromBase64String('ab!=')
[Convert]::ToInt32('zz', 16)
[Convert]::ToInt32('10', 3)
[Text.Encoding]::UTF8
