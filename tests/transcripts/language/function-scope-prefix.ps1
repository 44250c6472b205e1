# A function's name may carry a scope: `function global:f` from inside a script block or a
# script is defined in the global scope (so it outlives the block), `script:` in the
# script's scope; the command's name is the name without the prefix.
& { function global:Get-Shared { 'global' } }
Get-Shared
(Get-Command Get-Shared).Name
& { & { function script:Get-ScriptWide { 'script' } } ; Get-ScriptWide }
Get-ScriptWide
& { function local:Get-Inner { 'inner' }; Get-Inner }
Get-Inner
