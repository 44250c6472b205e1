# Install-Module: the modules ersim has are installed at their versions (a warning, nothing
# changes; -Force says nothing); another module or version needs the gallery, which the
# offline lab cannot reach.
Install-Module -Name Azure -Scope CurrentUser
Install-Module ExpressRoute, Pester -Force
Install-Module Az.Network -MinimumVersion '7.0' -MaximumVersion '8.0'
Install-Module Azure -RequiredVersion '1.0.0'
Install-Module -Name Posh-SSH
try { Install-Module -Name AzureAD -ErrorAction Stop -WarningAction SilentlyContinue } catch { "caught: $($_.FullyQualifiedErrorId)" }
(Get-Module -ListAvailable Azure).Version.ToString()
Install-Module -Name Azure -Scope Everyone
