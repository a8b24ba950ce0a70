"""A cache of LibreOffice's odt and pdf: a rebuild converts only the documents whose bytes changed.

A pack is byte-reproducible and most rebuilds change one sector or none, yet LibreOffice costs about ten times
the rest of the pack. Each conversion is kept under a key made of the sha256 of the docx bytes and a
fingerprint of everything else that shapes the output (`omzetkenmerk`): the LibreOffice installation, the
fonts it can use, the conversion settings and kaderdiff's own code that runs on the result (`CODE`: the
macro, the profile, `vastzetten`), Python and zlib, the locale and the date written into the files. A stale
entry is never served: any change of those gives other keys.

Entries live beside the grondslag index (`standaard_cachemap`: `.git/kaderdiff/omzettingen/`, outside git in
the user cache, or `$KADERDIFF_CACHE/omzettingen/`). Each is one file, written atomically, whose first line
names its key, the sha256 and the length of what follows: a truncated, altered or misplaced entry is
recognised, ignored and written anew. The folder can always be deleted. Least recently used entries go when
the folder grows over `GRENS` bytes, and only files that prove to be entries are ever removed.

Serving an entry is exact only because a conversion does not depend on what the same LibreOffice process
converted before (`libreoffice.REVISIEKLEUR`); `tests/pakket/test_omzetcache.py` checks both.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import zlib
from collections.abc import Callable
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path
from types import TracebackType

from kaderdiff.bron.versies import KaderMap
from kaderdiff.fouten import KaderdiffFout, os_reden
from kaderdiff.pakket.formaten import OMZETFORMATEN
from kaderdiff.pakket.libreoffice import MACRO, Omzetter, soffice
from kaderdiff.recht.grondslagindex import standaard_cachemap
from kaderdiff.uitvoer.atomairbestand import leeft, schrijf_atomair

FORMAAT = "kaderdiff-omzetting/1"
#: Bytes the entries may take together; beyond it the least recently used go (the sample pack's odt and pdf
#: are 5 MB, a pack of eight large kaders about 20 MB).
GRENS = 256 * 1024 * 1024
#: The modules whose code shapes the bytes of a conversion (the test checks this against their imports).
CODE = ("kaderdiff.pakket.libreoffice", "kaderdiff.pakket.formaten", "kaderdiff.pakket.vastzetten",
        "kaderdiff.uitvoer.zipvast", "kaderdiff.uitvoer.xmltekst", "kaderdiff.fouten")
_INGANG = re.compile(r"([0-9a-f]{64})\.(odt|pdf)")
_KOP = re.compile(rb"kaderdiff-omzetting/1 ([0-9a-f]{64}) ([0-9a-f]{64}) ([0-9]{1,12})\n")
_KOPLENGTE = len(FORMAAT) + 2 * 66 + 14
_REST = re.compile(r"\.[0-9a-f]{64}\.(?:odt|pdf)\.(\d+)-[0-9a-f]{8}\.tmp")  # schrijf_atomair's temporary file
#: The files of a LibreOffice installation that change with every build of it (Linux and most Unix layouts).
_PROGRAMMABESTANDEN = ("versionrc", "soffice.bin", "libmergedlo.so", "libswlo.so")
_TAALVARIABELEN = ("LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LC_NUMERIC", "LC_TIME")


def _bestandskenmerk(pad: Path) -> str:
    st = pad.stat()
    return f"{pad} {st.st_size} {st.st_mtime_ns}"


def libreoffice_kenmerk(programma: str) -> str:
    """The installation's build: the stat of its program files (a new version or build replaces them), or,
    in a layout without them (a wrapper script, another system), what `soffice --version` says."""
    echt = Path(os.path.realpath(programma))
    delen = [_bestandskenmerk(echt.parent / naam) for naam in _PROGRAMMABESTANDEN if (echt.parent / naam).is_file()]
    if delen:
        versie = echt.parent / "versionrc"
        return "\n".join([*delen, versie.read_text(errors="replace") if versie.is_file() else ""])
    try:
        uit = subprocess.run([programma, "--version"], capture_output=True, timeout=120, check=False,
                             stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise KaderdiffFout(f"LibreOffice ({programma}) gaf binnen 120 s zijn versie niet") from None
    except OSError as fout:
        raise KaderdiffFout(f"LibreOffice ({programma}) start niet: {os_reden(fout)}") from None
    return f"{echt}\n{uit.stdout.decode(errors='replace').strip()}"


def lettertypen_kenmerk(programma: str) -> str:
    """The font files LibreOffice can embed: the system's (fontconfig) and its own."""
    bestanden: set[str] = set()
    fc_list = shutil.which("fc-list")
    if fc_list is not None:
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            uit = subprocess.run([fc_list, "--format", "%{file}\n"], capture_output=True, timeout=60, check=False,
                                 stdin=subprocess.DEVNULL)
            bestanden.update(r for r in uit.stdout.decode(errors="replace").splitlines() if r)
    eigen = Path(os.path.realpath(programma)).parent.parent / "share" / "fonts"
    if eigen.is_dir():
        bestanden.update(str(p) for p in eigen.rglob("*") if p.is_file())
    regels = []
    for bestand in sorted(bestanden):
        with contextlib.suppress(OSError):  # listed but gone: it cannot be embedded either
            regels.append(_bestandskenmerk(Path(bestand)))
    return "\n".join(regels)


def code_kenmerk() -> str:
    """The sha256 of the macro and of the source of every module in `CODE`."""
    h = hashlib.sha256(MACRO.read_bytes())
    for naam in CODE:
        bestand = getattr(sys.modules[naam], "__file__", None)
        h.update(naam.encode() + b"\0" + (Path(bestand).read_bytes() if bestand else b"?") + b"\0")
    return h.hexdigest()


def omzetkenmerk(moment: datetime) -> str:
    """Everything besides the docx that decides the bytes of its odt and pdf, as one sha256."""
    for naam in CODE:
        __import__(naam)
    programma = soffice()
    delen = {
        "formaat": FORMAAT,
        "libreoffice": libreoffice_kenmerk(programma),
        "lettertypen": lettertypen_kenmerk(programma),
        "code": code_kenmerk(),
        "python": f"{sys.version} zlib {zlib.ZLIB_RUNTIME_VERSION}",
        "taal": {naam: os.environ.get(naam, "") for naam in _TAALVARIABELEN},
        "moment": moment.isoformat(),
    }
    return hashlib.sha256(json.dumps(delen, sort_keys=True).encode()).hexdigest()


def _begin(pad: Path, lengte: int = -1) -> bytes | None:
    """The first `lengte` bytes (all with -1) of a regular file that is no symbolic link, else None: a FIFO
    with an entry's name must not make a build wait."""
    vlaggen = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(pad, vlaggen)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read(lengte)
    except OSError:
        return None
    finally:
        os.close(fd)


class Omzetcache:
    """The entries in one folder, all made under one `kenmerk` (a build's settings)."""

    def __init__(self, map_: Path, kenmerk: str, grens: int = GRENS) -> None:
        self.map = map_
        self.kenmerk = kenmerk
        self.grens = grens
        self.gebruikt: set[str] = set()  # entry names read or written by this build: never pruned by it

    @classmethod
    def voor(cls, kadermap: KaderMap, moment: datetime) -> Omzetcache:
        return cls(standaard_cachemap(kadermap) / "omzettingen", omzetkenmerk(moment))

    def sleutel(self, docx: bytes, formaat: str) -> str:
        return hashlib.sha256(f"{self.kenmerk} {hashlib.sha256(docx).hexdigest()} {formaat}".encode()).hexdigest()

    def lees(self, sleutel: str, formaat: str) -> bytes | None:
        """The stored conversion, or None: missing, or not exactly what was stored under this key."""
        pad = self.map / f"{sleutel}.{formaat}"
        ruw = _begin(pad)
        if ruw is None:
            return None
        kop = _KOP.match(ruw)
        data = ruw[kop.end():] if kop else b""
        if kop is None or kop[1].decode() != sleutel or int(kop[3]) != len(data) \
                or hashlib.sha256(data).hexdigest() != kop[2].decode():
            return None  # truncated, altered or another key's: converted again and overwritten
        self.gebruikt.add(pad.name)
        with contextlib.suppress(OSError):
            os.utime(pad)  # recently used: kept longest
        return data

    def bewaar(self, sleutel: str, formaat: str, data: bytes) -> None:
        """Store atomically (a concurrent build sees the whole entry or none); a failure only costs speed."""
        kop = f"{FORMAAT} {sleutel} {hashlib.sha256(data).hexdigest()} {len(data)}\n".encode()
        try:
            self.map.mkdir(parents=True, exist_ok=True)
            schrijf_atomair(self.map / f"{sleutel}.{formaat}", kop + data)
        except (OSError, KaderdiffFout):
            return
        self.gebruikt.add(f"{sleutel}.{formaat}")

    def ruim_op(self) -> list[str]:
        """Remove least recently used entries until the folder holds at most `grens` bytes (never one this build
        used), and temporary files of killed writers; returns the names removed."""
        try:
            items = list(os.scandir(self.map))
        except OSError:
            return []
        weg: list[str] = []
        ingangen = []
        for item in items:
            if item.is_symlink() or not item.is_file(follow_symlinks=False):
                continue
            rest = _REST.fullmatch(item.name)
            if rest is not None and not leeft(int(rest[1])) and self._verwijder(item.path):
                weg.append(item.name)
            elif _INGANG.fullmatch(item.name):
                with contextlib.suppress(OSError):
                    st = item.stat(follow_symlinks=False)
                    ingangen.append((st.st_mtime_ns, item.name, st.st_size))
        if sum(grootte for _, _, grootte in ingangen) <= self.grens:
            return weg
        ingangen = [i for i in ingangen if self._is_ingang(i[1])]  # a file that only looks like one counts for nothing
        totaal = sum(grootte for _, _, grootte in ingangen)
        for _, naam, grootte in sorted(ingangen):
            if totaal <= self.grens:
                break
            if naam not in self.gebruikt and self._verwijder(str(self.map / naam)):
                weg.append(naam)
                totaal -= grootte
        return weg

    def _is_ingang(self, naam: str) -> bool:
        """Proof that a file is an entry of this cache before it is removed: its name and first line."""
        kop = _KOP.match(_begin(self.map / naam, _KOPLENGTE) or b"")
        return kop is not None and f"{kop[1].decode()}." == naam[:65]

    @staticmethod
    def _verwijder(pad: str) -> bool:
        try:
            os.unlink(pad)
        except OSError:
            return False
        return True


class GecachteOmzetter:
    """An `Omzetter` with the cache in front: a document whose conversions are all in the cache is copied from
    it; only the rest goes to LibreOffice, which starts at the first such document (an unchanged pack starts
    none). Same use as `Omzetter`: a context manager, `voeg_toe` per written docx, then `wacht`.
    """

    def __init__(self, formaten: tuple[str, ...], moment: datetime, cache: Omzetcache) -> None:
        self.formaten = tuple(f for f in OMZETFORMATEN if f in formaten)
        self.moment = moment
        self.cache = cache
        self.omgezet: list[str] = []  # docx names handed to LibreOffice
        self.uit_cache: list[str] = []
        self._omzetter: Omzetter | None = None
        self._stapel = ExitStack()
        self._te_bewaren: list[tuple[Path, str, dict[str, str]]] = []
        self._te_melden: list[str] = []  # documents taken from the cache, not yet reported as a step

    def __enter__(self) -> GecachteOmzetter:
        return self

    def __exit__(self, soort: type[BaseException] | None, fout: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._stapel.close()  # stops LibreOffice if it runs

    def reserveer(self) -> int | None:
        """A place in LibreOffice's turn for a document queued later (`Omzetter.reserveer`); None while LibreOffice
        has not started (every document so far came from the cache, so there is no turn to keep)."""
        return self._omzetter.reserveer() if self._omzetter is not None else None

    def voeg_toe(self, docx: Path, doelmap: Path | None = None, plek: int | None = None) -> None:
        map_ = (doelmap or docx.parent).resolve()
        data = docx.read_bytes()
        sleutels = {f: self.cache.sleutel(data, f) for f in self.formaten}
        gevonden = {f: self.cache.lees(s, f) for f, s in sleutels.items()}
        if all(inhoud is not None for inhoud in gevonden.values()):
            for formaat, inhoud in gevonden.items():
                assert inhoud is not None
                (map_ / f"{docx.stem}.{formaat}").write_bytes(inhoud)
            self.uit_cache.append(docx.name)
            self._te_melden.append(docx.name)
            return
        if self._omzetter is None:
            self._omzetter = self._stapel.enter_context(Omzetter(self.formaten, self.moment))
        self._omzetter.voeg_toe(docx, doelmap, plek)
        self.omgezet.append(docx.name)
        self._te_bewaren.append((map_, docx.stem, sleutels))

    def wacht_op(self, bronnen: list[Path]) -> None:
        """Wait until these documents are converted: those from the cache are there already."""
        if self._omzetter is not None:
            self._omzetter.wacht_op([p for p in bronnen if p.name in self.omgezet])

    def meld_gedaan(self, stap: Callable[[str], None]) -> None:
        """Call `stap` for each document done since the last call: from the cache, or converted meanwhile."""
        for naam in self._te_melden:
            stap(f"LibreOffice: {naam} uit de cache")
        self._te_melden.clear()
        if self._omzetter is not None:
            self._omzetter.meld_gedaan(stap)

    def wacht(self, stap: Callable[[str], None] = lambda _: None) -> None:
        """Wait for LibreOffice's conversions (`stap` once per document), store them, and keep the cache within its
        bound."""
        self.meld_gedaan(stap)
        if self._omzetter is not None:
            self._omzetter.wacht(stap)
        for map_, stam, sleutels in self._te_bewaren:
            for formaat, sleutel in sleutels.items():
                self.cache.bewaar(sleutel, formaat, (map_ / f"{stam}.{formaat}").read_bytes())
        self.cache.ruim_op()
