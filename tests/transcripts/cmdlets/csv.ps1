# ConvertTo-Csv: a #TYPE line unless -NoTypeInformation, the first object's properties as the
# header, every field quoted (inner quotes doubled), $null as an empty unquoted field.
$rows = [pscustomobject]@{ Name = 'Lab'; Bandwidth = 200; Note = 'say "hi"' },
        [pscustomobject]@{ Name = 'Branch'; Bandwidth = 50; Note = $null }
$rows | ConvertTo-Csv
$rows | ConvertTo-Csv -NoTypeInformation -Delimiter ';'
# Later objects give the first object's properties only.
[pscustomobject]@{ A = 1 }, [pscustomobject]@{ B = 2; A = 3 } | ConvertTo-Csv -NoTypeInformation
'abc' | ConvertTo-Csv

# ConvertFrom-Csv: back to objects; empty fields are empty strings, missing ones $null.
$back = $rows | ConvertTo-Csv | ConvertFrom-Csv
$back[0].PSObject.TypeNames[0]
$back | Format-Table -AutoSize
"note of the second: [$($back[1].Note)] is null: $($null -eq $back[1].Note)"
$short = 'a,b,c', '1,2' | ConvertFrom-Csv
"c is null: $($null -eq $short.c)"
# A quoted field may hold the delimiter and a line break; blank lines are skipped.
"x,y", '"one, two","line', 'break"', '', '3,4' | ConvertFrom-Csv | Format-List
'1;2' | ConvertFrom-Csv -Header First, Second -Delimiter ';'
'a,a', '1,2' | ConvertFrom-Csv
