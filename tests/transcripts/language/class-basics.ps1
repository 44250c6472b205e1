# A class is defined with its script: usable above its definition.
$early = [Circuit]::new('early', 50)
"early: $($early.Name) $($early.Bandwidth)"

class Circuit {
    [string]$Name
    [int]$Bandwidth = 100
    [bool]$Enabled
    hidden [string]$Secret = 'kept'
    static [string]$Provider = 'Equinix'

    Circuit() { }
    Circuit([string]$name) { $this.Name = $name }
    Circuit([string]$name, [int]$bandwidth) {
        $this.Name = $name
        $this.Bandwidth = $bandwidth
    }

    # Output that is not returned is dropped.
    [int] Double() {
        'not output'
        Write-Output 'neither'
        return $this.Bandwidth * 2
    }
    [void] Grow([int]$by) { $this.Bandwidth += $by }
    [string] ToString() { return "$($this.Name)@$($this.Bandwidth)" }
    static [int] Twice([int]$n) { return $n * 2 }
    static [string] Describe() { return "by " + [Circuit]::Provider }
}

$c = [Circuit]::new('lab', 200)
$c.Double()
$c.Grow(50)
$c.Bandwidth
"$c"
[string]$c
$c.ToString()
$c.Enabled
$null -eq [Circuit]::new().Name
[Circuit]::new('one').Bandwidth
[Circuit]::Provider
[Circuit]::Twice(21)
[Circuit]::Describe()
[Circuit]::Provider = 'Megaport'
[Circuit]::Describe()

# Hidden properties read and write as any other.
$c.Secret
$c.Secret = 'changed'
$c.Secret

# Typed properties convert what is assigned.
$c.Bandwidth = '300'
$c.Bandwidth.GetType().Name
$c.Enabled = 1
$c.Enabled

# Identity.
$c.GetType().Name
$c.GetType().FullName
$c.GetType().BaseType.FullName
$c -is [Circuit]
$c -is [object]
[Circuit] -eq $c.GetType()
$c.PSObject.TypeNames

# Hashtable casts, -as and New-Object.
$h = [Circuit]@{ Name = 'cast'; Bandwidth = '10' }
"$h"
$h.Bandwidth.GetType().Name
$x = @{ Name = 'as' } -as [Circuit]
$x.Name
(New-Object Circuit).Bandwidth
(New-Object Circuit -ArgumentList 'made', 5).ToString()
[Circuit[]]$list = [Circuit]::new('a'), [Circuit]::new('b')
$list.Count
$list[1].Name

# A typed variable and a typed parameter.
[Circuit]$typed = @{ Name = 'typed' }
$typed.Name
function Show-Circuit([Circuit]$Circuit) { "shown: $Circuit" }
Show-Circuit $c
# A generic type may take a class as its argument, also inside that class's own members.
class TreeNode {
    [string]$Name
    [System.Collections.Generic.List[TreeNode]] Children() {
        $list = [System.Collections.Generic.List[TreeNode]]::new()
        $list.Add([TreeNode]@{ Name = 'leaf' })
        return $list
    }
}
$kids = [TreeNode]::new().Children()
$kids -is [System.Collections.Generic.List[TreeNode]]
$kids[0].Name
