"""Byte-identical zip files: fixed timestamps and attributes for every entry.

python-docx and zipfile stamp entries with the current time; rewriting the
archive with one fixed date makes the same inputs give the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

#: zlib's level for the zips kaderdiff writes itself (Word documents, the pack's zip). Chosen by measurement on the
#: 8-sector bench pack (554 parts, 15 MB of XML, HTML and JSON; bench/README.md, issue 31): level 6, zlib's default,
#: 210 ms and 2.19 MB; 4: 116 ms, 2.32 MB; 3: 97 ms, 2.45 MB; 2: 79 ms, 2.51 MB; 1: 72 ms, 2.60 MB. Level 2 is the
#: knee: a step down saves 7 ms for 4 % more bytes. (An odt keeps zlib's default: LibreOffice wrote it, at a cost
#: that dwarfs its zip.)
NIVEAU = 2


def zip_tijd(moment: datetime) -> tuple[int, int, int, int, int, int]:
    return (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, moment.second)


def vaste_info(naam: str, moment: datetime, compressie: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
    """A zip entry header with fixed date, attributes and system, so archives are byte-identical."""
    info = zipfile.ZipInfo(naam, date_time=zip_tijd(moment))
    info.compress_type = compressie
    info.external_attr = 0o644 << 16
    info.create_system = 3
    return info


#: Entries that are archives or compressed already: deflating them again costs time and saves nothing.
AL_GECOMPRIMEERD = (".docx", ".odt", ".pdf", ".zip", ".png")


def vastgezet(data: bytes, moment: datetime) -> bytes:
    """The same archive, with every entry dated `moment` (entry order kept)."""
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as bron, zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel:
        for info in bron.infolist():
            # ODF requires its 'mimetype' entry stored uncompressed
            compressie = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            doel.writestr(vaste_info(info.filename, moment, compressie), bron.read(info.filename))
    return uit.getvalue()


def schrijf_zip(bestanden: list[tuple[str, bytes]], moment: datetime) -> bytes:
    """A new archive of (name, bytes) in the given order, all dated `moment`."""
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel:
        for naam, data in bestanden:
            gecomprimeerd = naam.lower().endswith(AL_GECOMPRIMEERD)
            doel.writestr(vaste_info(naam, moment, zipfile.ZIP_STORED if gecomprimeerd else zipfile.ZIP_DEFLATED),
                          data, compresslevel=NIVEAU)
    return uit.getvalue()
