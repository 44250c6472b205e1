# The cmdlets that would leave the lab bind as in 5.1 and fail as the real ones fail when
# what they need is not there: same exception, category and id; the message says why.
try { Invoke-RestMethod -Uri 'https://management.azure.com/subscriptions?api-version=2016-06-01' -Method Get -Headers @{ Authorization = 'Bearer x' } }
catch [System.Net.WebException] { "caught: $($_.Exception.GetType().FullName) / $($_.FullyQualifiedErrorId)" }
Invoke-WebRequest 'https://aka.ms/ersim' -UseBasicParsing
"after the web request"
Start-Process -FilePath notepad.exe -ArgumentList 'a.txt' -Wait
Send-MailMessage -To 'noc@contoso.com' -From 'lab@contoso.com' -Subject 'Circuit ready' -Body 'Provisioned.' -SmtpServer smtp.contoso.com
# Its failure is non-terminating, as in 5.1: -ErrorAction decides.
try { Send-MailMessage 'noc@contoso.com' 'Circuit ready' -From 'lab@contoso.com' -ErrorAction Stop } catch { "mail: $($_.CategoryInfo.Reason)" }
Test-Connection -ComputerName 10.0.0.1, 10.0.0.2 -Count 1
"quiet: $(Test-Connection 10.0.0.1 -Quiet)"
1, 2 | Out-GridView -Title 'Pick'
Add-Type -TypeDefinition 'public class Lab {}'
# Binding is 5.1's: a wrong -Method is refused before anything is tried.
Invoke-WebRequest -Uri 'https://x' -Method Fetch
