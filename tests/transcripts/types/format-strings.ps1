# -f, [string]::Format, ToString(format) and AppendFormat share one formatting module.
'{0:C}' -f 5
'{0:C}' -f -1234.5
'{0:R}' -f 0.1
'{0:N0}' -f 2.5
'{0:F0}' -f 0.5
'{0:N2}' -f 1234.567
'{0:P1}' -f 0.1234
'{0:D5}' -f 42
'{0:X4}' -f 255
'{0:E2}' -f 12345.678
'{0:0.00}' -f 3.14159
'{0:#,##0}' -f 1234567
'{0:000}' -f 7
'[{0,-6}][{1,6}]' -f 'ab', 'cd'
'{{literal}} {0}' -f 1
$d = [datetime]'2016-10-03 14:05:09'
'{0:yyyy-MM-dd HH:mm:ss}' -f $d
'{0:o}' -f $d
'{0:s}' -f $d
'{0:u}' -f $d
'{0:d}' -f $d
'{0:D}' -f $d
'{0:t}' -f $d
'{0:T}' -f $d
'{0:g}' -f $d
'{0:G}' -f $d
$d.ToString('dddd, MMMM d')
(2.5).ToString('F0')
(1234.5).ToString('N1')
'{0' -f 1
'{1}' -f 1
$d.ToString("'Day' d 'of' MMMM")
$d.ToString('HH\:mm')
[string]::Format('{0:N1}|{1,5:F2}|', 2.25, 3.14159)
(New-Object System.Text.StringBuilder).AppendFormat('{0:C}', 9.5).ToString()
(0.125).ToString('P0')
'{0:F2}' -f -0.001
'{0:N2}' -f 999.996
'{0:G3}' -f 1234.5
'{0:F100}' -f 1
