"""`kaderdiff wetten haal`: the BWB repository's manifest and toestand, served by a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kaderdiff.recht.bwbhaal import kies_expressie, lees_manifest
from tests.hulp.draai import kd
from tests.hulp.paden import DATA
from tests.hulp.wetten_echt import WPO, echte_wet

BWB = DATA / "bwb"


def manifest(bwb: str, expressies: list[tuple[str, str, str, str, bool]]) -> bytes:
    """A manifest like the repository's: (label, inwerkingtreding, einddatum, zichtdatum_eind, deleted)."""
    delen = [f'<work label="{bwb}" _latestItem="x">']
    for label, van, tot, zicht_eind, weg in expressies:
        delen.append(
            f'<expression label="{label}"><metadata><datum_inwerkingtreding>{van}</datum_inwerkingtreding>'
            f"<einddatum>{tot}</einddatum><zichtdatum_start>2026-01-01</zichtdatum_start>"
            f"<zichtdatum_eind>{zicht_eind}</zichtdatum_eind></metadata>"
            f'<manifestation label="xml"><item label="{bwb}_{label}.xml" _deleted="{str(weg).lower()}"/>'
            "</manifestation></expression>")
    delen.append("</work>")
    return "".join(delen).encode("utf-8")


@dataclass
class Server:
    """Path -> (status, content type, body); `traag` paths answer after `wacht` seconds."""

    routes: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)
    traag: set[str] = field(default_factory=set)
    wacht: float = 2.0
    verzoeken: list[str] = field(default_factory=list)
    url: str = ""


@pytest.fixture
def server() -> Iterator[Server]:
    staat = Server()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            staat.verzoeken.append(self.path)
            if self.path in staat.traag:
                time.sleep(staat.wacht)
            status, soort, inhoud = staat.routes.get(self.path, (404, "text/html", b"<html>niet gevonden</html>"))
            try:
                self.send_response(status)
                self.send_header("Content-Type", soort)
                self.send_header("Content-Length", str(len(inhoud)))
                self.end_headers()
                self.wfile.write(inhoud)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    staat.url = f"http://127.0.0.1:{httpd.server_address[1]}/bwb/"
    draad = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    draad.start()
    try:
        yield staat
    finally:
        httpd.shutdown()
        httpd.server_close()


WEB_MANIFEST = manifest("BWBR0007625", [
    ("2025-08-01_0", "2025-08-01", "2026-07-31", "2026-03-01", False),
    ("2025-08-01_1", "2025-08-01", "2026-07-31", "9999-12-31", False),
    ("2026-08-01_0", "2026-08-01", "9999-12-31", "9999-12-31", False),
    ("2027-01-01_0", "2027-01-01", "9999-12-31", "9999-12-31", True),
])


def web_routes(server: Server) -> None:
    server.routes["/bwb/BWBR0007625/manifest.xml"] = (200, "application/xml", WEB_MANIFEST)
    server.routes["/bwb/BWBR0007625/2025-08-01_1/xml/BWBR0007625_2025-08-01_1.xml"] = (
        200, "application/xml", (BWB / "web-2025.xml").read_bytes())
    server.routes["/bwb/BWBR0007625/2026-08-01_0/xml/BWBR0007625_2026-08-01_0.xml"] = (
        200, "application/xml", (BWB / "web-2026.xml").read_bytes())


def test_haal_kiest_de_geldende_zichtbare_versie_en_slaat_op(server: Server, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    web_routes(server)
    monkeypatch.setenv("KADERDIFF_BWB_URL", server.url)
    code, uit, fout = kd(["wetten", "haal", "WEB", "--datum", "2026-03-15", "--kaders", str(tmp_path)])
    assert (code, fout) == (0, "")
    assert server.verzoeken == ["/bwb/BWBR0007625/manifest.xml",
                                "/bwb/BWBR0007625/2025-08-01_1/xml/BWBR0007625_2025-08-01_1.xml"]
    doel = tmp_path / "wetten" / "BWBR0007625" / "2025-08-01.xml"
    assert doel.read_bytes() == (BWB / "web-2025.xml").read_bytes()
    assert f"Opgehaald: {server.url}BWBR0007625/2025-08-01_1/xml/BWBR0007625_2025-08-01_1.xml" in uit
    assert "geldig vanaf 2025-08-01" in uit
    code, _, fout = kd(["wetten", "haal", "Web", "--datum", "2026-08-01", "--url", server.url,
                        "--kaders", str(tmp_path)])
    assert (code, fout) == (0, "")
    assert sorted(p.name for p in doel.parent.iterdir()) == ["2025-08-01.xml", "2026-08-01.xml"]


def test_haal_een_wet_uit_het_eigen_register(server: Server, tmp_path: Path) -> None:
    """A law the kadermap added in wetten/register.toml is fetched by its own code, like the package's."""
    (tmp_path / "wetten").mkdir()
    (tmp_path / "wetten" / "register.toml").write_text(
        '[LPW]\nnaam = "Leerplichtwet 1969"\nsoort = "wet"\nbwb = "BWBR0002628"\naliassen = ["Leerplichtwet"]\n',
        encoding="utf-8")
    toestand = (BWB / "web-2025.xml").read_bytes().replace(b"BWBR0007625", b"BWBR0002628")
    server.routes["/bwb/BWBR0002628/manifest.xml"] = (200, "application/xml", manifest(
        "BWBR0002628", [("2025-08-01_0", "2025-08-01", "9999-12-31", "9999-12-31", False)]))
    server.routes["/bwb/BWBR0002628/2025-08-01_0/xml/BWBR0002628_2025-08-01_0.xml"] = (
        200, "application/xml", toestand)
    code, _, fout = kd(["wetten", "haal", "leerplichtwet", "--datum", "2026-01-01", "--url", server.url,
                        "--kaders", str(tmp_path)])
    assert (code, fout) == (0, "")
    assert (tmp_path / "wetten" / "BWBR0002628" / "2025-08-01.xml").read_bytes() == toestand
    (tmp_path / "elders").mkdir()
    code, _, fout = kd(["wetten", "haal", "LPW", "--datum", "2026-01-01", "--url", server.url,
                        "--kaders", str(tmp_path / "elders")])
    assert code == 2 and "Onbekende wet 'LPW'" in fout, "another kadermap does not know the law"


def test_haal_de_echte_wpo(server: Server, tmp_path: Path) -> None:
    data = echte_wet(WPO).read_bytes()
    server.routes["/bwb/BWBR0003420/manifest.xml"] = (200, "application/xml", manifest(
        "BWBR0003420", [("2016-08-01_0", "2016-08-01", "2017-07-31", "9999-12-31", False)]))
    server.routes["/bwb/BWBR0003420/2016-08-01_0/xml/BWBR0003420_2016-08-01_0.xml"] = (200, "text/xml", data)
    code, uit, fout = kd(["wetten", "haal", "BWBR0003420", "--datum", "2017-01-01", "--url", server.url,
                          "--kaders", str(tmp_path)])
    assert code == 0, fout
    assert "Wet op het primair onderwijs" in uit and "waarschuwing: artikel 8 heeft 2 leden met nummer 10" in fout
    assert (tmp_path / "wetten" / "BWBR0003420" / "2016-08-01.xml").read_bytes() == data


@pytest.mark.parametrize(("opstelling", "args", "stuk"), [
    ("geen", ["WEB"], "Niet gevonden in de BWB-repository (HTTP 404): {url}BWBR0007625/manifest.xml"),
    ("500", ["WEB"], "De BWB-repository antwoordde met HTTP 500"),
    ("html", ["WEB"], "is geen BWB-manifest"),
    ("ander-xml", ["WEB"], "is geen BWB-manifest: het hoofdelement is <rss>, verwacht <work>"),
    ("geen-toestand", ["WEB"], "is geen BWB-toestand"),
    ("andere-wet", ["WEB"], "bevat BWBR0003420, niet de gevraagde BWBR0007625"),
    ("web", ["WEB", "--datum", "2020-01-01"], "Er is geen versie van BWBR0007625 die geldt op 1 januari 2020"),
    ("web", ["RLRPO"], "staat niet in het BWB"),
    ("web", ["XYZ"], "Onbekende wet 'XYZ'"),
    ("web", ["WEB", "--datum", "1 aug"], "Ongeldige datum '1 aug'"),
])
def test_haal_fouten_geven_een_nederlandse_melding_en_schrijven_niets(
        server: Server, tmp_path: Path, opstelling: str, args: list[str], stuk: str) -> None:
    manifest_pad = "/bwb/BWBR0007625/manifest.xml"
    toestand_pad = "/bwb/BWBR0007625/2026-08-01_0/xml/BWBR0007625_2026-08-01_0.xml"
    web_routes(server)
    if opstelling == "geen":
        server.routes.clear()
    elif opstelling == "500":
        server.routes[manifest_pad] = (500, "text/plain", b"kapot")
    elif opstelling == "html":
        server.routes[manifest_pad] = (200, "text/html", b"<!DOCTYPE html><html><body>Onderhoud</body></html>")
    elif opstelling == "ander-xml":
        server.routes[manifest_pad] = (200, "application/xml", b"<rss/>")
    elif opstelling == "geen-toestand":
        server.routes[toestand_pad] = (200, "application/xml", (BWB / "geen-toestand.xml").read_bytes())
    elif opstelling == "andere-wet":
        server.routes[toestand_pad] = (200, "application/xml", (BWB / "web-2026.xml").read_bytes().replace(
            b"BWBR0007625", b"BWBR0003420"))
    if "--datum" not in args:
        args = [*args, "--datum", "2026-09-01"]
    code, uit, fout = kd(["wetten", "haal", *args, "--url", server.url, "--kaders", str(tmp_path)])
    assert code == 2, (uit, fout)
    assert stuk.format(url=server.url) in fout, fout
    assert not (tmp_path / "wetten").exists(), "niets opgeslagen"


def test_haal_geeft_op_na_de_timeout(server: Server, tmp_path: Path) -> None:
    web_routes(server)
    server.traag.add("/bwb/BWBR0007625/manifest.xml")
    begin = time.monotonic()
    code, _, fout = kd(["wetten", "haal", "WEB", "--datum", "2026-09-01", "--url", server.url, "--timeout", "0.3",
                        "--kaders", str(tmp_path)])
    assert code == 2
    assert f"Geen antwoord binnen 0.3 seconden van {server.url}BWBR0007625/manifest.xml" in fout
    assert time.monotonic() - begin < server.wacht
    assert not (tmp_path / "wetten").exists()


def test_haal_zonder_server(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]  # closed again below: nobody listens there
    code, _, fout = kd(["wetten", "haal", "WEB", "--datum", "2026-09-01", "--url", f"http://127.0.0.1:{poort}/bwb",
                        "--kaders", str(tmp_path)])
    assert code == 2
    assert f"De BWB-repository is niet bereikbaar op http://127.0.0.1:{poort}/bwb/BWBR0007625/manifest.xml" in fout


def test_manifest_keuze_sluit_verwijderde_items_uit() -> None:
    expressies = lees_manifest(WEB_MANIFEST, "manifest.xml")
    assert [e.label for e in expressies] == ["2025-08-01_0", "2025-08-01_1", "2026-08-01_0"]
    from datetime import date

    assert kies_expressie(expressies, date(2025, 9, 1), "BWBR0007625").label == "2025-08-01_1"
    assert kies_expressie(expressies, date(2030, 1, 1), "BWBR0007625").label == "2026-08-01_0"
