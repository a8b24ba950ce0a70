"""Parsing untrusted XML without DTDs, entities or network access.

Kaders, BWB law texts and the XML parts of Word files all pass through here, so
there is one place that refuses XXE and entity-expansion ('billion laughs').
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

from kaderdiff.fouten import KaderdiffFout, Melding

#: As text, like the message patterns below: re compiles them on first use, which only a refused file has.
_DOCTYPE = r"(?i)<!DOCTYPE|<!ENTITY"
_DECLARATIE = rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']"""
#: Byte order marks and the first bytes of '<?' per encoding (XML 1.0, appendix F).
_HANDTEKENINGEN = (
    (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"), (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
)


def _parser(ruim: bool = False) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=ruim,
        remove_comments=False,
    )


def als_tekst(data: bytes) -> str:
    """The document as text, in the encoding it announces (byte order mark, first bytes, declaration)."""
    codering = next((naam for begin, naam in _HANDTEKENINGEN if data.startswith(begin)), "")
    if not codering:
        gevonden = re.match(_DECLARATIE, data)
        codering = gevonden.group(1).decode("ascii") if gevonden else "utf-8"
    try:
        return data.decode(codering, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def _weiger_dtd(data: bytes, bestand: str) -> KaderdiffFout:
    tekst = als_tekst(data)
    gevonden = re.search(_DOCTYPE, tekst)
    regel = kolom = 1
    if gevonden:
        regel = tekst.count("\n", 0, gevonden.start()) + 1
        kolom = gevonden.start() - (tekst.rfind("\n", 0, gevonden.start()) + 1) + 1
        if regel == 1 and tekst.startswith("\ufeff"):
            kolom -= 1
    return KaderdiffFout(
        f"{bestand} geweigerd: DTD- en entiteitsdeclaraties zijn niet toegestaan",
        (Melding(bestand, regel, kolom,
                 "DOCTYPE/ENTITY gevonden; externe entiteiten en entiteit-expansie worden "
                 "om veiligheidsredenen niet verwerkt"),),
    )


def parse_veilig(data: bytes, bestand: str, ruim: bool = False) -> etree._ElementTree:
    """Parse bytes as XML; refuse DOCTYPE/ENTITY declarations with a Dutch message.

    The parsed tree is checked (its document type), not the bytes, so a DTD in UTF-16 or UTF-32 is found too;
    the parser itself never loads a DTD, resolves an entity or touches the network. `ruim` lifts libxml2's limits
    on text length and depth (huge_tree): only for data whose size is bounded already, to say what is too long.
    """
    try:
        wortel = etree.fromstring(data, _parser(ruim))
    except etree.XMLSyntaxError as exc:
        if re.search(_DOCTYPE, als_tekst(data)):
            raise _weiger_dtd(data, bestand) from None
        meldingen = tuple(
            Melding(bestand, e.line, e.column, f"geen geldige XML: {vertaal_syntaxfout(e.message, e.type_name)}")
            for e in exc.error_log
        ) or (Melding(bestand, exc.lineno or 0, exc.offset or 0, f"geen geldige XML: {vertaal_syntaxfout(exc.msg)}"),)
        raise KaderdiffFout(f"{bestand} is geen geldige XML", meldingen) from None
    except (ValueError, MemoryError, RecursionError) as exc:  # e.g. NUL bytes: lxml refuses before libxml2 runs
        raise KaderdiffFout(f"{bestand} is geen geldige XML",
                            (Melding(bestand, 0, 0, f"geen geldige XML: {vertaal_waardefout(exc)}"),)) from None
    boom = wortel.getroottree()
    if boom.docinfo.doctype or boom.docinfo.internalDTD is not None or boom.docinfo.externalDTD is not None:
        raise _weiger_dtd(data, bestand)
    return etree.ElementTree(wortel)


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
    (r"Excessive depth in document: (\d+)", r"te diep genest (meer dan \1 niveaus)"),
    (r"[Hh]uge (?:text node|input lookup)|xmlSAX2Characters: huge text node|Text node too long",
     "een tekst is te lang (meer dan 10 MB in één stuk)"),
    (r"Resource limit exceeded|Memory allocation failed", "het document is te groot om te lezen"),
    (r"Maximum entity amplification factor exceeded", "entiteiten worden te ver uitgevouwen"),
    (r"PCDATA invalid Char value (\d+)|Char 0x([0-9A-Fa-f]+) out of allowed range|"
                r"invalid character in attribute value|CData section not finished",
     "teken dat in XML niet mag"),
    (r"[Ii]nput is not proper UTF-8|Bytes: 0x|[Cc]hunk is not well balanced.*encoding|"
                r"Invalid bytes in character encoding|Incomplete UTF-8 sequence",
     "de tekens passen niet bij de codering van het bestand (verwacht UTF-8)"),
    (r"[Uu]nsupported encoding (\S+)|Unknown encoding", r"onbekende tekencodering \1"),
    (r"[Dd]ocument labelled UTF-16 but has UTF-8 content|encoding mismatch|"
                r"[Ss]witching encoding", "de opgegeven codering klopt niet met de inhoud"),
    (r"XML declaration allowed only at the start of the document",
     "de XML-declaratie (<?xml …?>) staat niet aan het begin"),
    (r"ParsePI: PI (\S+) never end", r"verwerkingsinstructie <?\1 wordt niet afgesloten"),
    (r"ParsePI: PI xml space expected|xmlParsePI : no target name|ParsePI",
     "fout in een verwerkingsinstructie (<?…?>)"),
    (r"Comment not terminated|Comment must not contain '--'|Double hyphen within comment",
     "een commentaar (<!-- … -->) is niet goed afgesloten of bevat '--'"),
    (r"StartTag: invalid element name", "ongeldige elementnaam"),
    (r"error parsing attribute name", "ongeldige attribuutnaam"),
    (r"Unescaped '<' not allowed in attributes values", "'<' in een attribuutwaarde: schrijf &lt;"),
    (r"AttValue: ' expected|attributes construct error|Couldn't find end of Start Tag",
     "fout in de attributen"),
    (r"xmlParseCharRef: invalid xmlChar value (\d+)|xmlParseCharRef: invalid decimal value|"
                r"xmlParseCharRef: invalid hexadecimal value|CharRef: invalid",
     "ongeldige tekenverwijzing (&#…;)"),
    (r"EntityRef: expecting ';'", "entiteitsverwijzing zonder ';' (schrijf & als &amp;)"),
    (r"Namespace prefix (\S+) (?:on|for) (\S+) (?:on (\S+) )?is not defined",
     r"namespace-voorvoegsel '\1' is niet gedeclareerd"),
    (r"xmlns: URI (.*) is not absolute|xmlns:(\S+): '(.*)' is not a valid URI|"
                r"xmlns: '(.*)' is not a valid URI",
     "ongeldige namespace-URI"),
    (r"Namespace default prefix was not found|xmlns:(\S+): Empty XML namespace is not allowed|"
                r"Namespace prefix (\S+) was not found", "fout in een namespace-declaratie"),
    (r"Failed to parse QName '(\S+)'", r"ongeldige naam '\1'"),
    (r"Sequence '\]\]>' not allowed in content", "']]>' mag niet in tekst staan"),
    (r"Blank needed here|spacing? required|Spaces? required", "hier hoort een spatie"),
    (r"String not closed expecting \" or '|String not started expecting ' or \"",
     "een waarde tussen aanhalingstekens is niet afgesloten"),
    (r"Version in XML Declaration missing|Malformed declaration expecting version|"
                r"Unsupported version '(.*)'|parsing XML declaration: '\?>' expected|"
                r"Blank needed after '<\?xml'|standalone accepts only 'yes' or 'no'",
     "fout in de XML-declaratie (<?xml version=\"1.0\" …?>)"),
    (r"internal error|Internal error", "het document kan niet worden gelezen"),
    (r"Entity '(\S+)' failed to parse|Detected an entity reference loop|"
                r"PEReference|Attribute references external entity", "entiteiten zijn niet toegestaan"),
    (r"Premature end of data|Extra content|EndTag", "het bestand houdt halverwege op"),
]


def vertaal_syntaxfout(bericht: str, soort: str = "") -> str:
    """Translate libxml2's syntax messages; one it does not know gets a Dutch sentence with its error name."""
    bericht = " ".join(bericht.split())
    for patroon, vervanging in _SYNTAX:
        gevonden = re.search(patroon, bericht)
        if gevonden:
            return gevonden.expand(vervanging)
    return f"de XML is hier niet in orde (libxml2: {soort or 'onbekende fout'})"


def vertaal_waardefout(fout: BaseException) -> str:
    """Dutch for what lxml refuses before parsing (NUL bytes, wrong string types) or a resource limit."""
    if isinstance(fout, MemoryError | RecursionError):
        return "het document is te groot of te diep genest om te lezen"
    if "NULL" in str(fout) or "control characters" in str(fout):
        return "het bestand bevat tekens die in XML niet mogen (zoals NUL-bytes)"
    return "het bestand kan niet als XML worden gelezen"
