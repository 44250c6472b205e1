# $PSDefaultParameterValues gives unbound parameters of cmdlets and advanced functions a value.
function Get-Greeting {
    [CmdletBinding(DefaultParameterSetName = 'ByName')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'ByName')] [string] $Name,
        [Parameter(ParameterSetName = 'ById')] [int] $Id,
        [Alias('Punct')] [string] $Mark = '.',
        [int] $Times = 1
    )
    "Hello $Name$Id$Mark x$Times [$(($PSBoundParameters.Keys | Sort-Object) -join ',')]"
}
function plain([string]$Name = 'plain') { "simple $Name" }
$PSDefaultParameterValues.Count
# A default fills a mandatory parameter; the command line wins; a set it is not in is left alone.
$PSDefaultParameterValues['Get-Greeting:Name'] = 'world'
Get-Greeting
Get-Greeting -Name you
Get-Greeting -Id 7
# Wildcards in the command name, an alias for the parameter.
$PSDefaultParameterValues['Get-G*:Punct'] = '!'
Get-Greeting
# A simple function takes no defaults.
$PSDefaultParameterValues['plain:Name'] = 'ignored'
plain
# A script block is run for its value; $args[0] tells what is bound already.
$PSDefaultParameterValues['Get-Greeting:Times'] = { if ($args[0].BoundParameters -contains 'Name') { 3 } else { 2 } }
Get-Greeting -Name me
Get-Greeting -Id 1
# The command part may be an alias of the command.
Set-Alias gg Get-Greeting
$PSDefaultParameterValues = @{ 'gg:Mark' = '?'; 'Get-Greeting:Name' = 'alias' }
Get-Greeting
# A default that does not convert is a warning, and the command runs without it.
$PSDefaultParameterValues = @{ 'Get-Greeting:Name' = 'a'; 'Get-Greeting:Times' = 'many' }
Get-Greeting
# A key without a colon is removed with a warning.
$PSDefaultParameterValues = @{ 'Get-Greeting:Name' = 'b'; 'NoColon' = 1 }
Get-Greeting -Name c
$PSDefaultParameterValues.ContainsKey('NoColon')
# Disabled = $true turns the table off.
$PSDefaultParameterValues = @{ 'Get-Greeting:Name' = 'b'; 'Disabled' = $true }
Get-Greeting -Name d
$PSDefaultParameterValues['Disabled'] = $false
Get-Greeting
# A parameter pattern matching several parameters is ignored with a warning.
$PSDefaultParameterValues = @{ 'Get-Greeting:Name' = 'b'; 'Get-Greeting:*' = 1 }
Get-Greeting
# Two keys naming one parameter with different values: both are ignored.
$PSDefaultParameterValues = @{ 'Get-Greeting:Name' = 'b'; 'Get-Greeting:Mark' = ';'; 'gg:Mark' = ':' }
Get-Greeting
# Cmdlets and common parameters too.
$PSDefaultParameterValues = @{ 'Write-Output:InputObject' = 'from the table' }
Write-Output
$PSDefaultParameterValues = @{ '*:ErrorAction' = 'SilentlyContinue' }
Write-Error 'hidden'
'done'
