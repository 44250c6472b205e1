'never runs: parse errors are reported before anything runs'
if ($true) {
  'unterminated'
