#Requires -Version 3.0
#requires -RunAsAdministrator
#requires -Modules ExpressRoute, Azure
# The lab session meets these: PowerShell 5.1, the modules loaded, an administrator.
"the script ran"
