# Positions: declaration order, unless a parameter names a Position or a ParameterSetName,
# or CmdletBinding says PositionalBinding=$false.
function Get-Ordered { [CmdletBinding()] param($First, $Second) "$First|$Second" }
Get-Ordered 1 2

function Get-OnePosition { param([Parameter(Position = 1)]$Only) "only $Only" }
Get-OnePosition b

function Get-Swapped {
    param([Parameter(Position = 2)]$A, [Parameter(Position = 1)]$B)
    "A=$A B=$B"
}
Get-Swapped c d

function Get-Explicit { [CmdletBinding()] param([Parameter(Position = 0)]$First, $Second) "$First|$Second" }
Get-Explicit 1 -Second 2
Get-Explicit 1 2

function Get-Named { [CmdletBinding(PositionalBinding = $false)] param($First) "first $First" }
Get-Named -First 1
Get-Named 1

# ValueFromRemainingArguments takes what no position does, in the order written; an unknown
# -name is one more value for it.
function Get-Rest {
    param([Parameter(Position = 1)]$A, [Parameter(ValueFromRemainingArguments = $true)]$Rest)
    "A=$A rest=$($Rest -join ',')"
}
Get-Rest a b c d
Get-Rest a b -A c d
Get-Rest a b -A c -q d

# A simple function's $args keeps the order of the command line.
function Show-Args { "$($args.Count): $args" }
Show-Args 1 -x 2 -y 3
function Show-Mixed { param($Name) "Name=$Name args=$args" }
Show-Mixed -z 1 2

# Parameter sets sharing a position: only the sets still possible take part, the default set
# breaks a tie, and naming parameters of two sets fails.
function Get-BySet {
    [CmdletBinding(DefaultParameterSetName = 'Path')]
    param(
        [Parameter(ParameterSetName = 'Path', Position = 0)]$Path,
        [Parameter(ParameterSetName = 'Id', Position = 0)]$Id,
        [Parameter(ValueFromRemainingArguments = $true)]$Rest
    )
    "set=$($PSCmdlet.ParameterSetName) path=$Path id=$Id rest=$($Rest -join ',')"
}
Get-BySet one two
Get-BySet -Id 7 one two
Get-BySet -Path p -Id 7
'after the sets'
