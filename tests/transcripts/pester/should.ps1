# Should's operators outside a run: each holds, and each failure's message as Pester words it.
function Fails([scriptblock] $assertion) {
    try { & $assertion; 'held' } catch { $_.Exception.Message }
}
1 | Should -Be 1
'A' | Should -Be 'a'
@(1, 2) | Should -Be @(1, 2)
Fails { 1 | Should -Be 2 }
Fails { 1 | Should -Be 2 -Because 'one is not two' }
Fails { 1 | Should -Not -Be 1 }
Fails { 'actual' | Should -Be 'expected' }
Fails { "123`n456" | Should -Be "123`n789" }
Fails { 'A' | Should -BeExactly 'a' }
Fails { 2 | Should -BeExactly 3 }
Fails { 'x' | Should -BeNullOrEmpty }
Fails { $null | Should -Not -BeNullOrEmpty }
@() | Should -BeNullOrEmpty
'' | Should -BeNullOrEmpty
Fails { $false | Should -BeTrue }
Fails { 1 | Should -BeFalse }
Fails { 'abc' | Should -Match '^b' }
Fails { 'abc' | Should -Not -Match 'b' }
Fails { 'abc' | Should -MatchExactly 'B' }
Fails { 'abc' | Should -BeLike 'b*' }
Fails { 'abc' | Should -BeLikeExactly 'A*' }
Fails { 'abc' | Should -Not -BeLike 'a*' }
1 | Should -BeOfType [int]
'x' | Should -BeOfType System.String
Fails { 1 | Should -BeOfType [string] }
Fails { 'x' | Should -Not -BeOfType [string] }
@(1, 2, 3) | Should -HaveCount 3
Fails { @(1, 2) | Should -HaveCount 3 }
Fails { @(1, 2) | Should -HaveCount 0 }
Fails { @(1, 2, 3) | Should -Contain 4 }
Fails { @(1, 2, 3) | Should -Not -Contain 2 }
Fails { 3 | Should -BeIn @(1, 2) }
Fails { 3 | Should -BeGreaterThan 5 }
Fails { 6 | Should -BeLessThan 5 }
Fails { 4 | Should -BeGreaterOrEqual 5 }
Fails { 6 | Should -BeLessOrEqual 5 }
Fails { 6 | Should -Not -BeGreaterThan 5 }
5 | Should -BeGreaterOrEqual 5
# -Throw: any error, or one whose message, id or exception type (named: ersim has no type
# literals for exceptions) matches; -PassThru gives the error.
{ throw 'no circuit' } | Should -Throw
{ throw 'no circuit' } | Should -Throw 'no*'
{ throw 'no circuit' } | Should -Throw -ExpectedMessage 'no circuit'
{ Get-Item C:\nothing -ErrorAction Stop } | Should -Throw -ErrorId 'PathNotFound' -ExceptionType 'System.Management.Automation.ItemNotFoundException'
$err = { throw 'kept' } | Should -Throw -PassThru
$err.Exception.Message
Fails { { 1 } | Should -Throw }
Fails { { 1 } | Should -Throw -ExpectedMessage 'boom' }
Fails { { throw 'other' } | Should -Throw -ExpectedMessage 'boom' }
Fails { { throw 'other' } | Should -Throw -ExceptionType System.ArgumentException }
Fails { { throw 'oops' } | Should -Not -Throw }
# Files.
New-Item C:\data -ItemType Directory | Out-Null
Set-Content C:\data\config.txt 'Bandwidth=200', 'Location=London'
'C:\data\config.txt' | Should -Exist
Fails { 'C:\data\missing.txt' | Should -Exist }
Fails { 'C:\data\config.txt' | Should -Not -Exist }
'C:\data\config.txt' | Should -FileContentMatch 'location=london'
Fails { 'C:\data\config.txt' | Should -FileContentMatchExactly 'location' }
Fails { 'C:\data\config.txt' | Should -FileContentMatch 'Paris' }
'C:\data\config.txt' | Should -FileContentMatchMultiline '200\r?\nLocation'
# Commands' parameters.
Get-Command New-AzureDedicatedCircuit | Should -HaveParameter CircuitName -Mandatory -Type [string]
Fails { Get-Command New-AzureDedicatedCircuit | Should -HaveParameter Nope }
Fails { Get-Command Get-AzureDedicatedCircuit | Should -HaveParameter ServiceKey -Mandatory }
Fails { Get-Command New-AzureDedicatedCircuit | Should -Not -HaveParameter Bandwidth }
# The legacy form of Pester 3 and 4.
2 | Should Be 2
'abc' | Should Match 'B'
Fails { 2 | Should Not Be 2 }
Fails { { 1 } | Should Throw }
Fails { 1 | Should }
