# ArrayList: Add answers the index, the list prints its items.
$list = New-Object System.Collections.ArrayList
$list.Add('alpha')
$list.Add('beta')
[void]$list.Add('gamma')
$null = $list.Add(4)
$list
$list.Count
$list.Contains('beta')
$list.Contains('BETA')
$list.IndexOf('gamma')
$list.Insert(0, 'first')
$list.Remove('beta')
$list.RemoveAt(0)
$list -join ','
$list.AddRange(@('x', 'y'))
$list.Count
$list[1]
$list[-1]
$list[1] = 'changed'
$list -join ','
$list.Reverse()
$list -join ','
$sorted = [System.Collections.ArrayList]@('pear', 'Apple', 'fig')
$sorted.Sort()
$sorted -join ','
$sorted.ToArray().GetType().FullName
$sorted.GetRange(1, 2) -join ','
"joined: $sorted"
$sorted | ForEach-Object { $_.ToUpper() }
$sorted.Length
($sorted | Measure-Object).Count
$sorted.Clear()
$sorted.Count
$list.RemoveAt(10)
$sorted.GetRange(2, 5)
$sorted.RemoveRange(-1, 1)
$list.RemoveRange(0, 1); $list -join ','
