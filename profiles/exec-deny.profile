# No new processes once the interpreter runs (the seed's exec-deny)
no-subprocess
