class Device {
    [string]$Name
    [int]$Ports = 2
    static [int]$Made

    Device() { $this.Name = 'unnamed'; [Device]::Made++ }
    Device([string]$name) { $this.Name = $name; [Device]::Made++ }
    [string] Kind() { return 'device' }
    [string] Describe() { return "$($this.Name) is a $($this.Kind()) with $($this.Ports) ports" }
}

class Router : Device {
    [string]$Asn
    Router([string]$name, [string]$asn) : base($name) {
        $this.Asn = $asn
        $this.Ports = 8
    }
    [string] Kind() { return 'router' }
}

# No constructor of its own: the base's parameterless one runs.
class Switch : Device {
    [int]$Vlans = 4094
}

$r = [Router]::new('edge1', '65010')
$r.Describe()
$r.Kind()
$r.Name
$r -is [Device]
$r -is [Router]
$r.GetType().BaseType.Name
$r.PSObject.TypeNames

$s = [Switch]::new()
$s.Describe()
$s.Vlans
[Device]::Made

# Overloads are chosen by the number of arguments, then by their types.
class Adder {
    [int] Add([int]$a) { return $a + 1 }
    [int] Add([int]$a, [int]$b) { return $a + $b }
    [string] Add([string]$a, [string]$b) { return "$a+$b" }
}
$a = [Adder]::new()
$a.Add(1)
$a.Add(2, 3)
$a.Add('x', 'y')

# Static methods call each other and recurse.
class MathUtil {
    static [int] Factorial([int]$n) {
        if ($n -le 1) { return 1 }
        return $n * [MathUtil]::Factorial($n - 1)
    }
}
[MathUtil]::Factorial(5)

# A return inside a script block in a method belongs to the block.
class Blocks {
    [int[]] Doubled([int[]]$items) {
        $out = $items | ForEach-Object { return $_ * 2 }
        return $out
    }
}
[Blocks]::new().Doubled(@(1, 2, 3)) -join ','

# A method called on the object cast to a base runs the base's method: how an override
# calls the method it replaces.
class Tunnel : Router {
    Tunnel([string]$name) : base($name, '65030') { }
    [string] Kind() { return 'tunnel over ' + ([Router]$this).Kind() }
}
$t = [Tunnel]::new('gre1')
$t.Kind()
([Device]$t).Kind()
$t.Describe()

# Properties and methods print as 5.1 shows them: hidden ones left out.
class Peering {
    [string]$Type = 'AzurePrivatePeering'
    [int]$VlanId = 100
    hidden [string]$SharedKey = 'secret'
}
[Peering]::new()
[Peering]::new() | Format-List
[Peering]::new() | Get-Member -MemberType Property | Select-Object -ExpandProperty Name

class Wide { $A = 1; $B = 2; $C = 3; $D = 4; $E = 5 }
[Wide]::new()
