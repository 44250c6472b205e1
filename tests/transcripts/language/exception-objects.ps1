# Exception objects: made with ::new or New-Object, thrown, and given to Write-Error.
$ex = [System.InvalidOperationException]::new('the gateway is busy')
$ex.GetType().FullName
$ex.GetType().BaseType.FullName
$ex.Message
$ex -is [System.Exception]
$ex -is [System.SystemException]
(New-Object System.ArgumentException 'bad value').Message
([System.Exception]::new()).Message
([InvalidOperationException]::new()).Message

# Write-Error -Exception keeps the object: $_.Exception is the one given.
Write-Error -Exception $ex
$Error[0].Exception -eq $ex
$Error[0].FullyQualifiedErrorId
Write-Error -Exception $ex -Category ResourceBusy -ErrorId 'GatewayBusy'
$Error[0].CategoryInfo.Category
function Test-Gateway {
    [CmdletBinding()]
    param()
    Write-Error -Exception ([System.ArgumentException]::new('no such gateway'))
}
try {
    Test-Gateway -ErrorAction Stop
} catch [System.ArgumentException] {
    "caught $($_.Exception.GetType().Name): $($_.Exception.Message)"
}

# throw of an exception object: its message is the error id.
try { throw $ex } catch [System.InvalidOperationException] {
    $_.FullyQualifiedErrorId
    $_.Exception -eq $ex
    $_.CategoryInfo.Category
}
throw [System.ArgumentException]::new('the end')
