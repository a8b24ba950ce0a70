"""Parsing untrusted XML without DTDs, entities or network access.

Kaders, BWB law texts and the XML parts of Word files all pass through here, so
there is one place that refuses XXE and entity-expansion ('billion laughs').
"""

from __future__ import annotations

import re

from lxml import etree

from kaderdiff.fouten import KaderdiffFout, Melding

_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )


def parse_veilig(data: bytes, bestand: str) -> etree._ElementTree:
    """Parse bytes as XML; refuse DOCTYPE/ENTITY declarations with a Dutch message."""
    gevonden = _DOCTYPE.search(data)
    if gevonden:
        regel = data.count(b"\n", 0, gevonden.start()) + 1
        kolom = gevonden.start() - (data.rfind(b"\n", 0, gevonden.start()) + 1) + 1
        raise KaderdiffFout(
            f"{bestand} geweigerd: DTD- en entiteitsdeclaraties zijn niet toegestaan",
            (Melding(bestand, regel, kolom,
                     "DOCTYPE/ENTITY gevonden; externe entiteiten en entiteit-expansie worden "
                     "om veiligheidsredenen niet verwerkt"),),
        )
    try:
        return etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as exc:
        meldingen = tuple(
            Melding(bestand, e.line, e.column, f"geen geldige XML: {vertaal_syntaxfout(e.message)}")
            for e in exc.error_log
        ) or (Melding(bestand, exc.lineno or 0, exc.offset or 0, f"geen geldige XML: {exc.msg}"),)
        raise KaderdiffFout(f"{bestand} is geen geldige XML", meldingen) from None


#: libxml2's messages -> Dutch; patterns as text, compiled by re only when a file has an error.
_SYNTAX = [
    (r"Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)",
     r"begintag <\1> (regel \2) wordt afgesloten met </\3>"),
    (r"Premature end of data in tag (\S+) line (\d+)",
     r"bestand houdt op terwijl <\1> (regel \2) nog open is"),
    (r"EndTag: '</' not found", "afsluitende tag ontbreekt"),
    (r"Extra content at the end of the document", "tekst na het einde van het document"),
    (r"Start tag expected, '<' not found", "document begint niet met een element"),
    (r"Couldn't find end of Start Tag (\S+)", r"begintag <\1> is niet afgesloten"),
    (r"xmlParseEntityRef: no name", "losse '&': schrijf &amp;"),
    (r"Entity '(\S+)' not defined", r"onbekende entiteit &\1;"),
    (r"attributes construct error", "fout in de attributen"),
    (r"Specification mandates value for attribute (\S+)", r"attribuut '\1' heeft geen waarde"),
    (r"Attribute (\S+) redefined", r"attribuut '\1' staat twee keer in hetzelfde element"),
    (r"Document is empty", "het bestand is leeg"),
    (r"AttValue: \" or ' expected", "attribuutwaarde moet tussen aanhalingstekens staan"),
]


def vertaal_syntaxfout(bericht: str) -> str:
    """Translate the common libxml2 syntax messages; keep the original for the rest."""
    bericht = " ".join(bericht.split())
    for patroon, vervanging in _SYNTAX:
        gevonden = re.search(patroon, bericht)
        if gevonden:
            return gevonden.expand(vervanging)
    return bericht
