# Run.Pester4Scopes (ersim's own option, for test files written for Pester 4): each block's
# setup and tests run in the scope its body ran in during discovery, so they see the
# variables the file and the Describe/Context bodies set. Without it, Pester 5's rule holds.
# It -Pending is reported as skipped; the file's $MyInvocation.MyCommand.Path names it.
New-Item C:\tests -ItemType Directory | Out-Null
Set-Content C:\tests\Old.Tests.ps1 @'
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
Describe 'Pester 4 style' {
    $fromBody = 'body'
    BeforeAll { $fromSetup = 'setup' }
    It 'sees the file variable' { $here | Should -Be 'C:\tests' }
    It 'sees the body variable' { $fromBody | Should -Be 'body' }
    Context 'inner' {
        $inner = 'inner'
        It 'sees every level' { "$fromBody $fromSetup $inner" | Should -Be 'body setup inner' }
    }
    It 'is not written yet' -Pending { throw 'never runs' }
}
'@
$r = Invoke-Pester -Configuration @{ Run = @{ Path = 'C:\tests'; PassThru = $true; Pester4Scopes = $true }; Output = @{ Verbosity = 'Detailed' } }
$r.Tests | ForEach-Object { '{0}: {1}' -f $_.ExpandedPath, $_.Result }
# The same file under Pester 5's rule: the body's variables are not seen.
$r = Invoke-Pester -Path C:\tests -PassThru -Output None
'{0} passed, {1} failed, {2} skipped' -f $r.PassedCount, $r.FailedCount, $r.SkippedCount
(New-PesterConfiguration).Run.Pester4Scopes
