# Native programs do not exist in the simulation: each is a command that is not found.
& /bin/sh -c 'echo escaped'
& 'C:\Windows\System32\cmd.exe' /c dir
/usr/bin/id
cmd /c dir
Invoke-Expression 'cmd /c dir'
iex "& '/bin/sh' -c 'echo escaped'"
Start-Process notepad.exe
Start-Job { 'escaped' }
Invoke-Command -ScriptBlock { 'escaped' } -ComputerName localhost
'still running'
