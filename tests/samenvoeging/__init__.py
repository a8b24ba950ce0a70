"""The merge driver: by element, in real `git merge` runs, its promise, and `kaderdiff init`."""
