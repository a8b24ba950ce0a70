"""Hypothesis strategies for hostile input: mutated real files, random bytes, deep nesting, huge text nodes,
odd encodings. Used by tests/huis/test_fuzz.py; each strategy starts from a real file (a seed) and breaks it."""

from __future__ import annotations

import copy
import io
import re
import signal
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from hypothesis import strategies as st
from lxml import etree

#: Element and attribute names of the formats, so structural mutations stay close to real documents.
NAMEN = ("kader", "titel", "alinea", "eis", "tekst", "grondslag", "standaard", "waarderingskader", "lijst", "item",
         "toelichting", "betreft", "nadruk", "sterk", "geenGrondslag", "toestand", "artikel", "lid", "lidnr", "al",
         "kop", "nr", "li", "li.nr", "wettekst", "x")
ATTRIBUTEN = ("id", "nr", "code", "sector", "jaar", "status", "peildatum", "wet", "artikel", "lid", "onderdeel",
              "bron", "ref", "niveau", "soort", "oordeel", "bwb-id", "inwerkingtreding", "label")
W_NAMEN = ("w:p", "w:r", "w:t", "w:ins", "w:del", "w:delText", "w:bookmarkStart", "w:bookmarkEnd", "w:moveFrom",
           "w:moveTo", "w:pPr", "w:rPr", "w:tbl", "w:tr", "w:tc", "w:sectPr")
W_ATTRIBUTEN = ("w:author", "w:date", "w:id", "w:name", "w:val")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CODERINGEN = ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig", "latin-1", "cp1252", "iso-8859-15",
              "ascii", "utf-7", "cp500")

#: Text that is fine to put in XML through lxml (no control characters, no surrogates).
veilige_tekst = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
                        max_size=40)
waarden = st.one_of(veilige_tekst, st.sampled_from(["", " ", "2026", "2026-13-45", "WEB", "7.2.4a", "1", "0",
                                                     "-1", "x" * 300, "Inspectie van het Onderwijs",
                                                     "2026-04-02T10:00:00Z", "_kd_", "../../x", "[/x]"]))


#: English that must not reach the user; quoted input ('…', "…", <…>) is left out before looking.
ENGELS = re.compile(r"Traceback|Interne fout|\b(?:error|Error|expected|invalid|Invalid|not found|No such|"
                    r"is not|must|Permission|encoding error|line \d|column \d|None|unexpected|Unexpected|"
                    r"failed|Failed|cannot|Couldn't|required|allowed)\b")
_AANGEHAALD = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|<[^>\n]*>|&[^;\s]*;|\(libxml2: [A-Z_0-9]+\)")


def nederlands(tekst: str) -> None:
    """No English (nor a traceback) in a message, apart from the input it quotes."""
    gevonden = ENGELS.search(_AANGEHAALD.sub("", tekst))
    assert gevonden is None, f"Engels of een traceback ({gevonden.group(0)!r}) in:\n{tekst[-3000:]}"


class Vastgelopen(Exception):
    """An example took longer than its time limit: a hang."""


@contextmanager
def tijdslimiet(seconden: float) -> Iterator[None]:
    """Fail with `Vastgelopen` when the block runs longer than `seconden` (main thread, POSIX)."""
    def alarm(_: int, __: FrameType | None) -> None:
        raise Vastgelopen(f"meer dan {seconden} s")

    vorig = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconden)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, vorig)


@st.composite
def bytemutaties(draw: st.DrawFn, zaad: bytes) -> bytes:
    """The seed with a few bytes flipped, inserted, deleted, duplicated, or cut off."""
    data = bytearray(zaad)
    for _ in range(draw(st.integers(1, 6))):
        plek = draw(st.integers(0, max(len(data) - 1, 0)))
        soort = draw(st.sampled_from(["flip", "invoeg", "wis", "dupliceer", "kap", "teken"]))
        if soort == "flip" and data:
            data[plek] ^= draw(st.integers(1, 255))
        elif soort == "invoeg":
            data[plek:plek] = draw(st.binary(min_size=1, max_size=16))
        elif soort == "wis":
            del data[plek:plek + draw(st.integers(1, 64))]
        elif soort == "dupliceer":
            data[plek:plek] = data[plek:plek + draw(st.integers(1, 200))]
        elif soort == "kap":
            del data[plek:]
        else:
            data[plek:plek] = draw(st.sampled_from([b"<", b">", b"&", b"]]>", b"<!--", b"-->", b"<?x", b"\x00",
                                                    b"\xff\xfe", b"\xc3", b"&#0;", b"&#x110000;", b"<!DOCTYPE",
                                                    b"<![CDATA[", b'"', b"'", b"xmlns:w=''", b"&lt"]))
    return bytes(data)


def _elementen(wortel: etree._Element) -> list[etree._Element]:
    return [el for el in wortel.iter() if isinstance(el.tag, str)]


@st.composite
def boommutaties(draw: st.DrawFn, zaad: bytes, word: bool = False) -> bytes:
    """The seed parsed, its tree changed (elements removed, doubled, moved, renamed, nested; attributes and
    text set to odd values; comments added) and serialised again."""
    wortel = etree.fromstring(zaad)
    namen = [f"{{{W}}}{n[2:]}" for n in W_NAMEN] if word else list(NAMEN)
    attributen = [f"{{{W}}}{a[2:]}" for a in W_ATTRIBUTEN] if word else list(ATTRIBUTEN)
    for _ in range(draw(st.integers(1, 6))):
        elementen = _elementen(wortel)
        el = elementen[draw(st.integers(0, len(elementen) - 1))]
        ouder = el.getparent()
        soort = draw(st.sampled_from(["weg", "dubbel", "verplaats", "attribuut", "tekst", "staart", "hernoem",
                                      "nest", "commentaar", "kind", "attribuut-weg"]))
        if soort == "weg" and ouder is not None:
            ouder.remove(el)
        elif soort == "dubbel" and ouder is not None:
            ouder.insert(ouder.index(el), copy.deepcopy(el))
        elif soort == "verplaats" and ouder is not None:
            doel = elementen[draw(st.integers(0, len(elementen) - 1))]
            if el not in doel.iterancestors() and doel is not el:
                doel.append(el)
        elif soort == "attribuut":
            el.set(draw(st.sampled_from(attributen)), draw(waarden))
        elif soort == "attribuut-weg" and el.attrib:
            del el.attrib[draw(st.sampled_from(sorted(el.attrib)))]
        elif soort == "tekst":
            el.text = draw(waarden)
        elif soort == "staart" and ouder is not None:
            el.tail = draw(waarden)
        elif soort == "hernoem":
            el.tag = draw(st.sampled_from(namen))
        elif soort == "nest":
            binnen = el
            for _ in range(draw(st.integers(1, 400))):
                binnen = etree.SubElement(binnen, draw(st.sampled_from(namen)))
        elif soort == "commentaar":
            el.append(etree.Comment(draw(veilige_tekst).replace("--", "- ").rstrip("-")))
        elif soort == "kind":
            nieuw = etree.SubElement(el, draw(st.sampled_from(namen)))
            nieuw.text = draw(waarden)
    return bytes(etree.tostring(wortel.getroottree(), xml_declaration=True, encoding="UTF-8"))


@st.composite
def coderingen(draw: st.DrawFn, zaad: bytes) -> bytes:
    """The seed in another encoding, with a declaration that says so, says something else, or is missing."""
    tekst = zaad.decode("utf-8")
    codering = draw(st.sampled_from(CODERINGEN))
    verklaard = draw(st.sampled_from([codering, "UTF-8", "UTF-16", "bestaat-niet", ""]))
    tekst = re.sub(r"^<\?xml[^>]*\?>", "", tekst)
    if verklaard:
        tekst = f'<?xml version="1.0" encoding="{verklaard}"?>' + tekst
    return tekst.encode(codering, errors="replace" if codering not in ("utf-7",) else "strict")


@st.composite
def grensgevallen(draw: st.DrawFn, wortel: str) -> bytes:
    """Deep nesting and huge text nodes: the limits of the parser."""
    soort = draw(st.sampled_from(["diep", "lange-tekst", "veel-attributen", "lange-naam", "veel-kinderen"]))
    if soort == "diep":
        n = draw(st.sampled_from([200, 255, 256, 257, 3000, 100_000]))
        return (f"<{wortel}>" + "<x>" * n + "</x>" * n + f"</{wortel}>").encode()
    if soort == "lange-tekst":
        n = draw(st.sampled_from([100_000, 10_000_000, 10_000_001, 12_000_000]))
        return f"<{wortel}><titel>".encode() + b"a" * n + f"</titel></{wortel}>".encode()
    if soort == "veel-attributen":
        n = draw(st.integers(1, 5000))
        return (f"<{wortel} " + " ".join(f'a{i}="{i}"' for i in range(n)) + "/>").encode()
    if soort == "lange-naam":
        return f"<{'n' * draw(st.sampled_from([1000, 100_000, 1_000_000]))}/>".encode()
    n = draw(st.sampled_from([1000, 100_000]))
    return (f"<{wortel}>" + "<item/>" * n + f"</{wortel}>").encode()


def vijandige_xml(zaden: list[bytes], wortel: str) -> st.SearchStrategy[bytes]:
    """Any of the above, starting from one of the seeds; plus plain random bytes."""
    zaad = st.integers(0, len(zaden) - 1).map(zaden.__getitem__)  # an index: failures print short
    return st.one_of(
        zaad.flatmap(bytemutaties),
        zaad.flatmap(boommutaties),
        zaad.flatmap(coderingen),
        grensgevallen(wortel),
        st.binary(max_size=2000),
        zaad.flatmap(lambda z: boommutaties(z).flatmap(bytemutaties)),
    )


# -- Word documents ------------------------------------------------------------------

def zip_delen(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return {naam: z.read(naam) for naam in z.namelist()}


def als_zip(delen: dict[str, bytes], methode: int = zipfile.ZIP_DEFLATED) -> bytes:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", methode) as z:
        for naam, data in delen.items():
            z.writestr(naam, data)
    return uit.getvalue()


@st.composite
def vijandige_docx(draw: st.DrawFn, zaad: bytes) -> bytes:
    """A concept docx broken at the zip level, in its XML parts, or in its encoding."""
    delen = zip_delen(zaad)
    soort = draw(st.sampled_from(["document", "document", "document", "ander-deel", "zip-bytes", "codering",
                                  "deel-weg", "deel-erbij", "random", "opgeslagen-bytes"]))
    if soort == "zip-bytes":
        return draw(bytemutaties(zaad))
    if soort == "random":
        return draw(st.binary(max_size=3000))
    if soort == "opgeslagen-bytes":  # stored (not deflated): byte damage lands in the XML itself
        return draw(bytemutaties(als_zip(delen, zipfile.ZIP_STORED)))
    if soort == "deel-weg":
        del delen[draw(st.sampled_from(sorted(delen)))]
    elif soort == "deel-erbij":
        delen[draw(st.sampled_from(["word/x.xml", "customXml/item1.xml", "word/header9.xml", "a/../../b.xml",
                                    "word/vbaProject.bin", "/abs.xml"]))] = draw(st.one_of(
                                        st.binary(max_size=200), grensgevallen("w:hdr")))
    elif soort == "codering":
        delen["word/document.xml"] = draw(coderingen(delen["word/document.xml"]))
    else:
        naam = "word/document.xml" if soort == "document" else draw(st.sampled_from(sorted(
            n for n in delen if n.endswith((".xml", ".rels")))))
        delen[naam] = draw(st.one_of(boommutaties(delen[naam], word=True), bytemutaties(delen[naam]),
                                     grensgevallen("w:document")))
    return als_zip(delen)



# -- one side of a merge ----------------------------------------------------------------

#: Ids the schema forbids, some of them shaped like the merge's own keys (a container, a field, the root).
VERBODEN_IDS = ("h/x", "st-op1/basiskwaliteit#0", "=tekst#0", "/", "A", "1a", "x y", "", " ", "h#1", "é", "{x}y")


@st.composite
def kaderkant(draw: st.DrawFn, basis: bytes) -> bytes:
    """One branch's version of a kader, as an editor (or an accident) leaves it: edited text, attributes and
    order; an id the schema forbids or one used twice; broken XML; binary bytes; an empty file; or the basis."""
    from tests.hulp.kaderbewerking import per_id

    wortel = etree.fromstring(basis)
    ids = sorted(per_id(wortel))
    for _ in range(draw(st.integers(0, 3))):
        ids = sorted(per_id(wortel))
        # now and then one of the first few: both sides then often edit the same element (a conflict)
        el = per_id(wortel)[ids[draw(st.integers(0, len(ids) - 1) | st.integers(0, min(3, len(ids) - 1)))]]
        soort = draw(st.sampled_from(["tekst"] * 3 + ["verplaats"] * 2 + ["attribuut", "weg", "nieuw", "verboden-id",
                                                                          "dubbel-id"]))
        if soort == "tekst":
            doel = el.find("tekst") if el.find("tekst") is not None else el
            doel.text = draw(st.sampled_from(["Nieuwe tekst.", "", "  ", "Tekst met <teken> & meer", "x" * 300]))
        elif soort == "attribuut":
            doel = el.find("grondslag") if el.find("grondslag") is not None else el
            doel.set(draw(st.sampled_from(["artikel", "lid", "nr", "code", "wet", "onderdeel"])), draw(waarden))
        elif soort == "weg" and el.getparent() is not None:
            el.getparent().remove(el)
        elif soort == "verplaats":
            ander = per_id(wortel)[draw(st.sampled_from(ids))]
            if ander is not el and el not in ander.iterancestors() and ander.getparent() is not None:
                ander.addnext(el)
        elif soort == "nieuw":
            nieuw = copy.deepcopy(el)
            nieuw.set("id", f"{el.get('id')}-n{draw(st.integers(0, 9))}")
            el.addnext(nieuw)
        elif soort == "verboden-id":
            el.set("id", draw(st.sampled_from(VERBODEN_IDS)))
        elif soort == "dubbel-id":
            el.set("id", draw(st.sampled_from(ids)))
    data = etree.tostring(wortel.getroottree(), xml_declaration=True, encoding="UTF-8")
    breuk = draw(st.sampled_from(["geen"] * 10 + ["bytes", "boom", "binair", "leeg", "willekeurig", "basis"]))
    if breuk == "bytes":
        return draw(bytemutaties(data))
    if breuk == "boom":
        return draw(boommutaties(data))
    if breuk == "binair":
        plek = draw(st.integers(0, len(data)))
        return bytes(data[:plek] + draw(st.binary(min_size=1, max_size=8)) + b"\0" + data[plek:])
    if breuk == "leeg":
        return b""
    if breuk == "willekeurig":
        return draw(st.binary(max_size=500))
    return basis if breuk == "basis" else data
