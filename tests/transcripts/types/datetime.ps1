# [datetime] members beyond the Add* of days and smaller units.
$d = [datetime]'2016-01-31 09:30:00'
$d.AddMonths(1)
$d.AddMonths(-2).ToString('yyyy-MM-dd')
$d.AddYears(1).ToString('yyyy-MM-dd')
([datetime]'2016-02-29').AddYears(1).ToString('yyyy-MM-dd')
$d.DayOfWeek
$d.DayOfWeek -eq 'Sunday'
$d.DayOfWeek.GetType().FullName
[int]$d.DayOfWeek
$d.Kind
$d.CompareTo($d.AddDays(1))
[datetime]::DaysInMonth(2016, 2)
[datetime]::IsLeapYear(2100)
[datetime]::ParseExact('03/10/2016 14:05', 'dd/MM/yyyy HH:mm', $null).ToString('yyyy-MM-dd HH:mm')
[datetime]::ParseExact('2016-10-03', 'yyyy-MM-dd', $null).ToString('s')
[DayOfWeek]::Friday
[datetime]::ParseExact('nope', 'yyyy-MM-dd', $null)
[datetime]::DaysInMonth(2016, 13)
$d.AddYears(20000)
