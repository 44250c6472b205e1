# Add-Member: note properties in 5.1's three ways, a type name first, -Force and -PassThru.
$c = [pscustomobject]@{ Name = 'Lab' }
$c | Add-Member -NotePropertyName Owner -NotePropertyValue 'network team'
$c | Add-Member -MemberType NoteProperty -Name Bandwidth -Value 200
Add-Member -InputObject $c -NotePropertyMembers @{ Location = 'London' }
$c
# The positional form of older scripts: MemberType, Name, Value.
($c | Add-Member NoteProperty Sku Standard -PassThru).Sku
# A name that exists: refused unless -Force.
$c | Add-Member -NotePropertyName Owner -NotePropertyValue 'someone else'
$c | Add-Member -NotePropertyName Owner -NotePropertyValue 'platform team' -Force
$c.Owner
# A type name, by its short form too.
$t = [pscustomobject]@{ A = 1 } | Add-Member -TypeName Contoso.Circuit -PassThru
$t.PSObject.TypeNames[0]
([pscustomobject]@{} | Add-Member -TypeName int -PassThru).PSObject.TypeNames[0]
Add-Member -InputObject $c -TypeName ' '
