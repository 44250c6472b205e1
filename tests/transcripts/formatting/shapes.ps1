# Four properties or fewer make a table, five or more a list.
[pscustomobject]@{ Name = 'equinix'; Bandwidth = 200 }
[pscustomobject]@{ Name = 'at&t'; Bandwidth = 1000 }
'a string is written under the table'
