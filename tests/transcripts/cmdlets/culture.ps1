# The lab machine runs en-US.
Get-Culture
(Get-UICulture).Name
Get-Culture | Format-List Name, LCID, DisplayName, TwoLetterISOLanguageName
