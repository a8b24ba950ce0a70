"""`kaderdiff wetten haal`: the BWB repository's manifest and toestand, served by a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import itertools
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kaderdiff.recht.bwbhaal import kies_expressie, lees_manifest
from tests.hulp.bwbserver import Server, manifest
from tests.hulp.draai import kd, kd_proces
from tests.hulp.paden import DATA
from tests.hulp.wetten_echt import WPO, echte_wet

BWB = DATA / "bwb"


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
    assert (f"De BWB-repository is niet bereikbaar op http://127.0.0.1:{poort}/bwb/BWBR0007625/manifest.xml: "
            "de verbinding werd geweigerd") in fout
    nederlands(fout)


def test_manifest_keuze_sluit_verwijderde_items_uit() -> None:
    expressies = lees_manifest(WEB_MANIFEST, "manifest.xml")
    assert [e.label for e in expressies] == ["2025-08-01_0", "2025-08-01_1", "2026-08-01_0"]
    from datetime import date

    assert kies_expressie(expressies, date(2025, 9, 1), "BWBR0007625").label == "2025-08-01_1"
    assert kies_expressie(expressies, date(2030, 1, 1), "BWBR0007625").label == "2026-08-01_0"


#: The English of the OS, urllib and http.client that a message must not end in.
ENGELS = ("Traceback", "Interne fout", "Errno", "refused", "unknown url type", "Name or service", "timed out",
          "Invalid", "not allowed", "Remote end", "BadStatusLine", "Redirection", "no host given", "out of range",
          "nodename", "Temporary failure")


def nederlands(fout: str) -> None:
    for woord in ENGELS:
        assert woord not in fout, f"Engels of een traceback ({woord!r}) in {fout}"


def haal(tmp_path: Path, url: str, *extra: str) -> tuple[int, str]:
    code, _, fout = kd(["wetten", "haal", "WEB", "--datum", "2026-09-01", "--url", url, *extra,
                        "--kaders", str(tmp_path)])
    return code, fout


def lees_verzoek(verbinding: socket.socket) -> None:
    data = b""
    while b"\r\n\r\n" not in data:
        stuk = verbinding.recv(4096)
        if not stuk:
            return
        data += stuk


@contextlib.contextmanager
def ruwe_server(gedrag: Callable[[socket.socket, threading.Event], None],
                tls: ssl.SSLContext | None = None) -> Iterator[str]:
    """A TCP server on 127.0.0.1 that treats every connection with `gedrag` (no HTTP library in between, TLS
    if given); yields its address as a repository address."""
    luister = socket.create_server(("127.0.0.1", 0))
    luister.settimeout(0.05)
    stop = threading.Event()

    def bedien(verbinding: socket.socket) -> None:
        with contextlib.suppress(OSError):  # OSError: the client gave up (or refused the certificate)
            verbinding.settimeout(30)
            if tls is not None:
                verbinding = tls.wrap_socket(verbinding, server_side=True)
            with verbinding:
                gedrag(verbinding, stop)

    def lus() -> None:
        while not stop.is_set():
            try:
                verbinding, _ = luister.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=bedien, args=(verbinding,), daemon=True).start()

    draad = threading.Thread(target=lus, daemon=True)
    draad.start()
    try:
        yield f"{'https' if tls else 'http'}://127.0.0.1:{luister.getsockname()[1]}/bwb/"
    finally:
        stop.set()
        draad.join()
        luister.close()


def druppel(ook_de_kop: bool) -> Callable[[socket.socket, threading.Event], None]:
    """An answer one byte every 0.2 s, without end: from the status line on, or after quick headers."""
    def gedrag(verbinding: socket.socket, stop: threading.Event) -> None:
        lees_verzoek(verbinding)
        kop = b"HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: 100000000\r\n\r\n"
        if not ook_de_kop:
            verbinding.sendall(kop)
            kop = b""
        for byte in itertools.chain(kop, itertools.repeat(ord(" "))):
            if stop.is_set():
                return
            verbinding.sendall(bytes([byte]))
            time.sleep(0.2)
    return gedrag


@pytest.mark.parametrize("ook_de_kop", [True, False], ids=["kop-druppelt", "inhoud-druppelt"])
def test_een_druppelende_server_houdt_haal_niet_langer_op_dan_de_timeout(tmp_path: Path, ook_de_kop: bool) -> None:
    """--timeout is the time for the whole request: a byte every 0.2 s used to reset it at every read."""
    with ruwe_server(druppel(ook_de_kop)) as url:
        begin = time.monotonic()
        proces = kd_proces(["wetten", "haal", "WEB", "--datum", "2026-09-01", "--url", url, "--timeout", "1",
                            "--kaders", str(tmp_path)], tmp_path, tijdslimiet=30)
        duur = time.monotonic() - begin
    assert proces.returncode == 2, proces.stderr
    assert f"Geen antwoord binnen 1 seconde van {url}BWBR0007625/manifest.xml" in proces.stderr
    assert duur < 10, f"{duur:.1f} s"
    nederlands(proces.stderr)
    assert not (tmp_path / "wetten").exists()


def _antwoord_zonder_http(verbinding: socket.socket, stop: threading.Event) -> None:
    lees_verzoek(verbinding)
    verbinding.sendall(b"\x00\xff\xfeSSH-2.0-OpenSSH_9.6 \x81\x82\r\n")


def _zonder_antwoord(verbinding: socket.socket, stop: threading.Event) -> None:
    lees_verzoek(verbinding)


@pytest.mark.parametrize(("gedrag", "stuk"), [
    (_antwoord_zonder_http, "is geen antwoord van de BWB-repository: het antwoord is geen geldig HTTP"),
    (_zonder_antwoord, "de server verbrak de verbinding zonder te antwoorden"),
], ids=["geen-http", "opgehangen"])
def test_een_antwoord_dat_geen_http_is(tmp_path: Path, gedrag: Callable[[socket.socket, threading.Event], None],
                                       stuk: str) -> None:
    with ruwe_server(gedrag) as url:
        code, fout = haal(tmp_path, url)
    assert code == 2, fout
    assert stuk in fout and f"{url}BWBR0007625/manifest.xml" in fout
    nederlands(fout)
    assert not (tmp_path / "wetten").exists()


def test_een_onbekende_servernaam(tmp_path: Path) -> None:
    """`.invalid` never resolves (RFC 2606), with or without network: as offline, a Dutch reason."""
    code, fout = haal(tmp_path, "http://bwb.invalid/bwb/")
    assert code == 2, fout
    assert ("De BWB-repository is niet bereikbaar op http://bwb.invalid/bwb/BWBR0007625/manifest.xml: "
            "de naam van de server is niet gevonden") in fout
    nederlands(fout)


@pytest.mark.parametrize("naar", [
    "http://localhost:{poort}/spiegel/BWBR0007625/manifest.xml",
    "http://127.0.0.2:{poort}/spiegel/BWBR0007625/manifest.xml",
    "http://127.0.0.1:{ander}/spiegel/BWBR0007625/manifest.xml",
    "https://127.0.0.1:{poort}/spiegel/BWBR0007625/manifest.xml",
    "ftp://127.0.0.1:{poort}/spiegel/BWBR0007625/manifest.xml",
    "file:///etc/passwd",
])
def test_doorverwijzing_alleen_naar_dezelfde_server_en_hetzelfde_protocol(
        server: Server, tmp_path: Path, naar: str) -> None:
    web_routes(server)
    server.routes["/spiegel/BWBR0007625/manifest.xml"] = server.routes["/bwb/BWBR0007625/manifest.xml"]
    poort = int(server.url.split(":")[2].split("/")[0])
    # within the same server a redirect is followed, relative or absolute
    server.doorverwijzingen["/bwb/BWBR0007625/manifest.xml"] = "/spiegel/BWBR0007625/manifest.xml"
    (tmp_path / "a").mkdir()
    code, fout = haal(tmp_path / "a", server.url)
    assert code == 0, fout
    server.doorverwijzingen["/bwb/BWBR0007625/manifest.xml"] = f"HTTP://127.0.0.1:{poort}/spiegel/BWBR0007625/manifest.xml"
    (tmp_path / "b").mkdir()
    code, fout = haal(tmp_path / "b", server.url)
    assert code == 0, fout
    # to another host, port or protocol it is not
    doel = naar.format(poort=poort, ander=poort + 1 if poort < 65535 else poort - 1)
    server.doorverwijzingen["/bwb/BWBR0007625/manifest.xml"] = doel
    server.verzoeken.clear()
    (tmp_path / "c").mkdir()
    code, fout = haal(tmp_path / "c", server.url)
    assert code == 2, fout
    assert (f"De BWB-repository verwijst {server.url}BWBR0007625/manifest.xml door naar {doel}; kaderdiff volgt "
            f"alleen doorverwijzingen naar dezelfde server met hetzelfde protocol (http://127.0.0.1:{poort})") in fout
    assert server.verzoeken == ["/bwb/BWBR0007625/manifest.xml"], "the redirect was not followed"
    nederlands(fout)
    assert not (tmp_path / "c" / "wetten").exists()


@pytest.mark.parametrize(("adres", "stuk"), [
    ("file://{tmp}/spiegel/", "kaderdiff haalt alleen op via http:// of https://, niet via file://"),
    ("ftp://127.0.0.1/bwb/", "kaderdiff haalt alleen op via http:// of https://, niet via ftp://"),
    ("repository.officiele-overheidspublicaties.nl/bwb/", "het moet beginnen met https:// of http://"),
    ("localhost:8080/bwb/", "het moet beginnen met https:// of http://"),
    ("http://[::1", "geen geldig webadres"),
    ("http://127.0.0.1:99999/bwb/", "geen geldig webadres"),
    ("http:///bwb/", "er staat geen server in"),
    ("http://bwb server/bwb/", "er staan spaties of stuurtekens in"),
])
@pytest.mark.parametrize("via", ["--url", "KADERDIFF_BWB_URL"])
def test_alleen_een_http_adres_als_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, adres: str,
                                              stuk: str, via: str) -> None:
    """Refused before any request, also when the address is a local copy of the repository (file://)."""
    spiegel = tmp_path / "spiegel" / "BWBR0007625"
    (spiegel / "2026-08-01_0" / "xml").mkdir(parents=True)
    (spiegel / "manifest.xml").write_bytes(WEB_MANIFEST)
    (spiegel / "2026-08-01_0" / "xml" / "BWBR0007625_2026-08-01_0.xml").write_bytes(
        (BWB / "web-2026.xml").read_bytes())
    adres = adres.format(tmp=tmp_path)
    (tmp_path / "kaders").mkdir()
    opties = ["--url", adres] if via == "--url" else []
    if via != "--url":
        monkeypatch.setenv("KADERDIFF_BWB_URL", adres)
    code, _, fout = kd(["wetten", "haal", "WEB", "--datum", "2026-09-01", *opties, "--kaders",
                        str(tmp_path / "kaders")])
    assert code == 2, fout
    herkomst = "--url" if via == "--url" else "uit KADERDIFF_BWB_URL"
    assert f"Ongeldig adres '{adres if adres.endswith('/') else adres + '/'}' ({herkomst}): {stuk}" in fout
    nederlands(fout)
    assert not (tmp_path / "kaders" / "wetten").exists()


@pytest.mark.parametrize("timeout", ["inf", "nan", "0", "-1", "1e308", "-inf"])
def test_timeout_moet_een_gewoon_aantal_seconden_zijn(server: Server, tmp_path: Path, timeout: str) -> None:
    web_routes(server)
    code, fout = haal(tmp_path, server.url, f"--timeout={timeout}")
    assert code == 2, fout
    assert "--timeout moet een aantal seconden groter dan 0 en hoogstens 3600 zijn" in fout
    assert "adres" not in fout
    nederlands(fout)
    assert server.verzoeken == [] and not (tmp_path / "wetten").exists()


@pytest.fixture
def certificaat(tmp_path: Path) -> tuple[Path, ssl.SSLContext]:
    """A self-signed certificate for 127.0.0.1 (made with openssl) and a server context that uses it."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl ontbreekt")
    cert, sleutel = tmp_path / "cert.pem", tmp_path / "sleutel.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(sleutel), "-out",
                    str(cert), "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, sleutel)
    return cert, context


def test_https_binnen_de_termijn_en_met_een_gecontroleerd_certificaat(
        tmp_path: Path, certificaat: tuple[Path, ssl.SSLContext]) -> None:
    """Over TLS the deadline holds too; an untrusted certificate is a Dutch message, not 'CERTIFICATE_VERIFY_FAILED'."""
    cert, context = certificaat
    (tmp_path / "kaders").mkdir()
    with ruwe_server(druppel(ook_de_kop=False), context) as url:
        proces = kd_proces(["wetten", "haal", "WEB", "--datum", "2026-09-01", "--url", url, "--timeout", "1",
                            "--kaders", str(tmp_path / "kaders")], tmp_path, tijdslimiet=30)
        assert proces.returncode == 2, proces.stderr
        assert (f"De BWB-repository is niet bereikbaar op {url}BWBR0007625/manifest.xml: het certificaat van de "
                "server kon niet worden gecontroleerd") in proces.stderr
        nederlands(proces.stderr)
        begin = time.monotonic()
        proces = kd_proces(["wetten", "haal", "WEB", "--datum", "2026-09-01", "--url", url, "--timeout", "1",
                            "--kaders", str(tmp_path / "kaders")], tmp_path, {"SSL_CERT_FILE": str(cert)},
                           tijdslimiet=30)
        duur = time.monotonic() - begin
    assert proces.returncode == 2, proces.stderr
    assert f"Geen antwoord binnen 1 seconde van {url}BWBR0007625/manifest.xml" in proces.stderr
    assert duur < 10, f"{duur:.1f} s"
    assert not (tmp_path / "kaders" / "wetten").exists()
