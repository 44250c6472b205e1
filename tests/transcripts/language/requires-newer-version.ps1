#requires -Version 6.0
# 5.1 refuses the script before any of it runs.
"never written"
