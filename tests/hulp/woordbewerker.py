"""Editing a concept kader the way Word does (w:ins/w:del around runs), for the round trip of a reader's
revisions (`voorstel --uit-docx`)."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from kaderdiff.bron.versies import KaderMap
from kaderdiff.diff.staatbouw import maak_staat
from kaderdiff.model.versie import Versie
from kaderdiff.render.docx_kader import render_concept_docx
from kaderdiff.word.blokken import blokmerk
from tests.hulp.repos import git_cmd

MOMENT = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
MBO_RAAD = "MBO Raad"
JOB = "JOB mbo"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# ---------------------------------------------------------------- editing like Word does
class Woordbewerker:
    """Adds tracked changes to document.xml the way Word writes them (w:ins/w:del around runs)."""

    def __init__(self, docx: bytes) -> None:
        self.bestanden = {}
        with zipfile.ZipFile(io.BytesIO(docx)) as z:
            for naam in z.namelist():
                self.bestanden[naam] = z.read(naam)
        self.root = etree.fromstring(self.bestanden["word/document.xml"])
        self.volgende = 1 + max(int(e.get(qn("w:id"))) for e in self.root.iter() if e.get(qn("w:id")))

    def alinea(self, element_id: str, deel: str = "tekst") -> Any:
        naam = blokmerk(f"{element_id}:{deel}")
        for b in self.root.iter(qn("w:bookmarkStart")):
            if b.get(qn("w:name")) == naam:
                return b.getparent()
        raise AssertionError(element_id)

    def _merk(self, el: Any, auteur: str, datum: str) -> Any:
        el.set(qn("w:id"), str(self.volgende))
        el.set(qn("w:author"), auteur)
        el.set(qn("w:date"), datum)
        self.volgende += 1
        return el

    @staticmethod
    def _zichtbare_runs(p: Any) -> list[Any]:
        uit = []
        for r in p.iter(qn("w:r")):
            if r.find(qn("w:t")) is None:
                continue
            voorouders = []
            o = r.getparent()
            while o is not p:
                voorouders.append(o.tag)
                o = o.getparent()
            if qn("w:del") not in voorouders:
                uit.append(r)
        return uit

    def tekst(self, p: Any) -> str:
        return "".join(r.find(qn("w:t")).text for r in self._zichtbare_runs(p))

    @staticmethod
    def _splits(run: Any, op: int) -> Any:
        """Split a run at a character offset; returns the right part (inserted after it)."""
        t = run.find(qn("w:t"))
        links, rechts = t.text[:op], t.text[op:]
        kopie = etree.fromstring(etree.tostring(run))
        t.text = links
        kopie.find(qn("w:t")).text = rechts
        run.addnext(kopie)
        return kopie

    def _op_grenzen(self, p: Any, *posities: int) -> None:
        for pos in posities:
            start = 0
            for r in self._zichtbare_runs(p):
                lengte = len(r.find(qn("w:t")).text)
                if start < pos < start + lengte:
                    self._splits(r, pos - start)
                    break
                start += lengte

    def verwijder(self, p: Any, zoek: str, auteur: str, datum: str = "2026-04-02T10:00:00Z") -> None:
        start = self.tekst(p).index(zoek)
        eind = start + len(zoek)
        self._op_grenzen(p, start, eind)
        pos = 0
        for r in self._zichtbare_runs(p):
            t = r.find(qn("w:t"))
            lengte = len(t.text)
            if start <= pos and pos + lengte <= eind and lengte:
                omhulsel = self._merk(etree.Element(qn("w:del")), auteur, datum)
                r.addprevious(omhulsel)
                omhulsel.append(r)
                t.tag = qn("w:delText")
            pos += lengte

    def voeg_in(self, p: Any, na: str, tekst: str, auteur: str, datum: str = "2026-04-02T10:00:00Z") -> None:
        pos = self.tekst(p).index(na) + len(na)
        self._op_grenzen(p, pos)
        start = 0
        for r in self._zichtbare_runs(p):
            start += len(r.find(qn("w:t")).text)
            if start == pos:
                nieuw = etree.fromstring(etree.tostring(r))
                nieuw.find(qn("w:t")).text = tekst
                omhulsel = self._merk(etree.Element(qn("w:ins")), auteur, datum)
                omhulsel.append(nieuw)
                anker = r if r.getparent() is p else r.getparent()
                anker.addnext(omhulsel)
                return
        raise AssertionError(na)

    def vervang(self, p: Any, oud: str, nieuw: str, auteur: str, datum: str = "2026-04-02T10:00:00Z") -> None:
        voor = self.tekst(p).index(oud)
        self.verwijder(p, oud, auteur, datum)
        self.voeg_in_op(p, voor, nieuw, auteur, datum)

    def voeg_in_op(self, p: Any, pos: int, tekst: str, auteur: str, datum: str) -> None:
        """Insert at a position of the visible text (after the deletion at that place)."""
        start = 0
        for r in p.iter(qn("w:r")):
            t = r.find(qn("w:t"))
            d = r.find(qn("w:delText"))
            if t is not None:
                start += len(t.text)
            if start == pos and (d is not None or t is not None):
                nieuw = etree.fromstring(etree.tostring(r))
                for kind in list(nieuw):
                    if kind.tag in (qn("w:t"), qn("w:delText")):
                        nieuw.remove(kind)
                nt = etree.SubElement(nieuw, qn("w:t"))
                nt.text = tekst
                nt.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                omhulsel = self._merk(etree.Element(qn("w:ins")), auteur, datum)
                omhulsel.append(nieuw)
                anker = r
                while anker.getparent() is not p:
                    anker = anker.getparent()
                anker.addnext(omhulsel)
                return
        raise AssertionError(pos)

    def opslaan(self) -> bytes:
        self.bestanden["word/document.xml"] = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8",
                                                             standalone=True)
        uit = io.BytesIO()
        with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as z:
            for naam, data in self.bestanden.items():
                z.writestr(naam, data)
        return uit.getvalue()


def concept(repo: Path) -> bytes:
    kadermap = KaderMap(repo / "kaders")
    staat = maak_staat(kadermap, Versie(2025), Versie(2026), "MBO")
    return render_concept_docx(staat, MOMENT)


def toestand(repo: Path) -> tuple[str, str, str]:
    return (git_cmd(repo, "branch", "--list"), git_cmd(repo, "status", "--porcelain"),
            git_cmd(repo, "rev-parse", "HEAD"))
