# Select-String on piped text: MatchInfo objects, drawn by their custom view.
$states = 'NotProvisioned', 'Provisioning', 'Provisioned', 'Deprovisioning'
$states | Select-String -Pattern '^Prov'
'--'
# Each record is a line: LineNumber counts every piped record, matched or not.
$states | Select-String 'ing$' | ForEach-Object { "$($_.LineNumber) $($_.Line) [$($_.Pattern)] $($_.Filename)" }
# The first pattern that matches is the one recorded.
'ExpressRoute circuit' | sls 'zzz', 'circ', 'Express' | ForEach-Object Pattern
# Matches: one Match, or every match with -AllMatches.
$m = 'vlan 100, vlan 200' | Select-String -Pattern 'vlan (\d+)'
$m.Matches.Count
$m.Matches[0].Groups[1].Value
('vlan 100, vlan 200' | Select-String 'vlan (\d+)' -AllMatches).Matches | ForEach-Object { $_.Groups[1].Value }
# Case, plain text, and lines that do not match.
'Enabled', 'enabled' | Select-String -Pattern 'Enabled' -CaseSensitive
'a.b', 'axb' | Select-String -Pattern '.' -SimpleMatch
'a.b', 'axb' | Select-String -Pattern 'a.b' | ForEach-Object Line
'alpha', 'beta', 'gamma' | Select-String -Pattern 'a$' -NotMatch
# -Quiet: True at the first match; piped text with no match writes nothing at all.
'one', 'two' | Select-String -Pattern 'o' -Quiet
$none = 'one', 'two' | Select-String -Pattern 'z' -Quiet
$null -eq $none
# ToString and the object's properties.
$hit = 'Provisioned' | Select-String 'Prov'
"[$hit]"
$hit | Format-List *
$hit.GetType().FullName
# -Context on piped text: the display shows no line twice; the logical context keeps them all.
$lines = 'a1', 'b', 'c', 'a2', 'd', 'e', 'f', 'a3'
$lines | Select-String -Pattern '^a' -Context 1
$found = $lines | Select-String -Pattern '^a' -Context 2, 1
foreach ($f in $found) { "$($f.LineNumber): pre=$($f.Context.PreContext -join ',') post=$($f.Context.PostContext -join ',') shown-pre=$($f.Context.DisplayPreContext -join ',')" }
# A MatchInfo searched again keeps its identity; context is dropped with 5.1's warning.
$again = $found | Select-String -Pattern '2' -Context 1
$again.Count
$again.LineNumber
$again.Context.DisplayPreContext.Count
# Binding and pattern errors.
'x' | Select-String -Pattern '('
'after the bad pattern'
'x' | Select-String -Pattern 'x' -Context 1, 2, 3
Select-String -Pattern 'x' -InputObject 'x' -Context -1
