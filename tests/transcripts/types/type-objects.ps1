# Type names resolve in one place: accelerators, System. optional, generic names.
[int]
[System.Collections.Hashtable].FullName
[Collections.ArrayList].Name
[string[]].FullName
[System.Collections.Generic.List[string]].Name
[System.Collections.Generic.Dictionary[string,int]].FullName

# GetType() returns a type object equal to the literal.
(42).GetType() -eq [int]
'text'.GetType() -eq [string]
@(1, 2).GetType().FullName
(Get-Date).GetType().Name
([pscustomobject]@{ A = 1 }).GetType().FullName
(@{}).GetType().BaseType.FullName
[int].BaseType
[int].IsValueType
[string].IsValueType
[int[]].IsArray
[int].BaseType.BaseType.BaseType -eq $null

# A type in a string is its PowerShell name; ToString() is .NET's.
"$([int]) $([hashtable]) $([string[]]) $([System.Collections.Generic.List[int]])"
[int].ToString()
[System.Collections.Generic.List[int]].ToString()

# -is and -as follow the same names.
5 -is [int]
5 -is [ValueType]
5 -is [string]
'5' -as [int]
'x' -as [int]
@(1) -is [array]
(New-Object System.Collections.ArrayList) -is [System.Collections.ArrayList]
