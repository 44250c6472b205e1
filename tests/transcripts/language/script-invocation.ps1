# At a -File script's top level $MyInvocation.MyCommand is the script's ExternalScriptInfo:
# its Name is the file's, its Path and Definition the full path.
$MyInvocation.MyCommand.Name
$MyInvocation.MyCommand.CommandType
$MyInvocation.MyCommand.GetType().FullName
$MyInvocation.MyCommand.Path -eq $PSCommandPath
$MyInvocation.MyCommand.Definition -eq $PSCommandPath
# A function's MyCommand stays its FunctionInfo.
function Get-Circuits { $MyInvocation.MyCommand.CommandType }
Get-Circuits
# The cultures of the session, as $PSCulture and $PSUICulture name them.
$PSCulture
$PSUICulture
