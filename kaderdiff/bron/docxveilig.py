"""Reading an untrusted .docx (or .odt): refuse macros, zip bombs, path traversal and XML entities before use.

Everything is checked on the declared zip directory first, then each part is read with a hard
size limit and every XML part goes through `xmlveilig.parse_veilig`. Nothing is written anywhere.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from kaderdiff.bron.bestanden import lees_bestand
from kaderdiff.bron.xmlveilig import parse_veilig
from kaderdiff.fouten import KaderdiffFout

MAX_TOTAAL = 100 * 1024 * 1024  # declared uncompressed size of all parts together
MAX_DEEL = 50 * 1024 * 1024  # of one part
MAX_VERHOUDING = 200  # uncompressed / compressed, for parts larger than 1 MB
MAX_DELEN = 2000
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
MACRO_EXTENSIES = (".docm", ".dotm")


@dataclass(frozen=True)
class Docx:
    """The XML parts of a checked .docx, parsed."""

    naam: str
    delen: dict[str, etree._ElementTree]

    def deel(self, pad: str) -> etree._ElementTree | None:
        return self.delen.get(pad)


def _weiger(bestand: str, reden: str) -> KaderdiffFout:
    return KaderdiffFout(f"{bestand} geweigerd: {reden}. Er is niets geschreven.")


def _controleer_naam(bestand: str, naam: str) -> None:
    genormaliseerd = posixpath.normpath(naam)
    if (naam.startswith(("/", "\\")) or "\\" in naam or ":" in naam.split("/")[0]
            or genormaliseerd.startswith("..") or "/../" in f"/{naam}/" or "\x00" in naam):
        raise _weiger(bestand, f"onderdeel met een ongeldige naam '{naam}' (pad buiten het document)")


def lees_docx(pad: Path) -> Docx:
    """Open and check a .docx; every refusal is a KaderdiffFout with a Dutch message."""
    bestand = pad.name
    if pad.suffix.lower() in MACRO_EXTENSIES:
        raise _weiger(bestand, "een Word-document met macro's (.docm/.dotm) wordt niet gelezen")
    delen = _lees_delen(pad, "geen geldig Word-document (.docx is een zip-bestand)",
                        ("[Content_Types].xml", "word/document.xml"),
                        "geen Word-document (word/document.xml of [Content_Types].xml ontbreekt)")
    typen = delen["[Content_Types].xml"].getroot()
    for el in typen.iter(f"{CT}Default", f"{CT}Override"):
        if "macroenabled" in (el.get("ContentType") or "").lower():
            raise _weiger(bestand, "het document is een Word-document met macro's (macroEnabled)")
    return Docx(bestand, delen)


def lees_odt(pad: Path) -> Docx:
    """Open and check an OpenDocument text (.odt) with the same limits; its XML parts (content.xml, styles.xml,
    meta.xml …) parsed. A document with macros (Basic/ or Scripts/) is refused."""
    delen = _lees_delen(pad, "geen geldig ODF-document (.odt is een zip-bestand)", ("content.xml",),
                        "geen ODF-tekstdocument (content.xml ontbreekt)")
    if any(n.startswith(("Basic/", "Scripts/")) for n in delen):
        raise _weiger(pad.name, "het document bevat macro's")
    return Docx(pad.name, delen)


def _lees_delen(pad: Path, geen_zip: str, vereist: tuple[str, ...], ontbreekt: str) -> dict[str, etree._ElementTree]:
    """Every XML part of an office zip, checked first on the zip directory: names, sizes, compression."""
    bestand = pad.name
    inhoud = lees_bestand(pad)  # only a regular file: a FIFO or device is refused, never waited on
    try:
        archief = zipfile.ZipFile(io.BytesIO(inhoud))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError):
        raise _weiger(bestand, geen_zip) from None
    with archief:
        infos = archief.infolist()
        if len(infos) > MAX_DELEN:
            raise _weiger(bestand, f"te veel onderdelen ({len(infos)})")
        totaal = 0
        for info in infos:
            _controleer_naam(bestand, info.filename)
            totaal += info.file_size
            if info.file_size > MAX_DEEL or totaal > MAX_TOTAAL:
                raise _weiger(bestand, "uitgepakt te groot (mogelijk een zip-bom)")
            if info.file_size > 1024 * 1024 and info.file_size > MAX_VERHOUDING * max(info.compress_size, 1):
                raise _weiger(bestand, f"onderdeel {info.filename} is verdacht sterk gecomprimeerd (zip-bom)")
        namen = {i.filename for i in infos}
        if any(n not in namen for n in vereist):
            raise _weiger(bestand, ontbreekt)
        if any(n.lower().endswith("vbaproject.bin") for n in namen):
            raise _weiger(bestand, "het document bevat macro's (vbaProject.bin)")
        delen: dict[str, etree._ElementTree] = {}
        for info in infos:
            if not info.filename.endswith((".xml", ".rels")):
                continue
            if info.flag_bits & 0x1:
                raise _weiger(bestand, f"onderdeel {info.filename} is versleuteld (met een wachtwoord beveiligd)")
            try:
                with archief.open(info) as stroom:
                    data = stroom.read(info.file_size + 1)
            except Exception:  # any failure to decompress means the zip data is damaged
                raise _weiger(bestand, f"onderdeel {info.filename} is beschadigd (de zip-gegevens kloppen niet: "
                                       "controlegetal of compressie)") from None
            if len(data) > info.file_size:
                raise _weiger(bestand, f"onderdeel {info.filename} is groter dan opgegeven (zip-bom)")
            delen[info.filename] = parse_veilig(data, f"{bestand}:{info.filename}")
    return delen
