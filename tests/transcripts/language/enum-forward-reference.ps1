# An enum's value may name an enum declared further down the same block, as 5.1 defines
# a script's types before it runs; in a nested block as at the top.
enum Top { a = [Below]::b * 2 }
enum Below { b = 21 }
[int][Top]::a
function Show-Order {
    'first statement'
    enum Outer { o = [Middle]::m + 1 }
    'between the enums'
    enum Middle { m = [Inner]::i + [Inner]::j }
    enum Inner { i = 10; j = 20 }
    '{0} {1} {2}' -f [int][Outer]::o, [int][Middle]::m, [int][Inner]::j
}
Show-Order
