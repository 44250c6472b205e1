#requires -Modules ExpressRoute, NotInstalledModule
"never written"
