# TestDrive: names the same folder as $TestDrive while a test file runs, and is gone after.
New-Item C:\tests -ItemType Directory | Out-Null
Set-Content C:\tests\Drive.Tests.ps1 @'
Describe 'TestDrive:' {
    It 'writes through the drive and reads through the variable' {
        Set-Content -Path TestDrive:\settings.txt -Value 'Provider=Equinix'
        Get-Content (Join-Path $TestDrive 'settings.txt') | Should -Be 'Provider=Equinix'
        Test-Path TestDrive:\settings.txt | Should -BeTrue
    }
    It 'lists folders first, as the FileSystem provider does' {
        New-Item -ItemType Directory TestDrive:\sub | Out-Null
        (Get-ChildItem TestDrive:\).Name | Should -Be @('sub', 'settings.txt')
    }
}
'@
Invoke-Pester C:\tests -Output Detailed
Test-Path TestDrive:\settings.txt
