$definitions = @(
    'enum'
    'enum Color'
    'enum Color {'
    'enum Color { Red; Red }'
    'enum Color { Red = $x }'
    'enum Color { Red = 3000000000 }'
    'enum Color { } enum Color { }'
    'enum Color { Red = }'
    'enum Color { Red = (Get-Random) }'
    'enum Color { Red = [int]::MaxValue; Green }'
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
# A value is any constant expression, even one naming an enum defined further down.
enum Limits { Low = -5; Next; Top = [int]::MaxValue; Reset = 1 }
[int][Limits]::Next
[int][Limits]::Top
[int][Limits]::Reset
enum Derived { Value = [Base]::Start + 2 }
enum Base { Start = 40 }
[int][Derived]::Value
