class Port {
    [string]$Name
    [int]$Speed = 10
    Port() { }
    Port([string]$name) { $this.Name = $name }
    [int] Scale([int]$factor) { return $this.Speed * $factor }
    [int] Fail() { throw 'port is down' }
}

$p = [Port]::new('p1')
# A typed property refuses a value it cannot convert; the object keeps its old value.
$p.Speed = 'fast'
$p.Speed
# An argument that does not convert to the parameter's type.
$p.Scale('twice')
# No overload takes that many arguments.
$p.Scale(1, 2)
[Port]::new('a', 'b', 'c')
# A hashtable key that is no property of the class.
[Port]@{ Name = 'x'; Duplex = 'full' }
# A property that is not declared cannot be set.
$p.Duplex = 'full'
# A value no constructor takes.
[Port](Get-Date)
# The method's exception reaches the caller's catch.
try { $p.Fail() } catch { "caught: $($_.Exception.Message)" }
try { $p.Scale('x') } catch [System.Management.Automation.MethodException] { 'a MethodException' }
'still running'
