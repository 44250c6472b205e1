# Format-List and Format-Table choose a view of their own shape (5.1's FormatViewManager):
# Format-List without -Property draws the type's list view, the same entry the default
# output draws; `Format-List *` lists every property; Format-Table on a type that has only a
# list view makes columns of its first properties.
Connect-AzAccount | Out-Null
New-AzResourceGroup -Name "ViewRG" -Location "West US" | Out-Null
$rf = New-AzRouteFilter -Name "ViewFilter" -ResourceGroupName "ViewRG" -Location "West US" -Force
$rf
'--- Format-List'
$rf | Format-List
'--- Format-List *'
$rf | Format-List *
'--- Format-Table'
$rf | Format-Table
