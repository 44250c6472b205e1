# Read-Host -AsSecureString shows * for each character and returns a SecureString.
$secret = Read-Host -Prompt 'Shared key' -AsSecureString
$secret
(New-Object PSCredential 'x', $secret).GetNetworkCredential().Password
# Get-Credential prompts at the console: caption, message, user, password.
$c = Get-Credential
$c.UserName
$c.GetNetworkCredential().Password
# A user name given (positionally, as the Credential parameter): only the password is asked.
$c = Get-Credential admin
$c.UserName
# -Message and -Title replace the texts; an empty user name is asked again.
$c = Get-Credential -Message 'Sign in to the provider portal.' -Title 'Provider sign-in'
"$($c.UserName) / $($c.GetNetworkCredential().Password)"
