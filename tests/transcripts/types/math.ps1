# [math]: the overload decides the result's type.
[math]::Abs(-3)
([math]::Abs(-3)).GetType().Name
[math]::Abs(-2.5)
[math]::Floor(2.7)
([math]::Floor(2.7)).GetType().Name
[math]::Ceiling(2.1)
[math]::Truncate(-2.7)
[math]::Round(2.5)
[math]::Round(3.5)
[math]::Round(2.5, [MidpointRounding]::AwayFromZero)
[math]::Round(1.23456, 3)
[math]::Max(3, 7)
[math]::Min(3, 7.5)
[math]::Pow(2, 10)
[math]::Sqrt(16)
[math]::Log(100, 10)
[math]::Log10(1000)
[math]::Exp(0)
[math]::Sign(-4)
[math]::PI
[math]::E
[math]::Atan2(1, 1) * 4
[int]::MaxValue
[int]::MinValue
[long]::MaxValue
[byte]::MaxValue
[double]::MaxValue
[uint64]::MaxValue
[double]::IsNaN([double]::NaN)
[double]::PositiveInfinity
[math]::Abs([int]::MinValue)
[math]::Sqrt('x')
[math]::Round(1.5, 20)
[math]::Pow(2)
