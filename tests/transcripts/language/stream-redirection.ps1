# Each of the six streams can be sent to $null or merged into the output.
function Get-Chatty {
    [CmdletBinding()]
    param()
    Write-Warning 'a warning'
    Write-Verbose 'a verbose line'
    Write-Debug 'a debug line'
    Write-Host 'a host line'
    Write-Error 'an error'
    'the output'
}
$VerbosePreference = 'Continue'
$DebugPreference = 'Continue'
'-- warning, verbose and debug to $null'
Get-Chatty 3> $null 4> $null 5> $null 2> $null
'-- information (Write-Host) to $null'
Get-Chatty 6> $null 2> $null 3> $null 4> $null 5> $null
'-- everything to $null'
Get-Chatty *> $null
'-- errors merged into a discarded output are discarded with it'
$merged = @(Get-Chatty *> $null 2>&1)
"merged: $($merged.Count) items"
'-- everything but the output to $null, the errors merged'
Get-Chatty 3> $null 4> $null 5> $null 6> $null 2>&1
'-- all merged, in the order written'
$all = Get-Chatty *>&1
foreach ($item in $all) { '{0}: {1}' -f $item.GetType().Name, $item }
'-- a merged record prints its message'
Get-Chatty 3>&1 4>&1 5>&1 6>&1 2> $null
$VerbosePreference = 'SilentlyContinue'
$DebugPreference = 'SilentlyContinue'

'-- a script block and the commands inside it'
& { Write-Warning 'from the block'; 'block output' } 3> $null
$w = & { Write-Warning 'kept as a record' } 3>&1
"record message: $($w.Message)"
'-- appending to $null writes nothing either'
Write-Output 'appended' >> $null
Write-Warning 'appended warning' 3>> $null

'-- expressions'
(Write-Warning 'inside the parentheses') 3> $null
$x = (Write-Warning 'captured') 3>&1
"captured: $($x.Message)"
$value = 42
$value > $null
'the value was not written'
'-- a statement-ending error inside a function follows its redirection'
function Get-Ratio { 1 / 0; 'after the error' }
Get-Ratio 2> $null
$r = Get-Ratio 2>&1
"ratio gave $($r.Count) items: $($r[0].Exception.Message) / $($r[1])"
'-- but the one an expression of its own ends is shown, as in 5.1'
(1 / 0) 2> $null
'end'
