# $Host.UI.PromptForChoice as scripts build it: labels with & hotkeys, help texts, a default.
$choices = [System.Management.Automation.Host.ChoiceDescription[]](
    (New-Object System.Management.Automation.Host.ChoiceDescription '&Provision', 'Create the circuit now.'),
    (New-Object System.Management.Automation.Host.ChoiceDescription '&Skip', 'Leave it for later.'),
    (New-Object System.Management.Automation.Host.ChoiceDescription 'Ca&ncel', 'Stop the script.'))
# Enter takes the default; '?' shows the help; a full label or a hotkey picks; others ask again.
"picked $($Host.UI.PromptForChoice('Circuit', 'What now?', $choices, 0))"
"picked $($Host.UI.PromptForChoice('Circuit', 'What now?', $choices, 1))"
"picked $($Host.UI.PromptForChoice('', 'No caption, no default.', $choices, -1))"
# ReadLine, ReadLineAsSecureString and PromptForCredential.
$line = $Host.UI.ReadLine()
"read [$line]"
$secret = $Host.UI.ReadLineAsSecureString()
$secret.Length
$cred = $Host.UI.PromptForCredential('Need credentials', 'Please enter your user name and password.', '', 'NetBiosUserName')
"$($cred.UserName) has a password of $($cred.Password.Length) characters"
# Arguments PromptForChoice refuses.
$Host.UI.PromptForChoice('Circuit', 'What now?', @(), 0)
$Host.UI.PromptForChoice('Circuit', 'What now?', $choices, 7)
