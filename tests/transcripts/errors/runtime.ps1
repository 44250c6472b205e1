$x = $null
$x.Foo()
'after a statement error the script goes on'
$arr = 1, 2
$arr[5]
$null[0]
[int]'abc'
Write-Error 'custom failure'
Write-Error 'hidden' -ErrorAction SilentlyContinue
"errors recorded: $($Error.Count)"
function Inner { Write-Error 'from a function' }
Inner
throw 'fatal'
'never printed'
