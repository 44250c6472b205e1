# Invoke-Pester's default (Normal) report: discovery, each failed test with its message and
# where it failed, each file's line, the summary; folders are searched for *.Tests.ps1 only.
New-Item C:\tests\more -ItemType Directory | Out-Null
Set-Content C:\tests\Math.Tests.ps1 @'
Describe 'Math' {
    BeforeAll { $two = 2 }
    It 'adds' { 1 + 1 | Should -Be $two }
    It 'fails' {
        1 | Should -Be 2
    }
    Context 'strings' {
        It 'compares <a>' -TestCases @{ a = 'abc'; b = 'abd' } {
            $a | Should -Be $b -Because 'names must match'
        }
        It 'throws' { throw 'boom' }
        It 'is skipped' -Skip { throw 'never runs' }
    }
}
'@
Set-Content C:\tests\more\Green.Tests.ps1 "Describe 'Green' { It 'passes' { `$true | Should -BeTrue } }"
Set-Content C:\tests\more\helper.ps1 "throw 'not a test file'"
Invoke-Pester C:\tests

# One file; -PassThru's counts and tests.
$r = Invoke-Pester -Path C:\tests\more\Green.Tests.ps1 -PassThru
$r.Result, $r.TotalCount, $r.PassedCount, $r.FailedCount
$r = Invoke-Pester C:\tests -Output None -PassThru
'{0}: {1} total, {2} passed, {3} failed, {4} skipped, {5} not run' -f $r.Result, $r.TotalCount, $r.PassedCount, $r.FailedCount, $r.SkippedCount, $r.NotRunCount
$r.Tests | Select-Object ExpandedPath, Result | Format-Table -AutoSize | Out-Host
$r.Containers | Select-Object Item, Result, TotalCount | Format-Table -AutoSize | Out-Host
$r.Failed[0].ErrorRecord[0].Exception.Message
# The report is Write-Host text: the information stream.
Invoke-Pester C:\tests\more 6> $null
'quiet'
