# Errors carry their exception's .NET type and its base types.
try { throw 'plain' } catch {
    "is an Exception: $($_.Exception -is [System.Exception])"
    "type: $($_.Exception.GetType().FullName)"
}
function Get-Missing { [CmdletBinding()] param([Parameter(Mandatory)][int]$Id) $Id }
try { Get-Missing -Id 'abc' } catch [System.Management.Automation.ParameterBindingException] {
    "caught as ParameterBindingException: $($_.FullyQualifiedErrorId)"
}
try { Get-NoSuchCommand } catch [System.Management.Automation.RuntimeException] {
    "a CommandNotFoundException is a RuntimeException: $($_.Exception.GetType().Name)"
}
try { 'text'.NoSuchMethod() } catch [System.Management.Automation.RuntimeException] {
    "a missing method: $($_.FullyQualifiedErrorId)"
}
try { $Error.RemoveAt(99) } catch [System.Management.Automation.MethodException] {
    "MethodInvocationException is a MethodException"
}
try { throw 'x' } catch [System.Management.Automation.ParameterBindingException] { 'wrong clause' } catch { "the general clause takes the rest: $_" }
