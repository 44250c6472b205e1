# A class's ToString() is what strings, casts and the formatter show of its objects.
class Temperature {
    hidden [double]$Celsius
    Temperature([double]$c) { $this.Celsius = $c }
    [void] Warm([double]$by) { $this.Celsius += $by }
    [string] ToString() { return '{0:N1} C' -f $this.Celsius }
}
$t = [Temperature]::new(21.5)
"now: $t"
[string]$t
$t.ToString()
# With no property to show, Out-Default prints the object's text, kept up to date.
$t
$t.Warm(2)
$t
$t.Celsius = 30
$t
# In a table cell, the text of the object the property holds.
class Room {
    [string]$Name
    [Temperature]$Temperature
}
[Room]@{ Name = 'lab'; Temperature = [Temperature]::new(19) }
# A class without an override shows its name.
class Marker { }
[Marker]::new()
"$([Marker]::new())"
# An override that calls the one it replaces: with none above it, Object's (the type's name).
class Tagged { [string] ToString() { return 'tagged ' + ([object]$this).ToString() } }
"$([Tagged]::new())"
class Wrapped : Tagged { [string] ToString() { return '[' + ([Tagged]$this).ToString() + ']' } }
"$([Wrapped]::new())"
# A ToString() that throws does not stop the object being made; showing it fails as it calls it.
class Faulty { $Value = 1; [string] ToString() { throw 'no text' } }
$f = [Faulty]::new()
$f.Value
