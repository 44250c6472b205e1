# An enum is defined with its script, as a class is.
[Sku]::Premium

enum Sku {
    Standard
    Premium
    Ultra = 10
    Local
}
[Sku]::Standard
[int][Sku]::Premium
[int][Sku]::Local
[Sku]'ultra'
[Sku]10
[Sku]'10'
[Sku]42
([Sku]::Premium).GetType().FullName
([Sku]::Premium).GetType().BaseType.FullName
[Sku]::Premium -is [Sku]
[Sku]::Premium -is [enum]
[Sku]::Premium -eq 'Premium'
[Sku]::Premium -eq 1
[enum]::GetNames([Sku])
[enum]::GetValues([Sku]) | ForEach-Object { "$_=$([int]$_)" }
$s = [Sku]::Ultra
"sku: $s"
switch ($s) { 'Ultra' { 'switch matched' } }

function Get-Sku([Sku]$Sku) { "parameter: $Sku" }
Get-Sku Local
Get-Sku 1

class Circuit { [Sku]$Sku = 'Premium' }
$c = [Circuit]::new()
$c.Sku
$c.Sku = 'Ultra'
$c.Sku.GetType().Name

[Sku]'Basic'
$c.Sku = 'Basic'
