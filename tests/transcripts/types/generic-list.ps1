# Generic.List[T] converts what it is given to T.
$nums = New-Object 'System.Collections.Generic.List[int]'
$nums.Add(3)
$nums.Add('4')
$nums.Add(1.6)
$nums
$nums.GetType().FullName
$nums.Contains(4)
$nums.Remove(3)
$nums.Remove(99)
$nums.Sort()
$nums -join ','
$nums.Exists({ param($n) $n -gt 3 })
$nums.FindAll({ param($n) $n -ge 2 }) -join ','
$nums.Find({ $args[0] -eq 2 })
$nums.Count
$names = [System.Collections.Generic.List[string]]::new()
$names.AddRange([string[]]@('b', 'a'))
$names.Insert(1, 'mid')
$names -join ','
$names[0] = 7
$names[0].GetType().Name
$fromArray = [System.Collections.Generic.List[int]]@(5, 6)
$fromArray.Count
$nums.Add('x')
$nums.Insert(10, 1)
[System.Collections.Generic.List[int]]@('a')
