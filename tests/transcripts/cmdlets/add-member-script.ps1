# Add-Member's script and alias members: scripts run with $this the object.
$c = [pscustomobject]@{ Name = 'Lab'; Mbps = 1000 }
$c | Add-Member -MemberType ScriptProperty -Name Gbps -Value { $this.Mbps / 1000 } -SecondValue { $this.Mbps = $args[0] * 1000 }
$c | Add-Member -MemberType ScriptMethod -Name Describe -Value { param($suffix) '{0} at {1} Gbps{2}' -f $this.Name, $this.Gbps, $suffix }
$c | Add-Member -MemberType AliasProperty -Name Title -Value Name
$c.Gbps
$c.Describe('!')
# The setter gets the value as $args[0]; an alias reads and writes the member it names.
$c.Gbps = 10
$c.Mbps
$c.Title
$c.Title = 'Edge'
$c.Name
$c | Get-Member -MemberType ScriptProperty | ForEach-Object Definition
$c | Get-Member -MemberType ScriptMethod | ForEach-Object Definition
$c | Get-Member -MemberType AliasProperty | ForEach-Object Definition
# -MemberType takes several kinds, and the flags that combine them.
($c | Get-Member -MemberType ScriptMethod, AliasProperty).Name -join ','
($c | Get-Member -MemberType Properties).Name -join ','
# A name taken needs -Force.
$c | Add-Member -MemberType ScriptMethod -Name Describe -Value { 'again' }
$c | Add-Member -MemberType ScriptMethod -Name Describe -Value { 'again' } -Force -PassThru | ForEach-Object { $_.Describe() }
# A getter only: setting it fails.
$c | Add-Member -MemberType ScriptProperty -Name ReadOnly -Value { 'read only' }
$c.ReadOnly
$c.ReadOnly = 1
# Checks of -Value and -SecondValue.
$c | Add-Member -MemberType ScriptMethod -Name Bad -Value 'not a block'
$c | Add-Member -MemberType ScriptProperty -Name None -Value $null
$c | Add-Member -MemberType ScriptMethod -Name Two -Value { 1 } -SecondValue { 2 }
$c | Add-Member -MemberType NoteProperty -Name Two -Value 1 -SecondValue 2
# A script method that throws: MethodInvocationException's text.
$c | Add-Member -MemberType ScriptMethod -Name Fails -Value { throw 'broken' }
try { $c.Fails() } catch { $_.FullyQualifiedErrorId; $_.Exception.Message; $_.Exception.GetType().FullName }
'end'
