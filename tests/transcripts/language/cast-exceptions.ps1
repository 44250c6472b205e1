# A failed conversion is a RuntimeException around LanguagePrimitives' PSInvalidCastException:
# a catch for either (or their bases) takes it.
try { [int]'abc' } catch [System.InvalidCastException] { "cast: $($_.FullyQualifiedErrorId)" }
try { [datetime]'never' } catch [System.Management.Automation.PSInvalidCastException] { 'PSInvalidCastException' }
try { [guid]'x' } catch [System.Management.Automation.RuntimeException] { $_.Exception.GetType().Name }
# A typed variable's: ArgumentTransformationMetadataException, also around the cast.
try { [int]$n = 'abc' } catch [System.Management.Automation.MetadataException] { $_.Exception.GetType().FullName }
[int]$m = 1
try { $m = 'abc' } catch [System.InvalidCastException] { "kept $m" }
$m = 'abc'
# A parameter's script class or enum converts as a cast does.
class Point { [int]$X; [int]$Y }
function Get-Length([Point]$Point) { [math]::Sqrt($Point.X * $Point.X + $Point.Y * $Point.Y) }
Get-Length @{ X = 3; Y = 4 }
Get-Length @{ Z = 1 }
