# -CI: the NUnit 2.5 result file in the current folder, and a failed run ends the script
# with a non-zero exit code (the count of failures); nothing after it runs.
New-Item C:\ci -ItemType Directory | Out-Null
Set-Location C:\ci
Set-Content C:\ci\Gate.Tests.ps1 @'
Describe 'Gate' {
    It 'passes' { 1 | Should -Be 1 }
    It 'fails <n>' -ForEach @{ n = 1 }, @{ n = 2 } { $n | Should -BeLessThan 0 }
    Context 'later' {
        It 'is skipped' -Skip { }
        It 'escapes <&>' { 'a&b' | Should -Be 'a&b' }
    }
}
'@
$passed = Invoke-Pester -Path C:\ci -Output None -PassThru -TagFilter none
$passed.NotRunCount
Invoke-Pester -Path C:\ci -CI
'not reached'
