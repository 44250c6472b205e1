# [Environment]: the simulated lab machine, consistent with $env:.
[Environment]::MachineName
[Environment]::UserName
[Environment]::UserDomainName
[Environment]::Is64BitProcess
[Environment]::ProcessorCount
[Environment]::OSVersion.VersionString
[Environment]::OSVersion.Version.Major
[Environment]::GetEnvironmentVariable('username')
[Environment]::GetEnvironmentVariable('NO_SUCH_VARIABLE') -eq $null
[Environment]::SetEnvironmentVariable('LAB_STAGE', 'test')
$env:LAB_STAGE
$env:LAB_COLOR = 'blue'
[Environment]::GetEnvironmentVariable('LAB_COLOR')
[Environment]::ExpandEnvironmentVariables('%USERPROFILE%\lab %NOPE%')
[Environment]::GetEnvironmentVariables().Count -gt 5
"a$([Environment]::NewLine)b".Length
[Environment]::GetEnvironmentVariable()
