"""The merge driver: three versions of a kader merged by element, and setting up a kaders repository."""
