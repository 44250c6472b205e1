# [ipaddress]: ExpressRoute scripts parse peer subnets and work out the next /30.
$ip = [ipaddress]'172.16.0.0'
$ip
"$ip"
$ip.AddressFamily
$bytes = $ip.GetAddressBytes()
$bytes -join '.'
$bytes[3] += 4
([ipaddress]($bytes -join '.')).IPAddressToString
[ipaddress]::Parse('10.0.0.1').Address
# IPv6, as Microsoft peering's IPv6 prefixes are written.
$v6 = [ipaddress]'2001:db8::1'
$v6.AddressFamily
$v6.IPAddressToString
$v6.GetAddressBytes().Count
# TryParse through a reference; the well-known addresses.
$parsed = $null
[ipaddress]::TryParse('192.168.1.300', [ref]$parsed)
$null -eq $parsed
[ipaddress]::TryParse('192.168.1.30', [ref]$parsed)
"$parsed"
[ipaddress]::Any.ToString()
[ipaddress]::Loopback.ToString()
[ipaddress]::IsLoopback([ipaddress]'127.0.0.1')
# What does not parse.
[ipaddress]'10.0.0.256'
[ipaddress]::Parse('not an address')
