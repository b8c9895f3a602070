" cdgrules rules files (the CDG 47 offer language)
autocmd BufRead,BufNewFile *.cdg setfiletype cdgrules
