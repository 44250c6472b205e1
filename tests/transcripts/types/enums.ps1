# [enum] statics over the engine's enumerations.
[enum]::GetNames([System.DayOfWeek]) -join ','
[enum]::GetValues([ActionPreference]) | Select-Object -First 2
[enum]::Parse([DayOfWeek], 'friday', $true)
[enum]::Parse([DayOfWeek], '3')
[enum]::IsDefined([DayOfWeek], 'Monday')
[enum]::IsDefined([DayOfWeek], 'monday')
[enum]::IsDefined([DayOfWeek], 9)
[enum]::ToObject([DayOfWeek], 2)
[enum]::GetName([DayOfWeek], 6)
5 -is [enum]
[DayOfWeek]::Monday -is [enum]
[enum]::Parse([DayOfWeek], 'friday')
[enum]::GetNames([int])
