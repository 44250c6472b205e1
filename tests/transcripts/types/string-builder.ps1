# StringBuilder: Append answers the builder, so an uncaptured call prints its table.
$sb = New-Object System.Text.StringBuilder
$sb.Append('Hello')
[void]$sb.Append(', ').Append('world')
$null = $sb.AppendLine('!')
$null = $sb.AppendFormat('{0}-{1}', 'a', 7)
$sb.ToString()
$sb.Length
$null = $sb.Insert(0, '>> ').Replace('world', 'lab').Remove(0, 1)
"$sb"
$sb.ToString(1, 6)
$sb.Capacity
$sb.Length = 4
$sb.ToString()
$null = $sb.Clear()
$sb.Length
$big = [System.Text.StringBuilder]::new('start', 100)
$big.Capacity
$big.GetType().FullName
$sb.Remove(5, 1)
$sb.Frob()
