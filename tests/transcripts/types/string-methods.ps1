# Split: a string argument is a set of characters, as 5.1 converts it to char[].
'a,b,,c'.Split(',') -join '|'
'a::b'.Split('::') -join '|'
'a::b::::c'.Split([string[]]@('::'), [StringSplitOptions]::RemoveEmptyEntries) -join '|'
'a,,b'.Split(',', [StringSplitOptions]::RemoveEmptyEntries) -join '|'
'a b  c'.Split() -join '|'
'a,b,c,d'.Split(',', 2) -join '|'
'x;y z'.Split([char[]]@(';', ' ')) -join '|'

# Searching, with a start index and a StringComparison.
'Hello'.IndexOf('l')
'Hello'.LastIndexOf('l')
'Hello'.IndexOf('l', 3)
'Hello'.IndexOf('L')
'Hello'.IndexOf('L', [StringComparison]::OrdinalIgnoreCase)
'Hello'.IndexOfAny([char[]]'ol')
'Hello'.LastIndexOfAny([char[]]'lH')
'Hello'.StartsWith('he')
'Hello'.StartsWith('he', 'OrdinalIgnoreCase')
'Hello'.EndsWith('LO', [StringComparison]::CurrentCultureIgnoreCase)
'Hello'.Equals('hello', [StringComparison]::OrdinalIgnoreCase)
'abc'.CompareTo('abd')
'b'.CompareTo('B')

# Errors are .NET's, wrapped as 5.1 wraps a method's exception.
'abc'.Replace('', 'x')
'Hello'.IndexOf('l', 9)
'abc'.Substring(5)
'abc'.Contains()
