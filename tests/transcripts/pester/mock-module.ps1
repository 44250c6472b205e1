# Mock -ModuleName: a script module's own calls, of a private function or of an ersim cmdlet,
# take the mock while the test that made it runs; afterwards the module is as it was.
New-Item C:\tests -ItemType Directory | Out-Null
Set-Content C:\tests\Orders.psm1 @'
function Get-Quote { 100 * (Get-Rate) }
function Get-Rate { 2 }
function Get-CircuitCount { @(Get-AzureDedicatedCircuit).Count }
Export-ModuleMember -Function Get-Quote, Get-CircuitCount
'@
Set-Content C:\tests\Orders.Tests.ps1 @'
BeforeAll { Import-Module $PSScriptRoot\Orders.psm1 }
Describe 'Orders' {
    It 'quotes with the real rate' { Get-Quote | Should -Be 200 }
    It 'quotes with a mocked private rate' {
        Mock Get-Rate { 5 } -ModuleName Orders
        Get-Quote | Should -Be 500
        Should -Invoke Get-Rate -ModuleName Orders -Times 1 -Exactly
    }
    It 'sees a mocked cmdlet from inside the module' {
        Mock Get-AzureDedicatedCircuit { 'a', 'b', 'c' } -ModuleName Orders
        Get-CircuitCount | Should -Be 3
    }
    It 'is back to the real rate' { Get-Quote | Should -Be 200 }
    It 'does not see a mock made without -ModuleName' {
        Mock Get-Rate { 7 }
        Get-Quote | Should -Be 200
    }
}
'@
Invoke-Pester C:\tests -Output Detailed
Get-Quote
