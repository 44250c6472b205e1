# HashSet[T], Queue and Stack.
$set = New-Object 'System.Collections.Generic.HashSet[string]'
$set.Add('a')
$set.Add('a')
$set.Add('A')
$set.Count
$set.Contains('a')
$set.UnionWith([string[]]@('b', 'a'))
$set.Count
$q = New-Object System.Collections.Queue
$q.Enqueue('first')
$q.Enqueue('second')
$q.Peek()
$q.Dequeue()
$q.Count
$q
$s = New-Object System.Collections.Stack
$s.Push(1)
$s.Push(2)
$s.Push(3)
$s.Pop()
$s.Peek()
$s -join ','
$gq = New-Object 'System.Collections.Generic.Queue[int]'
$gq.Enqueue('7')
$gq.Dequeue() + 1
$gq.Dequeue()
(New-Object System.Collections.Stack).Pop()
