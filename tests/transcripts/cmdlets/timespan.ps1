# New-TimeSpan: from parts, or between dates that default to the virtual clock's "now".
$t = New-TimeSpan -Days 1 -Hours 2 -Minutes 3 -Seconds 4
"$t, $($t.TotalMinutes) minutes"
New-TimeSpan -Minutes 90
(New-TimeSpan -End (Get-Date).AddHours(5)).TotalHours
(New-TimeSpan -Start (Get-Date).AddDays(-2)).Days
# Both dates given, positionally, and the span can be negative.
(New-TimeSpan (Get-Date '2016-10-10 12:00:00') (Get-Date '2016-10-10 09:30:00')).ToString()
# The two parameter sets do not mix.
New-TimeSpan -Days 1 -Start (Get-Date)
