# $null as a value, Count and Length of what is no collection, begin and end output.
'-- @($null) holds one element; a command that writes nothing gives none'
@($null).Count
function Get-Nothing { }
@(Get-Nothing).Count
$unset = $null
@($unset, $null).Count
'-- $null | f runs the process block once'
function Show-Item { process { "process saw [$_], null: $($null -eq $_)" } }
$null | Show-Item
Get-Nothing | Show-Item
'-- Count and Length of a scalar are 1, of $null 0'
(5).Count
(5).Length
'abc'.Count
'abc'.Length
$null.Count
$null.Length
@{ a = 1; b = 2 }.Count
@{ a = 1 }.Length
([pscustomobject]@{ Name = 'x' }).Count
'-- an object own Count wins'
([pscustomobject]@{ Count = 42 }).Count
'-- member enumeration'
$list = @([pscustomobject]@{ Name = 'alpha' }, [pscustomobject]@{ Name = 'beta' })
$list.Name -join ','
'-- what begin and end write flows down the pipeline'
function Get-Framed {
    begin { 'begin' }
    process { "item $_" }
    end { 'end' }
}
1, 2 | Get-Framed | ForEach-Object { "downstream got: $_" }
function Get-Counted {
    begin { $seen = 0 }
    process { $seen++ }
    end { "counted $seen" }
}
'a', 'b', 'c' | Get-Framed | Get-Counted
