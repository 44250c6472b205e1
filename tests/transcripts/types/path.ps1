# [System.IO.Path]: pure functions with Windows semantics; nothing touches a disk.
[System.IO.Path]::GetFileName('C:\lab\circuits\export.csv')
[IO.Path]::GetFileNameWithoutExtension('C:\lab\circuits\export.csv')
[IO.Path]::GetExtension('report.tar.gz')
[IO.Path]::GetExtension('noext')
[IO.Path]::GetDirectoryName('C:\lab\circuits\export.csv')
[IO.Path]::GetDirectoryName('C:/lab/file.txt')
[IO.Path]::GetDirectoryName('C:\') -eq $null
[IO.Path]::Combine('C:\lab', 'circuits', 'export.csv')
[IO.Path]::Combine('C:\lab\', 'x.txt')
[IO.Path]::Combine('C:\lab', 'D:\other')
[IO.Path]::ChangeExtension('C:\lab\a.txt', 'json')
[IO.Path]::ChangeExtension('a.txt', $null)
[IO.Path]::IsPathRooted('\share')
[IO.Path]::IsPathRooted('relative\path')
[IO.Path]::GetPathRoot('C:\lab\x')
[IO.Path]::HasExtension('a.b')
[IO.Path]::DirectorySeparatorChar
[IO.Path]::PathSeparator
[IO.Path]::GetTempPath() -eq ($env:TEMP + '\')
[IO.Path]::Combine()
