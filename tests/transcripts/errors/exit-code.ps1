'before exit'
exit 3
'not printed'
