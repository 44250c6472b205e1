# The result files (NUnit 2.5 and JUnit 4), and a passing run with Run.Exit, which goes on
# with the script.
New-Item C:\ci -ItemType Directory | Out-Null
Set-Location C:\ci
Set-Content C:\ci\Gate.Tests.ps1 @'
Describe 'Gate' {
    It 'passes' { 1 | Should -Be 1 }
    It 'fails' { 1 | Should -Be 2 }
    Context 'later' {
        It 'is skipped' -Skip { }
        It 'is filtered out' -Tag 'skip-me' { }
        It 'escapes <&>' { 'a&b' | Should -Be 'a&b' }
    }
}
'@
$c = New-PesterConfiguration
$c.Run.Path = 'C:\ci'
$c.Output.Verbosity = 'None'
$c.TestResult.Enabled = $true
$c.TestResult.OutputPath = 'C:\ci\results.xml'
Invoke-Pester -Configuration $c
Get-Content C:\ci\results.xml
# JUnit 4, as CI systems read it too.
$c.TestResult.OutputFormat = 'JUnitXml'
$c.TestResult.OutputPath = 'C:\ci\junit.xml'
$c.Filter.ExcludeTag = 'skip-me'
Invoke-Pester -Configuration $c
Get-Content C:\ci\junit.xml
$c.TestResult.OutputFormat = 'Html'
Invoke-Pester -Configuration $c
$c.TestResult.Enabled = $false
$c.Filter.ExcludeTag = 'none'
$c.Filter.FullName = '*.passes'
$c.Run.Exit = $true
$c.Output.Verbosity = 'Normal'
Invoke-Pester -Configuration $c
"a passing run goes on"
