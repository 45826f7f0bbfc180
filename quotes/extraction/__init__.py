"""A parsed Doc to quote records: quote marks, parse labels, cue lexicon, direct and reported speech."""
