# An error that ends Invoke-Expression's text leaves as the cmdlet's error: its id names
# Invoke-Expression's type, as 5.1 adds the invoking command to FullyQualifiedErrorId. An id
# that already names a cmdlet keeps it; a parse error keeps its own id.
try { Invoke-Expression "'Hello' -is [NoSuchType]" } catch { $_.FullyQualifiedErrorId }
try { Invoke-Expression 'Get-Item C:\nosuch -ErrorAction Stop' } catch { $_.FullyQualifiedErrorId }
try { Invoke-Expression '1 +' } catch { $_.FullyQualifiedErrorId }
# An error the text itself reports and goes on after is not the cmdlet's.
Invoke-Expression '1 / 0; "after"' 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.FullyQualifiedErrorId } else { $_ } }
