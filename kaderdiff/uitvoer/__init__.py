"""Writing output safely: atomic directories and files, byte-identical zips, fixed timestamps."""
