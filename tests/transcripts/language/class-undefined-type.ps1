# A class that names a type nobody defined stops the whole script before its first line runs.
'this line never runs'
class Gateway {
    [string]$Name
    [VpnSku]$Sku
}
