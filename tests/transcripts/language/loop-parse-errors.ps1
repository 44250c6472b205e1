# At a statement's start `for` and `foreach` are keywords: without '(' they are 5.1's
# MissingOpenParenthesisAfterKeyword at the keyword's end, and a for header cut short is
# MissingEndParenthesisAfterStatement where the text ends (column shown after each id).
$cases = 'for', 'for z', ':lab for', 'foreach', 'for(', 'for(;;', 'for($a;$b', 'for($a;$b;$c', 'for($a;$b;$c)'
foreach ($text in $cases) {
    $errors = $null
    $null = [System.Management.Automation.Language.Parser]::ParseInput($text, [ref]$null, [ref]$errors)
    '{0,-14} {1} {2}' -f $text, $errors[0].ErrorId, $errors[0].Extent.StartScriptPosition.ColumnNumber
}
# The loops themselves still run.
for ($i = 0; $i -lt 2; $i++) { "for $i" }
foreach ($n in 1, 2) { "foreach $n" }
1, 2 | foreach { "alias $_" }
