"""Every command from the outside: bad input, start-up, what the manuals promise."""
