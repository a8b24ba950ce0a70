"""A kader file as a checked XML tree: parsed safely (`bron.xmlveilig`), then held against the schema.

Apart from the loader (`bron.laden`), which turns the tree into the kader model: `controleer` checks a tree without
creating that model (`bron.kaderfeiten`).
"""

from __future__ import annotations

from lxml import etree

from kaderdiff.bron.schema import valideer
from kaderdiff.bron.xmlveilig import parse_veilig
from kaderdiff.fouten import Melding


def parse_kader(data: bytes, bron: str) -> tuple[etree._ElementTree, list[Melding]]:
    """Parse and schema-check; returns the tree and the schema violations (possibly empty)."""
    boom = parse_veilig(data, bron)
    return boom, valideer(boom, bron)
