class Device {
    [string]$Name = 'd'
    hidden [int]$Id
    static [int]$Made
    Device() { [Device]::Made++ }
    Device([string]$n) { $this.Name = $n }
    [string] ToString() { return "dev $($this.Name)" }
    static [int] Twice([int]$n) { return $n * 2 }
}
class Router : Device {
    Router([string]$n) : base($n) { }
    [string] ToString() { return "router $($this.Name)" }
}
[Flags()] enum Access { None = 0; Read = 1; Write = 2 }
enum Sku { Standard; Premium = 5; Ultra }
$r = [Router]::new('r1')
"$r"; [Device]::Twice(4); [Device]@{ Name = 'h' }; [Access]3; [Sku]'ultra'
[Access]::Read -bor [Access]::Write
class Loop { Loop() { [Loop]::new() } }
try { [Loop]::new() } catch { $_ }
class Init { $x = [Init]::new() }
try { [Init]::new() } catch { $_ }
enum Limits { Low = -5; Next; Top = [int]::MaxValue; Reset = 1 }
enum Derived { Value = [Base]::Start + 2 }
enum Base { Start = 40 }
class Busy : System.InvalidOperationException { Busy([string]$k) : base("busy $k") { } }
try { throw [Busy]::new("k") } catch [InvalidOperationException] { $_.Exception.Message }
class T : Busy { T() : base("t") { } [string] ToString() { return ([Busy]$this).ToString() } }
"$([T]::new())"
