# Get-Unique leaves out an object equal to the one just before it (text case-sensitively), so
# sorted input comes out distinct; -OnType keeps one object of each type in a row.
'b', 'a', 'b', 'A' | Sort-Object | Get-Unique
1, 1, 2, 2, 1 | Get-Unique
1, '1', 2.0, 3.0 | Get-Unique -OnType | ForEach-Object { $_.GetType().Name }
'x', 'X' | Get-Unique -AsString
