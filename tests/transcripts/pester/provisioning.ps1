# A provisioning script tested against the simulated world: the circuit is ordered, the
# provider provisions it on the virtual clock (so the test's time is the clock's), a fault
# makes the script fail cleanly, and the teardown leaves no circuit.
New-Item C:\deploy -ItemType Directory | Out-Null
Set-Content C:\deploy\Deploy-Circuit.ps1 @'
function Deploy-Circuit([string] $Name) {
    New-AzureDedicatedCircuit -CircuitName $Name -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force -ErrorAction Stop
}
function Wait-Provider([guid] $ServiceKey, [string] $State) {
    while (($c = Get-AzureDedicatedCircuit -ServiceKey $ServiceKey).ServiceProviderProvisioningState -ne $State) {
        Start-Sleep -Seconds 60
    }
    $c
}
'@
Set-Content C:\deploy\Deploy-Circuit.Tests.ps1 @'
BeforeAll {
    . $PSScriptRoot\Deploy-Circuit.ps1
    Set-ErSimProviderPolicy -Mode Clock -Delay 00:10:00
}
Describe 'Deploy-Circuit' {
    BeforeAll { $circuit = Deploy-Circuit -Name 'lab-01' }
    It 'orders an enabled circuit' {
        $circuit.Status | Should -Be 'Enabled'
        $circuit.ServiceProviderProvisioningState | Should -Be 'Provisioning'
    }
    It 'is provisioned by the provider' {
        $c = Wait-Provider $circuit.ServiceKey Provisioned
        $c.ServiceProviderProvisioningState | Should -Be 'Provisioned'
        $c.Bandwidth | Should -Be 200
    }
    It 'fails cleanly when the service refuses' {
        Add-ErSimFault -Cmdlet New-AzureDedicatedCircuit -Preset InternalError -Count 1 | Out-Null
        { Deploy-Circuit -Name 'lab-02' } | Should -Throw -ExpectedMessage 'InternalError:*'
        Get-AzureDedicatedCircuit | Where-Object CircuitName -eq 'lab-02' | Should -BeNullOrEmpty
    }
    It 'expects the wrong bandwidth' {
        (Get-AzureDedicatedCircuit -ServiceKey $circuit.ServiceKey).Bandwidth | Should -Be 500
    }
    AfterAll {
        Request-ErSimDeprovisioning -ServiceKey $circuit.ServiceKey
        Wait-Provider $circuit.ServiceKey NotProvisioned | Out-Null
        Remove-AzureDedicatedCircuit -ServiceKey $circuit.ServiceKey -Force
    }
}
'@
$result = Invoke-Pester C:\deploy -Output Detailed -PassThru
'{0} passed, {1} failed in {2}' -f $result.PassedCount, $result.FailedCount, $result.Duration
# The teardown left no circuit.
@(Get-AzureDedicatedCircuit).Count
