"""A BWB repository for tests: a real HTTP server on 127.0.0.1 in a thread, serving manifests and toestanden (as
`wetten haal` and `wetten bewaak` ask them), with redirects, slow paths and a log of the requests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


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
    doorverwijzingen: dict[str, str] = field(default_factory=dict)  # path -> Location of a 302
    traag: set[str] = field(default_factory=set)
    wacht: float = 2.0
    verzoeken: list[str] = field(default_factory=list)
    url: str = ""


@contextmanager
def bwb_server() -> Iterator[Server]:
    """The server (the `server` fixture), stopped afterwards; its `url` is the repository address."""
    staat = Server()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            staat.verzoeken.append(self.path)
            if self.path in staat.traag:
                time.sleep(staat.wacht)
            if self.path in staat.doorverwijzingen:
                self.send_response(302)
                self.send_header("Location", staat.doorverwijzingen[self.path])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
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
