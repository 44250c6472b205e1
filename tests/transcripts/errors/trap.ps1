function Test-Trap {
    trap [System.DivideByZeroException] { "trapped: $($_.Exception.Message)"; continue }
    $zero = 0; $x = 1 / $zero
    'after the trapped statement'
}
Test-Trap
trap { 'default trap ran' }
Get-Nope
'script goes on'
