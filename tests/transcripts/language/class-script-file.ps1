# A script file run from a script: its classes exist before its first line, and stay
# defined for its caller.
Set-Location (New-Item -ItemType Directory C:\classes).FullName
@'
$made = [Vlan]::new(100)
"inside: $($made.Id)"
class Vlan {
    [int]$Id
    Vlan([int]$id) { $this.Id = $id }
}
'@ | Set-Content vlan.ps1
& .\vlan.ps1
[Vlan]::new(200).Id
@'
'never printed'
class Broken { [NoSuchType]$x }
'@ | Set-Content broken.ps1
& .\broken.ps1
'the caller goes on'
