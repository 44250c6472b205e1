# Get-Member lists a class's methods (overloads together, an override once, inherited ones
# too) and its properties' declared types; hidden members and statics are left out.
class Device {
    [string]$Name
    hidden [int]$Serial
    static [int]$Made
    [string] Kind() { return 'device' }
    [void] Rename([string]$name) { $this.Name = $name }
    [void] Rename([string]$name, [bool]$force) { $this.Name = $name }
    static [Device] Make() { return [Device]::new() }
}
class Router : Device {
    [int[]]$Ports
    [hashtable]$Routes
    [string] Kind() { return 'router' }
    [string] ToString() { return $this.Name }
}
[Router]::new() | Get-Member
