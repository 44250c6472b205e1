# -is and -isnot take a type name as well as a type: a string on the right is converted to the
# type it names, and a name of no type is that conversion's error.
'peering' -is 'string'
'peering' -isnot 'System.Int32'
200 -is 'int'
# [psobject] holds what 5.1 wraps in a PSObject: an object, not a bare string or hashtable.
'peering' -is [psobject]
@{ Name = 'peering' } -is [psobject]
[pscustomobject]@{ Name = 'peering' } -is [psobject]
'peering' -is 'NoSuchType'
try { 'peering' -is 42 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
'peering' -is $null
