"""Converting documents with LibreOffice headless: two processes for a whole run, every format, a timeout.

`Omzetter` starts LibreOffice twice (`KANTOREN`), each with a private profile prepared for this work (no
thumbnail rendered for each ODT; a small Basic macro, `omzetten.bas`), and feeds them documents in turn while
kaderdiff is still writing the rest of the pack. The macro loads each document once and exports it to PDF
and ODT, so a pack with odt+pdf costs two office starts and one load per document. One process converts one
document at a time; two on two CPUs took 4.4 s instead of 7.2 s for the sixteen documents of the sample pack.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import zipfile
import zlib
from datetime import datetime
from pathlib import Path
from types import TracebackType

from kaderdiff.fouten import KaderdiffFout
from kaderdiff.uitvoer.xmltekst import escape
from kaderdiff.uitvoer.zipvast import vastgezet

TIJDSLIMIET = 600
#: The formats LibreOffice makes, in the order the macro exports them (the PDF export changes the document's
#: settings, so the ODT goes first and is the same with or without a PDF).
OMZETFORMATEN = ("odt", "pdf")
MACRO = Path(__file__).with_name("omzetten.bas")
#: LibreOffice processes per pack: a pack's documents are converted two at a time. A fixed number, not the
#: number of CPUs: a process carries state from one document to the next (the embedded font subsets grow),
#: so which documents share a process must not depend on the machine, or the pdf bytes would.
KANTOREN = 2


def soffice() -> str:
    """Path of the soffice program, or a clear Dutch error."""
    for naam in ("soffice", "libreoffice"):
        pad = shutil.which(naam)
        if pad:
            return pad
    raise KaderdiffFout("LibreOffice (soffice) is niet gevonden: installeer libreoffice-writer, "
                        "of vraag geen odt/pdf aan met --formaten")


_INSTELLINGEN = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" oor:op="fuse">\
<value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value>\
</prop></item>
<item oor:path="/org.openoffice.Office.Common/Save/Document"><prop oor:name="GenerateThumbnail" oor:op="fuse">\
<value>false</value></prop></item>
</oor:items>
"""
_BIBLIOTHEKEN = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">
<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink">
 <library:library library:name="Standard" library:link="false"/>
</library:libraries>
"""
_BIBLIOTHEEK = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" \
library:readonly="false" library:passwordprotected="false">{elementen}</library:library>
"""
_MODULE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="{module}" \
script:language="StarBasic">{code}</script:module>
"""


def bereid_profiel_voor(profiel: Path, basic: str | None = None, module: str = "Omzetten") -> None:
    """A LibreOffice user profile with our settings and one Basic module (LibreOffice adds the rest): the
    conversion macro, or `basic` (the tests' accept/reject macro) as Standard.`module`.

    No thumbnail: rendering page one to a PNG for every ODT was a third of the conversion time, and a
    pack's documents are opened, not browsed by preview.
    """
    code = basic if basic is not None else MACRO.read_text(encoding="utf-8")
    bibliotheek = profiel / "user" / "basic"
    (bibliotheek / "Standard").mkdir(parents=True)
    (profiel / "user" / "registrymodifications.xcu").write_text(_INSTELLINGEN, encoding="utf-8")
    for soort in ("script", "dialog"):
        (bibliotheek / f"{soort}.xlc").write_text(_BIBLIOTHEKEN, encoding="utf-8")
    elementen = f'\n <library:element library:name="{module}"/>\n'
    (bibliotheek / "Standard" / "script.xlb").write_text(_BIBLIOTHEEK.format(elementen=elementen), encoding="utf-8")
    (bibliotheek / "Standard" / "dialog.xlb").write_text(_BIBLIOTHEEK.format(elementen=""), encoding="utf-8")
    (bibliotheek / "Standard" / f"{module}.xba").write_text(_MODULE.format(module=module, code=escape(code)),
                                                             encoding="utf-8")


class _Kantoor:
    """One LibreOffice process with its own profile, queue file and report, converting what it is handed."""

    def __init__(self, programma: str, werkmap: Path) -> None:
        self.werkmap = werkmap
        self.regels: list[str] = []
        profiel = werkmap / "profiel"
        bereid_profiel_voor(profiel)
        self._schrijf_wachtrij()
        macro = (f'macro:///Standard.Omzetten.Converteer("{self.wachtrij.as_uri()}",'
                 f'"{self.verslag.as_uri()}",{TIJDSLIMIET * 1000})')
        with open(werkmap / "soffice.log", "wb") as log:
            self.proces = subprocess.Popen(
                [programma, f"-env:UserInstallation={profiel.as_uri()}", "--headless", "--norestore",
                 "--nologo", "--nolockcheck", macro],
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    @property
    def wachtrij(self) -> Path:
        return self.werkmap / "wachtrij.txt"

    @property
    def verslag(self) -> Path:
        return self.werkmap / "verslag.txt"

    def _schrijf_wachtrij(self) -> None:
        """Replace the queue file as a whole: the macro never reads half a line."""
        tijdelijk = self.wachtrij.with_suffix(".tmp")
        tijdelijk.write_text("".join(f"{r}\n" for r in self.regels), encoding="ascii")
        os.replace(tijdelijk, self.wachtrij)

    def voeg_toe(self, regel: str) -> None:
        self.regels.append(regel)
        self._schrijf_wachtrij()

    def reden(self) -> str:
        """What LibreOffice reported, for an error message."""
        for pad in (self.verslag, self.werkmap / "soffice.log"):
            if pad.is_file() and pad.read_bytes().strip():
                return pad.read_text(encoding="utf-8", errors="replace").strip()[:300]
        return f"LibreOffice stopte met code {self.proces.returncode}"

    def stop(self) -> None:
        """Stop the process (its own process group) if it still runs."""
        if self.proces.poll() is None:
            with contextlib.suppress(ProcessLookupError):  # it ended just now
                os.killpg(self.proces.pid, signal.SIGKILL)
            self.proces.wait()


class Omzetter:
    """LibreOffice processes (`kantoren`, default KANTOREN) that convert every document handed to them to the
    requested formats.

    Use as a context manager: entering starts the processes (they start up while kaderdiff writes the pack),
    `voeg_toe` queues a finished .docx, `wacht` waits for all results and fixes their dates; leaving stops
    processes that still run (an error elsewhere) and removes the profiles. The n-th document goes to process
    n modulo the number of processes, so which documents share a process depends only on the queue order.
    """

    def __init__(self, formaten: tuple[str, ...], moment: datetime, kantoren: int = KANTOREN) -> None:
        self.formaten = tuple(f for f in OMZETFORMATEN if f in formaten)
        self.moment = moment
        self.aantal = max(1, kantoren)
        self._kantoren: list[_Kantoor] = []
        self._uitvoer: list[tuple[str, Path, _Kantoor]] = []
        self._werkmap: Path | None = None
        self._volgende = 0

    def __enter__(self) -> Omzetter:
        programma = soffice()
        self._werkmap = Path(tempfile.mkdtemp(prefix="kaderdiff-lo-"))
        try:
            for nummer in range(self.aantal):
                werkmap = self._werkmap / str(nummer)
                werkmap.mkdir()
                self._kantoren.append(_Kantoor(programma, werkmap))
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, soort: type[BaseException] | None, fout: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def voeg_toe(self, docx: Path, doelmap: Path | None = None) -> None:
        """Queue a written .docx; its conversions go to `doelmap` (default: beside it)."""
        kantoor = self._kantoren[self._volgende % len(self._kantoren)]
        self._volgende += 1
        docx = docx.resolve()
        map_ = (doelmap or docx.parent).resolve()
        # Every document gets both exports, the unwanted one into the process's work folder: LibreOffice carries
        # state from one export to the next document, so an ODT would differ depending on whether PDFs were asked.
        doelen = {f: (map_ if f in self.formaten else kantoor.werkmap) / f"{docx.stem}.{f}"
                  for f in OMZETFORMATEN}
        self._uitvoer += [(f, doelen[f], kantoor) for f in self.formaten]
        kantoor.voeg_toe("\t".join([docx.as_uri(), *(doelen[f].as_uri() for f in OMZETFORMATEN)]))

    def wacht(self) -> list[Path]:
        """Wait until every queued document is converted; fix embedded dates so reruns give the same bytes."""
        einde = time.monotonic() + TIJDSLIMIET
        for kantoor in self._kantoren:
            kantoor.voeg_toe("KLAAR")
        for kantoor in self._kantoren:
            try:
                kantoor.proces.wait(timeout=max(0.0, einde - time.monotonic()))
            except subprocess.TimeoutExpired:
                self.stop()
                raise KaderdiffFout(f"LibreOffice deed er langer dan {TIJDSLIMIET} s over; "
                                    "conversie afgebroken") from None
        uit = []
        for formaat, doel, kantoor in self._uitvoer:
            if not doel.is_file():
                raise KaderdiffFout(f"LibreOffice kon {doel.stem}.docx niet naar {formaat} omzetten "
                                    f"(LibreOffice meldt: {kantoor.reden()})")
            data = doel.read_bytes()
            doel.write_bytes(vast_odt(data, self.moment) if formaat == "odt" else vast_pdf(data, self.moment))
            uit.append(doel)
        return uit

    def stop(self) -> None:
        """Stop our LibreOffice processes that still run, and remove their profiles."""
        for kantoor in self._kantoren:
            kantoor.stop()
        if self._werkmap is not None:
            shutil.rmtree(self._werkmap, ignore_errors=True)
            self._werkmap = None


def converteer(bestanden: list[Path], formaten: tuple[str, ...], doelmap: Path, moment: datetime) -> list[Path]:
    """Convert .docx files to odt and/or pdf in `doelmap` (no more LibreOffice processes than files)."""
    if not bestanden or not any(f in OMZETFORMATEN for f in formaten):
        return []
    with Omzetter(formaten, moment, min(KANTOREN, len(bestanden))) as omzetter:
        for bestand in bestanden:
            omzetter.voeg_toe(bestand, doelmap)
        return omzetter.wacht()


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
            elif info.filename == "settings.xml":  # LibreOffice stamps a random revision-save id
                inhoud = re.sub(rb'(config:name="Rsid(?:Root)?" config:type="int">)\d+', rb"\g<1>0", inhoud)
            doel.writestr(info, inhoud)
    return vastgezet(uit.getvalue(), moment)


#: Ids LibreOffice makes from memory addresses or random numbers: renumbered in order of appearance.
_WILLEKEURIGE_IDS = (
    (re.compile(rb'"list(\d+)"'), b'"list', b'"'),
    (re.compile(rb'"ct(\d+)"'), b'"ct', b'"'),
    (re.compile(rb"__Annotation__(\d+_\d+)"), b"__Annotation__", b""),
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


_ICC_STROOM = re.compile(rb"\n(\d+) 0 obj\n<</N [134]/Length (\d+) 0 R/Filter/FlateDecode>>\nstream\n")
_XREF = re.compile(rb"\nxref\n0 (\d+)\n")
_STARTXREF = re.compile(rb"\nstartxref\n(\d+)\n%%EOF\s*$")


def vast_kleurprofiel(data: bytes, moment: datetime) -> bytes:
    """Date the sRGB profile LibreOffice embeds (for PDF/A) with `moment` instead of the conversion time.

    The ICC header carries a creation date (bytes 24-35); the profile stream is recompressed, its length
    object rewritten and the offsets in the classic xref table after it shifted. A PDF in any other shape
    is left as it is.
    """
    gevonden = _ICC_STROOM.search(data)
    xref, startxref = _XREF.search(data), _STARTXREF.search(data)
    if gevonden is None or xref is None or startxref is None:
        return data
    lengte_obj = re.search(rb"\n" + gevonden.group(2) + rb" 0 obj\n(\d+)\nendobj", data)
    if lengte_obj is None:
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
    verschil = len(nieuw) - lengte
    if len(str(len(nieuw))) != len(lengte_obj.group(1)) or lengte_obj.start() < begin:
        return data  # the length object would change size too, or lies before the stream: leave it
    uit = bytearray(data[:begin] + nieuw + data[begin + lengte:])
    plek = lengte_obj.start(1) + verschil
    uit[plek:plek + len(lengte_obj.group(1))] = str(len(nieuw)).encode()
    tabel = xref.end() + verschil
    for i in range(int(xref.group(1))):  # 20 bytes per entry: 'oooooooooo ggggg n \n'
        regel = tabel + 20 * i
        if uit[regel + 17:regel + 18] == b"n" and int(uit[regel:regel + 10]) > begin:
            uit[regel:regel + 10] = b"%010d" % (int(uit[regel:regel + 10]) + verschil)
    nieuw_start = str(int(startxref.group(1)) + verschil).encode()
    return bytes(uit[:startxref.start(1) + verschil]) + nieuw_start + b"\n%%EOF\n"


def vast_pdf(data: bytes, moment: datetime) -> bytes:
    """Replace the PDF's dates, colour profile date, checksum and ID by fixed values (offsets stay valid)."""
    data = vast_kleurprofiel(data, moment)
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

    data = _XMP_DATUM.sub(xmp, data)
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


_UUID = re.compile(rb"uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def _uuid_uit(vingerafdruk: bytes, n: int) -> bytes:
    """A deterministic uuid-shaped value (same length as the random one it replaces)."""
    h = hashlib.sha256(vingerafdruk + str(n).encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}".encode()
