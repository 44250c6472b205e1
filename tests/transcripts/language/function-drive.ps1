# Functions through the function: drive, variables through variable:, and script blocks
# made from text.
${function:Get-Greeting} = { param($Name) "hello $Name" }
Get-Greeting -Name world
function Get-Answer { 42 }
"body: $(${function:Get-Answer})"
${function:Get-Answer} = { 'redefined' }
Get-Answer
${function:Get-FromText} = '"made from text"'
Get-FromText
"no such function: $($null -eq ${function:Get-Nothing})"
$count = 3
"variable drive: $variable:count"
$block = [scriptblock]::Create('param($a) "block got $a and $($args.Count) more"')
& $block 1 2 3
$block.GetType().FullName
. { $dotted = 'set by a dot-sourced block' }
$dotted
[scriptblock]::Create('1 +')
'end'
$function:prompt2 = { 'short name' }
prompt2
