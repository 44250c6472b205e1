# $env: is a simulated Windows environment, never the host's.
$env:Path
$env:COMPUTERNAME
$env:HOME
$env:SHELL
$env:Path = 'changed'
$env:Path
