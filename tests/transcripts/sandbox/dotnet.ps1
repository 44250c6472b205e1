# .NET types that reach outside the process are not found; [Environment] answers from the simulated environment, never the host's.
[System.IO.File]::ReadAllText('/etc/passwd')
[IO.Directory]::GetFiles('/')
[System.Diagnostics.Process]::Start('/bin/sh')
[Diagnostics.Process]::GetProcesses()
[System.Net.Dns]::GetHostEntry('example.com')
[Reflection.Assembly]::LoadFile('/tmp/evil.dll')
[System.Environment]::GetEnvironmentVariable('PATH')
[Environment]::GetEnvironmentVariables()
New-Object System.Net.WebClient
New-Object System.Net.Sockets.TcpClient('example.com', 80)
New-Object -ComObject WScript.Shell
Add-Type -TypeDefinition 'public class Evil {}'
'still running'
