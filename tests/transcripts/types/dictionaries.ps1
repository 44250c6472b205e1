# Hashtable methods.
$h = @{ one = 1 }
$h.Add('two', 2)
$h.ContainsKey('ONE')
$h.ContainsValue(2)
$h.Count
$h.Keys | Sort-Object
$copy = $h.Clone()
$copy.Remove('one')
$h.Count
$copy.Count
$h.GetEnumerator() | Sort-Object Name | ForEach-Object { "$($_.Key)=$($_.Value)" }
$h.Add('one', 9)

# Generic.Dictionary: keys compare ordinally and convert to K, values to V.
$d = New-Object 'System.Collections.Generic.Dictionary[string,int]'
$d.Add('a', 1)
$d.Add('A', '2')
$d['b'] = 3
$d.Count
$d.ContainsKey('a')
$d.ContainsKey('B')
$d
$d.Remove('a')
$d.Remove('zzz')
$d.GetType().Name
$d.Add('b', 5)
$d.Add('c', 'x')

# [ordered] keeps insertion order.
$o = [ordered]@{ z = 1; y = 2 }
$o.Add('x', 3)
$o.Keys -join ','
$o.GetType().FullName
