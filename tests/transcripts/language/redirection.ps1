Write-Output 'kept'
Write-Output 'dropped' > $null
Write-Error 'quiet' 2> $null
"errors so far: $($Error.Count)"
$merged = Write-Error 'merged' 2>&1
$merged.GetType().FullName
"merged message: $($merged.Exception.Message)"
Write-Output 'to a file' > C:\redirected.txt
Write-Output 'and more' >> C:\redirected.txt
Get-Content C:\redirected.txt
