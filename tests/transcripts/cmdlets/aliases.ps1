# Get-Command and Get-Alias print 5.1's CommandType/Name/Version/Source table; an alias shows
# "name -> command". Clear-Host leaves output that is no console alone.
Get-Command Get-Date, pwd
Get-Alias -Definition Get-History
(Get-Alias cls).Definition
Get-Alias r, nope
Clear-Host
'after Clear-Host'
# A module's aliases keep their spelling, however they are asked for.
Get-Alias login-azaccount
(Get-Command -Name LOGIN-AZACCOUNT).Name
