"""The merge driver in real `git merge` runs: a repository set up by `kaderdiff init`, two branches, one kader.

git starts `kaderdiff merge %O %A %B %P` itself (the .gitattributes line and the git settings `init` wrote),
so these runs show what an editor sees: clean merges of independent edits, and real conflicts that leave
both versions in the kader, refused by `controleer` and by the commit check until they are resolved.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from lxml import etree

from kaderdiff.bron.opmaak import canoniek
from tests.hulp.draai import kd
from tests.hulp.kaderbewerking import Bewerking, attribuut, bewerkt, na, nieuw, per_id, tekst, verwijder
from tests.hulp.repos import GIT_OMGEVING, git_cmd, leg_vast, merge

MBO = Path("kaders") / "2026" / "mbo.xml"
PO = Path("kaders") / "2026" / "po.xml"


def takken(repo: Path, onze: list[Bewerking], hun: list[Bewerking], pad: Path = MBO) -> bytes:
    """Branch 'hun' and branch 'onze' (checked out) from main; returns the kader as it is on main."""
    basis = (repo / pad).read_bytes()
    for tak, bewerkingen in (("hun", hun), ("onze", onze)):
        git_cmd(repo, "checkout", "-q", "-b", tak, "main")
        (repo / pad).write_bytes(bewerkt(basis, *bewerkingen))
        leg_vast(repo, f"Wijziging op {tak}")
    return basis


def los_op(data: bytes, kant: str) -> bytes:
    """Resolve every conflict by keeping one side (what an editor does by hand)."""
    wortel = etree.fromstring(data)
    for conflict in list(wortel.iter("conflict")):
        ouder, plek = conflict.getparent(), conflict.getparent().index(conflict)
        ouder.remove(conflict)
        for i, kind in enumerate(conflict.find(kant)):
            ouder.insert(plek + i, kind)
    return canoniek(etree.ElementTree(wortel))


def test_tekst_en_grondslag_van_een_eis_op_twee_takken(initrepo: Path) -> None:
    onze = [tekst("st-ka1-e1", "Het bestuur heeft zicht op de kwaliteit op alle opleidingen.")]
    hun = [attribuut("st-ka1-e1", "artikel", "4.2.3", "grondslag")]
    verwacht = bewerkt(takken(initrepo, onze, hun), *onze, *hun)
    uitkomst = merge(initrepo)
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
    assert (initrepo / MBO).read_bytes() == verwacht
    assert git_cmd(initrepo, "rev-list", "--parents", "-n", "1", "HEAD").count(" ") == 2, "een samenvoegcommit"
    assert git_cmd(initrepo, "status", "--porcelain") == ""
    assert kd(["controleer"], cwd=initrepo)[0] == 0
    assert kd(["opmaak", "--controle"], cwd=initrepo)[0] == 0


def test_zonder_samenvoeghulp_botst_git_op_dezelfde_wijzigingen(initrepo: Path) -> None:
    """The same two edits conflict in git's own line merge: what the driver is for."""
    git_cmd(initrepo, "config", "--remove-section", "merge.kaderdiff")  # as in a clone without init
    takken(initrepo, [tekst("st-ka1-e1", "Het bestuur heeft zicht op de kwaliteit op alle opleidingen.")],
           [attribuut("st-ka1-e1", "artikel", "4.2.3", "grondslag")])
    uitkomst = merge(initrepo)
    assert uitkomst.returncode != 0 and "CONFLICT" in uitkomst.stdout
    assert b"<<<<<<<" in (initrepo / MBO).read_bytes()


def test_verplaatsen_en_bewerken_van_een_eis(initrepo: Path) -> None:
    onze = [na("st-ka1-e1", "st-ka2-e2")]
    hun = [tekst("st-ka1-e1", "Het bestuur heeft zicht op de kwaliteit van het onderwijs en de examens.")]
    verwacht = bewerkt(takken(initrepo, onze, hun), *onze, *hun)
    uitkomst = merge(initrepo)
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
    assert (initrepo / MBO).read_bytes() == verwacht
    eis = per_id(etree.fromstring(verwacht))["st-ka1-e1"]
    assert eis.getprevious().get("id") == "st-ka2-e2" and eis.findtext("tekst").endswith("de examens.")
    assert kd(["controleer"], cwd=initrepo)[0] == 0


def test_toevoegingen_op_twee_plaatsen(initrepo: Path) -> None:
    onze = [nieuw("st-ka1-e4", "st-ka1-e5"), nieuw("p-doel-a1", "p-doel-a1b")]
    hun = [nieuw("st-ka2-e2", "st-ka2-e2b"), nieuw("wv-a5", "wv-a6")]
    verwacht = bewerkt(takken(initrepo, onze, hun), *onze, *hun)
    uitkomst = merge(initrepo)
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
    assert (initrepo / MBO).read_bytes() == verwacht
    assert {"st-ka1-e5", "p-doel-a1b", "st-ka2-e2b", "wv-a6"} <= set(per_id(etree.fromstring(verwacht)))
    assert kd(["controleer"], cwd=initrepo)[0] == 0


def test_verwijderen_tegenover_bewerken_is_een_conflict(initrepo: Path) -> None:
    onze = [verwijder("st-ka1-e2"), tekst("wv-a1", "Onze andere wijziging.")]
    hun = [tekst("st-ka1-e2", "Het bestuur zorgt dat de kwaliteitszorg alle opleidingen omvat."),
           nieuw("st-ka3-e3", "st-ka3-e4")]
    basis = takken(initrepo, onze, hun)
    uitkomst = merge(initrepo)
    assert uitkomst.returncode != 0
    assert "st-ka1-e2" in uitkomst.stderr, "de samenvoeghulp noemt het conflict"
    data = (initrepo / MBO).read_bytes()
    code, _, fout = kd(["controleer"], cwd=initrepo)
    assert code == 2
    assert "onopgelost samenvoegconflict bij eis 'st-ka1-e2'" in fout
    assert "onze versie: verwijderd" in fout and "alle opleidingen omvat" in fout
    # nothing else lost: keeping either side gives exactly both branches' other edits
    assert los_op(data, "onze") == bewerkt(basis, *onze, hun[1])
    assert los_op(data, "hun") == bewerkt(basis, onze[1], *hun)
    # the commit check refuses the unresolved kader; resolved, the merge commits
    geweigerd = subprocess.run(["git", "commit", "-q", "-am", "Samengevoegd"], cwd=initrepo, capture_output=True,
                               text=True, env={**os.environ, **GIT_OMGEVING})
    assert geweigerd.returncode != 0 and "samenvoegconflict bij eis 'st-ka1-e2'" in geweigerd.stderr
    (initrepo / MBO).write_bytes(los_op(data, "hun"))
    git_cmd(initrepo, "commit", "-q", "-am", "Samengevoegd: de eis blijft, met de nieuwe tekst")
    assert kd(["controleer"], cwd=initrepo)[0] == 0


def test_twee_bewerkingen_van_een_tekst_zijn_een_conflict(initrepo: Path) -> None:
    onze = [tekst("st-ka1-e3", "De examinering is onafhankelijk en deskundig."), attribuut("p-doel", "nr", "1.1")]
    hun = [tekst("st-ka1-e3", "De examinering en diplomering zijn van voldoende kwaliteit."),
           attribuut("st-ka2-e1", "lid", "3", "grondslag")]
    basis = takken(initrepo, onze, hun)
    uitkomst = merge(initrepo)
    assert uitkomst.returncode != 0
    assert git_cmd(initrepo, "diff", "--name-only", "--diff-filter=U") == MBO.as_posix()
    data = (initrepo / MBO).read_bytes()
    code, _, fout = kd(["controleer", str(MBO)], cwd=initrepo)
    assert code == 2
    assert ("onopgelost samenvoegconflict bij eis 'st-ka1-e3' (tekst): onze versie: «De examinering is "
            "onafhankelijk en deskundig.»; hun versie: «De examinering en diplomering zijn van voldoende kwaliteit.»"
            ) in fout
    assert los_op(data, "onze") == bewerkt(basis, *onze, hun[1])
    assert los_op(data, "hun") == bewerkt(basis, onze[1], *hun)


def test_twee_kaders_tegelijk_en_een_wetstekst_regelgewijs(initrepo: Path) -> None:
    """Each kader changed on both branches goes through the driver; a law text (no kader) merges by line."""
    wet = next((initrepo / "kaders" / "wetten").rglob("*.xml")).relative_to(initrepo)
    basis_wet = (initrepo / wet).read_text(encoding="utf-8")
    git_cmd(initrepo, "checkout", "-q", "-b", "hun", "main")
    for pad, bewerking in ((MBO, tekst("wv-a1", "Hun woord vooraf.")), (PO, tekst("wv-a1", "Hun woord vooraf."))):
        (initrepo / pad).write_bytes(bewerkt((initrepo / pad).read_bytes(), bewerking))
    (initrepo / wet).write_text(basis_wet + "<!-- hun -->\n", encoding="utf-8")
    leg_vast(initrepo, "hun")
    git_cmd(initrepo, "checkout", "-q", "-b", "onze", "main")
    for pad in (MBO, PO):
        (initrepo / pad).write_bytes(bewerkt((initrepo / pad).read_bytes(), tekst("wv-a2", "Onze tekst.")))
    kop, romp = basis_wet.split("\n", 1)
    (initrepo / wet).write_text(f"{kop}\n<!-- onze -->\n{romp}", encoding="utf-8")
    leg_vast(initrepo, "onze")
    uitkomst = merge(initrepo)
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
    for pad in (MBO, PO):
        ids = per_id(etree.fromstring((initrepo / pad).read_bytes()))
        assert (ids["wv-a1"].text, ids["wv-a2"].text) == ("Hun woord vooraf.", "Onze tekst.")
    assert (initrepo / wet).read_text(encoding="utf-8") == f"{kop}\n<!-- onze -->\n{romp}<!-- hun -->\n"
