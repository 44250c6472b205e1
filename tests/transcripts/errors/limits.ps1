# Resource limits end their statement with 5.1's errors; the script goes on.
function Deep { Deep }
Deep
'a' * 1GB
1..20000000
'x'.PadLeft(2GB)
"{0,1000000}" -f 1
(1).ToString('D100')
'still running'
