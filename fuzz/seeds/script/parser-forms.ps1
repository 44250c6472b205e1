using namespace System.Management.Automation
trap { continue } 'next'
function f() { param($a) $a }
filter g { $_ * 2 }
(1..5).ForEach{ $_ }.Where({ $_ -gt 2 }, 'Split', 1)
$x. Length; [Dictionary[string, List[int]]]; 0x1FL; 2.5mb; 1lkb
Write-Output a ` 
b
#requires -Version 3.0 -Modules ExpressRoute -RunAsAdministrator
