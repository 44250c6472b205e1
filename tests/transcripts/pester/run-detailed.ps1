# -Output Detailed: every block and test, indented by depth; setup and teardown order;
# -ForEach on blocks and tests; a failing BeforeAll fails its block's tests.
New-Item C:\tests -ItemType Directory | Out-Null
Set-Content C:\tests\Order.Tests.ps1 @'
BeforeAll { Write-Host 'file BeforeAll' }
Describe 'Order' {
    BeforeAll { Write-Host 'describe BeforeAll'; $shared = 'from BeforeAll' }
    BeforeEach { Write-Host 'describe BeforeEach' }
    AfterEach { Write-Host 'describe AfterEach' }
    AfterAll { Write-Host 'describe AfterAll' }
    Context 'inner' {
        BeforeEach { Write-Host 'context BeforeEach' }
        AfterEach { Write-Host 'context AfterEach' }
        It 'sees the shared variable' {
            Write-Host "test: $shared"
            $shared | Should -Be 'from BeforeAll'
        }
    }
    # Code outside the blocks runs during discovery only: the tests do not see it.
    $discoveryOnly = 'set in discovery'
    It 'does not see discovery variables' { $discoveryOnly | Should -BeNullOrEmpty }
}
'@
Set-Content C:\tests\Data.Tests.ps1 @'
BeforeDiscovery { $planets = @(@{ Name = 'Earth'; Moons = 1 }, @{ Name = 'Mars'; Moons = 2 }) }
Describe 'Planet <Name>' -ForEach $planets {
    It 'has <Moons> moons' { $Moons | Should -BeGreaterThan 0 }
    It 'is called <_.Name>' { $_.Name | Should -Be $Name }
}
Describe 'Broken setup' {
    BeforeAll { throw 'setup failed' }
    It 'cannot run' { $true | Should -BeTrue }
}
'@
Invoke-Pester C:\tests -Output Detailed
'---'
Invoke-Pester C:\tests\Data.Tests.ps1
