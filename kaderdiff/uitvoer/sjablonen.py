"""Where the document templates live: `templates/` at the top of the repository."""

from __future__ import annotations

from pathlib import Path

#: Jinja2 templates and the Word template.
SJABLONEN = Path(__file__).resolve().parents[2] / "templates"
