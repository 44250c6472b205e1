# A function's redirections reach the commands inside it.
function Get-Noisy {
    [CmdletBinding()]
    param()
    Write-Error 'noise one'
    'value one'
    Write-Error 'noise two'
    'value two'
}
Get-Noisy 2> $null
"errors kept in `$Error: $($Error.Count)"
$merged = Get-Noisy 2>&1
"merged: $($merged.Count) items, first a $($merged[0].GetType().Name)"

# -ErrorVariable and -OutVariable of a function are set in the caller's scope.
Get-Noisy -ErrorVariable problems -OutVariable values 2> $null | Out-Null
"problems: $($problems.Count) ($($problems[1].Exception.Message)); values: $($values -join ', ')"
Get-Noisy -ErrorVariable +problems -OutVariable +values 2> $null | Out-Null
"after appending: $($problems.Count) problems, $($values.Count) values"

# A simple function nested in another writes where the outer call's errors go.
function Get-Inner { Write-Error 'from the inner function' }
function Get-Outer { Get-Inner; 'outer done' }
Get-Outer 2> $null
