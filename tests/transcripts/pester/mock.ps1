# Mock: ersim's cmdlets and the script's own functions replaced for a test or a block, a
# filter choosing which calls a mock takes (the rest reach the real command), and the
# calls counted by Should -Invoke, Assert-MockCalled and Should -InvokeVerifiable.
New-Item C:\tests -ItemType Directory | Out-Null
Set-Content C:\tests\Mock.Tests.ps1 @'
BeforeAll {
    function Get-Label([string] $Name) { "label:$Name" }
    function Deploy([string] $Name) {
        New-AzureDedicatedCircuit -CircuitName $Name -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force -ErrorAction Stop
    }
}
Describe 'mocks' {
    BeforeAll { Mock Get-Label { "mocked:$Name" } -ParameterFilter { $Name -eq 'a' } }
    It 'takes only the calls its filter accepts' {
        Get-Label a | Should -Be 'mocked:a'
        Get-Label b | Should -Be 'label:b'
        Should -Invoke Get-Label -Times 2 -Exactly
        Should -Invoke Get-Label -Times 1 -Exactly -ParameterFilter { $Name -eq 'b' }
    }
    It 'makes the service fail without a fault preset' {
        Mock New-AzureDedicatedCircuit { throw 'The service refused the order.' } -Verifiable
        { Deploy lab-01 } | Should -Throw 'The service refused the order.'
        Should -InvokeVerifiable
        Assert-MockCalled New-AzureDedicatedCircuit 1 -ParameterFilter { $CircuitName -eq 'lab-01' }
    }
    It 'is gone after the test that made it' {
        (Deploy lab-02).CircuitName | Should -Be 'lab-02'
        Should -Invoke New-AzureDedicatedCircuit -Times 0 -Exactly
    }
    It 'counts per test, or per block with -Scope' {
        Should -Invoke Get-Label -Times 2 -Exactly -Scope Describe
        Should -Invoke Get-Label -Times 1
    }
    It 'reports a verifiable mock never called' {
        Mock Get-Date { 'never' } -Verifiable
        Should -InvokeVerifiable
    }
    It 'says how often it was called' {
        Mock Get-Date { 'now' }
        Get-Date | Out-Null
        Should -Invoke Get-Date -Times 2 -Exactly -Because 'it polls twice'
    }
}
'@
Invoke-Pester C:\tests -Output Detailed
