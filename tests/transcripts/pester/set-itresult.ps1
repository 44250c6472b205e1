# Set-ItResult: a test ends itself as skipped, inconclusive or pending; all count as skipped,
# and the report says the state and the reason after the name.
New-Item C:\tests -ItemType Directory | Out-Null
Set-Content C:\tests\Result.Tests.ps1 @'
Describe 'Example' {
    It 'Inconclusive test' {
        Set-ItResult -Inconclusive -Because 'we want it to be inconclusive'
    }
    It 'Skipped test' {
        Set-ItResult -Skipped -Because 'we want it to be skipped'
        throw 'not reached'
    }
    It 'Pending test' { Set-ItResult -Pending }
    It 'Passing test' { 1 | Should -Be 1 }
}
'@
$r = Invoke-Pester C:\tests -Output Detailed -PassThru
$r.SkippedCount
