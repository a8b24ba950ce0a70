"""Where the document templates live.

The source of truth is `templates/` at the top of the repository. A wheel carries it inside the package as
`kaderdiff/sjablonen/` (pyproject.toml maps it there), so an installed kaderdiff finds its templates without
the checkout. A checkout, or an editable install of one, has no such folder and reads `templates/` itself:
`python -m kaderdiff.word.sjabloon` regenerates templates/kaderdiff.docx there.
"""

from __future__ import annotations

from pathlib import Path

_IN_PAKKET = Path(__file__).resolve().parents[1] / "sjablonen"
_IN_REPOSITORY = Path(__file__).resolve().parents[2] / "templates"

#: Jinja2 templates, the Word template and what `kaderdiff init` writes into a kaders repository.
SJABLONEN = _IN_PAKKET if _IN_PAKKET.is_dir() else _IN_REPOSITORY
