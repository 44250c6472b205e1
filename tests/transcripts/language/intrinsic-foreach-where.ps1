# .ForEach and .Where, the methods every collection (and every scalar) has.
$numbers = 1..10
'-- ForEach with a block, with and without parentheses'
$numbers.ForEach{ $_ * 2 } -join ','
$numbers.ForEach({ $_ + 100 })[0]
(5).ForEach{ "scalar $_" }
'-- ForEach with a property name and with a method name'
$items = @([pscustomobject]@{ Name = 'alpha'; Size = 1 }, [pscustomobject]@{ Name = 'beta'; Size = 2 })
$items.ForEach('Name') -join ','
@('one', 'two').ForEach('ToUpper') -join ','
@('a-b', 'c-d').ForEach('Split', '-') -join ','
@($items.ForEach('NoSuchProperty')).Count
'-- ForEach with a type converts each item'
(1, '2', 3.6).ForEach([int]) | ForEach-Object { '{0} {1}' -f $_.GetType().Name, $_ }
'-- Where with a block and each selection mode'
$numbers.Where{ $_ % 3 -eq 0 } -join ','
$numbers.Where({ $_ -gt 4 }, 'First') -join ','
$numbers.Where({ $_ -gt 4 }, 'First', 3) -join ','
$numbers.Where({ $_ -gt 4 }, 'Last') -join ','
$numbers.Where({ $_ -gt 4 }, 'Last', 2) -join ','
$numbers.Where({ $_ -eq 7 }, 'SkipUntil') -join ','
$numbers.Where({ $_ -eq 7 }, 'SkipUntil', 2) -join ','
$numbers.Where({ $_ -eq 4 }, 'Until') -join ','
$numbers.Where({ $_ -eq 4 }, 'Until', 2) -join ','
$even, $odd = $numbers.Where({ $_ % 2 -eq 0 }, 'Split')
"even: $($even -join ','); odd: $($odd -join ',')"
$firstTwo, $rest = $numbers.Where({ $_ % 2 -eq 0 }, 'Split', 2)
"first two: $($firstTwo -join ','); rest: $($rest -join ',')"
$numbers.Where({ $_ -gt 4 }, 'default') -join ','
'end'
