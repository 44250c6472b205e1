# .GetNewClosure() keeps the values variables had when the closure was made.
$greeting = 'hello'
$closure = { "$greeting from the closure" }.GetNewClosure()
$plain = { "$greeting from the plain block" }
$greeting = 'changed'
& $closure
& $plain
function New-Counter {
    param($Start)
    $value = $Start
    { "counter started at $value" }.GetNewClosure()
}
$counters = 1, 5 | ForEach-Object { New-Counter -Start $_ }
$counters | ForEach-Object { & $_ }
"the function's variable is not here: $($null -eq $value)"
$withParam = { param($suffix) "$greeting$suffix" }.GetNewClosure()
& $withParam '!'
