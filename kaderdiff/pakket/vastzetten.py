"""LibreOffice's odt and pdf made reproducible: the same inputs give the same bytes.

LibreOffice stamps each file with the conversion time and with ids from memory addresses or random numbers;
these functions replace them with the commit date and with ids numbered in order of appearance, keeping
every offset of a PDF valid.
"""

from __future__ import annotations

import bisect
import hashlib
import io
import itertools
import re
import zipfile
import zlib
from collections.abc import Callable
from datetime import datetime

from kaderdiff.uitvoer.zipvast import vastgezet

_ODF_DATUM = re.compile(rb"(<(?:meta:creation-date|dc:date)>)[^<]*(</)")


def vast_odt(data: bytes, moment: datetime) -> bytes:
    """ODT with fixed zip dates and fixed dates in meta.xml."""
    datum = moment.strftime("%Y-%m-%dT%H:%M:%S").encode()
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as bron, zipfile.ZipFile(uit, "w") as doel:
        for info in bron.infolist():
            if info.is_dir():  # empty Configurations2/… folders: not in the manifest, so invalid ODF members
                continue
            inhoud = bron.read(info.filename)
            if info.filename == "meta.xml":
                inhoud = _ODF_DATUM.sub(lambda m: m.group(1) + datum + m.group(2), inhoud)
                inhoud = re.sub(rb"<meta:editing-duration>[^<]*</meta:editing-duration>", b"", inhoud)
            elif info.filename in ("content.xml", "styles.xml"):  # random list ids -> numbered in order
                inhoud = _hernummer_lijsten(inhoud)
            elif info.filename == "settings.xml":
                inhoud = vaste_instellingen(inhoud)
            doel.writestr(info, inhoud)
    return vastgezet(uit.getvalue(), moment)


_RSID = re.compile(rb'(config:name="Rsid(?:Root)?" config:type="int">)\d+')
_C = rb'<config:config-item config:name="'
#: A 'forbidden characters' entry for a language without any (empty BeginLine and EndLine): the default of
#: every language but Chinese, Japanese and Korean.
_LEGE_VERBODEN_TEKENS = re.compile(
    rb"<config:config-item-map-entry>" + _C + rb'Language" config:type="string">[^<]*</config:config-item>'
    + _C + rb'Country" config:type="string">[^<]*</config:config-item>'
    + _C + rb'Variant" config:type="string"(?:/>|>[^<]*</config:config-item>)'
    + _C + rb'BeginLine" config:type="string"/>' + _C + rb'EndLine" config:type="string"/>'
    + rb"</config:config-item-map-entry>")
_LEGE_TABEL = re.compile(rb'<config:config-item-map-indexed config:name="ForbiddenCharacters">'
                         rb"</config:config-item-map-indexed>")


def vaste_instellingen(inhoud: bytes) -> bytes:
    """settings.xml without what LibreOffice writes differently for the same document: the random revision-save
    id, and an empty 'forbidden characters' entry for Dutch that is there in some builds of one commit and not
    in others (an empty entry is every language's default but Chinese, Japanese and Korean)."""
    inhoud = _RSID.sub(rb"\g<1>0", inhoud)
    return _LEGE_TABEL.sub(b"", _LEGE_VERBODEN_TEKENS.sub(b"", inhoud))


#: Ids LibreOffice makes from memory addresses or random numbers: renumbered in order of appearance. A bookmark
#: it names itself (a comment's, or the anchor of a heading a table of contents links to:
#: '__RefHeading___Toc1418_516271265') carries a counter of the whole office process and a random number of its
#: session: the counter grew with every document the process converted before, so a document's bytes depended
#: on its neighbours in the queue (and a cached conversion on what its first build converted before it).
_WILLEKEURIGE_IDS = (
    (re.compile(rb'"list(\d+)"'), b'"list', b'"'),
    (re.compile(rb'"ct(\d+)"'), b'"ct', b'"'),
    (re.compile(rb"__Annotation__(\d+_\d+)"), b"__Annotation__", b""),
    (re.compile(rb"__RefHeading___Toc(\d+_\d+)"), b"__RefHeading___Toc", b"_0"),
)


def _hernummer_lijsten(inhoud: bytes) -> bytes:
    for patroon, voor, na in _WILLEKEURIGE_IDS:
        nummers: dict[bytes, bytes] = {}

        def vervang(m: re.Match[bytes], nummers: dict[bytes, bytes] = nummers,
                    voor: bytes = voor, na: bytes = na) -> bytes:
            return voor + nummers.setdefault(m.group(1), str(len(nummers) + 1).encode()) + na

        inhoud = patroon.sub(vervang, inhoud)
    return inhoud


_PDF_DATUM = re.compile(rb"/(CreationDate|ModDate)\s*\(D:[^)]*\)")
_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_CONTROLESOM = re.compile(rb"(/DocChecksum /)[0-9A-Fa-f]{32}")  # LibreOffice's MD5 of the file as it wrote it
_XMP_DATUM = re.compile(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)[^<]*(</)")
_XMP_STROOM = re.compile(rb"<</Type/Metadata/Subtype/XML/Length (\d+)>>\nstream\n")


_ICC_STROOM = re.compile(rb"\n(\d+) 0 obj\n<</N [134]/Length (\d+) 0 R/Filter/FlateDecode>>\nstream\n")
_XREF = re.compile(rb"\nxref\n0 (\d+)\n")


def vast_kleurprofiel(data: bytes, moment: datetime) -> bytes:
    """Date the sRGB profile LibreOffice embeds (for PDF/A) with `moment` instead of the conversion time.

    The ICC header carries a creation date (bytes 24-35); the profile stream is recompressed, its length
    object rewritten and the xref table made anew. A PDF in any other shape is left as it is.
    """
    gevonden = _ICC_STROOM.search(data)
    if gevonden is None:
        return data
    lengte_obj = re.search(rb"\n" + gevonden.group(2) + rb" 0 obj\n(\d+)\nendobj", data)
    if lengte_obj is None or lengte_obj.start() < gevonden.end():
        return data
    begin = gevonden.end()
    lengte = int(lengte_obj.group(1))
    try:
        profiel = zlib.decompress(data[begin:begin + lengte])
    except zlib.error:
        return data
    if profiel[36:40] != b"acsp":
        return data
    datum = b"".join(n.to_bytes(2, "big") for n in (moment.year, moment.month, moment.day, moment.hour,
                                                    moment.minute, moment.second))
    nieuw = zlib.compress(profiel[:24] + datum + profiel[36:], 9)
    uit = (data[:begin] + nieuw + data[begin + lengte:lengte_obj.start(1)] + str(len(nieuw)).encode()
           + data[lengte_obj.end(1):])
    return met_nieuwe_xref(uit) or data


#: The pop-up LibreOffice writes for a comment, without the rectangle every annotation must have (ISO 32000-1,
#: table 164), and the text annotation it belongs to.
_POPUP = re.compile(rb"\n\d+ 0 obj\n(<</Type /Annot /Subtype /Popup) (/Parent (\d+) 0 R >>)\nendobj")
_NOTITIE_RECHTHOEK = rb"\n%s 0 obj\n<</Type /Annot /Subtype /Text [^>]*?(/Rect\[[^\]]*\])"


def popups_met_rechthoek(data: bytes) -> bytes:
    """Give each comment pop-up the rectangle of its comment (and the file a new xref table).

    LibreOffice 7.4 writes a pop-up annotation without /Rect: not valid PDF (Poppler reports a bad bounding
    box, validators an annotation without its required key). A PDF in any other shape is left as it is.
    """
    stukken, vorige = [], 0
    for popup in _POPUP.finditer(data):
        notitie = re.search(_NOTITIE_RECHTHOEK % popup.group(3), data)
        if notitie is None:
            return data
        stukken += [data[vorige:popup.end(1)], b" " + notitie.group(1)]
        vorige = popup.end(1)
    if not stukken:
        return data
    return met_nieuwe_xref(b"".join([*stukken, data[vorige:]])) or data


#: A comment as LibreOffice exports it: a text annotation whose rectangle is the point in the text it belongs to.
_NOTITIE = re.compile(rb"(<</Type /Annot /Subtype /Text /F \d+ /Rect\[)([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)(\])")
_PAGINABREEDTE = re.compile(rb"/MediaBox\[\s*0 0 ([\d.]+) [\d.]+\s*\]")
#: Where a comment's icon goes: this far from the right edge of the page, in the margin beside its line.
MARGE_PT = 40.0


def notities_in_de_marge(data: bytes) -> bytes:
    """Every comment's icon in the right margin, on the line of the text it belongs to (and a new xref table).

    A viewer draws a comment's icon (some 14 by 18 pt) from the top left of its rectangle; LibreOffice puts that
    at the comment's place in the text, so the icon covered the words after it ('fei▢e onjuistheden'). In the
    margin it covers nothing and still says where the change is. A PDF in any other shape is left as it is.
    """
    breedte = _PAGINABREEDTE.search(data)
    if breedte is None or not _NOTITIE.search(data):
        return data
    links = float(breedte.group(1)) - MARGE_PT

    def verplaats(m: re.Match[bytes]) -> bytes:
        x1, x2 = float(m.group(2)), float(m.group(4))
        return (m.group(1) + b"%.2f %s %.2f %s" % (links, m.group(3), links + (x2 - x1), m.group(5))
                + m.group(6))

    return met_nieuwe_xref(_NOTITIE.sub(verplaats, data)) or data


_OBJECT = re.compile(rb"\n(\d+) 0 obj\n")
#: One embedded TrueType font as LibreOffice writes it: five objects in a row (font file, its length, font
#: descriptor, ToUnicode map, font dictionary), the dictionary naming the subset ('BAAAAA+DejaVuSans-Bold').
_FONTGROEP = re.compile(
    rb"\n(\d+) 0 obj\n<</Length (\d+) 0 R/Filter/FlateDecode/Length1 \d+>>\nstream\n.*?\nendstream\nendobj\n"
    rb"\n\d+ 0 obj\n\d+\nendobj\n\n\d+ 0 obj\n<</Type/FontDescriptor/.*?\nendobj\n"
    rb"\n\d+ 0 obj\n<</Length \d+/Filter/FlateDecode>>\nstream\n.*?\nendstream\nendobj\n"
    rb"\n\d+ 0 obj\n<</Type/Font/Subtype/TrueType/BaseFont/([A-Z]{6}\+[^\s/]+)\n.*?\nendobj\n", re.S)
_VERWIJZING = re.compile(rb"(?<![\d.])(\d+) 0 R\b")


def fonts_op_volgorde(data: bytes) -> bytes:
    """The embedded fonts in the order of their subset names, renumbered, with a new xref table.

    Now and then LibreOffice writes the fonts of a pdf in another order (the same subsets under other object
    numbers), so two builds of one commit differed. The font groups are put in one order and every reference
    to them (only font dictionaries and their resources point at them) renumbered. A PDF in any other shape is
    left as it is.
    """
    groepen = list(_FONTGROEP.finditer(data))
    if len(groepen) < 2 or any(int(g.group(2)) != int(g.group(1)) + 1 for g in groepen):
        return data
    if any(a.end() != b.start() for a, b in itertools.pairwise(groepen)):
        return data  # not one run of font groups
    eerste = [int(g.group(1)) for g in groepen]
    if eerste != list(range(eerste[0], eerste[0] + 5 * len(groepen), 5)):
        return data
    volgorde = sorted(groepen, key=lambda g: g.group(3))
    if volgorde == groepen:
        return data
    nieuw_nummer = {int(g.group(1)) + j: eerste[0] + 5 * k + j for k, g in enumerate(volgorde) for j in range(5)}

    def hernummer(tekst: bytes) -> bytes:
        """Object headers and references renumbered, in text outside streams."""
        tekst = _OBJECT.sub(lambda m: b"\n%d 0 obj\n" % nieuw_nummer.get(int(m.group(1)), int(m.group(1))), tekst)
        return _VERWIJZING.sub(lambda m: b"%d 0 R" % nieuw_nummer.get(int(m.group(1)), int(m.group(1))), tekst)

    blok = b"".join(_buiten_stromen(g.group(0), hernummer) for g in volgorde)
    xref = _laatste_xref(data)
    if xref is None:
        return data
    # references to fonts outside the block: the font resource dictionaries (plain objects, no streams)
    voor, na = data[:groepen[0].start()], data[groepen[-1].end():xref.start()]
    uit = _buiten_stromen(voor, hernummer) + blok + _buiten_stromen(na, hernummer) + data[xref.start():]
    return met_nieuwe_xref(uit) or data


_STROOM = re.compile(rb"\nstream\n.*?\nendstream\n", re.S)


def _buiten_stromen(data: bytes, functie: Callable[[bytes], bytes]) -> bytes:
    """`functie` applied to the text between streams only: stream data is binary and left alone."""
    uit, vorige = [], 0
    for stroom in _STROOM.finditer(data):
        uit += [functie(data[vorige:stroom.start()]), stroom.group(0)]
        vorige = stroom.end()
    uit.append(functie(data[vorige:]))
    return b"".join(uit)


def _laatste_xref(pdf: bytes) -> re.Match[bytes] | None:
    """The classic xref table LibreOffice writes, once, after every object."""
    tabellen = list(_XREF.finditer(pdf))
    return tabellen[-1] if len(tabellen) == 1 else None


def met_nieuwe_xref(pdf: bytes) -> bytes | None:
    """The PDF with its xref table made anew from where its objects now stand (its trailer kept): every edit
    here that moves bytes ends with this. None when the PDF is not in the shape LibreOffice writes (one
    classic xref table, a trailer, every object number from 1 on there once)."""
    xref = _laatste_xref(pdf)
    trailer = pdf.find(b"trailer", xref.end()) if xref is not None else -1
    if xref is None or trailer < 0:
        return None
    lichaam, aantal = pdf[:xref.start()], int(xref.group(1))
    stromen = [(m.start(), m.end()) for m in _STROOM.finditer(lichaam)]
    begins = [a for a, _ in stromen]

    def in_stroom(plek: int) -> bool:
        i = bisect.bisect_right(begins, plek) - 1
        return i >= 0 and plek < stromen[i][1]

    plekken = {int(m.group(1)): m.start() + 1 for m in _OBJECT.finditer(lichaam) if not in_stroom(m.start())}
    if sorted(plekken) != list(range(1, aantal)):
        return None
    regels = [b"0000000000 65535 f \n", *(b"%010d 00000 n \n" % plekken[n] for n in range(1, aantal))]
    einde = re.sub(rb"startxref\n\d+", b"startxref\n%d" % (len(lichaam) + 1), pdf[trailer:])
    return lichaam + b"\nxref\n0 %d\n" % aantal + b"".join(regels) + einde


def vaste_datums(data: bytes, moment: datetime) -> bytes | None:
    """The document dates (info dictionary and XMP) as `moment` in one form, UTC with `Z`, and a new xref table.

    LibreOffice writes them in the zone it runs in: `Z` on a UTC machine (a CI server), `+02'00'` and `+02:00`
    in Europe/Amsterdam; keeping each date's length kept that difference. None when the PDF is not in the
    shape LibreOffice writes (the XMP stream with a direct length, one classic xref table).
    """
    pdf_datum = f"(D:{moment:%Y%m%d%H%M%S}Z)".encode()
    data = _PDF_DATUM.sub(lambda m: b"/" + m.group(1) + pdf_datum, data)
    stroom = _XMP_STROOM.search(data)
    if stroom is not None:
        begin, lengte = stroom.end(), int(stroom.group(1))
        if data[begin + lengte:begin + lengte + 10] != b"\nendstream":
            return None
        xmp_datum = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
        pakket = _XMP_DATUM.sub(lambda m: m.group(1) + xmp_datum + m.group(2), data[begin:begin + lengte])
        data = (data[:stroom.start(1)] + str(len(pakket)).encode() + data[stroom.end(1):begin] + pakket
                + data[begin + lengte:])
    return met_nieuwe_xref(data)


def vast_pdf(data: bytes, moment: datetime) -> bytes:
    """Replace the PDF's dates, colour profile date, checksum and ID by fixed values (offsets stay valid)."""
    data = fonts_op_volgorde(popups_met_rechthoek(notities_in_de_marge(vast_kleurprofiel(data, moment))))
    data = vaste_datums(data, moment) or _vaste_datums_zelfde_lengte(data, moment)
    zonder_id = _UUID.sub(b"uuid:", _PDF_ID.sub(b"/ID[]", _CONTROLESOM.sub(b"", data)))
    vingerafdruk = hashlib.md5(zonder_id, usedforsecurity=False).hexdigest().upper().encode()

    def pdf_id(m: re.Match[bytes]) -> bytes:
        a = vingerafdruk.ljust(len(m.group(1)), b"0")[: len(m.group(1))]
        b = vingerafdruk.ljust(len(m.group(2)), b"0")[: len(m.group(2))]
        return m.group(0).replace(m.group(1), a, 1).replace(m.group(2), b, 1)

    data = _PDF_ID.sub(pdf_id, data)
    data = _CONTROLESOM.sub(lambda m: m.group(1) + vingerafdruk[:32], data)
    teller = iter(range(10**6))
    return _UUID.sub(lambda m: b"uuid:" + _uuid_uit(vingerafdruk, next(teller)), data)


def _vaste_datums_zelfde_lengte(data: bytes, moment: datetime) -> bytes:
    """For a PDF in another shape: each date replaced by one of the same length (the offsets stay valid)."""
    def datum(m: re.Match[bytes]) -> bytes:
        oud = m.group(0)
        nieuw = f"/{m.group(1).decode()}(D:{moment:%Y%m%d%H%M%S}Z)".encode()
        return nieuw.ljust(len(oud)) if len(nieuw) <= len(oud) else oud

    data = _PDF_DATUM.sub(datum, data)

    def xmp(m: re.Match[bytes]) -> bytes:
        oud = m.group(0)
        for vorm in ("%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%dT%H:%M:%S+00:00", "%Y-%m-%dT%H:%M:%S.000000000+00:00",
                     "%Y-%m-%dT%H:%M:%S.00+00:00", "%Y-%m-%dT%H:%M:%S"):
            nieuw = m.group(1) + moment.strftime(vorm).encode() + m.group(2)
            if len(nieuw) == len(oud):
                return nieuw
        return oud

    return _XMP_DATUM.sub(xmp, data)


_UUID = re.compile(rb"uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def _uuid_uit(vingerafdruk: bytes, n: int) -> bytes:
    """A deterministic uuid-shaped value (same length as the random one it replaces)."""
    h = hashlib.sha256(vingerafdruk + str(n).encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}".encode()
