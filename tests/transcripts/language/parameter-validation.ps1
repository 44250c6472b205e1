# Validation attributes of script parameters: each failure is 5.1's binding error and the
# call does not run; the next statement does.
function Set-Size {
    param([ValidateRange(1, 10)][int]$Size)
    "size $Size"
}
Set-Size 4
Set-Size 11
Set-Size 0

function Set-Name {
    param([ValidateLength(2, 5)][string]$Name)
    "name $Name"
}
Set-Name abc
Set-Name abcdefg
Set-Name a

function Set-Code {
    param([ValidatePattern('^[a-z]{2}-\d+$')]$Code)
    "code $Code"
}
Set-Code 'WE-42'
Set-Code 'x42'

function Set-Even {
    param([ValidateScript({ $_ % 2 -eq 0 })][int[]]$Number)
    "even $Number"
}
Set-Even 2, 4
Set-Even 2, 3

function Set-Pair {
    param([ValidateCount(1, 2)][string[]]$Item)
    "items $($Item -join '+')"
}
Set-Pair a, b
Set-Pair a, b, c

function Set-Any {
    param([ValidateNotNull()]$Value)
    'got a value'
}
Set-Any 0
Set-Any $null

function Set-Text {
    param([ValidateNotNullOrEmpty()][string[]]$Text)
    "text $Text"
}
Set-Text x
Set-Text ''
Set-Text 'a', ''

# A mandatory parameter refuses null, an empty [string] and an empty array unless told otherwise.
function Get-Mandatory {
    param(
        [Parameter(Mandatory = $true)][AllowNull()]$Nullable,
        [Parameter(Mandatory = $true)][AllowEmptyString()][string]$Blank,
        [Parameter(Mandatory = $true)][AllowEmptyCollection()][string[]]$None,
        [Parameter(Mandatory = $true)][string[]]$Some
    )
    "bound: null=$($null -eq $Nullable) blank='$Blank' none=$($None.Count) some=$($Some.Count)"
}
Get-Mandatory -Nullable $null -Blank '' -None @() -Some x
Get-Mandatory -Nullable 1 -Blank b -None @() -Some @()
Get-Mandatory -Nullable 1 -Blank b -None @() -Some 'x', ''

# An untyped mandatory parameter takes an empty string: only [string] parameters check for it.
function Get-Untyped { param([Parameter(Mandatory = $true)]$Value) "untyped '$Value'" }
Get-Untyped ''

# A validation script that fails on its own is the validation error's reason too.
function Get-Checked { param([ValidateScript({ $_.Length -gt 2 })]$Value) "checked $Value" }
Get-Checked 'abcd'
Get-Checked 'ab'
'done'
