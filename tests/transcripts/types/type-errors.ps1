# Unknown types and members give 5.1's texts.
[NoSuch.Type]
New-Object NoSuch.Type
New-Object System.Math
[System.Collections.Generic.List[string,int]]
$list = New-Object 'System.Collections.Generic.List[string]'
$list.Frobnicate()
[int].NoSuchMethod()
'abc'.NoSuchMethod(1)
$list.Add()
