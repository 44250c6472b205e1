# Compare-Object as 5.1's CompareObjectCommand: => only in the difference objects, <= only in
# the reference objects (differences first when the input ends), == with -IncludeEqual.
Compare-Object -ReferenceObject 'a', 'b', 'c' -DifferenceObject 'b', 'c', 'd'
Compare-Object 'a', 'b', 'c' 'b', 'c', 'd' -IncludeEqual | Format-Table
Compare-Object 1, 2 1, 2 -ExcludeDifferent | Format-Table
Compare-Object @() 'x', 'y' | Format-Table
Compare-Object 'Lab', 'lab' 'LAB' -CaseSensitive | Format-Table
$before = [pscustomobject]@{ Name = 'Lab'; Bandwidth = 200 }, [pscustomobject]@{ Name = 'Branch'; Bandwidth = 50 }
$after = [pscustomobject]@{ Name = 'Lab'; Bandwidth = 500 }, [pscustomobject]@{ Name = 'Branch'; Bandwidth = 50 }
Compare-Object $before $after -Property Name, Bandwidth | Format-Table
(Compare-Object $before $after -Property Bandwidth -PassThru | Where-Object SideIndicator -eq '=>').Name
'a', 'b' | Compare-Object 'b', 'c' -PassThru
Compare-Object $null 'x'
