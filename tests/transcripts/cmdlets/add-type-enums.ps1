# Add-Type with C# that declares only enums defines them; other C# is refused.
Add-Type -TypeDefinition 'public enum PipelineState { NotStarted, Running, Stopping, Stopped, Completed, Failed, Disconnected }'
[PipelineState]::Completed
[int][PipelineState]::Failed
[PipelineState]'Running' -eq [PipelineState]::Running
$t = Add-Type -PassThru -TypeDefinition @'
namespace Lab.Network
{
    // what a circuit may carry
    [System.Flags]
    public enum Carries : byte
    {
        None = 0,
        Private = 0x1,
        Microsoft = 2,
        Both = Private | Microsoft,
    }
}
'@
$t.FullName
[Lab.Network.Carries]3
[Lab.Network.Carries]'Private, Microsoft' -eq [Lab.Network.Carries]::Both
[enum]::GetNames([Lab.Network.Carries]) -join ','
# The same source again is no error; another enum under a taken name is.
Add-Type -TypeDefinition 'public enum PipelineState { NotStarted, Running, Stopping, Stopped, Completed, Failed, Disconnected }'
Add-Type -TypeDefinition 'public enum PipelineState { Other }'
[PipelineState]::Running
try { Add-Type -TypeDefinition 'public enum Tiny : byte { Big = 300 }' } catch { $_.FullyQualifiedErrorId }
try { Add-Type -TypeDefinition 'public class Lab { }' } catch { $_.FullyQualifiedErrorId }
