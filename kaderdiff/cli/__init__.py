"""The command line: `cli.app` lists the commands and starts one; each group of commands has its own module."""
