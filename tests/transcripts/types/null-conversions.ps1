# $null converts to a reference type as $null: a cast, and a typed parameter left unbound or
# bound from the pipeline (a [scriptblock] parameter taking a piped block).
$null -eq [scriptblock]$null
$null -eq [hashtable]$null
$null -eq [regex]$null
# ...but to a string as '' and to a number as 0.
'[{0}] {1}' -f [string]$null, [int]$null
function Test-Block {
    param([Parameter(ValueFromPipeline, Mandatory)][scriptblock]$Block, [Parameter(Position = 0)][string]$Label)
    "$Label ran: $(& $Block)"
}
{ 6 * 7 } | Test-Block 'piped'
function Test-Optional([scriptblock]$Block, [hashtable]$Options) { 'unbound: {0} {1}' -f ($null -eq $Block), ($null -eq $Options) }
Test-Optional
