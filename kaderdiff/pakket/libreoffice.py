"""Converting documents with LibreOffice headless: two processes for a whole run, every format, a timeout.

`Omzetter` starts LibreOffice twice (`KANTOREN`), each with a private profile prepared for this work (no
thumbnail rendered for each ODT; a small Basic macro, `omzetten.bas`), and feeds them documents in turn while
kaderdiff is still writing the rest of the pack. The macro loads each document once and exports it to PDF
and ODT, so a pack with odt+pdf costs two office starts and one load per document. One process converts one
document at a time; two on two CPUs took 4.4 s instead of 7.2 s for the sixteen documents of the sample pack.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from kaderdiff.fouten import KaderdiffFout
from kaderdiff.pakket.formaten import OMZETFORMATEN
from kaderdiff.pakket.vastzetten import vast_odt, vast_pdf
from kaderdiff.uitvoer.xmltekst import escape

TIJDSLIMIET = 600
MACRO = Path(__file__).with_name("omzetten.bas")
#: LibreOffice processes per pack. A fixed number, never the number of CPUs: a process carries state from one
#: document to the next (the embedded font subsets grow), so which documents share a process must not depend
#: on the machine. Two builds of one commit give the same bytes only because `vastzetten` puts what
#: LibreOffice writes in varying order in one order (fonts, settings.xml); without that, 2 packs in 8 differed
#: with two processes, and now and then one with one process.
KANTOREN = 2


def soffice() -> str:
    """Path of the soffice program, or a clear Dutch error."""
    for naam in ("soffice", "libreoffice"):
        pad = shutil.which(naam)
        if pad:
            return pad
    raise KaderdiffFout("LibreOffice (soffice) is niet gevonden: installeer libreoffice-writer, "
                        "of vraag geen odt/pdf aan met --formaten")


#: The colour of tracked changes: LibreOffice's first author colour (198, 146, 0), for every author. By default
#: each author gets the next colour of a table in the order a *process* first meets authors, so a concept's
#: revisions came out in another colour when some other document had been converted before it in the same
#: process: a document's bytes depended on its neighbours, and a conversion cache could not be exact.
REVISIEKLEUR = 0xC69200
_REVISIE = ('<item oor:path="/org.openoffice.Office.Writer/Revision/TextDisplay/{soort}"><prop oor:name="Color" '
            f'oor:op="fuse"><value>{REVISIEKLEUR}</value></prop></item>\n')
_INSTELLINGEN = f"""<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" oor:op="fuse">\
<value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value>\
</prop></item>
<item oor:path="/org.openoffice.Office.Common/Save/Document"><prop oor:name="GenerateThumbnail" oor:op="fuse">\
<value>false</value></prop></item>
{"".join(_REVISIE.format(soort=soort) for soort in ("Insert", "Delete", "ChangedAttribute"))}</oor:items>
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
        self.documenten: list[str] = []  # the names of the documents handed to it, in order
        self.gemeld = 0  # how many of them were reported done
        profiel = werkmap / "profiel"
        bereid_profiel_voor(profiel)
        self._schrijf_wachtrij()
        macro = (f'macro:///Standard.Omzetten.Converteer("{self.wachtrij.as_uri()}",'
                 f'"{self.verslag.as_uri()}","{self.voortgang.as_uri()}",{TIJDSLIMIET * 1000})')
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

    @property
    def voortgang(self) -> Path:
        """One line per document converted (its source URL), appended by the macro."""
        return self.werkmap / "voortgang.txt"

    def gedaan(self) -> int:
        """How many documents this office has converted so far (a line being written does not count)."""
        try:
            return self.voortgang.read_bytes().count(b"\n")
        except FileNotFoundError:
            return 0

    def klaar_met(self) -> set[str]:
        """The source URLs of the documents this office has converted so far."""
        try:
            return set(self.voortgang.read_text(encoding="utf-8", errors="replace").splitlines())
        except FileNotFoundError:
            return set()

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

    def reserveer(self) -> int:
        """Keep the next place in the turn for a document that is queued later (`voeg_toe(…, plek=)`): the other
        documents go to the same process as without the wait, so their odt and pdf stay the same bytes."""
        self._volgende += 1
        return self._volgende - 1

    def voeg_toe(self, docx: Path, doelmap: Path | None = None, plek: int | None = None) -> None:
        """Queue a written .docx; its conversions go to `doelmap` (default: beside it); `plek`: a place kept with
        `reserveer`."""
        if plek is None:
            plek = self._volgende
            self._volgende += 1
        kantoor = self._kantoren[plek % len(self._kantoren)]
        docx = docx.resolve()
        map_ = (doelmap or docx.parent).resolve()
        # Every document gets both exports, the unwanted one into the process's work folder: LibreOffice carries
        # state from one export to the next document, so an ODT would differ depending on whether PDFs were asked.
        doelen = {f: (map_ if f in self.formaten else kantoor.werkmap) / f"{docx.stem}.{f}"
                  for f in OMZETFORMATEN}
        self._uitvoer += [(f, doelen[f], kantoor) for f in self.formaten]
        kantoor.documenten.append(docx.name)
        kantoor.voeg_toe("\t".join([docx.as_uri(), *(doelen[f].as_uri() for f in OMZETFORMATEN)]))

    def wacht_op(self, bronnen: list[Path]) -> None:
        """Wait until these queued documents are converted (the others go on being converted meanwhile)."""
        einde = time.monotonic() + TIJDSLIMIET
        gevraagd = {p.resolve().as_uri() for p in bronnen}
        while True:
            if gevraagd <= set().union(*(k.klaar_met() for k in self._kantoren)):
                return
            gestopt = next((k for k in self._kantoren if k.proces.poll() is not None), None)
            if gestopt is not None and not gevraagd <= set().union(*(k.klaar_met() for k in self._kantoren)):
                raise KaderdiffFout(f"LibreOffice stopte voordat alle documenten waren omgezet "
                                    f"(LibreOffice meldt: {gestopt.reden()})")
            if time.monotonic() > einde:
                self.stop()
                raise KaderdiffFout(f"LibreOffice deed er langer dan {TIJDSLIMIET} s over; conversie afgebroken")
            time.sleep(0.02)

    def meld_gedaan(self, stap: Callable[[str], None]) -> None:
        """Call `stap` for each document converted since the last call (without waiting)."""
        formaten = " en ".join(self.formaten)
        for kantoor in self._kantoren:
            for naam in kantoor.documenten[kantoor.gemeld:min(kantoor.gedaan(), len(kantoor.documenten))]:
                kantoor.gemeld += 1
                stap(f"LibreOffice: {naam} omgezet naar {formaten}")

    def wacht(self, stap: Callable[[str], None] = lambda _: None) -> list[Path]:
        """Wait until every queued document is converted, calling `stap` once per document as it is done; fix
        embedded dates so reruns give the same bytes."""
        einde = time.monotonic() + TIJDSLIMIET
        for kantoor in self._kantoren:
            kantoor.voeg_toe("KLAAR")
        while True:
            klaar = all(k.proces.poll() is not None for k in self._kantoren)
            self.meld_gedaan(stap)
            if klaar:
                break
            if time.monotonic() > einde:
                self.stop()
                raise KaderdiffFout(f"LibreOffice deed er langer dan {TIJDSLIMIET} s over; "
                                    "conversie afgebroken")
            time.sleep(0.05)
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
