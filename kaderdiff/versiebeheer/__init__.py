"""The one door to git: every git command and every GitPython call of kaderdiff."""
