using namespace System.Management.Automation
using namespace System.Collections.Specialized
# A type name may leave out a namespace the script named with `using namespace`.
[ErrorRecord].FullName
$table = [OrderedDictionary]@{}
$table.GetType().FullName
# The full name still works, and a name no namespace completes is still unknown.
[System.Management.Automation.ErrorRecord].Name
[NoSuchType]
