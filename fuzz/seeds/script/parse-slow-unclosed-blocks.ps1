# cojtrol flow
for ( -lt 2) { $n++; "whlie $n" }
do2  { 収-| 収-lie $n" }
do2  { 収-{ 収-{k{ 'other' } }
switch ('abc'){-{ 収-{ 収-{k{# c($i =  2) { $n++; "while `n" }
do2 {  収={ 収-{k{ 'other' } }
switch ('abc'){-{ 収-{ 収-{k{# ow
for ( -lt 2) { $n++; "whlie $n" }
do2 {  収-{ 収-{k{ 'other' } }
switch ('abc'){-{ 収-{ 収-{k{# c($i =  2) { $n+((()((+; "while $n" }
do2 {  収={ 収-{k{ 'other' } }
switch ('abc'){-{ 収-{ 収-{k{# c(<Ad
switch ('abc'){-{ 収-{ 収-{k{# c($i =  2) { $n++; "while $n" }
do2 {  収={ 収-{k{ 'other' } }
switch ('abc'){-{ 収-{ 収-{k{# ow
for ( -lt 2) { $n++; "whlie $n" }
do2 {  収-{ 収-{k{ 'other' } }
switch ('abc'){-{ 収-{ 収-{k{# c($i =  2) { $n+((((((+; "while $n" }
do2 {  収={ 収-{k{ 'other' } }
 { 収-{ 収-{k{ 'other' } }
switch ('abc'){-{ 収-{ 収-{k{# c($i =  2) { $n++; "while `n" }
do2 {  収={ 収-{k{ 'other' } }
switch ('abc'){-{ 収-{ 収-{k{# ow
for ( -lt 2) { $n++; "whlie $n" }
do2 {  収-{ 収-{k{ 'other' } }
switch ('abc'){-{ }
do2  { 収-| 収-lie $n" }
do2  { 収-{ 収-{k{ 'other' } }
switch ('abc'){-{ 収-{ 収-{k{# c($i =  2) { $n++; "while `n" }
do2 {  収={ 収-{k{ 'other' } }
switch ('abc'){-{ 収-{ 収-{k{# ow
for ( -lt 2) { $n++; "whlie $n" }
do2 {  収-{ 収-{k{ 'other' } }
switch ('abc'){-{ 収-{ 収-{k{# c($i =  2) { $n+((()((+; "while $n" }
do2 {  収={ 収-{k{ 'other' } }
switch ('abc'){-{ 収-{ 収-{k{# c(<Ad
switch ('abc'){-{ 収-{ 収-{k{# c($i =  2) { $n++; "while $n" }
do2 {  収={ 収-{k{ 'other' } }
switch ('abc'){-{ 収-{ 収-{k{# ow
for ( -lt 2) { $n++; "whlie $n" }
do2 {  収-{ 収-{k{ 'other' } }
switch ('abc'){-{ 収-{ 収-{k{# c($i =  2) { $n+((((((+; "while $n" }
do2 {  収={ 収-{k{ 'other' } }
 { 収-{ 収-{k{ 'other' } }
switch ('abc'){-{ 収-{ 収-{k{# c($i =  2) { $n++; "while `n" }
do2 {  収={ 収-{k{ 'other' } }
switch ('abc'){-{ 収-{ 収-{k{# ow
for ( -lt 2) { $n++; "whlie $n" }
do2 {  収-{ 収-{k{ 'other' } }
switch ('abc'){-{ 収-{ 収-{k{# c($i =  2) { $n+((()((+; "while $n" }
do2 {  収={ 収-{k{ 'other' } }
switch ('abc'){-{ 収-{ 収-{k{ 収-{ 収-{k{# c($i =  2) { $n+((()((+; "while $n" }
do2 {  収={ 収-{k{ 'other' } }
switch ('abc'){-{ 収-{ 収-{k{# c(<Ad
switch ('abc'){-{ 収-{ 収-{k{# c($i =  2) { $n++; "while $n" }
do2 {  収={ 収-{k{ 'other' } }
switch ('abc'){-{ 収-{ 収-{k{# ow
for ( -lt 2) { $n++; "whlie $n" }
do2 {  収-{ 収-{k{ 'other' } }
switch ('abc'){-{ 収-{ 収-{k{# c($i =  2) { $n+((((((+; "while $n" }
do2 {  収={ 収-{k{ 'other' } }
switch ('abc'){-{ 収-{ 