# Group-Object's output shapes: GroupInfo rows, -NoElement's GroupInfoNoElement (Count and Name
# only, members counted but not kept), and -AsHashTable: one hashtable from each group's value
# (its name with -AsString) to its members.
$words = 'apple', 'Avocado', 'banana', 'cherry', 'blueberry', 'apricot'
$words | Group-Object { $_.Substring(0, 1) } | Out-Host
$words | Group-Object Length -NoElement | Out-Host
($words | Group-Object Length -NoElement)[0].Group.Count
$h = $words | Group-Object Length -AsHashTable
$h[6]
$h.Keys | ForEach-Object { $_.GetType().Name }
$byLetter = $words | Group-Object { $_.Substring(0, 1) } -AsHashTable -AsString
$byLetter['A']
$byLetter.Count
$pairs = $words | Group-Object Length, { $_[0] } -AsHashTable -AsString
$pairs.Keys
# Without groups nothing is written, not even an error for the switches.
@() | Group-Object -AsString
try { $words | Group-Object Length -AsString } catch { "$_"; $_.FullyQualifiedErrorId }
try { $words | Group-Object Length, { $_[0] } -AsHashTable } catch { "$_"; $_.FullyQualifiedErrorId }
