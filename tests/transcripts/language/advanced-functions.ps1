# Common parameters of an advanced function set its preference variables.
function Get-Report {
    [CmdletBinding()]
    param()
    Write-Verbose 'gathering'
    "verbose is $VerbosePreference"
    Write-Warning 'partial data'
    'report'
}
Get-Report
Get-Report -Verbose
Get-Report -WarningAction SilentlyContinue

function Get-Checked {
    [CmdletBinding()]
    param()
    Write-Error 'first problem'
    'still running'
}
Get-Checked -ErrorAction SilentlyContinue
"errors recorded: $($Error.Count)"
try { Get-Checked -ErrorAction Stop } catch { "stopped: $_" }

# SupportsShouldProcess adds -WhatIf and -Confirm.
function Remove-Widget {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param([Parameter(Mandatory = $true, ValueFromPipeline = $true)][string]$Name)
    process {
        if ($PSCmdlet.ShouldProcess($Name, 'Remove widget')) { "removed $Name" }
    }
}
'w1', 'w2' | Remove-Widget -WhatIf
Remove-Widget w3
Remove-Widget w4 -Verbose
Remove-Widget w5 -Confirm:$false

# One argument: the operation is the command's name.
function Reset-Widget {
    [CmdletBinding(SupportsShouldProcess)]
    param($Name)
    if ($PSCmdlet.ShouldProcess($Name)) { "reset $Name" }
}
Reset-Widget w6 -WhatIf
$WhatIfPreference = $true
Reset-Widget w7
$WhatIfPreference = $false

# A high impact asks first; nobody can answer without a console.
function Clear-Widget {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param($Name)
    if ($PSCmdlet.ShouldProcess($Name)) { "cleared $Name" }
}
Clear-Widget w8 -Confirm:$false
Clear-Widget w9
'after the refused confirmation'

# Without SupportsShouldProcess there is no -WhatIf.
function Get-Plain { [CmdletBinding()] param() 'plain' }
Get-Plain -WhatIf

# $PSCmdlet: the parameter set, the invocation, output and errors.
function Get-Item2 {
    [CmdletBinding(DefaultParameterSetName = 'ByName')]
    param(
        [Parameter(ParameterSetName = 'ByName', Position = 0)]$Name,
        [Parameter(ParameterSetName = 'ById')][int]$Id
    )
    "set $($PSCmdlet.ParameterSetName), called as $($PSCmdlet.MyInvocation.InvocationName)"
    $PSCmdlet.WriteObject(@(1, 2))
    $PSCmdlet.WriteObject(@(3, 4), $true)
}
$out = Get-Item2 -Id 5
$out.Count
$out[0]
Get-Item2 x | Select-Object -First 1

function Invoke-Strict {
    [CmdletBinding()]
    param()
    try { 1 / 0 } catch { $PSCmdlet.ThrowTerminatingError($_) }
    'not reached'
}
Invoke-Strict
'the next statement runs'
try { Invoke-Strict } catch { "caught: $($_.Exception.Message)" }
