# Tests of Deploy-Circuit.ps1 against ersim's simulated Azure: no account, no mocks.
BeforeAll {
    . $PSScriptRoot\Deploy-Circuit.ps1
    # The provider answers ten virtual minutes after each request.
    Set-ErSimProviderPolicy -Mode Clock -Delay 00:10:00
}

Describe 'Deploy-Circuit' {
    BeforeAll {
        $circuit = Deploy-Circuit -Name 'ci-lab'
    }

    It 'orders an enabled circuit that waits for its provider' {
        $circuit.Status | Should -Be 'Enabled'
        $circuit.ServiceProviderProvisioningState | Should -Be 'Provisioning'
    }

    It 'is provisioned by the provider' {
        $ready = Wait-ProviderState -ServiceKey $circuit.ServiceKey -State Provisioned
        $ready.ServiceProviderProvisioningState | Should -Be 'Provisioned'
        $ready.Bandwidth | Should -Be 200
    }

    It 'configures private and Microsoft peering' {
        Add-CircuitPeerings -ServiceKey $circuit.ServiceKey
        (Get-AzureBGPPeering -ServiceKey $circuit.ServiceKey -AccessType Private).State | Should -Be 'Enabled'
        (Get-AzureBGPPeering -ServiceKey $circuit.ServiceKey -AccessType Microsoft).VlanId | Should -Be 300
    }

    It 'fails cleanly when the service refuses' {
        Add-ErSimFault -Cmdlet New-AzureDedicatedCircuit -Preset InternalError -Count 1 | Out-Null
        { Deploy-Circuit -Name 'ci-lab-2' } | Should -Throw -ExpectedMessage 'InternalError:*'
        Get-AzureDedicatedCircuit | Where-Object CircuitName -eq 'ci-lab-2' | Should -BeNullOrEmpty
    }

    AfterAll {
        Remove-Deployment -ServiceKey $circuit.ServiceKey
    }
}

Describe 'after the teardown' {
    It 'leaves no circuit behind' {
        @(Get-AzureDedicatedCircuit).Count | Should -Be 0
    }
}
