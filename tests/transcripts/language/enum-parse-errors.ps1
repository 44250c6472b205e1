$definitions = @(
    'enum'
    'enum Color'
    'enum Color {'
    'enum Color { Red; Red }'
    'enum Color { Red = $x }'
    'enum Color { Red = 3000000000 }'
    'enum Color { } enum Color { }'
)
foreach ($d in $definitions) {
    try {
        Invoke-Expression $d
        "no error: $d"
    } catch {
        $_.FullyQualifiedErrorId
        $_.Exception.Message
    }
}
enum Negative { Low = -5; Next }
[int][Negative]::Next
