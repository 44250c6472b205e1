# A class may derive from an exception type: its objects are exceptions, thrown and caught
# by their own class or any base.
class CircuitBusyException : System.InvalidOperationException {
    [string]$ServiceKey
    CircuitBusyException([string]$key) : base("The circuit $key is busy.") {
        $this.ServiceKey = $key
    }
}
$ex = [CircuitBusyException]::new('1234')
$ex.Message
$ex.ServiceKey
$ex -is [System.Exception]
$ex -is [System.InvalidOperationException]
$ex.GetType().BaseType.FullName
try { throw $ex } catch [CircuitBusyException] { "own class: $($_.Exception.ServiceKey)" }
try { throw $ex } catch [System.InvalidOperationException] { "base class: $($_.Exception.Message)" }
try { throw [CircuitBusyException]::new('5678') } catch { $_.FullyQualifiedErrorId }
class PlainError : System.Exception { }
([PlainError]::new()).Message
# A base from .NET that is System.Object is no base at all.
class Rooted : System.Object { [int]$N = 1 }
[Rooted]::new().N
throw [CircuitBusyException]::new('9999')
