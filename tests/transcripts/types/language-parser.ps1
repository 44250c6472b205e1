# [System.Management.Automation.Language.Parser]::ParseInput parses text without running it:
# the parse errors come back through the third [ref] as ParseError objects with 5.1's id,
# message and extent (offsets in characters).
$errors = $null
$ast = [System.Management.Automation.Language.Parser]::ParseInput('$x = 1 +', [ref]$null, [ref]$errors)
$errors.Count
$e = $errors[0]
$e.GetType().FullName
'{0} at offset {1}, line {2} column {3}: {4}' -f $e.ErrorId, $e.Extent.StartScriptPosition.Offset, $e.Extent.StartLineNumber, $e.Extent.StartColumnNumber, $e.Message
$e.IncompleteInput
$ast.Extent.Text
$null = [System.Management.Automation.Language.Parser]::ParseInput("class Lab { `$a; `$a }", [ref]$null, [ref]$errors)
'{0} at offset {1}' -f $errors[0].ErrorId, $errors[0].Extent.StartOffset
$null = [System.Management.Automation.Language.Parser]::ParseInput('Get-Date', [ref]$null, [ref]$errors)
$errors.Count
# A member may be named by a script block's text.
'lab'.{Length}
'lab'.{ToUpper}()
