# $Error: every error recorded, newest first, in a list that can be changed.
$Error.Clear()
"after Clear: $($Error.Count)"
Write-Error 'first' 2> $null
Write-Error 'second' 2> $null
Write-Error 'third' 2> $null
"count: $($Error.Count), newest: $($Error[0].Exception.Message), oldest: $($Error[-1].Exception.Message)"
$Error.RemoveAt(0)
"after RemoveAt(0): $($Error.Count), newest: $($Error[0].Exception.Message)"
$Error.Remove($Error[0])
"after Remove: $($Error.Count), left: $($Error[0].Exception.Message)"
$Error.RemoveAt(5)
"after a failed RemoveAt the error is recorded too: $($Error.Count)"
$Error.Clear()
"cleared: $($Error.Count)"
