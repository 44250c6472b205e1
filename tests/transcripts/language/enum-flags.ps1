[Flags()] enum Access {
    None = 0
    Read = 1
    Write = 2
    Delete = 4
}
[Access]3
[Access]'Read, Delete'
[Access]0
[Access]7
[Access]8
$rw = [Access]::Read -bor [Access]::Write
$rw
$rw.GetType().Name
[int]$rw
($rw -band [Access]::Write) -eq [Access]::Write
$rw -band [Access]::Delete
[Access]::Read -bxor [Access]3
"$rw"
