# Run.Pester4Scopes (ersim's own option, for test files written for Pester 4): each block's
# setup and tests run in the scope its body ran in during discovery, so they see the
# variables the file and the Describe/Context bodies set. Without it, Pester 5's rule holds.
# A BeforeAll runs where it stands in the body, so the body can use what it sets (Pester 4
# ran it before the body). $TestDrive already exists while the bodies run, as Pester 4 made it before them.
# It -Pending is reported as skipped; the file's $MyInvocation.MyCommand.Path names it.
New-Item C:\tests -ItemType Directory | Out-Null
Set-Content C:\tests\Old.Tests.ps1 @'
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
Describe 'Pester 4 style' {
    $fromBody = 'body'
    $file = Join-Path $TestDrive 'notes.txt'
    BeforeAll { $fromSetup = 'setup' }
    $cases = @(@{ Word = $fromSetup })
    It 'sees the file variable' { $here | Should -Be 'C:\tests' }
    It 'sees the body variable' { $fromBody | Should -Be 'body' }
    Context 'inner' {
        $inner = 'inner'
        It 'sees every level' { "$fromBody $fromSetup $inner" | Should -Be 'body setup inner' }
    }
    It 'takes cases from BeforeAll: <Word>' -TestCases $cases { $Word | Should -Be 'setup' }
    It 'writes in the test drive' { Set-Content $file 'x'; Get-Content TestDrive:\notes.txt | Should -Be 'x' }
    It 'is not written yet' -Pending { throw 'never runs' }
}
Describe 'Broken setup' {
    BeforeAll { throw 'no lab today' }
    It 'fails with the setup error' { $true | Should -BeTrue }
}
Describe 'Still runs' {
    It 'after a block whose setup failed' { $true | Should -BeTrue }
}
'@
$r = Invoke-Pester -Configuration @{ Run = @{ Path = 'C:\tests'; PassThru = $true; Pester4Scopes = $true }; Output = @{ Verbosity = 'Detailed' } }
$r.Tests | ForEach-Object { '{0}: {1}' -f $_.ExpandedPath, $_.Result }
# The same file under Pester 5's rule: no $TestDrive in discovery, so the file fails there.
$r = Invoke-Pester -Path C:\tests -PassThru -Output None
'{0} passed, {1} failed, {2} files failed: {3}' -f $r.PassedCount, $r.FailedCount, $r.FailedContainersCount, $r.Containers[0].ErrorRecord[0]
(New-PesterConfiguration).Run.Pester4Scopes
