# Should.ErrorAction = 'Continue' (or -ErrorAction Continue on one Should): a failed assertion
# is kept and the test goes on; every failure is reported, an AfterEach's after them, and the
# result file numbers them.
New-Item C:\tests -ItemType Directory | Out-Null
Set-Content C:\tests\Many.Tests.ps1 @'
Describe 'many' {
    It 'collects every failure' {
        1 | Should -Be 2
        'a' | Should -Be 'b'
        Write-Host 'still running'
    }
    Context 'teardown' {
        AfterEach { throw 'teardown failed' }
        It 'fails twice' { 1 | Should -Be 3 }
    }
}
Describe 'one assertion goes on' {
    It 'by its own -ErrorAction' {
        1 | Should -Be 5 -ErrorAction Continue
        Write-Host 'after the soft failure'
        1 | Should -Be 6
        Write-Host 'never shown'
    }
}
'@
$c = New-PesterConfiguration -Hashtable @{ Run = @{ Path = 'C:\tests'; PassThru = $true }; Should = @{ ErrorAction = 'Continue' }; TestResult = @{ Enabled = $true; OutputPath = 'C:\tests\r.xml' } }
$r = Invoke-Pester -Configuration $c
$r.Tests | ForEach-Object { '{0}: {1} error(s)' -f $_.ExpandedPath, $_.ErrorRecord.Count }
(Get-Content C:\tests\r.xml) -match '^\s*(<message>|<stack-trace>|\[\d\]|at )'
# Without the setting the first failure ends the test, unless that Should says -ErrorAction Continue.
$r = Invoke-Pester C:\tests -Output None -PassThru
$r.Tests | ForEach-Object { '{0}: {1} error(s)' -f $_.ExpandedPath, $_.ErrorRecord.Count }
