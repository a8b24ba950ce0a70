"""The law registry: which law codes exist, their names, aliases and BWB ids.

The package ships one (`wetten.toml` beside this module). A kadermap may extend or override it with
`<kadermap>/wetten/register.toml` in the same form, so a user can cite a law the package does not
know (the Leerplichtwet, the Grondwet …) without a new release. `wetten()`/`zoek_wet()` read the
package's registry; `register_voor(kadermap)` the merged one. Nothing global changes: merged
registries are cached by path and content, so an edited file is read again. Between processes the
registry of a kadermap comes from `bron.registercache` while both files are byte for byte unchanged.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

from kaderdiff.bron import registercache
from kaderdiff.bron.tomldatum import als_datum
from kaderdiff.fouten import KaderdiffFout, Melding
from kaderdiff.model.wet import Wet, Wetregister

TYPE_CHECKING = False  # not `typing`: importing it is a twentieth of `controleer` (tests/cli/test_opstart.py)
if TYPE_CHECKING:
    from typing import Any

__all__ = ["REGISTER_PAD", "Wet", "Wetregister", "controleer_register", "eigen_register_pad", "register_voor",
           "wetten", "zoek_wet"]

REGISTER_PAD = Path(__file__).with_name("wetten.toml")
#: The kadermap's own registry, relative to the kadermap.
EIGEN_REGISTER = Path("wetten") / "register.toml"
SOORTEN = ("wet", "amvb", "regeling", "beleidsregel", "verdrag", "grondwet")
#: As text: re compiles them when a registry is read, which `registercache` spares most runs.
_CODE = r"^[A-Z][A-Z0-9]{1,11}$"
_BWB = r"^BWB[RV]\d{7}$"
_VELDEN = {"naam", "soort", "bwb", "aliassen", "geldig_van", "geldig_tot", "opvolger"}
_DATUMVELDEN = ("geldig_van", "geldig_tot")


def _wet(code: str, d: dict[str, Any], basis: Wet | None = None) -> Wet:
    def datum(veld: str) -> date | None:
        return als_datum(d[veld]) if veld in d else getattr(basis, veld, None)

    return Wet(code, d.get("naam", basis.naam if basis else ""), d.get("soort", basis.soort if basis else ""),
               d.get("bwb", basis.bwb if basis else ""),
               tuple(d.get("aliassen", basis.aliassen if basis else ())),
               datum("geldig_van"), datum("geldig_tot"), d.get("opvolger", basis.opvolger if basis else ""))


@cache
def _pakket() -> tuple[bytes, Wetregister]:
    """The package's registry file and the registry read from exactly those bytes (read once per process)."""
    import tomllib  # only when the registry is not in the cache (`bron.registercache`)

    inhoud = REGISTER_PAD.read_bytes()
    ruw = tomllib.loads(inhoud.decode("utf-8"))
    return inhoud, Wetregister(tuple(_wet(code, d) for code, d in ruw.items()), str(REGISTER_PAD))


def pakketregister() -> Wetregister:
    """The registry shipped with kaderdiff (read once; the file is part of the package)."""
    return _pakket()[1]


def wetten() -> dict[str, Wet]:
    """Registry code -> Wet of the package's registry."""
    return pakketregister().per_code


def zoek_wet(naam: str) -> Wet | None:
    """Find a law of the package's registry by code or alias, case-insensitively (e.g. 'Wpo', 'WVO 2020')."""
    return pakketregister().zoek(naam)


def eigen_register_pad(kadermap: Path) -> Path:
    return kadermap / EIGEN_REGISTER


def _regel(tekst: str, code: str) -> int:
    """Line of the table header `[CODE]` in a TOML text (0 when not found)."""
    for nummer, regel in enumerate(tekst.splitlines(), start=1):
        if re.match(rf"^\s*\[\s*\"?{re.escape(code)}\"?\s*\]", regel):
            return nummer
    return 0


def _lees(inhoud: bytes, bron: str) -> tuple[dict[str, Any], list[Melding]]:
    import tomllib

    try:
        tekst = inhoud.decode("utf-8")
        return tomllib.loads(tekst), []
    except UnicodeDecodeError:
        return {}, [Melding(bron, 0, 0, "het wettenregister is geen UTF-8-tekst")]
    except tomllib.TOMLDecodeError as fout:
        gevonden = re.search(r"\(at line (\d+), column (\d+)\)", str(fout))
        regel, kolom = (int(gevonden.group(1)), int(gevonden.group(2))) if gevonden else (0, 0)
        reden = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(fout))
        return {}, [Melding(bron, regel, kolom, f"geen geldige TOML: {reden}")]


def _controleer(ruw: dict[str, Any], tekst: str, bron: str, basis: Wetregister) -> list[Melding]:
    """Every problem of an own registry: unknown fields, missing or wrong values, names used twice."""
    meldingen: list[Melding] = []
    for code, d in ruw.items():
        regel = _regel(tekst, code)

        def fout(reden: str, code: str = code, regel: int = regel) -> None:
            meldingen.append(Melding(bron, regel, 0, f"wet '{code}': {reden}"))

        if not isinstance(d, dict):
            fout("hoort een tabel [CODE] met naam, soort, bwb en aliassen te zijn")
            continue
        if not re.match(_CODE, code):
            fout("de code moet uit hoofdletters en cijfers bestaan (2 tot 12 tekens, bijv. LPW)")
        for veld in sorted(set(d) - _VELDEN):
            fout(f"onbekend veld '{veld}' (toegestaan: {', '.join(sorted(_VELDEN))})")
        nieuw = code not in basis
        for veld in ("naam", "soort"):
            if nieuw and veld not in d:
                fout(f"'{veld}' ontbreekt (verplicht voor een wet die kaderdiff nog niet kent)")
            elif veld in d and (not isinstance(d[veld], str) or not d[veld].strip()):
                fout(f"'{veld}' moet een niet-lege tekst zijn")
        if isinstance(d.get("soort"), str) and d["soort"] not in SOORTEN:
            fout(f"soort '{d['soort']}' is onbekend (kies uit {', '.join(SOORTEN)})")
        if "bwb" in d and (not isinstance(d["bwb"], str) or (d["bwb"] and not re.match(_BWB, d["bwb"]))):
            fout(f"bwb '{d['bwb']}' is geen BWB-id (zoals BWBR0004124) en ook niet leeg")
        aliassen = d.get("aliassen", [])
        if not isinstance(aliassen, list) or not all(isinstance(a, str) and a.strip() for a in aliassen):
            fout("'aliassen' moet een lijst van niet-lege teksten zijn")
        for veld in _DATUMVELDEN:
            if veld in d and als_datum(d[veld]) is None:
                fout(f"'{veld}' moet een datum zijn (JJJJ-MM-DD, bijv. {veld} = 2020-08-01), niet '{d[veld]}'")
        if "opvolger" in d and (not isinstance(d["opvolger"], str) or not d["opvolger"].strip()):
            fout("'opvolger' moet de code van een wet zijn (bijv. opvolger = \"WVO\")")
    if meldingen:
        return meldingen
    samen = _voeg_samen(basis, ruw, bron)
    meldingen += _controleer_tijd(samen, ruw, tekst, bron)
    # a name must point to one law at a time, or a citation would be ambiguous
    eigenaars: dict[str, list[Wet]] = {}
    for wet in samen.wetten:
        for naam in dict.fromkeys(" ".join(n.split()).casefold() for n in (wet.code, wet.naam, *wet.aliassen)):
            eerder = eigenaars.setdefault(naam, [])
            for ander in eerder:
                if (wet.code in ruw or ander.code in ruw) and wet.overlapt(ander):
                    eigen, tweede = (wet.code, ander.code) if wet.code in ruw else (ander.code, wet.code)
                    meldingen.append(Melding(bron, _regel(tekst, eigen), 0,
                                             f"wet '{eigen}': de naam '{naam}' hoort ook bij '{tweede}', die in "
                                             "dezelfde tijd gold; een verwijzing zou dan niet eenduidig zijn (geef "
                                             "een van beide geldig_tot of geldig_van als de een de ander opvolgde)"))
            eerder.append(wet)
    return meldingen


def _controleer_tijd(samen: Wetregister, ruw: dict[str, Any], tekst: str, bron: str) -> list[Melding]:
    """The period of an own law is a period, and its successor a known other law."""
    meldingen = []
    for code in ruw:
        wet = samen.per_code[code]
        regel = _regel(tekst, code)
        if wet.geldig_van and wet.geldig_tot and wet.geldig_tot <= wet.geldig_van:
            meldingen.append(Melding(bron, regel, 0, f"wet '{code}': geldig_tot ({wet.geldig_tot.isoformat()}) ligt "
                                                     f"niet na geldig_van ({wet.geldig_van.isoformat()})"))
        if wet.opvolger and (wet.opvolger == code or wet.opvolger not in samen):
            reden = "is de wet zelf" if wet.opvolger == code else "is geen bekende wet"
            meldingen.append(Melding(bron, regel, 0, f"wet '{code}': opvolger '{wet.opvolger}' {reden} (bekend: "
                                                     f"{', '.join(sorted(samen))})"))
    return meldingen


def _voeg_samen(basis: Wetregister, ruw: dict[str, Any], bron: str) -> Wetregister:
    per_code = dict(basis.per_code)
    for code, d in ruw.items():
        per_code[code] = _wet(code, d, per_code.get(code))
    return Wetregister(tuple(per_code.values()), bron)


@lru_cache(maxsize=32)
def _samengevoegd(bron: str, inhoud: bytes) -> Wetregister:
    """The package's registry merged with an own one; cached by path and content (both in the key)."""
    ruw, meldingen = _lees(inhoud, bron)
    meldingen = meldingen or _controleer(ruw, inhoud.decode("utf-8"), bron, pakketregister())
    if meldingen:
        raise KaderdiffFout(f"Het wettenregister {bron} is niet in orde", tuple(meldingen))
    return _voeg_samen(pakketregister(), ruw, bron)


def register_voor(kadermap: Path | None) -> Wetregister:
    """The registry that holds for a kadermap: the package's, extended or overridden by its own."""
    if kadermap is None:
        return pakketregister()
    pad = eigen_register_pad(kadermap)
    try:
        inhoud: bytes | None = pad.read_bytes()
    except FileNotFoundError:
        inhoud = None
    except OSError as fout:
        raise KaderdiffFout(f"Het wettenregister {pad} kan niet worden gelezen: {fout.strerror}") from None
    return _register_van(kadermap, inhoud)


@lru_cache(maxsize=32)
def _register_van(kadermap: Path, eigen: bytes | None) -> Wetregister:
    """The registry of a kadermap whose own registry has these bytes (None: it has none): once per process, and
    between processes from `bron.registercache` while the package's and the own registry are unchanged."""
    bewaard = registercache.lees(kadermap, REGISTER_PAD.read_bytes(), eigen)
    if bewaard is not None:
        return bewaard
    pakket, register = _pakket()
    if eigen is not None:
        register = _samengevoegd(str(eigen_register_pad(kadermap)), eigen)  # raises when not in order: not kept
    registercache.bewaar(kadermap, pakket, eigen, register)
    return register


def controleer_register(kadermap: Path) -> list[Melding]:
    """Problems of a kadermap's own registry ([] when it is absent or in order), for `controleer`: read as
    `register_voor` reads it, so the check and the registry the kaders are then checked against are one reading."""
    pad = eigen_register_pad(kadermap)
    if not pad.is_file():
        return []
    try:
        _register_van(kadermap, pad.read_bytes())
    except KaderdiffFout as fout:  # only a registry that is not in order raises, with its problems
        return list(fout.meldingen)
    return []
