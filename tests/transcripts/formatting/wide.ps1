# Format-Wide: one value of each object, two to a row by default, the columns sharing the
# screen; -Column sets the count, -AutoSize fits the widest item, -Property picks the value
# (a name, a wildcard or a calculated property). Without -Property an object shows its name
# by 5.1's display-name rule (Name, Id, Key, then *Key, *Name, *Id), else its first property.
$items = 1..5 | ForEach-Object { [pscustomobject]@{ Size = $_ * 10; Name = "item$_"; ServerId = "srv$_" } }
$items | Format-Wide
$items | Format-Wide -Column 3
$items | fw Size -Column 4
$items | Format-Wide -Property @{ Expression = { $_.Name.ToUpper() } } -AutoSize
$items | Format-Wide Server* -Column 5
$items | Select-Object Size, ServerId | Format-Wide -Column 2
$items | Select-Object Size | Format-Wide -Column 6
# A long item is cut to its column.
[pscustomobject]@{ Name = 'x' * 80 }, [pscustomobject]@{ Name = 'short' } | Format-Wide
# Strings are written as they are.
'a', 'b', 'c' | Format-Wide
try { $items | Format-Wide -AutoSize -Column 2 } catch { "$_"; $_.FullyQualifiedErrorId }
try { $items | Format-Wide -Column 0 } catch { "$_"; $_.FullyQualifiedErrorId }
