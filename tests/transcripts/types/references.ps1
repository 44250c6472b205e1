# [ref] to a variable reads and writes the variable itself.
$count = 1
$r = [ref]$count
$r.Value
$r.Value = 5
$count
function Add-One([ref] $Number) { $Number.Value++ }
Add-One ([ref]$count)
$count
# [ref] of any other value is a box.
$box = [ref]'text'
$box.Value
$box.Value = 'changed'
$box.Value
$box.GetType().FullName
$box
# TryParse writes its result through the reference, or the type's default.
$n = 0
[int]::TryParse('42', [ref]$n)
$n
[int]::TryParse(' -7 ', [ref]$n)
$n
[int]::TryParse('0x10', [ref]$n)
$n
[int]::TryParse('99999999999', [ref]$n)
[long]::TryParse('99999999999', [ref]$n)
$n
[double]::TryParse('1,234.5', [ref]$n)
$n
[bool]::TryParse('True', [ref]$flag)
$flag
$when = Get-Date
[datetime]::TryParse('2016-10-03 14:00', [ref]$when)
$when
[datetime]::TryParse('not a date', [ref]$when)
$when.Year
$id = [guid]::Empty
[guid]::TryParse('d7491e93-7a53-486c-b283-4b68e05c1de3', [ref]$id)
$id
[timespan]::TryParse('01:30:00', [ref]$span)
$span.TotalMinutes
