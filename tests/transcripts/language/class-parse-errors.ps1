# Each definition is refused by 5.1's parser (or, for a type, when the script is compiled),
# before any of its statements runs.
$definitions = @(
    'class'
    'class Lab'
    'class Lab {'
    'class Lab { [int] }'
    'class Lab { } class Lab { }'
    'class Lab { }; & { class Lab { } }; & { class Lab { } }; "one name in three script blocks"'
    'class Lab { $x; [int]$x }'
    'class Lab { M() { } M() { } }'
    'class Lab { [int][string]$x }'
    'class Lab { static static $x }'
    'class Lab { hidden hidden $x }'
    'class Lab { [NoSuchType]$x }'
    'class Lab { [NoSuchType] M() { return 0 } }'
    'class Lab { M([NoSuchType]$a) { } }'
    'class Lab : NoSuchBase { }'
    'class Lab { M() { return 1 } }'
    'class Lab { [int] M() { return } }'
    'class Lab { [int] M() { } }'
    'class Lab { [int] M() { if ($true) { return 1 } } }'
    'class Lab { [int] M() { try { return 1 } catch { } } }'
    'class Lab { [int] M() { while ($true) { return 1 } } }'
    'class Lab { [int] M() { switch (1) { default { return 1 } } } }'
    'class Lab { $x; static M() { $this.x = 1 } }'
    'class Lab { $x; static $y = $this.x }'
    'class Lab { M() { param($a) } }'
    'class Lab { M() { process { } } }'
    'class Lab { [int] Lab() { } }'
    'class Lab { static Lab($a) { } }'
    'class Lab { Lab() : bass() { } }'
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
# Every path returning is enough: an if with an else, a try whose catches return, a throw,
# a finally that throws, a do loop's body (it runs at least once).
class Fine {
    [int] A([bool]$b) { if ($b) { return 1 } else { return 2 } }
    [int] B() { try { return 1 } catch { return 2 } }
    [int] C() { throw 'never' }
    [int] D() { try { } finally { throw 'always' } }
    [int] E() { do { return 5 } while ($false) }
}
[Fine]::new().A($false)
[Fine]::new().B()
[Fine]::new().E()
