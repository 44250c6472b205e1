# $Host and Get-Host: the console host of an elevated Windows PowerShell 5.1 window.
$Host
(Get-Host).Name
$Host.Version.ToString()
$Host.UI
$Host.UI.RawUI | Format-List
"$($Host.UI.RawUI.BufferSize) / $($Host.UI.RawUI.WindowSize.Width)"
$Host.UI.RawUI.ForegroundColor.GetType().FullName
# Scripts retitle the window; the title is kept.
$Host.UI.RawUI.WindowTitle = 'Provisioning ExpressRoute'
$Host.UI.RawUI.WindowTitle
# The UI's writers go straight to the console, past the streams.
$Host.UI.WriteLine('plain line')
$Host.UI.Write('no line break, '); $Host.UI.WriteLine('then one')
$Host.UI.WriteLine('Green', 'Black', 'coloured on a terminal')
$Host.UI.WriteWarningLine('a warning line')
$Host.UI.WriteVerboseLine('a verbose line, whatever $VerbosePreference says')
$Host.UI.WriteDebugLine('a debug line')
$Host.UI.WriteErrorLine('an error line, on the error output')
# The types PromptForChoice and RawUI take.
$yes = New-Object System.Management.Automation.Host.ChoiceDescription '&Yes', 'Provision the circuit.'
$yes
"$yes"
[System.Management.Automation.Host.ChoiceDescription[]]('&Primary', '&Secondary') | ForEach-Object Label
$size = New-Object System.Management.Automation.Host.Size(200, 5000)
"$size"
[System.Management.Automation.Host.Coordinates]::new(3, 4).ToString()
# Nobody can answer a prompt in a script run without a console.
$Host.UI.PromptForChoice('Provision', 'Provision the circuit?', @($yes), 0)
$Host.UI.ReadLine()

