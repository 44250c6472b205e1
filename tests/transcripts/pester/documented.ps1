# Pester's documented walk-throughs, in the shapes pester.dev gives them: the quick start (a
# function beside its tests, TestCases with <name> templates, a Context for the filter), the
# Skip page (skip on It, Describe and Context, inherited by the tests inside) and the data
# driven tests page (Describe -ForEach fed by BeforeDiscovery, names from the block's data).
New-Item C:\planets -ItemType Directory | Out-Null
Set-Content C:\planets\Get-Planet.ps1 @'
function Get-Planet ([string] $Name = '*') {
    $planets = 'Mercury', 'Venus', 'Earth', 'Mars', 'Jupiter', 'Saturn', 'Uranus', 'Neptune' | ForEach-Object { [PSCustomObject] @{ Name = $_ } }
    $planets | Where-Object { $_.Name -like $Name }
}
'@
Set-Content C:\planets\Get-Planet.Tests.ps1 @'
BeforeAll {
    . $PSScriptRoot\Get-Planet.ps1
}
Describe 'Get-Planet' {
    It 'Given no parameters, it lists all 8 planets' {
        $allPlanets = Get-Planet
        $allPlanets.Count | Should -Be 8
    }
    Context 'Filtering by Name' {
        It "Given valid -Name '<Filter>', it returns '<Expected>'" -TestCases @(
            @{ Filter = 'Earth'; Expected = 'Earth' }
            @{ Filter = 'ne*'; Expected = 'Neptune' }
            @{ Filter = 'ur*'; Expected = 'Uranus' }
            @{ Filter = 'm*'; Expected = 'Mercury', 'Mars' }
        ) {
            $planets = Get-Planet -Name $Filter
            $planets.Name | Should -Be $Expected
        }
        It "Given invalid parameter -Name 'Alpha Centauri', it returns `$null" {
            $planets = Get-Planet -Name 'Alpha Centauri'
            $planets | Should -Be $null
        }
    }
}
'@
Invoke-Pester C:\planets -Output Detailed
'---'
Set-Content C:\planets\Skip.Tests.ps1 @'
Describe 'describe1' {
    Context 'with one skipped test' {
        It 'test 1' -Skip { 1 | Should -Be 2 }
        It 'test 2' { 1 | Should -Be 1 }
    }
    Describe 'that is skipped' -Skip {
        It 'test 3' { 1 | Should -Be 2 }
    }
    Context 'that is skipped and has skipped test' -Skip {
        It 'test 3' -Skip { 1 | Should -Be 2 }
        It 'test 3' { 1 | Should -Be 2 }
    }
}
'@
Invoke-Pester C:\planets\Skip.Tests.ps1 -Output Detailed
'---'
Set-Content C:\planets\Emoji.Tests.ps1 @'
BeforeDiscovery {
    $emoji = @(
        @{ Name = 'cactus'; Symbol = 'C'; Kind = 'Plant' }
        @{ Name = 'giraffe'; Symbol = 'G'; Kind = 'Animal' }
    )
}
Describe 'Get-Emoji <name>' -ForEach $emoji {
    It 'Returns <symbol>' { $Symbol | Should -Not -BeNullOrEmpty }
    It 'Has kind <kind>' { $Kind | Should -BeIn 'Plant', 'Animal' }
}
'@
Invoke-Pester C:\planets\Emoji.Tests.ps1 -Output Detailed
