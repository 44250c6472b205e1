# §4.6: New-AzExpressRouteCircuit asks only to overwrite a circuit that exists; Remove- always
# asks unless -Force; New-AzResourceGroup asks to update a group that exists.
New-AzResourceGroup -Name LabRG -Location 'West US' | Out-Null
$new = @{ Name = 'LabArm'; ResourceGroupName = 'LabRG'; Location = 'West US'; SkuTier = 'Standard'; SkuFamily = 'MeteredData'; ServiceProviderName = 'Equinix'; PeeringLocation = 'London'; BandwidthInMbps = 50 }
$c = New-AzExpressRouteCircuit @new
"created without a prompt: $($c.Name)"
# No: the existing circuit is left as it was.
New-AzExpressRouteCircuit @new -Tag @{ env = 'lab' }
"tags after No: $((Get-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG).Tag.Count)"
# Yes: overwritten.
New-AzExpressRouteCircuit @new -Tag @{ env = 'lab' } | Select-Object -ExpandProperty Tag
New-AzResourceGroup -Name LabRG -Location 'West US' | Select-Object ResourceGroupName | Out-Host
Remove-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG
"circuits after No: $(@(Get-AzExpressRouteCircuit).Count)"
Remove-AzExpressRouteCircuit -Name LabArm -ResourceGroupName LabRG -PassThru
Remove-AzResourceGroup -Name LabRG
