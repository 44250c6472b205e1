@{ Name = 'lab' }
1, 'two', 3.5, $true
[guid]'6ed7e310-1a02-4261-915f-6ccfedc416f1'
Get-Date
(Get-Date).GetType()
[pscustomobject]@{ Nested = [pscustomobject]@{ a = 1; b = 2 }; List = @('x', 'y'); Empty = @() }
