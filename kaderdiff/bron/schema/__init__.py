"""The kader XML schema and Dutch explanations of its violations."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from lxml import etree

from kaderdiff.bron.conflict import conflictmeldingen
from kaderdiff.fouten import Melding

SCHEMA_PAD = Path(__file__).with_name("kader.xsd")


@cache
def kader_schema() -> etree.XMLSchema:
    """The compiled schema (parsed once per process; it is immutable)."""
    return etree.XMLSchema(etree.parse(str(SCHEMA_PAD)))


def valideer(boom: etree._ElementTree, bestand: str) -> list[Melding]:
    """All schema violations of a parsed kader, each with line, column and Dutch text.

    An unresolved merge conflict is reported as such (with both versions), not as the element out of place
    that the schema sees; the rest is checked again once the conflicts are resolved.
    """
    conflicten = conflictmeldingen(boom, bestand)
    if conflicten:
        return conflicten
    schema = kader_schema()
    if schema.validate(boom):
        return []
    return [Melding(bestand, e.line, e.column, vertaal_schemafout(e.message, e.type_name)) for e in schema.error_log]


# Message patterns as text: re compiles (and caches) one only when a file has that error, so loading a
# valid kader does not pay for compiling them all.
_ELEMENT = r"(?s)^Element '([^']+)'(?:, attribute '([^']+)')?: (.*)$"

_REGELS: list[tuple[str, str]] = [
    (r"This element is not expected\. Expected is one of \( (.*) \)\.",
     "staat hier niet op zijn plaats; verwacht op deze plek: {0}"),
    (r"This element is not expected\. Expected is \( (.*) \)\.",
     "staat hier niet op zijn plaats; verwacht op deze plek: {0}"),
    (r"This element is not expected\.", "is hier niet toegestaan"),
    (r"Missing child element\(s\)\. Expected is one of \( (.*) \)\.",
     "mist een verplicht onderdeel; verwacht: {0}"),
    (r"Missing child element\(s\)\. Expected is \( (.*) \)\.",
     "mist een verplicht onderdeel: {0}"),
    (r"The attribute '([^']+)' is required but missing\.", "het verplichte attribuut '{0}' ontbreekt"),
    (r"The attribute '([^']+)' is not allowed\.", "attribuut '{0}' is hier niet toegestaan"),
    (r"The attribute is not allowed\.", "dit attribuut is hier niet toegestaan"),
    (r"\[facet 'enumeration'\] The value '([^']*)' is not an element of the set \{(.*)\}\.",
     "de waarde '{0}' is niet toegestaan; kies uit {1}"),
    (r"\[facet 'pattern'\] The value '([^']*)' is not accepted by the pattern '\\d\{4\}-\\d\{2\}-\\d\{2\}'\.",
     "'{0}' is geen dag zoals een kader die noemt: schrijf JJJJ-MM-DD, zonder tijdzone"),
    (r"\[facet 'pattern'\] The value '([^']*)' is not accepted by the pattern '\\d\{4\}'\.",
     "'{0}' is geen jaartal zoals een kader het noemt: schrijf vier cijfers, zonder tijdzone"),
    (r"\[facet 'pattern'\] The value '([^']*)' is not accepted by the pattern '([^']*)'\.",
     "de waarde '{0}' heeft niet de juiste vorm (patroon {1})"),
    (r"\[facet 'minLength'\] The value '([^']*)' has a length of '0'.*", "mag niet leeg zijn"),
    (r"'([^']*)' is not a valid value of the atomic type '(?:xs:date|Dag)'\.",
     "'{0}' is geen geldige datum (schrijf JJJJ-MM-DD)"),
    (r"'([^']*)' is not a valid value of the atomic type '(?:xs:gYear|Jaartal)'\.",
     "'{0}' is geen geldig jaartal"),
    (r"'([^']*)' is not a valid value of the (?:local )?atomic type.*",
     "'{0}' is geen geldige waarde"),
    (r"Character content other than whitespace is not allowed because the content type is "
                r"'element-only'\.", "hier mag geen losse tekst staan, alleen elementen"),
    (r"No matching global declaration available for the validation root\.",
     "is geen kader: het hoofdelement moet <kader> zijn"),
    (r"Element content is not allowed, because the (?:content type|type definition) is (?:a )?simple",
     "hier mogen geen elementen in staan, alleen tekst"),
    (r"Character content is not allowed, because the content type is empty",
     "dit element moet leeg zijn"),
    (r"Element content is not allowed, because the content type is empty",
     "dit element moet leeg zijn"),
    (r"\[facet '(?:min|max)?[Ll]ength'\] The value '([^']*)' has a length of '(\d+)'.*",
     "de waarde '{0}' heeft niet de toegestane lengte"),
    (r"\[facet '\w+'\] The value '([^']*)'.*", "de waarde '{0}' is hier niet toegestaan"),
    (r"The value '([^']*)' is not (?:a valid value|valid).*", "de waarde '{0}' is hier niet toegestaan"),
    (r"The attribute '([^']+)'", "fout in attribuut '{0}'"),
]


def _elementen(lijst: str) -> str:
    return ", ".join(f"<{n.strip()}>" for n in lijst.split(",") if n.strip())


def vertaal_schemafout(bericht: str, soort: str = "") -> str:
    """Turn a libxml2 XSD message into Dutch; one it does not know gets a Dutch sentence with its error name."""
    bericht = bericht.strip()
    gevonden = re.match(_ELEMENT, bericht)
    if not gevonden:
        return f"voldoet hier niet aan het kaderschema (libxml2: {soort or 'onbekende fout'})"
    element, attribuut, rest = gevonden.groups()
    onderwerp = f"<{element}>" + (f", attribuut '{attribuut}'" if attribuut else "")
    for patroon, sjabloon in _REGELS:
        m = re.search(patroon, rest)
        if m:
            delen = [_elementen(g) if "Expected" in patroon else g for g in m.groups()]
            return f"{onderwerp}: {sjabloon.format(*delen)}"
    return f"{onderwerp}: voldoet hier niet aan het kaderschema (libxml2: {soort or 'onbekende fout'})"
