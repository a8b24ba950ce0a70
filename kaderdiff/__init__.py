"""kaderdiff: versioned Onderzoekskaders, structural diffs and the Staat van wijzigingen."""

import os

__version__ = "0.1.0"

# GitPython refuses to be imported when the git program is missing; kaderdiff then says so in Dutch at the
# moment git is needed (and commands without git keep working), instead of failing on import.
os.environ.setdefault("GIT_PYTHON_REFRESH", "quiet")
