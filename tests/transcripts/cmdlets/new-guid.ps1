# New-Guid writes a System.Guid from the world's id generator: the seeded world of the
# transcripts repeats it, and Set-ErSimSeed starts the sequence again.
New-Guid
$g = New-Guid
$g.GetType().FullName
Set-ErSimSeed 42
$first = New-Guid
Set-ErSimSeed 42
$first -eq (New-Guid)
New-Guid -Count 2
