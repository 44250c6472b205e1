# Start-Transcript and Stop-Transcript: 5.1's header, every line the console shows (output,
# warnings, errors) and the footer, in a UTF-8 file of the lab drive.
Set-Location (New-Item -ItemType Directory C:\logs).FullName
Start-Transcript -Path run.txt
'working on the circuits'
Write-Warning 'a warning is kept too'
Get-Item nothere.txt
Stop-Transcript
Get-Content run.txt
Stop-Transcript
