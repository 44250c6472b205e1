# Containers: a script block or a file with data for its param() block (one run per data
# item), through -Container, Run.Container and Run.ScriptBlock.
New-Item C:\tests -ItemType Directory | Out-Null
Set-Content C:\tests\Circuit.Tests.ps1 @'
param([int] $Bandwidth, [string] $Location = 'London')
Describe 'a <Bandwidth> Mbps circuit in <Location>' -ForEach @{ Bandwidth = $Bandwidth; Location = $Location } {
    It 'has a bandwidth the provider offers' { $Bandwidth | Should -BeIn 50, 100, 200, 500 }
}
'@
$files = New-PesterContainer -Path C:\tests\Circuit.Tests.ps1 -Data @{ Bandwidth = 200 }, @{ Bandwidth = 300; Location = 'Amsterdam' }
$files | ForEach-Object { '{0} {1}' -f $_.Type, $_.Data.Bandwidth }
Invoke-Pester -Container $files -Output Detailed
'---'
$block = New-PesterContainer -ScriptBlock { Describe 'inline' { It 'runs' { $true | Should -BeTrue } } }
Invoke-Pester -Container $block
'---'
$r = Invoke-Pester -Configuration @{ Run = @{ ScriptBlock = { Describe 'from the configuration' { It 'counts' { 1 | Should -Be 1 } } }; PassThru = $true }; Output = @{ Verbosity = 'None' } }
$r.Containers | Select-Object Type, Result, PassedCount | Format-Table -AutoSize | Out-Host
$r.Containers[0].Item
