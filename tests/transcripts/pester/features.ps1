# Tags and the filters, $TestDrive, InModuleScope, a file that fails discovery, a
# configuration given as a hashtable, and a Describe run directly, outside Invoke-Pester.
New-Item C:\tests -ItemType Directory | Out-Null
Set-Content C:\tests\Tools.psm1 'function Get-Public { helper }', 'function helper { 42 }', '$script:secret = "hidden"', 'Export-ModuleMember -Function Get-Public'
Set-Content C:\tests\Tagged.Tests.ps1 @'
BeforeAll { Import-Module $PSScriptRoot\Tools.psm1 }
Describe 'tagged' -Tag 'fast' {
    It 'writes to the test drive' -Tag 'files' {
        Set-Content "$TestDrive\note.txt" 'hello'
        "$TestDrive\note.txt" | Should -Exist
        "$TestDrive\note.txt" | Should -FileContentMatch '^hello$'
        $TestDrive | Should -BeLike 'C:\Temp\*'
    }
    It 'reaches into a module' -Tag 'module' {
        InModuleScope Tools { helper } | Should -Be 42
        InModuleScope Tools { $script:secret } | Should -Be 'hidden'
        InModuleScope Tools -Parameters @{ n = 2 } { $n * (helper) } | Should -Be 84
        { InModuleScope Nowhere { 1 } } | Should -Throw "No modules named 'Nowhere' are currently loaded."
    }
}
Describe 'slow' -Tag 'slow' {
    It 'takes long' { Start-Sleep -Seconds 2; 1 | Should -Be 1 }
}
'@
Set-Content C:\tests\Broken.Tests.ps1 @'
Describe 'broken' {
    throw 'discovery failed'
}
'@
Invoke-Pester C:\tests -TagFilter fast -ExcludeTagFilter module -Output Detailed
'---'
Invoke-Pester -Configuration @{ Run = @{ Path = 'C:\tests\Tagged.Tests.ps1' }; Filter = @{ Tag = 's*' } }
'---'
Invoke-Pester C:\tests\Tagged.Tests.ps1 -FullNameFilter '*module*' -Output Normal
# The test drive is removed after the file.
Test-Path C:\Temp\*
'---'
Invoke-Pester C:\tests\Broken.Tests.ps1
'---'
Describe 'run directly' {
    It 'works' { 'a' | Should -BeIn 'a', 'b' }
}
