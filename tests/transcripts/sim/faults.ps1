# Faults: ready-made presets, custom answers (synchronous or failed operation), counts,
# a seeded probability, delays on the virtual clock, a circuit filter; listing and clearing.
Set-ErSimProviderPolicy -Mode Auto -Reads 0
$key = (New-AzureDedicatedCircuit -CircuitName one -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force).ServiceKey

# A preset, once: the next call fails, the one after works.
Add-ErSimFault -Cmdlet New-AzureBGPPeering -Preset InternalError -Count 1 | Out-Host
New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet 10.0.0.0/30 -SecondaryPeerSubnet 10.0.0.4/30 -PeerAsn 1234 -VlanId 100
New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet 10.0.0.0/30 -SecondaryPeerSubnet 10.0.0.4/30 -PeerAsn 1234 -VlanId 100 | Select-Object State | Out-Host
Add-ErSimFault -Cmdlet Get-AzureDedicatedCircuitStats -Preset ServiceUnavailable -Count 1 | Out-Null
Get-AzureDedicatedCircuitStats -ServiceKey $key

# Custom answers: synchronous `Code: Message`, failed operation `Code : Message`; a wildcard.
Add-ErSimFault -Cmdlet '*-AzureDedicatedCircuitLink*' -Code Conflict -Message 'Another operation is in progress.' -StatusCode 409 -Count 2 | Out-Null
Add-ErSimFault -Cmdlet Remove-AzureBGPPeering -Code InternalError -Message 'The operation failed on the device.' -AsOperationFailure -Count 1 | Out-Null
Get-ErSimFault | Format-Table Id, Cmdlet, Remaining, Effect, Fired -AutoSize | Out-Host
Get-AzureDedicatedCircuitLink -ServiceKey $key
New-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -Description d -Limit 1 -MicrosoftIds 'devtest@contoso.com' | Out-Null
Remove-AzureBGPPeering -AccessType Private -ServiceKey $key -Force
# Used up, they are gone.
@(Get-ErSimFault).Count

# Only calls about one circuit.
$other = (New-AzureDedicatedCircuit -CircuitName two -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force).ServiceKey
Add-ErSimFault -Cmdlet Get-AzureDedicatedCircuit -ServiceKey $other -Code NotNow -Message 'Not now.' | Out-Null
(Get-AzureDedicatedCircuit -ServiceKey $key).CircuitName
(Get-AzureDedicatedCircuit -ServiceKey $other).CircuitName

# A probability draws from the seeded dice: the same pattern every run.
Clear-ErSimFault
Add-ErSimFault -Cmdlet Get-AzureBGPPeering -Preset InternalError -Probability 0.5 | Out-Null
$pattern = foreach ($i in 1..16) {
    if (Get-AzureBGPPeering -ServiceKey $key -ErrorAction SilentlyContinue) { 'ok' } else { 'FAIL' }
}
$pattern -join ' '
Get-ErSimFault | Select-Object Cmdlet, Probability, Fired | Out-Host

# A delay: the call works and takes virtual time.
Clear-ErSimFault
Add-ErSimFault -Cmdlet Get-AzureDedicatedCircuit -Delay 00:02:00 | Out-Null
$before = Get-Date
(Get-AzureDedicatedCircuit -ServiceKey $key).CircuitName
((Get-Date) - $before).TotalSeconds

# Clearing by id, from the pipeline, and all.
Clear-ErSimFault
Add-ErSimFault -Cmdlet A-One -Preset InternalError | Out-Null
Add-ErSimFault -Cmdlet B-Two -Preset InternalError | Out-Null
Add-ErSimFault -Cmdlet C-Three -Preset InternalError | Out-Null
Get-ErSimFault | Where-Object Cmdlet -eq 'B-Two' | Clear-ErSimFault
(Get-ErSimFault).Cmdlet -join ', '
Clear-ErSimFault -Id 999
Clear-ErSimFault
@(Get-ErSimFault).Count

# Bad settings.
Add-ErSimFault -Cmdlet X -Preset NoSuchPreset
Add-ErSimFault -Cmdlet X -Preset InternalError -Probability 1.5
Add-ErSimFault -Cmdlet X -Preset InternalError -Count 0
Add-ErSimFault -Cmdlet X -Code Nope -Message 'No.' -StatusCode 200
Add-ErSimFault -Cmdlet '' -Preset InternalError
Add-ErSimFault -Cmdlet X -Delay -00:00:01
