# Get-Command's objects carry Parameters: ParameterMetadata by name, the common ones after.
function Set-Thing {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'ByName')]
        [ValidateSet('alpha', 'beta')]
        [Alias('n')]
        [string] $Name,
        [Parameter(ParameterSetName = 'ById', ValueFromPipeline)] [int] $Id,
        [switch] $Force
    )
}
$c = Get-Command Set-Thing
$c.Parameters.Keys -join ','
$c.Parameters.ContainsKey('NAME')
$p = $c.Parameters['name']
'{0} {1} aliases={2} switch={3}' -f $p.Name, $p.ParameterType.FullName, ($p.Aliases -join '|'), $p.SwitchParameter
$p.ParameterSets.Keys
$p.ParameterSets['ByName'] | Format-List Position, IsMandatory, ValueFromPipeline
($p.Attributes | Where-Object { $_.ValidValues }).ValidValues -join ','
$p.Attributes[0].ParameterSetName
$c.Parameters.Id.ParameterSets.ById.ValueFromPipeline
$c.Parameters.Id.ParameterSets.ById.Position -eq [int]::MinValue
$c.Parameters.Force.SwitchParameter
$c.Parameters.Force.ParameterSets.Keys
$c.Parameters.Verbose.Aliases
# A simple function has no common parameters.
function plain($a, $b) {}
(Get-Command plain).Parameters.Keys -join ','
# Cmdlets too.
(Get-Command Get-Content).Parameters.ContainsKey('Path')
(Get-Command Out-File).Parameters.Encoding.Attributes.ValidValues -contains 'Unicode'
