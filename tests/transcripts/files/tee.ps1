# Tee-Object passes its input on and saves it: in a variable as Set-Variable stores piped
# values (one object as itself, several as an array), or in a file as Out-File writes it.
New-Item -ItemType Directory C:\tee | Out-Null
Set-Location C:\tee
1..3 | Tee-Object -Variable numbers | ForEach-Object { $_ * 10 }
"numbers: $($numbers -join ',') ($($numbers.GetType().Name))"
'only' | Tee-Object -Variable one | Out-Null
"one: $one ($($one.GetType().Name))"
'first', 'second' | tee log.txt
'third' | Tee-Object -FilePath log.txt -Append | Out-Null
Get-Content log.txt
(Get-Content log.txt -Encoding Byte)[0..1] -join ','
'x' | Tee-Object -FilePath /etc/ersim-tee-denied.txt
'after'
