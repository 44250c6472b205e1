# Mistakes get errors, not crashes: test commands outside a Describe, a missing path, a file
# that does not parse, Should with no operator, a bad pattern or type, an unknown command to
# mock, a bad verbosity.
It 'alone' { 1 }
BeforeAll { 1 }
Context 'alone' { It 'x' { } }
Invoke-Pester C:\nowhere -Output None
New-Item C:\tests -ItemType Directory | Out-Null
Set-Content C:\tests\Parse.Tests.ps1 "Describe 'x' { It 'y' { 1 | Should -Be (2 }"
Invoke-Pester C:\tests
Set-Content C:\tests\Parse.Tests.ps1 @'
Describe 'misuse' {
    It 'has no operator' { 1 | Should }
    It 'has a bad pattern' { 'a' | Should -Match '[' }
    It 'names an unknown type' { 1 | Should -BeOfType NoSuchType }
    It 'mocks nothing' { Mock Get-NoSuchThing { 1 } }
    It 'has no data' -ForEach @() { throw 'never' }
    It 'throws a non-block' { 1 | Should -Throw }
}
Describe 'no copies' -ForEach @() { It 'never' { } }
'@
Invoke-Pester C:\tests
Invoke-Pester C:\tests -Output Loud
Invoke-Pester -Configuration @{ Output = @{ Verbosity = 'Loud' } }
'still here'
