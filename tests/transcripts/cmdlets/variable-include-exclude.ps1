# Get-, Clear- and Remove-Variable filter the variables their names found with -Include and
# -Exclude (wildcards); a variable a filter leaves out is no error.
$siteone = 1; $sitetwo = 2; $sitethree = 3
(Get-Variable site* -Include siteone, sitethree).Name -join ','
(Get-Variable site* -Exclude *two).Name -join ','
(Get-Variable siteone -Exclude site* | Measure-Object).Count
Remove-Variable site* -Exclude sitethree
(Get-Variable site*).Name
$sitefour = 4
Clear-Variable site* -Include sitefour
'sitefour is null: {0}; sitethree is {1}' -f ($null -eq $sitefour), $sitethree
