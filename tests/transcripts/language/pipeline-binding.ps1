# Pipeline input to script functions: by value, then by property name, per record.
function Get-Even {
    param([Parameter(ValueFromPipeline = $true)]$Number)
    process { if ($Number % 2 -eq 0) { $Number } }
}
(1..10 | Get-Even) -join ','

# A record that does not convert for one parameter may still bind another by property name:
# a string's Length.
function Get-Length {
    param(
        [Parameter(ValueFromPipeline = $true)][int]$Count = 10,
        [Parameter(ValueFromPipelineByPropertyName = $true)][int]$Length = 100
    )
    process { "count $Count length $Length" }
}
'abc' | Get-Length
7 | Get-Length

# Without a process block the end block sees the last record.
function Get-Last {
    param([Parameter(Mandatory = $true, Position = 0, ValueFromPipeline = $true)]$Item)
    "last $Item"
}
1, 2, 42 | Get-Last

# Validation runs on every record; a record that fails is skipped and the others go on.
function Set-Level {
    param([Parameter(ValueFromPipeline = $true)][ValidateRange(1, 5)][int]$Level)
    process { "level $Level" }
}
1, 9, '3' | Set-Level
'after the levels'

# By property name, each record starts from the defaults: nothing carries over.
function Show-Host {
    param(
        [Parameter(ValueFromPipelineByPropertyName = $true)][Alias('HostName')]$Name,
        [Parameter(ValueFromPipelineByPropertyName = $true)]$Port = 443
    )
    process { "$Name`:$Port" }
}
[pscustomobject]@{ Name = 'a'; Port = 80 }, [pscustomobject]@{ HostName = 'b' }, [pscustomobject]@{ Other = 1 } | Show-Host
'after the hosts'

# A typed pipeline parameter keeps its type in the body.
function Get-Typed {
    param([Parameter(ValueFromPipeline = $true)][int]$N)
    process { "$($N.GetType().Name) $N" }
}
'5' | Get-Typed

# $null is one record; an empty array is none.
function Show-Input {
    param([Parameter(ValueFromPipeline = $true)]$InputObject)
    process { "record [$InputObject] null: $($null -eq $InputObject)" }
}
$null | Show-Input
@() | Show-Input
'done'
